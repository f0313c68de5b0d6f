"""Snapshot speed: generation time in Python and time to first draw in headless Chromium, 300/1k/5k nodes.

    npm ci                       # once: playwright-core drives Debian's /usr/bin/chromium
    python -m bench.snapshot     # prints a table; run() returns the same figures as a dict

Graphs are synthetic (``graph.view.synthetic``) so sizes are exact and nothing needs a model. For each size:
layout time (``graph.view.layout.force_layout``), whole generation (layout + page, written to disk), page
size, and in Chromium with every request refused: time from navigation to vis-network's first
``afterDrawing`` and until the layout is final (physics settled, for small graphs), counted from the
moment the page's bytes arrived (the harness hands the file to
Chromium through playwright, which is not what a user's browser does). The baseline measured in the same run is exact Fruchterman–Reingold (what
``nx.spring_layout`` computes without SciPy), at 1k nodes only: it is O(n²) per step.
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
#: 300 is the largest graph that gets physics in the browser (settle time); 1k and 5k are drawn as computed.
SIZES = (300, 1000, 5000)


def _timed(func, *args, **kwargs) -> tuple[Any, float]:
    start = time.perf_counter()
    result = func(*args, **kwargs)
    return result, time.perf_counter() - start


def _browser(html: Path) -> dict[str, Any] | str:
    """The harness's report, or why it could not run."""
    node, chromium = shutil.which("node"), os.environ.get("NEWSGRAPH_CHROMIUM") or shutil.which("chromium")
    if not node or not chromium or not (REPO / "node_modules" / "playwright-core").is_dir():
        return "skipped: needs node, chromium and `npm ci` at the repo root"
    args = json.dumps({"html": str(html), "chromium": chromium, "timeout": 180_000})
    done = subprocess.run([node, str(HARNESS), args], capture_output=True, text=True, timeout=300, cwd=REPO)
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
            report = _browser(html)
            if isinstance(report, dict):
                row.update(first_draw_ms=round(report["firstDraw"] - report["documentReceived"]),
                           settled_ms=round(report["settled"] - report["documentReceived"]),
                           requests=len(report["requests"]), drawn_nodes=report["nodes"])  # fmt: skip
            else:
                row["browser"] = report
            results["sizes"][str(n)] = row
    return results


def main() -> None:
    results = run()
    columns = ("nodes", "edges", "layout_s", "generate_s", "html_mb", "first_draw_ms", "settled_ms", "requests")
    print("snapshot benchmark (synthetic graphs; Chromium headless, all requests refused)")
    print("  ".join(f"{c:>13}" for c in columns))
    for row in results["sizes"].values():
        print("  ".join(f"{row.get(c, '-')!s:>13}" for c in columns))
        if "exact_fr_layout_s" in row:
            print(f"  baseline: exact Fruchterman-Reingold layout {row['exact_fr_layout_s']} s "
                  f"→ force_layout is {row['layout_speedup_vs_exact_fr']}× faster")  # fmt: skip
        if "browser" in row:
            print(f"  browser: {row['browser']}")


if __name__ == "__main__":
    main()
