"""What ``newsgraph load`` reads: newsgraph's own extraction files, or articles still to extract.

A ``build`` output folder (it holds ``extraction.jsonl``) and any JSON Lines file whose lines are
extractions are read as they are. Everything else goes through ingest; articles already stored
unchanged are dropped *before* the spaCy parse, so reloading a corpus costs little more than reading it.

``gather`` hands back a stream the writer can read twice without holding the corpus in memory: lines of
extraction files are read again from disk (lines stored unchanged are skipped by number, without being
parsed), and articles extracted here are written once to a scratch file that the stream reads back.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

import orjson

from extract.io.ingest import ErrorHandler, ReadOptions, read_articles
from extract.io.jsonl import from_record, is_extraction_file, read_extractions, read_records, write_extractions
from extract.model import Article, ArticleExtraction
from extract.resolve import Sighting, sightings
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
    """The extractions to hand to ``Neo4jStore.load`` (iterable any number of times, streamed), and how
    many articles were already stored unchanged. ``close`` deletes the scratch file."""

    wanted: dict[Path, set[int]] = field(default_factory=dict)  # extraction file → line numbers to load
    scratch: Path | None = None
    count: int = 0
    unchanged: int = 0
    last: dict[str, int] = field(default_factory=dict)  # id → position of its last occurrence in the stream
    seen: dict[str, list[Sighting]] = field(default_factory=dict)  # the sightings of those occurrences

    def first_pass(self) -> tuple[dict[str, int], dict[str, list[Sighting]]]:
        """What ``Neo4jStore.load`` would otherwise read the stream once for, gathered while reading it here."""
        return self.last, self.seen

    def _take(self, extraction: ArticleExtraction) -> None:
        self.last[extraction.doc_id] = self.count
        self.seen[extraction.doc_id] = sightings(extraction)
        self.count += 1

    def __iter__(self) -> Iterator[ArticleExtraction]:
        for path, numbers in self.wanted.items():
            with path.open("rb") as handle:  # lines gather read and checked: only those are parsed again
                for number, raw in enumerate(handle, start=1):
                    if number in numbers:
                        yield ArticleExtraction.from_dict(orjson.loads(raw))
        if self.scratch is not None:
            yield from read_extractions(self.scratch / EXTRACTION_FILE)

    def close(self) -> None:
        if self.scratch is not None:
            shutil.rmtree(self.scratch, ignore_errors=True)
            self.scratch = None

    def __enter__(self) -> Gathered:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


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
    """Read every input once; parse only the articles the store does not already hold unchanged.

    Bad lines and files are reported to ``on_error`` here, once; the stream skips them quietly.
    """
    extraction_files, article_paths = split_inputs(paths)
    gathered = Gathered()
    for path in extraction_files:
        wanted = gathered.wanted.setdefault(path, set())
        records = read_records(path, on_error=on_error)
        while batch := list(islice(records, CHECK_BATCH)):
            known = set() if force else store.unchanged(_article_of(record) for _, record in batch)
            for number, record in batch:
                if record["doc_id"] in known:  # unchanged: skip building its entities and relations
                    gathered.unchanged += 1
                elif (extraction := from_record(path, number, record, on_error=on_error)) is not None:
                    wanted.add(number)
                    gathered._take(extraction)
            on_article(len(batch))
    if not article_paths and not (read_options and (read_options.urls or read_options.feeds)):
        return gathered
    articles = read_articles(article_paths, on_error=on_error, encoding_errors=encoding_errors, options=read_options)
    nlp = None
    handle = None
    try:
        while batch := list(islice(articles, CHECK_BATCH)):
            known = set() if force else store.unchanged(batch)
            fresh: list[Article] = [a for a in batch if a.id not in known]
            gathered.unchanged += len(batch) - len(fresh)
            on_article(len(batch) - len(fresh))
            if fresh:
                from extract.nlp import load_pipeline  # spaCy only when something needs parsing
                from extract.run import extract_articles

                nlp = nlp or load_pipeline(model)
                if handle is None:
                    gathered.scratch = Path(tempfile.mkdtemp(prefix="newsgraph-load-"))
                    handle = (gathered.scratch / EXTRACTION_FILE).open("w", encoding="utf-8")
                for extraction in extract_articles(fresh, nlp=nlp, on_error=on_error):
                    write_extractions([extraction], handle)
                    gathered._take(extraction)
                    on_article(1)
    except BaseException:
        gathered.close()
        raise
    finally:
        if handle is not None:
            handle.close()
    return gathered
