"""Neo4j load throughput against the server's own speed, measured in the same run.

    NEWSGRAPH_NEO4J_HOME=/tmp/bench-neo4j NEWSGRAPH_NEO4J_BOLT_PORT=7702 eval "$(scripts/neo4j-local.sh start)"
    python -m bench.neo4j_load --wipe            # BBC corpus, extraction cached in /tmp
    python -m bench.neo4j_load --wipe --batch-rows 2000,10000,40000 --no-bulk

Give it a server of its own: it needs an empty database (``--wipe`` empties the one it is given) and the
bulk step stops and restarts the server. Steps, each reported in relationships per second:

* ``baseline`` (the faster of two runs: the first warms a server just started): a bare ``UNWIND $rows MATCH (a {id}) MATCH (b {id}) CREATE (a)-[:R]->(b) SET r = row.props``
  of exactly the relationships a first load leaves (every ``MENTIONS`` edge and every relation relationship
  with its evidence lists), between nodes created beforehand, in batches of 10,000 rows: what this server
  can take, with nothing to look up, merge or derive.
* ``first``: ``newsgraph load extraction.jsonl`` into the empty database, the whole command (reading the
  file, resolving, folding, writing, resolving again, deriving totals).
* ``unchanged``: the same command again (every article skipped).
* ``changed 10%``: the file with a tenth of the articles' titles changed: those are replaced.
* ``remove 10%``: ``newsgraph remove`` of that tenth.
* ``bulk``: ``newsgraph load --bulk`` into an emptied database (CSV files, server stopped, ``neo4j-admin
  database import full``, server started, constraints): what the first load leaves, written another way.

The database is left empty. Relationships per second = the relationships the step writes or takes out (for the 10% steps: those of
the articles concerned) / its wall time. The server's settings and the machine's load average are
printed with the figures; only the ratios mean much on a shared machine.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import neo4j

from extract.collector import rare_cycle_collection
from extract.io.jsonl import read_extractions, save_extractions
from extract.model import Article, ArticleExtraction
from extract.resolve import resolve
from graph.store import Neo4jStore, Settings, connect
from graph.store.sources import gather
from graph.store.writer import Folded, fact_rows

REPO = Path(__file__).resolve().parent.parent
SHARED_DATA = Path(os.environ.get("NEWSGRAPH_SHARED_DATA", REPO.parent / "shared" / "data"))
BBC = SHARED_DATA / "bbc_news" / "bbc"
CACHE = Path(os.environ.get("NEWSGRAPH_BENCH_CACHE", "/tmp/newsgraph-bench")) / "bbc-extraction.jsonl"
BASELINE_BATCH = 10_000


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


def _session(driver: neo4j.Driver) -> neo4j.Session:
    return driver.session(notifications_min_severity="OFF")


def _run(driver: neo4j.Driver, query: str, **params: Any) -> list[neo4j.Record]:
    with _session(driver) as session:
        return list(session.run(query, params))


def is_empty(driver: neo4j.Driver) -> bool:
    return not _run(driver, "MATCH (n) RETURN count(n) > 0 AS used")[0]["used"]


def wipe(driver: neo4j.Driver) -> None:
    _run(driver, "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS")


def relationship_rows(path: Path) -> tuple[list[dict[str, Any]], list[str]]:
    """The relationships a one-shot load of ``path`` leaves, as bare rows (source, target, props), and every node id."""
    extractions = list(read_extractions(path))
    resolution = resolve(sorted(extractions, key=lambda x: x.doc_id))
    folded = [Folded.new(x, resolution) for x in extractions]
    rows = [{"s": f.id, "t": m["entity"], "props": m["props"]} for f in folded for m in f.mentions]
    rows += [{"s": r["source"], "t": r["target"], "props": r["props"]} for r in fact_rows(folded)]
    nodes = sorted({r["s"] for r in rows} | {r["t"] for r in rows})
    return rows, nodes


def baseline(driver: neo4j.Driver, rows: list[dict[str, Any]], nodes: list[str]) -> float:
    """Seconds for a bare ``UNWIND … CREATE`` of ``rows`` between nodes made beforehand (not timed)."""
    _run(driver, "CREATE CONSTRAINT bench_node_id IF NOT EXISTS FOR (n:BenchNode) REQUIRE n.id IS UNIQUE")
    for start in range(0, len(nodes), BASELINE_BATCH):
        _run(driver, "UNWIND $ids AS id CREATE (:BenchNode {id: id})", ids=nodes[start : start + BASELINE_BATCH])
    query = "UNWIND $rows AS row MATCH (a:BenchNode {id: row.s}) MATCH (b:BenchNode {id: row.t}) CREATE (a)-[r:R]->(b) SET r = row.props"
    began = time.perf_counter()
    with _session(driver) as session:
        for start in range(0, len(rows), BASELINE_BATCH):
            chunk = rows[start : start + BASELINE_BATCH]
            session.execute_write(lambda tx, chunk=chunk: tx.run(query, rows=chunk).consume())
    took = time.perf_counter() - began
    _run(driver, "MATCH (n:BenchNode) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS")
    _run(driver, "DROP CONSTRAINT bench_node_id IF EXISTS")
    return took


def _load(store: Neo4jStore, path: Path) -> Any:
    """What ``newsgraph load PATH`` does: read, skip what is stored unchanged, load the rest."""
    with rare_cycle_collection(), gather([path], store=store, on_error=_raise) as gathered:
        return store.load(gathered)


def _relationships(driver: neo4j.Driver) -> int:
    return _run(driver, "MATCH (:Entity|Article)-[r]->(:Entity) RETURN count(r) AS n")[0]["n"]


def _share_of(path: Path, ids: set[str]) -> int:
    """MENTIONS edges and relationship keys of the articles ``ids`` (what replacing or removing them touches)."""
    extractions = [x for x in read_extractions(path)]
    resolution = resolve(sorted(extractions, key=lambda x: x.doc_id))
    return sum(len(f.mentions) + len(f.facts) for f in (Folded.new(x, resolution) for x in extractions if x.doc_id in ids))


def _retitled(path: Path, ids: set[str], out: Path) -> Path:
    def changed() -> Iterator[ArticleExtraction]:
        for x in read_extractions(path):
            if x.doc_id in ids:
                a = x.article
                x = ArticleExtraction(Article(a.id, a.text, a.title + " (updated)", a.source, a.url, a.published), x.entities, x.relations)
            yield x

    save_extractions(out, changed())
    return out


def server_settings(driver: neo4j.Driver) -> dict[str, str]:
    wanted = ["server.memory.heap.max_size", "server.memory.pagecache.size", "db.tx_log.preallocate"]
    rows = _run(driver, "SHOW SETTINGS YIELD name, value WHERE name IN $names RETURN name, value", names=wanted)
    found = {r["name"]: r["value"] for r in rows}
    found["heap (-Xmx)"] = os.environ.get("NEWSGRAPH_NEO4J_HEAP", "1g (scripts/neo4j-local.sh default)")
    return found


class _Figures(dict):
    """The figures, each also printed as soon as it is known (a long run that fails keeps what it measured)."""

    def __setitem__(self, key: str, value: Any) -> None:
        super().__setitem__(key, value)
        print(f"{key:<52}  {value}", flush=True)


def run(path: Path, driver: neo4j.Driver, *, batch_rows: list[int], bulk: bool, settings: Settings) -> dict[str, Any]:
    figures: dict[str, Any] = _Figures()
    figures["load average before"] = " ".join(f"{x:.1f}" for x in os.getloadavg())
    for key, value in server_settings(driver).items():
        figures[key] = value
    rows, nodes = relationship_rows(path)
    ids = [x.doc_id for x in read_extractions(path)]
    figures["articles"] = len(ids)
    figures["relationships (MENTIONS + relations)"] = len(rows)
    cold_s = baseline(driver, rows, nodes)  # a server just started is slower: the ratios are taken against a warm one
    base_s = min(cold_s, baseline(driver, rows, nodes))
    base_rate = len(rows) / base_s
    figures["baseline: bare UNWIND … CREATE (best of 2)"] = f"{base_s:.2f} s, {base_rate:,.0f} rel/s (first: {cold_s:.2f} s)"

    for size in batch_rows:
        wipe(driver)
        store = Neo4jStore(driver, batch_rows=size)
        began = time.perf_counter()
        _load(store, path)
        took = time.perf_counter() - began
        made = _relationships(driver)
        if made != len(rows):
            raise RuntimeError(f"first load left {made} relationships, the baseline rows are {len(rows)}")
        figures[f"first load, batch {size:,} rows"] = f"{took:.2f} s, {made / took:,.0f} rel/s, {made / took / base_rate:.2f}x baseline"
    first_s = took

    _run(driver, "MATCH (m:NewsgraphMeta) SET m.dirty = true")
    began = time.perf_counter()
    store.settle()  # the corpus is what it was: resolving again changes nothing, so this is its cost alone
    figures["resolving the stored corpus again (nothing to move)"] = f"{time.perf_counter() - began:.2f} s"

    began = time.perf_counter()
    again = _load(store, path)
    took = time.perf_counter() - began
    if again.articles_loaded or again.articles_replaced:
        raise RuntimeError(f"reload was not a no-op: {again}")
    figures["reload unchanged"] = f"{took:.2f} s ({first_s / took:.1f}x faster than the first load)"

    tenth = set(random.Random(19).sample(ids, len(ids) // 10))
    touched = _share_of(path, tenth)
    with tempfile.TemporaryDirectory() as scratch:
        changed = _retitled(path, tenth, Path(scratch) / "changed.jsonl")
        began = time.perf_counter()
        summary = _load(store, changed)
        took = time.perf_counter() - began
    if summary.articles_replaced != len(tenth):
        raise RuntimeError(f"expected {len(tenth)} replaced: {summary}")
    figures["reload with 10% changed"] = f"{took:.2f} s, {touched / took:,.0f} rel/s ({len(tenth)} articles, {touched} relationships)"
    began = time.perf_counter()
    removed = store.remove(sorted(tenth))
    took = time.perf_counter() - began
    if removed.articles_removed != len(tenth):
        raise RuntimeError(f"expected {len(tenth)} removed: {removed}")
    figures["remove 10%"] = f"{took:.2f} s, {touched / took:,.0f} rel/s"

    if bulk:
        from graph.store.bulk import bulk_load

        wipe(driver)
        driver.close()
        began = time.perf_counter()
        with gather([path], store=None, force=True, on_error=_raise) as gathered:
            report = bulk_load(gathered, settings=settings)
        took = time.perf_counter() - began
        driver = connect(settings)
        made = _relationships(driver)
        driver.close()
        figures["bulk (neo4j-admin import, stop/start included)"] = (
            f"{took:.2f} s, {made / took:,.0f} rel/s, {made / took / base_rate:.1f}x baseline "
            f"(import alone {report.import_seconds:.2f} s: {made / report.import_seconds:,.0f} rel/s)"
        )
    figures["load average after"] = " ".join(f"{x:.1f}" for x in os.getloadavg())
    return figures


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=BBC, help=f"article folder [{BBC}]")
    parser.add_argument("--cache", type=Path, default=CACHE, help=f"cached extraction.jsonl [{CACHE}]")
    parser.add_argument("--refresh", action="store_true", help="extract again even if the cache exists")
    parser.add_argument("--wipe", action="store_true", help="empty the database first (it must be a server of the benchmark's own)")
    parser.add_argument("--batch-rows", default="10000", help="comma-separated batch sizes to time the first load with [10000]")
    parser.add_argument("--no-bulk", dest="bulk", action="store_false", help="leave out the bulk path (it restarts the server)")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args(argv)
    path = cached_extraction(args.corpus, args.cache, refresh=args.refresh)
    settings = Settings.from_env()
    driver = connect(settings)
    try:
        if not args.wipe and not is_empty(driver):
            sys.exit("the database is not empty: give the benchmark a server of its own and pass --wipe")
        wipe(driver)
        figures = run(path, driver, batch_rows=[int(x) for x in args.batch_rows.split(",")], bulk=args.bulk, settings=settings)
    finally:
        driver.close()
    driver = connect(settings)  # the bulk step restarted the server: a new driver to leave the database empty
    try:
        wipe(driver)
    finally:
        driver.close()
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n")


if __name__ == "__main__":
    main()
