"""newsgraph benchmark suite: every stage's speed and memory on a real corpus, from one run.

    make bench                                     # = python -m bench.run (full BBC corpus)
    python -m bench.run --limit 300 --workers 2    # quick look

Extraction (read files → parse → rules → JSON Lines on disk, what ``newsgraph extract`` does) is timed
next to bare ``nlp.pipe`` over the same texts with the same pipeline, batch size and process count, in
the same run: the ratio is what counts on a shared machine. Each measurement runs in a fresh
process, so its peak RSS is its own (main process, and the largest worker). Then: graph build from
the extraction file, snapshot generation (``bench/snapshot.py``) and, when NEO4J_URI is set, Neo4j
load and reload (``bench/neo4j_load.py``). A table goes to stdout, the figures as JSON to bench/results/.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import hashlib
import importlib
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from itertools import islice
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
SHARED_DATA = Path(os.environ.get("NEWSGRAPH_SHARED_DATA", REPO.parent / "shared" / "data"))
BBC = SHARED_DATA / "bbc_news" / "bbc"
RESULTS = REPO / "bench" / "results"
#: Articles in the small run that the whole corpus's peak memory is compared with.
SMALL = 200
#: Articles per block of the interleaved one-process comparison (one batch, ~12k words, seconds per arm).
PAIR_BLOCK = 32
#: Target from the performance issue: whole-corpus peak RSS within this factor of the small run's.
FLAT_TARGET = 1.5


# --- inside a stage process ---------------------------------------------------------------------


def _folders(corpus: Path) -> list[Path]:
    """A corpus of category sub-folders (like BBC's) is read from those, leaving its README out."""
    subdirs = sorted(p for p in corpus.iterdir() if p.is_dir()) if corpus.is_dir() else []
    return subdirs or [corpus]


def _articles(corpus: Path, limit: int | None):
    from extract.io.ingest import read_articles

    # sport/199.txt in BBC is not UTF-8; the bench keeps it (replaced bytes) so all 2,225 articles count.
    return islice(read_articles(_folders(corpus), on_error=lambda error: None, encoding_errors="replace"), limit)


@contextlib.contextmanager
def _measured(figures: dict[str, Any]) -> Iterator[None]:
    """Wall and CPU seconds of the block (this process and the workers it waited for), peak RSS."""
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    yield
    wall = time.perf_counter() - start
    own2, kids2 = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = lambda a, b: (b.ru_utime - a.ru_utime) + (b.ru_stime - a.ru_stime)  # noqa: E731
    figures.update(
        wall_s=round(wall, 3),
        cpu_s=round(cpu(own, own2) + cpu(kids, kids2), 3),
        main_cpu_s=round(cpu(own, own2), 3),
        peak_rss_mb=round(own2.ru_maxrss / 1024, 1),  # Linux: KiB; whole life of this fresh process
        worker_peak_rss_mb=round(kids2.ru_maxrss / 1024, 1) if kids2.ru_maxrss else None,
    )


def _warm(nlp) -> None:
    """Load what pipelines and rules load lazily, outside the timed part."""
    from extract.model import Article
    from extract.run import extract_articles

    text = 'Interior Minister Bernard Cazeneuve visited Calais. "We act," he said in London.'
    list(nlp.pipe([text]))
    list(extract_articles([Article("warm", text)], nlp=nlp))


def stage_bare(args: argparse.Namespace) -> dict[str, Any]:
    """Baseline: bare ``nlp.pipe`` over the texts (held in memory, read before timing), Docs dropped."""
    from extract.nlp import load_pipeline
    from extract.run.serial import BATCH_SIZE

    texts = [a.text for a in _articles(args.corpus, args.limit)]
    nlp = load_pipeline(args.model)
    _warm(nlp)
    figures: dict[str, Any] = {"articles": len(texts), "processes": args.workers, "batch_size": BATCH_SIZE}
    with _measured(figures):
        for _doc in nlp.pipe(texts, batch_size=BATCH_SIZE, n_process=args.workers):
            pass
    return figures


def stage_shards(args: argparse.Namespace) -> dict[str, Any]:
    """Ideal parallel parse: ``workers`` forked processes, each bare ``nlp.pipe`` over its share, nothing sent back."""
    import multiprocessing

    from extract.nlp import load_pipeline
    from extract.run.serial import BATCH_SIZE

    texts = [a.text for a in _articles(args.corpus, args.limit)]
    nlp = load_pipeline(args.model)
    _warm(nlp)

    def parse(shard: list[str]) -> None:
        for _doc in nlp.pipe(shard, batch_size=BATCH_SIZE):
            pass

    context = multiprocessing.get_context("fork")  # the loaded model is shared, as nlp.pipe(n_process) does
    figures: dict[str, Any] = {"articles": len(texts), "processes": args.workers}
    with _measured(figures):
        processes = [context.Process(target=parse, args=(texts[i :: args.workers],)) for i in range(args.workers)]
        for process in processes:
            process.start()
        for process in processes:
            process.join()
    figures["exit_codes"] = [p.exitcode for p in processes]
    return figures


def stage_paired(args: argparse.Namespace) -> dict[str, Any]:
    """One process, interleaved: each block of articles is parsed by bare ``nlp.pipe``, then extracted.

    Both sides see the same machine load within seconds of each other, so the ratio survives a busy
    machine far better than two long runs one after the other. The order inside a block rotates.
    Time inside ``extract_doc`` (the rules, after the parse) is recorded too: the rules' share. A third
    arm parses with spaCy's stock ``attribute_ruler`` in place of newsgraph's look-up (same output), to
    show what that swap saves against the pipeline as shipped.
    """
    from extract.io.jsonl import dump_line
    from extract.nlp import load_pipeline
    from extract.run import serial as pipeline

    articles = list(_articles(args.corpus, args.limit))
    nlp = load_pipeline(args.model)
    _warm(nlp)
    totals = {"bare": [0.0, 0.0], "extract": [0.0, 0.0], "rules": [0.0, 0.0], "stock": [0.0, 0.0]}  # wall, CPU s
    rules = pipeline.extract_doc

    def timed_rules(doc, article):
        wall, cpu = time.perf_counter(), time.process_time()
        result = rules(doc, article)
        totals["rules"][0] += time.perf_counter() - wall
        totals["rules"][1] += time.process_time() - cpu
        return result

    pipeline.extract_doc = timed_rules  # extract_articles looks it up at each call

    def bare(block):
        for _doc in nlp.pipe([a.text for a in block], batch_size=pipeline.BATCH_SIZE):
            pass

    failures: list[str] = []

    def extract(block):
        failed = lambda error: failures.append(str(error))  # noqa: E731
        for extraction in pipeline.extract_serial(block, nlp, batch_size=pipeline.BATCH_SIZE, on_error=failed):
            dump_line(extraction)

    def stock_bare(block):
        # select_pipes cannot enable a disabled component, so swap the two by hand.
        nlp.enable_pipe("attribute_ruler")
        nlp.disable_pipe("newsgraph_attribute_lookup")
        try:
            bare(block)
        finally:
            nlp.disable_pipe("attribute_ruler")
            nlp.enable_pipe("newsgraph_attribute_lookup")

    for article in articles:  # words seen once before timing: no arm pays for first sightings (lexemes)
        nlp.make_doc(article.text)
    arms = [("bare", bare), ("extract", extract), ("stock", stock_bare)]
    for number, start in enumerate(range(0, len(articles), PAIR_BLOCK)):
        block = articles[start : start + PAIR_BLOCK]
        turn = number % len(arms)  # each arm goes first, second and third equally often
        for name, func in arms[turn:] + arms[:turn]:
            wall, cpu = time.perf_counter(), time.process_time()
            func(block)
            totals[name][0] += time.perf_counter() - wall
            totals[name][1] += time.process_time() - cpu
    return {
        "articles": len(articles), "block": PAIR_BLOCK, "batch_size": pipeline.BATCH_SIZE, "rule_failures": failures,
        **{f"{name}_{kind}_s": round(value[i], 3) for name, value in totals.items() for i, kind in enumerate(("wall", "cpu"))},
    }  # fmt: skip


def stage_extract(args: argparse.Namespace) -> dict[str, Any]:
    """The user's path: files read lazily, extracted (by ``workers`` processes), written as JSON Lines."""
    from extract.io.files import atomic_open
    from extract.io.jsonl import write_extractions
    from extract.nlp import load_pipeline
    from extract.run import extract_articles

    nlp = None
    if args.workers == 1:
        nlp = load_pipeline(args.model)
        _warm(nlp)
    figures: dict[str, Any] = {"processes": args.workers, "rule_failures": []}
    failed = lambda error: figures["rule_failures"].append(str(error))  # noqa: E731
    with _measured(figures):
        articles = _articles(args.corpus, args.limit)
        with atomic_open(args.output) as handle:
            extractions = extract_articles(articles, nlp=nlp, model=args.model, workers=args.workers, on_error=failed)
            figures["articles"] = write_extractions(extractions, handle)
    figures["output_sha256"] = hashlib.sha256(Path(args.output).read_bytes()).hexdigest()
    return figures


def stage_dask(args: argparse.Namespace) -> dict[str, Any]:
    """``--dask local:N``: a LocalCluster of ``workers`` processes started (model loaded on each), then the files
    extracted by it (workers read them) into JSON Lines. Start-up and extraction are timed apart."""
    from extract.io.files import atomic_open
    from extract.io.ingest import iter_paths
    from extract.io.jsonl import write_extractions
    from extract.run.cluster import _load_model, dask_client, extract_on_cluster

    paths = list(islice(iter_paths(_folders(args.corpus)), args.limit))
    figures: dict[str, Any] = {"processes": args.workers, "articles_given": len(paths), "rule_failures": []}
    failed = lambda error: figures["rule_failures"].append(str(error))  # noqa: E731
    marks = [time.perf_counter()]
    with _measured(figures):  # all of it, as `newsgraph extract --dask local:N` pays it
        with dask_client(f"local:{args.workers}") as session:
            session.client.run(_load_model, args.model)
            marks.append(time.perf_counter())
            with atomic_open(args.output) as handle:
                address = session.client.scheduler.address  # the client connects as to any cluster
                extractions = extract_on_cluster(paths, address=address, model=args.model, encoding_errors="replace", on_error=failed)
                figures["articles"] = write_extractions(extractions, handle)
            marks.append(time.perf_counter())
    marks.append(time.perf_counter())
    figures.update(start_s=round(marks[1] - marks[0], 3), extract_s=round(marks[2] - marks[1], 3), close_s=round(marks[3] - marks[2], 3))
    figures["output_sha256"] = hashlib.sha256(Path(args.output).read_bytes()).hexdigest()
    return figures


def stage_graph(args: argparse.Namespace) -> dict[str, Any]:
    """Graph from the extraction file (two streamed passes), then graph.json + graph.graphml written."""
    from extract.io.jsonl import ExtractionFile
    from extract.resolve import resolve
    from graph.build import build_graph, write_graph_files

    figures: dict[str, Any] = {}
    build: dict[str, Any] = {}
    with _measured(build):
        started = time.perf_counter()
        resolution = resolve(ExtractionFile(args.output))  # the corpus-level pass: merges, types, names
        resolve_s = time.perf_counter() - started
        graph = build_graph(ExtractionFile(args.output), resolution)
    write: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="newsgraph-bench-") as tmp, _measured(write):
        write_graph_files(graph, tmp, ("json", "graphml"))  # the figure README quotes; bench.formats times each format
    figures.update(
        nodes=graph.number_of_nodes(), edges=graph.number_of_edges(), build_s=build["wall_s"],
        resolve_s=round(resolve_s, 3), write_files_s=write["wall_s"], peak_rss_mb=write["peak_rss_mb"],
    )  # fmt: skip
    return figures


