"""Extraction on Dask against ``--workers`` and bare ``nlp.pipe(n_process=N)``, in one run.

    python -m bench.dask                        # full BBC corpus, N = cores
    python -m bench.dask --limit 600 --repeat 2

Each arm runs in a fresh process (``bench.run``'s stages), the order alternating between rounds; the best
round of each is kept. ``--dask local:N`` is timed whole (cluster start with the model loaded on every
worker, extraction, close) and for the extraction alone: start-up is paid once per run however large the
corpus, the extraction rate is what a long run gets. Figures: table on stdout, JSON in bench/results/.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from bench.run import BBC, _corpus_size, _fmt, _machine, _rate, _stage, publish


def run(args: argparse.Namespace) -> dict[str, Any]:
    results: dict[str, Any] = {"started": dt.datetime.now().isoformat(timespec="seconds"), "machine": _machine()}
    size = _corpus_size(args.corpus, args.limit)
    results["corpus"] = {"path": str(args.corpus), "limit": args.limit, **size}
    work = Path(tempfile.mkdtemp(prefix="newsgraph-bench-dask-"))
    arms = ("bare", "extract", "dask")
    try:
        rounds = []
        for r in range(args.repeat):
            order = arms[r % 3 :] + arms[: r % 3]  # each arm first in turn
            rounds.append({n: _stage(n, args, workers=args.workers, limit=args.limit, output=work / f"{n}-{r}.jsonl") for n in order})
        best = {n: min((g[n] for g in rounds), key=lambda f: f.get("wall_s", float("inf"))) for n in arms}
    finally:
        shutil.rmtree(work, ignore_errors=True)
    results["rounds"] = rounds
    results["best"] = best
    words, articles = size["words"], size["articles"]
    bare, pool, dask = best["bare"], best["extract"], best["dask"]
    summary: dict[str, Any] = {}
    if all("wall_s" in x for x in best.values()):
        summary = {
            "bare_words_per_s": _rate(words, bare["wall_s"]),
            "workers_words_per_s": _rate(words, pool["wall_s"]),
            "dask_words_per_s": _rate(words, dask["wall_s"]),
            "dask_extraction_words_per_s": _rate(words, dask["extract_s"]),
            "workers_vs_bare": round(bare["wall_s"] / pool["wall_s"], 3),
            "dask_vs_bare": round(bare["wall_s"] / dask["wall_s"], 3),
            "dask_extraction_vs_bare": round(bare["wall_s"] / dask["extract_s"], 3),
            "dask_vs_workers": round(pool["wall_s"] / dask["wall_s"], 3),
            "same_output": pool.get("output_sha256") == dask.get("output_sha256") if pool.get("code") == dask.get("code") else "not comparable: extract/ changed",
            # What the client (and a LocalCluster's scheduler, in the same process) costs per article: it
            # bounds how many cores one client can keep busy.
            "dask_client_cpu_ms_per_article": round(1000 * dask["main_cpu_s"] / articles, 3) if articles else None,
            "dask_cpu_s_per_article": round(dask["cpu_s"] / articles, 4) if articles else None,
        }
    results["summary"] = summary
    results["machine"]["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    return results


def report(results: dict[str, Any]) -> str:
    m, c, s, b = results["machine"], results["corpus"], results["summary"], results["best"]
    lines = [
        f"newsgraph bench.dask — {c['articles']:,} articles, {c['words']:,} words ({c['path']}" + (f", first {c['limit']}" if c["limit"] else "") + ")",
        f"machine: {m['cpu']}, {m['cores']} cores; Python {m['python']}, spaCy {m['spacy']}, {m['model']}; commit {m['commit']}; "
        f"load average {m['load_average_at_start'][0]} → {m['load_average_at_end'][0]}",
        f"best of {len(results['rounds'])} round(s), {b['bare'].get('processes')} processes each",
        "",
        f"{'':<44} {'wall s':>8} {'words/s':>9} {'vs bare':>8}  peak RSS MB (main / largest worker)",
    ]
    for name, label, ratio in (("bare", "bare nlp.pipe(n_process=N), texts in memory", None),
                               ("extract", "--workers N (extraction → JSONL)", s.get("workers_vs_bare")),
                               ("dask", "--dask local:N, all (start, extract, close)", s.get("dask_vs_bare"))):  # fmt: skip
        row = b[name]
        if "error" in row:
            lines.append(f"{label:<44} {row['error']}")
            continue
        rate = s.get({"bare": "bare_words_per_s", "extract": "workers_words_per_s", "dask": "dask_words_per_s"}[name])
        lines.append(f"{label:<44} {_fmt(row['wall_s']):>8} {_fmt(rate):>9} {_fmt(ratio):>8}  "
                     f"{_fmt(row.get('peak_rss_mb'))} / {_fmt(row.get('worker_peak_rss_mb'))}")  # fmt: skip
    d = b["dask"]
    if "extract_s" in d:
        lines.append(f"{'  of which extraction alone':<44} {_fmt(d['extract_s']):>8} {_fmt(s.get('dask_extraction_words_per_s')):>9} "
                     f"{_fmt(s.get('dask_extraction_vs_bare')):>8}  (start {_fmt(d['start_s'])} s, close {_fmt(d['close_s'])} s)")  # fmt: skip
    if s:
        lines += [
            "",
            f"dask vs --workers: {s['dask_vs_workers']}×; output identical to --workers N (itself identical to one process): {s['same_output']}",
            f"client + scheduler CPU: {s['dask_client_cpu_ms_per_article']} ms per article; all processes: {s['dask_cpu_s_per_article']} CPU s per article",
        ]
    for row in b.values():
        if row.get("rule_failures"):
            lines.append(f"  {len(row['rule_failures'])} article(s) failed in the rules: {row['rule_failures'][:3]}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.dask", description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=BBC, help=f"article folder [default: {BBC}]")
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles (a quick run)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="processes in every arm [default: cores]")
    parser.add_argument("--repeat", type=int, default=1, help="rounds, best kept [default: 1]")
    parser.add_argument("--model", default=None, help="spaCy pipeline [default: newsgraph's default]")
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        parser.error(f"corpus folder {args.corpus} not found (set NEWSGRAPH_SHARED_DATA or pass --corpus)")
    publish(run(args), report, "dask")
    return 0


if __name__ == "__main__":
    sys.exit(main())
