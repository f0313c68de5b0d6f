"""What ``newsgraph load`` reads: newsgraph's own extraction files, or articles still to extract.

A ``build`` output folder (it holds ``extraction.jsonl``) and any JSON Lines file whose lines are
extractions are read as they are. Everything else goes through ingest; articles already stored
unchanged are dropped *before* the spaCy parse, so reloading a corpus costs little more than reading it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from extract.io.ingest import ErrorHandler, ReadOptions, read_articles
from extract.io.jsonl import from_record, is_extraction_file, read_records
from extract.model import Article, ArticleExtraction
from graph.store.writer import Neo4jStore

EXTRACTION_FILE = "extraction.jsonl"
#: Articles checked against the store (and then parsed) together.
CHECK_BATCH = 256


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
    read_options: ReadOptions | None = None,
) -> Gathered:
    """Read every input; parse only the articles the store does not already hold unchanged."""
    extraction_files, article_paths = split_inputs(paths)
    gathered = Gathered()
    for path in extraction_files:
        records = read_records(path, on_error=on_error)
        while batch := list(islice(records, CHECK_BATCH)):
            known = set() if force else store.unchanged(_article_of(record) for _, record in batch)
            for number, record in batch:
                if record["doc_id"] in known:  # unchanged: skip building its entities and relations
                    gathered.unchanged += 1
                    continue
                extraction = from_record(path, number, record, on_error=on_error)
                if extraction is not None:
                    gathered.extractions.append(extraction)
            on_article(len(batch))
    if not article_paths and not (read_options and (read_options.urls or read_options.feeds)):
        return gathered
    articles = read_articles(article_paths, on_error=on_error, encoding_errors=encoding_errors, options=read_options)
    nlp = None
    while batch := list(islice(articles, CHECK_BATCH)):
        known = set() if force else store.unchanged(batch)
        fresh: list[Article] = [a for a in batch if a.id not in known]
        gathered.unchanged += len(batch) - len(fresh)
        on_article(len(batch) - len(fresh))
        if fresh:
            from extract.nlp import load_pipeline  # spaCy only when something needs parsing
            from extract.run import extract_articles

            nlp = nlp or load_pipeline(model)
            for extraction in extract_articles(fresh, nlp=nlp):
                gathered.extractions.append(extraction)
                on_article(1)
    return gathered
