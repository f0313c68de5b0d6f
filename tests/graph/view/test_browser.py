"""Snapshots in a real headless Chromium with every request refused (tests/browser/snapshot.mjs).

Needs Debian's chromium, node and ``npm ci`` at the repo root (playwright-core); skips locally without
them, fails under CI=true.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from graph.view.page import PHYSICS_LIMIT, write_snapshot
from graph.view.synthetic import synthetic_graph
from tests.conftest import REPO, unavailable
from tests.graph.view.test_page import EVIL, hostile_graph

pytestmark = pytest.mark.browser
HARNESS = REPO / "tests" / "browser" / "snapshot.mjs"


@pytest.fixture(scope="session")
def open_in_browser(chromium):
    """Run the harness on an HTML file; returns its JSON report."""
    node = shutil.which("node")
    if not node:
        unavailable("node is not installed (needed to drive Chromium with playwright-core)")
    if not (REPO / "node_modules" / "playwright-core").is_dir():
        unavailable(f"playwright-core is missing; run: npm ci (in {REPO})")

    def run(html: Path, **options) -> dict:
        args = json.dumps({"html": str(html), "chromium": chromium, "timeout": 90_000, **options})
        done = subprocess.run([node, str(HARNESS), args], capture_output=True, text=True, timeout=240, cwd=REPO)
        assert done.returncode == 0, done.stderr[-3000:]
        return json.loads(done.stdout)

    return run


def assert_offline_and_drawn(report: dict, nodes: int, edges: int) -> None:
    assert report["requests"] == [], "the page asked the network for something"
    assert report["pageErrors"] == [] and report["consoleErrors"] == []
    assert (report["nodes"], report["edges"]) == (nodes, edges)
    assert report["nodesInView"] == nodes
    assert report["drawnPixels"] > 0.002 * report["canvasPixels"], "the graph canvas is (nearly) blank"


def test_small_snapshot_settles_offline_and_escapes_names(open_in_browser, tmp_path):
    graph = hostile_graph()
    for i in range(20):
        graph.add_node(f"person:p{i}", name=f"Person {i}", type="PERSON", aliases=[], mentions=1, articles=["a1"])
        graph.add_edge(f"person:p{i}", "org:acme", key="WORKS_FOR", predicate="WORKS_FOR", count=1, confidence=0.5,
                       evidence=[{"article_id": "a1", "sentence": f"Person {i} works for Acme.", "rule": "t", "confidence": 0.5}])  # fmt: skip
    html = write_snapshot(graph, tmp_path / "small.html", title=EVIL)
    report = open_in_browser(html, hover=EVIL, screenshot=str(tmp_path / "small.png"))
    assert_offline_and_drawn(report, graph.number_of_nodes(), graph.number_of_edges())
    assert report["heading"] == EVIL and report["title"] == EVIL
    assert report["dialogs"] == [], "a name ran as script"
    assert report["imgElements"] == 0 and report["imgElementsAfterHover"] == 0, "a name became an <img>"
    assert report["tooltipText"] is not None and EVIL in report["tooltipText"], "the tooltip did not show the name as text"
    assert "img" not in report["tooltipElements"]
    assert (tmp_path / "small.png").stat().st_size > 10_000


def test_large_snapshot_is_drawn_from_python_positions(open_in_browser, tmp_path):
    graph = synthetic_graph(PHYSICS_LIMIT * 4)
    html = write_snapshot(graph, tmp_path / "large.html")
    report = open_in_browser(html)
    assert report["physics"] is False
    assert_offline_and_drawn(report, graph.number_of_nodes(), graph.number_of_edges())
    assert report["dialogs"] == []


def test_search_box_selects_matching_nodes(open_in_browser, tmp_path):
    graph = synthetic_graph(120)
    wanted = sorted(d["name"] for _, d in graph.nodes(data=True) if d["name"].startswith("Org 1"))
    html = write_snapshot(graph, tmp_path / "search.html")
    report = open_in_browser(html, search="org 1")
    assert sorted(report["selected"]) == wanted and report["searchResult"] == f"{len(wanted)} found"


def test_a_request_in_the_page_would_be_caught(open_in_browser, tmp_path):
    """The harness itself can fail: a page that loads an image reports the attempt."""
    html = write_snapshot(synthetic_graph(10), tmp_path / "leaky.html")
    leaky = html.read_text(encoding="utf-8").replace("</body>", '<img src="http://blocked.example/pixel.png"></body>')
    html.write_text(leaky, encoding="utf-8")
    assert open_in_browser(html)["requests"] == ["http://blocked.example/pixel.png"]