def stage_snapshot(args: argparse.Namespace) -> dict[str, Any]:
    """``bench/snapshot.py``'s ``run()`` (1k, 5k and 20k actors), with this process's peak RSS."""
    module = _optional("bench.snapshot")
    if isinstance(module, str):
        return {"skipped": module}
    figures: dict[str, Any] = {}
    with _measured(figures):
        figures["result"] = module.run()
    return figures


def stage_neo4j(args: argparse.Namespace) -> dict[str, Any]:
    """``bench/neo4j_load.py``'s ``run()`` on the extraction file (no bulk step): only into an empty database."""
    module = _optional("bench.neo4j_load")
    if isinstance(module, str):
        return {"skipped": module}
    from graph.store.connection import Settings, connect

    settings = Settings.from_env()
    driver = connect(settings)
    figures: dict[str, Any] = {}
    try:
        if not module.is_empty(driver):
            return {"skipped": "the database at NEO4J_URI is not empty: give the benchmark a server of its own"}
        try:
            with _measured(figures):
                figures["result"] = module.run(args.output, driver, batch_rows=[10_000], bulk=False, settings=settings)
        finally:
            module.wipe(driver)  # empty again, also after a failure: the next run would refuse a full database
    finally:
        driver.close()
    return figures


def _code_hash() -> str:
    """Of the extraction code and data a stage runs: others may change it while a long bench runs."""
    digest = hashlib.sha256()
    for path in sorted((REPO / "extract").rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(REPO).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def _optional(name: str):
    """The module, or why it is not there."""
    try:
        module = importlib.import_module(name)
    except ImportError as error:
        return f"{name} not importable ({error})"
    return module if callable(getattr(module, "run", None)) else f"{name} has no run()"


STAGES = {"bare": stage_bare, "shards": stage_shards, "paired": stage_paired, "extract": stage_extract, "dask": stage_dask, "graph": stage_graph,
          "snapshot": stage_snapshot, "neo4j": stage_neo4j}  # fmt: skip


# --- the driver -------------------------------------------------------------------------------


def _stage(name: str, args: argparse.Namespace, *, workers: int = 1, limit: int | None = None, output: Path | None = None):
    """Run one stage in a fresh interpreter; its figures come back as the last line of its stdout."""
    command = [sys.executable, "-m", "bench.run", "--stage", name, "--corpus", str(args.corpus),
               "--workers", str(workers)]  # fmt: skip
    if limit is not None:
        command += ["--limit", str(limit)]
    if args.model:
        command += ["--model", args.model]
    if output is not None:
        command += ["--output", str(output)]
    label = f"{name} (workers={workers}, articles={limit or 'all'})"
    print(f"… {label}", file=sys.stderr, flush=True)
    done = subprocess.run(command, cwd=REPO, stdout=subprocess.PIPE, text=True)
    if done.returncode != 0:
        return {"error": f"{label} failed with exit code {done.returncode} (its error is above)"}
    return json.loads(done.stdout.strip().splitlines()[-1])


def _corpus_size(corpus: Path, limit: int | None) -> dict[str, int]:
    from extract.io.ingest import read_articles

    skipped: list[str] = []
    strict = sum(1 for _ in islice(read_articles(_folders(corpus), on_error=skipped.append), limit))
    articles = words = 0
    for article in _articles(corpus, limit):
        articles += 1
        words += len(article.text.split())
    return {"articles": articles, "words": words, "not_utf8_kept_with_replacement": articles - strict}


def _machine() -> dict[str, Any]:
    import spacy

    from extract.nlp import default_model_name

    cpu = ""
    with contextlib.suppress(OSError):
        cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), "")
    mem = 0
    with contextlib.suppress(OSError, StopIteration):
        mem = int(next(line.split()[1] for line in open("/proc/meminfo") if line.startswith("MemTotal")))
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True).stdout.strip()
    return {
        "cpu": cpu, "cores": os.cpu_count(), "memory_gib": round(mem / 2**20, 1), "python": platform.python_version(),
        "spacy": spacy.__version__, "model": default_model_name(), "platform": platform.platform(),
        "commit": commit, "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
    }  # fmt: skip


