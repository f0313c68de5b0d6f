"""What building the graph after a (distributed) extraction costs in one process: memory per million relations.

    python -m bench.build_memory --base out/extraction.jsonl          # e.g. the BBC corpus's extraction
    python -m bench.build_memory --base FILE --copies 1,4,8 --new-actors

The base extraction file is scaled by copying every article under a new id (``id#k``): by default the
copies speak of the same actors (more evidence on the same nodes and edges, like more years of the same
news), with ``--new-actors`` every copy's entities get new names too (the graph grows with the corpus).
For each size, fresh processes measure the peak RSS above the interpreter with everything imported:
``resolve`` alone (pass 1 of ``build_graph_from_file``: what it keeps per entity), the whole two-pass
``build_graph_from_file`` (the graph with every piece of evidence in memory), the same followed by
``write_graph_files`` (graph.json and GraphML, as ``build`` writes them), and ``merge_into_file`` (the
store ``build`` writes, which keeps an offset per article). The slope between sizes is the cost per
million relations. Table on stdout, JSON in bench/results/.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.run import REPO, _fmt, _machine, publish

STAGES = ("resolve", "build", "files", "merge")


def _status_mb(field: str) -> float:
    """VmRSS (now) or VmHWM (peak) of this process; unlike ru_maxrss, VmHWM starts afresh at exec."""
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith(field + ":")) / 1024


def stage(name: str, path: Path) -> dict[str, Any]:
    """Runs in a fresh process: one of resolve / build / merge on ``path``."""
    from extract.io.jsonl import ExtractionFile, merge_into_file, read_extractions
    from extract.resolve import resolve
    from graph.build import build_graph_from_file

    base = _status_mb("VmRSS")
    start = time.perf_counter()
    figures: dict[str, Any] = {}
    if name == "resolve":
        resolution = resolve(ExtractionFile(path))
        figures["merged_ids"] = len(resolution.canonical)
    elif name in ("build", "files"):
        graph = build_graph_from_file(path)
        figures.update(nodes=graph.number_of_nodes(), edges=graph.number_of_edges(),
                       evidence=sum(e["count"] for _, _, e in graph.edges(data=True)))  # fmt: skip
        if name == "files":
            from graph.build import write_graph_files

            with tempfile.TemporaryDirectory(dir=path.parent) as tmp:
                write_graph_files(graph, tmp)
    else:
        with tempfile.TemporaryDirectory(dir=path.parent) as tmp:
            figures["added"], _ = merge_into_file(Path(tmp) / "extraction.jsonl", read_extractions(path))
    figures["seconds"] = round(time.perf_counter() - start, 2)
    figures["peak_above_start_mb"] = round(_status_mb("VmHWM") - base, 1)
    figures["start_rss_mb"] = round(base, 1)
    return figures


def scaled(base: Path, copies: int, new_actors: bool, out: Path) -> dict[str, int]:
    """``copies`` copies of every article of ``base``; with ``new_actors``, entities renamed per copy."""
    articles = relations = 0
    with base.open(encoding="utf-8") as source, out.open("w", encoding="utf-8") as target:
        lines = [line for line in source if line.strip()]
        for k in range(copies):
            for line in lines:
                record = json.loads(line)
                if k:
                    record["doc_id"] = f"{record['doc_id']}#{k}"
                    if new_actors:
                        tag = _tag(k)
                        renamed = {e["id"]: f"{e['id']}-{tag.lower()}" for e in record["entities"]}
                        for e in record["entities"]:
                            e["id"], e["name"] = renamed[e["id"]], f"{e['name']} {tag}"
                        for r in record["relations"]:
                            r["source"], r["target"] = renamed.get(r["source"], r["source"]), renamed.get(r["target"], r["target"])
                articles += 1
                relations += len(record["relations"])
                target.write(json.dumps(record, ensure_ascii=False) + "\n")
    return {"articles": articles, "relations": relations, "bytes": out.stat().st_size}


def _tag(k: int) -> str:
    """A word-like tag per copy (Qa, Qb, … Qba): letters, so names stay names."""
    letters = ""
    while True:
        k, r = divmod(k, 26)
        letters = "abcdefghijklmnopqrstuvwxyz"[r] + letters
        if not k:
            return "Q" + letters


def _run_stage(name: str, path: Path) -> dict[str, Any]:
    print(f"… {name} on {path.name}", file=sys.stderr, flush=True)
    done = subprocess.run([sys.executable, "-m", "bench.build_memory", "--stage", name, "--input", str(path)],
                          cwd=REPO, stdout=subprocess.PIPE, text=True)  # fmt: skip
    if done.returncode:
        return {"error": f"{name} failed with exit code {done.returncode}"}
    return json.loads(done.stdout.strip().splitlines()[-1])


def run(args: argparse.Namespace) -> dict[str, Any]:
    results: dict[str, Any] = {"started": dt.datetime.now().isoformat(timespec="seconds"), "machine": _machine(),
                               "base": str(args.base), "new_actors": args.new_actors, "sizes": []}  # fmt: skip
    with tempfile.TemporaryDirectory(prefix="newsgraph-bench-build-") as tmp:
        for copies in args.copies:
            path = Path(tmp) / f"x{copies}.jsonl"
            row: dict[str, Any] = {"copies": copies, **scaled(args.base, copies, args.new_actors, path)}
            for name in STAGES:
                row[name] = _run_stage(name, path)
            results["sizes"].append(row)
            path.unlink()
    small, large = results["sizes"][0], results["sizes"][-1]
    if large["relations"] > small["relations"]:
        per_million = 1e6 / (large["relations"] - small["relations"])
        results["mb_per_million_relations"] = {
            name: round((large[name]["peak_above_start_mb"] - small[name]["peak_above_start_mb"]) * per_million)
            for name in STAGES if "peak_above_start_mb" in large[name] and "peak_above_start_mb" in small[name]
        }  # fmt: skip
        results["relations_per_article"] = round(large["relations"] / large["articles"], 2)
    results["machine"]["load_average_at_end"] = [round(x, 2) for x in __import__("os").getloadavg()]
    return results


def report(results: dict[str, Any]) -> str:
    m = results["machine"]
    lines = [
        f"newsgraph bench.build_memory — base {results['base']}, copies with {'new' if results['new_actors'] else 'the same'} actors",
        f"machine: {m['cpu']}, {m['cores']} cores; Python {m['python']}; commit {m['commit']}; "
        f"load average {m['load_average_at_start'][0]} → {m['load_average_at_end'][0]}",
        "",
        f"{'articles':>9} {'relations':>10} {'file MB':>8} | {'resolve MB':>10} | {'build MB':>9} {'s':>6} {'nodes':>8} {'edges':>8} | "
        f"{'+files MB':>9} | {'merge MB':>9}",
    ]
    for row in results["sizes"]:
        r, b, f, g = row["resolve"], row["build"], row["files"], row["merge"]
        lines.append(
            f"{row['articles']:>9,} {row['relations']:>10,} {row['bytes'] / 2**20:>8.1f} | {_fmt(r.get('peak_above_start_mb')):>10} | "
            f"{_fmt(b.get('peak_above_start_mb')):>9} {_fmt(b.get('seconds')):>6} {_fmt(b.get('nodes')):>8} {_fmt(b.get('edges')):>8} | "
            f"{_fmt(f.get('peak_above_start_mb')):>9} | {_fmt(g.get('peak_above_start_mb')):>9}"
        )
    if "mb_per_million_relations" in results:
        per = results["mb_per_million_relations"]
        lines += ["", f"per million relations ({results['relations_per_article']} per article): "
                      + ", ".join(f"{name} {_fmt(value)} MB" for name, value in per.items())]  # fmt: skip
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.build_memory", description=__doc__.splitlines()[0])
    parser.add_argument("--base", type=Path, help="an extraction file (newsgraph extract output) to scale")
    parser.add_argument("--copies", type=lambda s: [int(x) for x in s.split(",")], default=[1, 4, 8], help="sizes, as copies of the base [default: 1,4,8]")
    parser.add_argument("--new-actors", action="store_true", help="every copy speaks of new actors (the graph grows with the corpus)")
    parser.add_argument("--stage", choices=STAGES, help=argparse.SUPPRESS)
    parser.add_argument("--input", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.stage:
        print(json.dumps(stage(args.stage, args.input)))
        return 0
    if args.base is None or not args.base.is_file():
        parser.error("--base FILE: an extraction file is needed (e.g. newsgraph build CORPUS --out out → out/extraction.jsonl)")
    publish(run(args), report, "build-memory")
    return 0


if __name__ == "__main__":
    sys.exit(main())
