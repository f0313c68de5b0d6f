"""What ``newsgraph load`` reads: newsgraph's own extraction files, or articles still to extract.

A ``build`` output folder (it holds ``extraction.jsonl``) and any JSON Lines file whose lines are
extractions are read as they are. Everything else goes through ingest; articles already stored
unchanged are dropped *before* the spaCy parse, so reloading a corpus costs little more than reading it.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from extract.errors import InputError
from extract.ingest import ErrorHandler, read_articles
from extract.model import Article, ArticleExtraction
from graph.store import Neo4jStore

EXTRACTION_FILE = "extraction.jsonl"
#: Articles checked against the store (and then parsed) together.
CHECK_BATCH = 256


def is_extraction_file(path: Path) -> bool:
    """True when the first non-empty line is a newsgraph extraction (has doc_id and entities)."""
    try:
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    record = json.loads(line)
                    return isinstance(record, dict) and "doc_id" in record and "entities" in record
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return False
    return False


def split_inputs(paths: Iterable[Path]) -> tuple[list[Path], list[Path]]:
    """(extraction files, article paths): a folder with ``extraction.jsonl`` is a build output."""
    extractions: list[Path] = []
    articles: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir() and (path / EXTRACTION_FILE).is_file():
            extractions.append(path / EXTRACTION_FILE)
        elif path.is_file() and path.suffix.lower() == ".jsonl" and is_extraction_file(path):
            extractions.append(path)
        else:
            articles.append(path)
    return extractions, articles


_BAD_LINE = (json.JSONDecodeError, KeyError, TypeError, ValueError, AttributeError)


def _bad_line(path: Path, number: int, error: Exception) -> InputError:
    return InputError(str(path), f"not a newsgraph extraction line ({error.__class__.__name__}: {error})", number)


def _extraction_records(path: Path, on_error: ErrorHandler) -> Iterator[tuple[int, dict]]:
    """(line number, parsed line) for each line that looks like an extraction; bad lines are reported."""
    with path.open(encoding="utf-8", errors="replace") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                    raise ValueError('no "text": the content hash that makes reloads safe needs it')
                if not isinstance(record.get("doc_id"), str):
                    raise ValueError('no "doc_id" string')
            except _BAD_LINE as error:
                on_error(_bad_line(path, number, error))
                continue
            yield number, record


def _article_of(record: dict) -> Article:
    """Only the article of an extraction line: enough to tell whether it is stored unchanged."""
    return ArticleExtraction.from_dict({**record, "entities": (), "relations": ()}).article


@dataclass
class Gathered:
    """Extractions to hand to ``Neo4jStore.load``, and how many articles were already stored unchanged."""

    extractions: list[ArticleExtraction] = field(default_factory=list)
    unchanged: int = 0


def gather(
    paths: Iterable[Path],
    *,
    store: Neo4jStore,
    model: str | None = None,
    force: bool = False,
    on_error: ErrorHandler,
    on_article: Callable[[int], None] = lambda n: None,
    encoding_errors: str = "strict",
) -> Gathered:
    """Read every input; parse only the articles the store does not already hold unchanged."""
    extraction_files, article_paths = split_inputs(paths)
    gathered = Gathered()
    for path in extraction_files:
        records = _extraction_records(path, on_error)
        while batch := list(islice(records, CHECK_BATCH)):
            known = set() if force else store.unchanged(_article_of(record) for _, record in batch)
            for number, record in batch:
                if record["doc_id"] in known:  # unchanged: skip building its entities and relations
                    gathered.unchanged += 1
                    continue
                try:
                    gathered.extractions.append(ArticleExtraction.from_dict(record))
                except _BAD_LINE as error:
                    on_error(_bad_line(path, number, error))
            on_article(len(batch))
    if not article_paths:
        return gathered
    articles = read_articles(article_paths, on_error=on_error, encoding_errors=encoding_errors)
    nlp = None
    while batch := list(islice(articles, CHECK_BATCH)):
        known = set() if force else store.unchanged(batch)
        fresh: list[Article] = [a for a in batch if a.id not in known]
        gathered.unchanged += len(batch) - len(fresh)
        on_article(len(batch) - len(fresh))
        if fresh:
            from extract.nlp import load_pipeline  # spaCy only when something needs parsing
            from extract.pipeline import extract_articles

            nlp = nlp or load_pipeline(model)
            for extraction in extract_articles(fresh, nlp=nlp):
                gathered.extractions.append(extraction)
                on_article(1)
    return gathered