def _rate(words: int, seconds: float | None) -> float | None:
    return round(words / seconds) if seconds else None


def run(args: argparse.Namespace) -> dict[str, Any]:
    results: dict[str, Any] = {"started": dt.datetime.now().isoformat(timespec="seconds"), "machine": _machine()}
    size = _corpus_size(args.corpus, args.limit)
    results["corpus"] = {"path": str(args.corpus), "limit": args.limit, **size}
    words = size["words"]
    counts = sorted({1, args.workers})  # process counts measured
    work = Path(tempfile.mkdtemp(prefix="newsgraph-bench-"))
    try:
        extraction: dict[str, Any] = {}
        # One process: the ratio from interleaved blocks; a streamed run for the user's path and its memory.
        paired = _stage("paired", args, limit=args.limit)
        streamed = _stage("extract", args, workers=1, limit=args.limit, output=work / "extract-1.jsonl")
        row: dict[str, Any] = {"paired": paired, "extraction": streamed, "extraction_words_per_s": _rate(words, streamed.get("wall_s"))}
        if "bare_wall_s" in paired:
            row.update(
                bare_words_per_s=_rate(words, paired["bare_wall_s"]), paired_extraction_words_per_s=_rate(words, paired["extract_wall_s"]),
                ratio_wall=round(paired["bare_wall_s"] / paired["extract_wall_s"], 3),
                ratio_cpu=round(paired["bare_cpu_s"] / paired["extract_cpu_s"], 3),
                rules_share_cpu=round(paired["rules_cpu_s"] / paired["extract_cpu_s"], 3),
                rules_vs_bare_parse_cpu=round(paired["rules_cpu_s"] / paired["bare_cpu_s"], 3),
                stock_bare_words_per_s=_rate(words, paired["stock_wall_s"]),
                ratio_vs_stock_wall=round(paired["stock_wall_s"] / paired["extract_wall_s"], 3),
                ratio_vs_stock_cpu=round(paired["stock_cpu_s"] / paired["extract_cpu_s"], 3),
            )  # fmt: skip
        extraction["1"] = row
        if args.workers > 1:
            procs = args.workers
            rounds = []
            for r in range(args.repeat):
                # Alternate which goes first so drift in the machine's load favours neither.
                order = ("bare", "extract") if r % 2 == 0 else ("extract", "bare")
                got = {n: _stage(n, args, workers=procs, limit=args.limit, output=work / f"extract-{procs}.jsonl") for n in order}
                rounds.append(got)
            best = {n: min((g[n] for g in rounds), key=lambda f: f.get("wall_s", float("inf"))) for n in ("bare", "extract")}
            bare, ext = best["bare"], best["extract"]
            shards = _stage("shards", args, workers=procs, limit=args.limit)
            row = {"bare_nlp_pipe": bare, "extraction": ext, "rounds": len(rounds), "bare_shards": shards}
            if "wall_s" in shards and "wall_s" in ext:
                row.update(shards_words_per_s=_rate(words, shards["wall_s"]), ratio_vs_shards_wall=round(shards["wall_s"] / ext["wall_s"], 3),
                           ratio_vs_shards_cpu=round(shards["cpu_s"] / ext["cpu_s"], 3))  # fmt: skip
            if "wall_s" in bare and "wall_s" in ext:
                row.update(
                    bare_words_per_s=_rate(words, bare["wall_s"]), extraction_words_per_s=_rate(words, ext["wall_s"]),
                    ratio_wall=round(bare["wall_s"] / ext["wall_s"], 3), ratio_cpu=round(bare["cpu_s"] / ext["cpu_s"], 3),
                )  # fmt: skip
            extraction[str(procs)] = row
        results["extraction"] = extraction
        one = extraction["1"]["extraction"]
        if args.workers > 1:
            many = extraction[str(args.workers)]["extraction"]
            if one.get("code") == many.get("code"):
                results["workers_same_output"] = one.get("output_sha256") == many.get("output_sha256")
            else:
                results["workers_same_output"] = "not comparable: extract/ changed between the two runs"
            if "wall_s" in one and "wall_s" in many:
                results["workers_speedup"] = round(one["wall_s"] / many["wall_s"], 2)

        if args.limit is None or args.limit > SMALL:
            memory = {}
            for procs in counts:
                small = _stage("extract", args, workers=procs, limit=SMALL, output=work / f"small-{procs}.jsonl")
                full = extraction[str(procs)]["extraction"]
                row = {"small_articles": small.get("articles"), "small_peak_rss_mb": small.get("peak_rss_mb"),
                       "full_articles": full.get("articles"), "full_peak_rss_mb": full.get("peak_rss_mb")}  # fmt: skip
                if procs > 1:
                    row.update(small_worker_peak_rss_mb=small.get("worker_peak_rss_mb"),
                               full_worker_peak_rss_mb=full.get("worker_peak_rss_mb"))  # fmt: skip
                if small.get("peak_rss_mb") and full.get("peak_rss_mb"):
                    row["ratio"] = round(full["peak_rss_mb"] / small["peak_rss_mb"], 3)
                    if procs > 1 and small.get("worker_peak_rss_mb") and full.get("worker_peak_rss_mb"):
                        row["worker_ratio"] = round(full["worker_peak_rss_mb"] / small["worker_peak_rss_mb"], 3)
                memory[str(procs)] = row
            results["memory_flatness"] = memory

        store = work / "extract-1.jsonl"
        results["graph"] = _stage("graph", args, output=store) if store.exists() else {"skipped": "no extraction file"}
        results["snapshot"] = {"skipped": "--no-snapshot"} if args.no_snapshot else _stage("snapshot", args)
        if not os.environ.get("NEO4J_URI"):
            results["neo4j"] = {"skipped": "NEO4J_URI not set (eval \"$(scripts/neo4j-local.sh start)\")"}
        elif store.exists():
            results["neo4j"] = _stage("neo4j", args, output=store)
        else:
            results["neo4j"] = {"skipped": "no extraction file"}
    finally:
        shutil.rmtree(work, ignore_errors=True)
    results["machine"]["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    return results


# --- the report ---------------------------------------------------------------------------------


def _fmt(value: Any, unit: str = "") -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        value = f"{value:,.2f}" if value < 100 else f"{value:,.0f}"
    elif isinstance(value, int):
        value = f"{value:,}"
    return f"{value}{unit}"


def report(results: dict[str, Any]) -> str:
    m, c = results["machine"], results["corpus"]
    lines = [
        f"newsgraph bench — {c['articles']:,} articles, {c['words']:,} words ({c['path']}"
        + (f", first {c['limit']}" if c["limit"] else "") + ")",
        f"machine: {m['cpu']}, {m['cores']} cores, {m['memory_gib']} GiB; Python {m['python']}, spaCy {m['spacy']}, "
        f"{m['model']}; commit {m['commit']}; load average {m['load_average_at_start'][0]} → {m['load_average_at_end'][0]}",
        "",
        "extraction vs bare nlp.pipe (same pipeline, components, batch size and process count, same run)",
        f"{'processes':<28} {'bare w/s':>9} {'extract w/s':>12} {'ratio wall':>11} {'ratio CPU':>10}  peak RSS MB",
    ]
    one = results["extraction"]["1"]
    paired, streamed = one["paired"], one["extraction"]
    lines.append(
        f"{'1, interleaved blocks':<28} {_fmt(one.get('bare_words_per_s')):>9} {_fmt(one.get('paired_extraction_words_per_s')):>12} "
        f"{_fmt(one.get('ratio_wall')):>11} {_fmt(one.get('ratio_cpu')):>10}"
    )
    if paired.get("articles", 0) < 30 * PAIR_BLOCK:
        lines.append(f"{'':<28} (few blocks: whichever arm meets a block first fills the lemmatizer's cache, so this "
                     "ratio is biased; use ≥ 1,000 articles)")  # fmt: skip
    if "rules_share_cpu" in one:
        lines.append(
            f"{'':<28} rules (inside extract_doc): {one['rules_share_cpu']:.1%} of extraction CPU, "
            f"{one['rules_vs_bare_parse_cpu']:.1%} on top of the bare parse"
        )
        lines.append(
            f"{'  vs stock spaCy pipeline':<28} {_fmt(one.get('stock_bare_words_per_s')):>9} {'(same)':>12} "
            f"{_fmt(one.get('ratio_vs_stock_wall')):>11} {_fmt(one.get('ratio_vs_stock_cpu')):>10}  "
            "(spaCy's attribute_ruler instead of newsgraph's look-up: identical output)"
        )
    lines.append(
        f"{'1, streamed files → JSONL':<28} {'':>9} {_fmt(one.get('extraction_words_per_s')):>12} {'':>11} {'':>10}  "
        f"{_fmt(streamed.get('peak_rss_mb'))}"
    )
    for procs, row in results["extraction"].items():
        if procs == "1":
            continue
        bare, ext = row["bare_nlp_pipe"], row["extraction"]
        rss = (f"extract {_fmt(ext.get('peak_rss_mb'))} main + {procs}× {_fmt(ext.get('worker_peak_rss_mb'))}; "
               f"bare {_fmt(bare.get('peak_rss_mb'))} main + {procs}× {_fmt(bare.get('worker_peak_rss_mb'))}")  # fmt: skip
        lines.append(
            f"{procs + ', streamed (best of ' + str(row['rounds']) + ')':<28} {_fmt(row.get('bare_words_per_s')):>9} "
            f"{_fmt(row.get('extraction_words_per_s')):>12} {_fmt(row.get('ratio_wall')):>11} {_fmt(row.get('ratio_cpu')):>10}  {rss}"
        )
        if "shards_words_per_s" in row:
            lines.append(
                f"{'  vs ' + procs + ' bare shards (ideal)':<28} {_fmt(row['shards_words_per_s']):>9} {'(same)':>12} "
                f"{_fmt(row['ratio_vs_shards_wall']):>11} {_fmt(row['ratio_vs_shards_cpu']):>10}  "
                f"(each process parses 1/{procs} of the texts and returns nothing)"
            )
    parts = (paired, *(p for r in results["extraction"].values() for p in (r.get("bare_nlp_pipe", {}), r.get("bare_shards", {}), r["extraction"])))
    for part in parts:
        if "error" in part:
            lines.append(f"  {part['error']}")
    failures = sorted({f for part in (paired, streamed) for f in part.get("rule_failures", [])})
    if failures:
        lines.append(f"  rules failed on {len(failures)} article(s) (parsed, then skipped; a rule bug):")
        lines += [f"    {f}" for f in failures[:5]]
    if "workers_speedup" in results:
        lines.append(
            f"workers: {max(map(int, results['extraction']))} processes are {results['workers_speedup']}× one process "
            f"(wall, worker start-up included); output identical to one process: {results['workers_same_output']}"
        )
    if "memory_flatness" in results:
        lines += ["", f"memory: peak RSS, whole corpus vs {SMALL} articles (target ≤ {FLAT_TARGET}×)"]
        for procs, row in results["memory_flatness"].items():
            text = (f"  {procs} process(es): main {_fmt(row['small_peak_rss_mb'])} → {_fmt(row['full_peak_rss_mb'])} MB "
                    f"({_fmt(row.get('ratio'))}×)")  # fmt: skip
            if "worker_ratio" in row:
                text += (f"; each worker {_fmt(row['small_worker_peak_rss_mb'])} → {_fmt(row['full_worker_peak_rss_mb'])} MB "
                         f"({_fmt(row['worker_ratio'])}×)")  # fmt: skip
            lines.append(text)
    g = results["graph"]
    lines.append("")
    if "build_s" in g:
        share = f" (the corpus-level resolution {_fmt(g['resolve_s'])} s of it)" if "resolve_s" in g else ""
        lines.append(f"graph build: {_fmt(g['build_s'])} s from extraction.jsonl{share} ({g['nodes']:,} nodes, {g['edges']:,} edges); "
                     f"graph.json + graphml written in {_fmt(g['write_files_s'])} s; peak RSS {_fmt(g['peak_rss_mb'])} MB")  # fmt: skip
    else:
        lines.append(f"graph build: {g.get('error') or g.get('skipped')}")
    s = results["snapshot"]
    if "result" in s:
        lines.append(f"snapshot (bench/snapshot.py, synthetic graphs; peak RSS {_fmt(s['peak_rss_mb'])} MB):")
        for n, row in s["result"].get("sizes", {}).items():
            draw = f"first draw {_fmt(row['first_draw_ms'])} ms" if "first_draw_ms" in row else row.get("browser", "")
            lines.append(f"  {int(n):>6,} nodes: generation {_fmt(row.get('generate_s'))} s "
                         f"(layout {_fmt(row.get('layout_s'))} s), {_fmt(row.get('html_mb'))} MB page, {draw}")  # fmt: skip
    else:
        lines.append(f"snapshot: {s.get('error') or s.get('skipped')}")
    n4 = results["neo4j"]
    if "result" in n4:
        lines.append("neo4j (bench/neo4j_load.py, batches of 10,000 rows, no bulk step):")
        lines.extend(f"  {key}: {value}" for key, value in n4["result"].items())
    else:
        lines.append(f"neo4j: {n4.get('error') or n4.get('skipped')}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=BBC, help=f"article folder [default: {BBC}]")
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles (a quick run)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                        help="processes for the parallel run; 1 process is always measured too [default: cores]")  # fmt: skip
    parser.add_argument("--repeat", type=int, default=1, help="rounds of bare/extraction, best kept [default: 1]")
    parser.add_argument("--model", default=None, help="spaCy pipeline [default: newsgraph's default]")
    parser.add_argument("--no-snapshot", action="store_true", help="skip the snapshot benchmark")
    parser.add_argument("--stage", choices=sorted(STAGES), help=argparse.SUPPRESS)
    parser.add_argument("--output", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.stage:
        code = _code_hash()
        print(json.dumps({**STAGES[args.stage](args), "code": code}))
        return 0
    if not args.corpus.is_dir():
        parser.error(f"corpus folder {args.corpus} not found (set NEWSGRAPH_SHARED_DATA or pass --corpus)")
    publish(run(args), report, "bench")
    return 0


def publish(results: dict[str, Any], report, prefix: str) -> Path:
    """Print the report of ``results``, save them as JSON in bench/results/ (every bench module does this)."""
    print(report(results))
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"{prefix}-{dt.datetime.now():%Y%m%d-%H%M%S}.json"
    path.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"\nfigures: {path}")
    return path


if __name__ == "__main__":
    sys.exit(main())
