"""Neo4j load throughput: first load of a corpus, then a reload of the same unchanged articles.

    eval "$(scripts/neo4j-local.sh start)"
    python -m bench.neo4j_load            # BBC corpus, extraction cached in /tmp

The corpus is extracted once into a cached ``extraction.jsonl`` (extraction speed is measured
elsewhere). The articles are first removed from the database (so "first load" starts from none of
them), loaded, loaded again unchanged, and removed at the end so the shared server is left as found.
Both timed loads go the way ``newsgraph load extraction.jsonl`` does, reading the file included.
"relations" counts the extracted relations (pieces of evidence) loaded; several can land on one
relationship.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import neo4j

from extract.io.jsonl import read_extractions, save_extractions
from extract.model import ArticleExtraction
from graph.store import LoadSummary, Neo4jStore, Settings, connect
from graph.store.sources import gather

REPO = Path(__file__).resolve().parent.parent
SHARED_DATA = Path(os.environ.get("NEWSGRAPH_SHARED_DATA", REPO.parent / "shared" / "data"))
BBC = SHARED_DATA / "bbc_news" / "bbc"
CACHE = Path(os.environ.get("NEWSGRAPH_BENCH_CACHE", "/tmp/newsgraph-bench")) / "bbc-extraction.jsonl"


def cached_extraction(corpus: Path = BBC, cache: Path = CACHE, *, refresh: bool = False) -> Path:
    """Extract ``corpus`` (its sub-folders of articles) into ``cache`` unless already there.

    An article the extraction rules fail on is reported and left out: this benchmark measures loading.
    """
    if cache.exists() and not refresh:
        return cache
    from extract.io.ingest import read_articles
    from extract.nlp import load_pipeline
    from extract.run.serial import extract_doc

    folders = sorted(p for p in corpus.iterdir() if p.is_dir()) or [corpus]
    cache.parent.mkdir(parents=True, exist_ok=True)
    print(f"extracting {corpus} into {cache} (once)…", file=sys.stderr)
    nlp = load_pipeline()

    def extractions() -> Iterator[ArticleExtraction]:
        def skipped(error: Exception) -> None:
            print(f"skipped: {error}", file=sys.stderr)

        # the BBC corpus has a few Latin-1 bytes (pound signs): replace them rather than lose the article
        articles = read_articles(folders, on_error=skipped, encoding_errors="replace")
        pairs = ((a.text, a) for a in articles)
        for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=32):
            try:
                yield extract_doc(doc, article)
            except Exception as error:  # noqa: BLE001 - report and go on; extraction is not what is measured
                print(f"extraction failed, left out: {article.id}: {error!r}", file=sys.stderr)

    save_extractions(cache, extractions())
    return cache


def _raise(error: Exception) -> None:
    raise error


def _load(store: Neo4jStore, path: Path) -> tuple[int, LoadSummary]:
    """What ``newsgraph load PATH`` does: read, skip what is stored unchanged, load the rest."""
    gathered = gather([path], store=store, on_error=_raise)
    return gathered.unchanged, store.load(gathered.extractions)


def run(extraction_path: str | Path, driver: neo4j.Driver, *, keep: bool = False) -> dict[str, Any]:
    """Time a first load and an unchanged reload of ``extraction_path``; returns the figures."""
    path = Path(extraction_path)
    store = Neo4jStore(driver)
    extractions = list(read_extractions(path))
    ids = [x.doc_id for x in extractions]
    relations = sum(len(x.relations) for x in extractions)
    del extractions
    store.remove(ids)
    nodes_before, rels_before = store.counts()

    start = time.perf_counter()
    _, first = _load(store, path)
    first_s = time.perf_counter() - start
    nodes_after, rels_after = store.counts()

    start = time.perf_counter()
    unchanged, again = _load(store, path)
    reload_s = time.perf_counter() - start
    if unchanged != len(ids) or again.articles_loaded or store.counts() != (nodes_after, rels_after):
        raise RuntimeError(f"reload was not a no-op: {unchanged} unchanged of {len(ids)}, {again}")

    figures: dict[str, Any] = {
        "articles": len(ids),
        "relations": relations,
        "entities_created": first.nodes_created,
        "relationships_created": first.relationships_created,
        "graph_nodes_added": nodes_after - nodes_before,
        "graph_relationships_added": rels_after - rels_before,
        "first_load_s": round(first_s, 2),
        "first_load_relations_per_s": round(relations / first_s),
        "reload_s": round(reload_s, 2),
        "reload_relations_per_s": round(relations / reload_s),
        "reload_speedup": round(first_s / reload_s, 1),
    }
    if not keep:
        start = time.perf_counter()
        store.remove(ids)
        figures["remove_s"] = round(time.perf_counter() - start, 2)
    return figures


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=BBC, help=f"article folder [{BBC}]")
    parser.add_argument("--cache", type=Path, default=CACHE, help=f"cached extraction.jsonl [{CACHE}]")
    parser.add_argument("--refresh", action="store_true", help="extract again even if the cache exists")
    parser.add_argument("--keep", action="store_true", help="leave the loaded articles in the database")
    args = parser.parse_args(argv)
    path = cached_extraction(args.corpus, args.cache, refresh=args.refresh)
    driver = connect(Settings.from_env())
    try:
        figures = run(path, driver, keep=args.keep)
    finally:
        driver.close()
    width = max(map(len, figures))
    for key, value in figures.items():
        print(f"{key:<{width}}  {value}")


if __name__ == "__main__":
    main()
