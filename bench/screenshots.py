"""The README's screenshots of the explorer, taken in headless Chromium with the browser-test harness.

    python -m bench.screenshots GRAPH.json [--title TEXT] [--out examples/screenshots]

GRAPH.json is a corpus-sized graph (e.g. ``python -m graph.cli build ../shared/data/bbc_news/bbc/politics
--out /tmp/politics`` then ``/tmp/politics/graph.json``); the small one is built from ``examples/`` here (it
loads the spaCy model). Pictures: the examples with the panel of their best-ranked actor open, the corpus
as it opens, the corpus zoomed in with the panel of its best-ranked actor, and the communities view.
Not a benchmark; it lives here because it drives the same harness as ``bench.snapshot``.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.snapshot import REPO, _browser
from graph.formats import read_graph
from graph.view.page import write_snapshot
from graph.view.select import scores, select


def best_actor(graph) -> str:
    ranked = select(graph)
    score = scores(ranked.graph, ranked.rank)
    top = max((n for n, d in ranked.graph.nodes(data=True) if d.get("type") == "PERSON"), key=lambda n: score[n])
    return str(ranked.graph.nodes[top]["name"])


#: The window the pictures are taken in (small enough for PNGs under 300 KB).
WINDOW = {"width": 1200, "height": 720}


def shoot(html: Path, steps: list[dict]) -> None:
    report = _browser(html, steps, **WINDOW)
    if isinstance(report, str):
        sys.exit(f"{html}: {report}")
    if report["requests"] or report["pageErrors"]:
        sys.exit(f"{html}: requests {report['requests']}, errors {report['pageErrors']}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="graph.json of a corpus-sized build")
    parser.add_argument("--title", default="", help="page title of the corpus snapshot")
    parser.add_argument("--out", type=Path, default=REPO / "examples" / "screenshots")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="newsgraph-shots-") as tmp:
        small = Path(tmp) / "examples"
        subprocess.run([sys.executable, "-m", "graph.cli", "build", str(REPO / "examples"), "--out", str(small)], check=True, cwd=REPO)
        examples = read_graph(small / "graph.json")
        html = write_snapshot(select(examples), small / "graph.html", title=f"newsgraph: {len(examples.graph.get('articles', {}))} articles",
                             command="newsgraph build examples --out out")
        name = best_actor(examples)
        shoot(html, [{"click": name, "zoom": 1.0}, {"screenshot": str(args.out / "examples-panel.png")}])
        corpus = read_graph(args.corpus)
        title = args.title or f"newsgraph: {len(corpus.graph.get('articles', {}))} articles"
        html = write_snapshot(select(corpus), Path(tmp) / "corpus.html", title=title, command="newsgraph view graph.json")
        name = best_actor(corpus)
        shoot(html, [{"screenshot": str(args.out / "corpus-overview.png")}, {"click": name, "zoom": 0.19},
                     {"screenshot": str(args.out / "corpus-panel.png")}, {"toggle": "#panel-close"}, {"toggle": "#view-communities"},
                     {"screenshot": str(args.out / "corpus-communities.png")}])  # fmt: skip
    for png in sorted(args.out.glob("*.png")):
        print(f"{png}: {png.stat().st_size / 1024:.0f} KiB")


if __name__ == "__main__":
    main()
