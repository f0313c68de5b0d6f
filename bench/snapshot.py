"""Explorer speed: generation in Python, first draw and filter interactions in headless Chromium, 1k/5k/20k actors.

    npm ci                       # once: playwright-core drives Debian's /usr/bin/chromium
    python -m bench.snapshot     # prints a table; run() returns the same figures as a dict

Graphs are synthetic (``graph.view.synthetic``: N actors with about 4 relations each, plus 0.3 N roles,
quotes and things) so sizes are exact and nothing needs a model. For each size: layout time
(``graph.view.layout.force_layout``), whole generation (layout, communities, data and page, written to
disk), page size, and in Chromium with every request refused: time from the moment the page's bytes
arrived to the first drawn frame (nodes, ties and labels; the harness hands the file to Chromium through
playwright, which is not what a user's browser does), and at 5k actors the time from moving a filter
control to the next drawn frame, for each kind of filter. The baseline measured in the same run is exact
Fruchterman–Reingold (what ``nx.spring_layout`` computes without SciPy), at 1k nodes only: it is O(n²) per step.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

import networkx as nx
import numpy as np

from graph.view.layout import force_layout
from graph.view.page import write_snapshot
from graph.view.synthetic import synthetic_graph

REPO = Path(__file__).resolve().parent.parent
HARNESS = REPO / "tests" / "browser" / "snapshot.mjs"
SIZES = (1000, 5000, 20000)
#: Filter interactions timed at this size: (name, harness step).
FILTER_SIZE = 5000
FILTERS = (
    ("min evidence 2", {"input": "#min-evidence", "value": "2"}),
    ("min evidence 1", {"input": "#min-evidence", "value": "1"}),
    ("confidence 0.8", {"input": "#min-confidence", "value": "0.8"}),
    ("confidence 0", {"input": "#min-confidence", "value": "0"}),
    ("type PERSON off", {"toggle": "#type-PERSON"}),
    ("type PERSON on", {"toggle": "#type-PERSON"}),
    ("predicate MEET off", {"toggle": "#predicate-MEET"}),
    ("date window first half", {"input": "#date-to", "value": "40"}),
    ("date window full", {"input": "#date-to", "value": "9999"}),
    ("roles as nodes", {"toggle": "#type-ROLE"}),
    ("isolated shown", {"toggle": "#isolated"}),
)


def _timed(func, *args, **kwargs) -> tuple[Any, float]:
    start = time.perf_counter()
    result = func(*args, **kwargs)
    return result, time.perf_counter() - start


def _browser(html: Path, steps: list[dict] | None = None, **options: Any) -> dict[str, Any] | str:
    """The harness's report (``options``: width, height… of the window), or why it could not run."""
    node, chromium = shutil.which("node"), os.environ.get("NEWSGRAPH_CHROMIUM") or shutil.which("chromium")
    if not node or not chromium or not (REPO / "node_modules" / "playwright-core").is_dir():
        return "skipped: needs node, chromium and `npm ci` at the repo root"
    args = json.dumps({"html": str(html), "chromium": chromium, "timeout": 300_000, "steps": steps or [], **options})
    done = subprocess.run([node, str(HARNESS), args], capture_output=True, text=True, timeout=600, cwd=REPO)
    if done.returncode != 0:
        return "failed: " + done.stderr.strip()[-500:]
    return json.loads(done.stdout)


def _exact_fr_seconds(graph: nx.MultiDiGraph) -> float:
    simple = nx.Graph(graph.to_undirected(as_view=True))
    matrix = nx.to_numpy_array(simple)
    _, seconds = _timed(nx.drawing.layout._fruchterman_reingold, matrix, seed=np.random.RandomState(7))
    return seconds


def run(sizes: tuple[int, ...] = SIZES) -> dict[str, Any]:
    """Figures per size: seconds for layout and generation, page MB, first draw in ms after the page arrived."""
    results: dict[str, Any] = {"sizes": {}}
    with tempfile.TemporaryDirectory(prefix="newsgraph-bench-") as tmp:
        for n in sizes:
            graph = synthetic_graph(n)
            _, layout_s = _timed(force_layout, graph)
            html, generate_s = _timed(write_snapshot, graph, Path(tmp) / f"snapshot-{n}.html", title=f"synthetic {n}")
            row: dict[str, Any] = {
                "actors": n,
                "nodes": graph.number_of_nodes(),
                "edges": graph.number_of_edges(),
                "layout_s": round(layout_s, 3),
                "generate_s": round(generate_s, 3),
                "html_mb": round(html.stat().st_size / 1e6, 2),
            }
            if n <= 1000:
                exact = _exact_fr_seconds(graph)
                row["exact_fr_layout_s"] = round(exact, 3)
                row["layout_speedup_vs_exact_fr"] = round(exact / layout_s, 1)
            steps = [step for _, step in FILTERS] if n == FILTER_SIZE else []
            report = _browser(html, steps)
            if isinstance(report, dict):
                row.update(first_draw_ms=round(report["firstDraw"] - report["documentReceived"]),
                           requests=len(report["requests"]), drawn_nodes=report["nodes"], drawn_ties=report["edges"])  # fmt: skip
                if steps:
                    row["filters_ms"] = {name: done.get("ms") for (name, _), done in zip(FILTERS, report["steps"])}
                    row["filters_shown"] = {name: [done["counts"]["nodes"], done["counts"]["ties"]] for (name, _), done in zip(FILTERS, report["steps"])}
            else:
                row["browser"] = report
            results["sizes"][str(n)] = row
    return results


def main() -> None:
    results = run()
    results["load_average"] = [round(x, 2) for x in os.getloadavg()]
    columns = ("actors", "nodes", "edges", "layout_s", "generate_s", "html_mb", "drawn_nodes", "drawn_ties", "first_draw_ms", "requests")
    print(f"snapshot benchmark (synthetic graphs; Chromium headless, all requests refused); load average {results['load_average']}")
    print("  ".join(f"{c:>13}" for c in columns))
    for row in results["sizes"].values():
        print("  ".join(f"{row.get(c, '-')!s:>13}" for c in columns))
        if "exact_fr_layout_s" in row:
            print(f"  baseline: exact Fruchterman-Reingold layout {row['exact_fr_layout_s']} s "
                  f"→ force_layout is {row['layout_speedup_vs_exact_fr']}× faster")  # fmt: skip
        if "browser" in row:
            print(f"  browser: {row['browser']}")
        for name, ms in row.get("filters_ms", {}).items():
            print(f"  filter at {row['actors']:,} actors: {name:<24} {ms!s:>6} ms  (shown nodes, ties: {row['filters_shown'][name]})")
    out = REPO / "bench" / "results"
    out.mkdir(exist_ok=True)
    (out / "snapshot.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
