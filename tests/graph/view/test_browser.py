"""The explorer in a real headless Chromium with every request refused (tests/browser/snapshot.mjs).

A reader's actions are real: mouse clicks on nodes and lines, checkboxes, sliders and the search box;
each step reports the visible node and tie counts, the panel's text and what elements exist.
Needs Debian's chromium, node and ``npm ci`` at the repo root (playwright-core); skips locally without
them, fails under CI=true.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import networkx as nx
import pytest

from graph.view.page import PHYSICS_LIMIT, write_snapshot
from graph.view.select import select
from graph.view.synthetic import synthetic_graph
from tests.conftest import REPO, unavailable
from tests.graph.view.test_data import desk_graph
from tests.graph.view.test_page import EVIL

pytestmark = pytest.mark.browser
HARNESS = REPO / "tests" / "browser" / "snapshot.mjs"


@pytest.fixture(scope="session")
def open_in_browser(chromium):
    """Run the harness on an HTML file with some steps; returns its JSON report."""
    node = shutil.which("node")
    if not node:
        unavailable("node is not installed (needed to drive Chromium with playwright-core)")
    if not (REPO / "node_modules" / "playwright-core").is_dir():
        unavailable(f"playwright-core is missing; run: npm ci (in {REPO})")

    def run(html: Path, steps: list[dict] | None = None, **options) -> dict:
        args = json.dumps({"html": str(html), "chromium": chromium, "timeout": 90_000, "steps": steps or [], **options})
        done = subprocess.run([node, str(HARNESS), args], capture_output=True, text=True, timeout=240, cwd=REPO)
        assert done.returncode == 0, done.stderr[-3000:]
        report = json.loads(done.stdout)
        assert report["requests"] == [], "the page asked the network for something"
        assert report["pageErrors"] == [] and report["consoleErrors"] == [], (report["pageErrors"], report["consoleErrors"])
        assert report["dialogs"] == [], "something in the data ran as script"
        return report

    return run


def shown(step: dict) -> tuple[int, int]:
    return step["counts"]["nodes"], step["counts"]["ties"]


@pytest.fixture
def desk(tmp_path) -> Path:
    return write_snapshot(desk_graph(), tmp_path / "desk.html", title="Desk")


def test_opens_offline_with_actors_first_and_roles_quotes_folded(open_in_browser, desk, tmp_path):
    report = open_in_browser(desk, screenshot=str(tmp_path / "desk.png"))
    assert (report["nodes"], report["edges"]) == (8, 5), "8 actors (Solo without a tie is shown: a small page) and 5 ties"
    assert report["nodesInView"] == 8 and report["drawnPixels"] > 0.002 * report["canvasPixels"]
    assert report["counts"]["folded"] == {"ROLE": 2, "QUOTE": 1}
    assert report["labels"] == 8, "every actor of a small page is labelled"
    assert (tmp_path / "desk.png").stat().st_size > 10_000


def test_clicking_a_node_shows_its_panel_with_the_evidence(open_in_browser, desk):
    (step,) = open_in_browser(desk, [{"click": "Ann Lopez"}])["steps"]
    panel = step["panel"]
    assert panel.startswith("Ann Lopez") and "PERSON" in panel and "Also called: Ms Lopez" in panel
    assert "chair — seen 2025-01-10 — former from 2025-03-20 (tenure ended)" in panel, "a former role ends the tenure"
    assert "Quotes (1)" in panel and "We will build the bridge" in panel
    assert "LEADS → (1)" in panel and "Acme · 2 pieces of evidence · 2025-01-10 to 2025-02-03" in panel
    assert "ann leads acme (a1)." in panel and "Acme names a chair, 2025-01-10 (Example News) by Ann Writer, Bo Reporter" in panel
    assert set(step["links"]) == {"https://news.example.org/a1"}, "the http URL is a link; the javascript: one never"
    assert step["selected"] == ["Ann Lopez"]


def test_clicking_a_line_lists_all_its_evidence(open_in_browser, desk):
    (step,) = open_in_browser(desk, [{"clickTie": ["Ann Lopez", "Acme"]}])["steps"]
    panel = step["panel"]
    assert panel.startswith("Ann Lopez — Acme") and "Ann Lopez LEADS Acme" in panel
    assert "ann leads acme (a1)." in panel and "ann leads acme (a2)." in panel and "Acme hires, 2025-02-03" in panel


@pytest.mark.parametrize(
    ("step", "expected"),
    [
        ({"toggle": "#type-PERSON"}, (2, 0)),  # Acme and Paris stay, alone
        ({"toggle": "#predicate-MEET"}, (8, 3)),
        ({"input": "#min-evidence", "value": "2"}, (8, 1)),
        ({"input": "#min-confidence", "value": "0.65"}, (8, 2)),
        ({"toggle": "#isolated"}, (7, 5)),  # Solo has no tie
        ({"toggle": "#type-ROLE"}, (10, 7)),  # Ann's two roles back as nodes
    ],
)
def test_each_filter_changes_what_is_shown(open_in_browser, desk, step, expected):
    (done,) = open_in_browser(desk, [step])["steps"]
    assert shown(done) == expected, done["hidden"]
    assert done["hidden"].startswith("Hidden:")


def test_the_date_slider_keeps_only_ties_evidenced_in_the_window(open_in_browser, desk):
    steps = [{"input": "#date-to", "value": "1"}, {"input": "#date-from", "value": "2"}, {"input": "#date-from", "value": "0"}]
    to_feb, march, full = open_in_browser(desk, steps)["steps"]
    # January to February: Ann–Acme and Bob–Acme; Bob–Paris (March) and Dan–Eve (undated) are hidden.
    assert shown(to_feb) == (4, 2), "Ann, Acme, Bob with ties; Solo's article is in the window"
    assert "evidence published 2025-01-10 to 2025-02-03" in to_feb["hidden"]
    assert shown(march) == (4, 2), "Bob–Paris and Cid–Bob; Ann alone, her 'former chair' article is in the window"
    assert shown(full) == (8, 5) and "Filters" not in full["hidden"], "the full range is no window: the undated article is back"


def test_the_panel_marks_evidence_outside_the_window(open_in_browser, desk):
    _, step = open_in_browser(desk, [{"input": "#date-from", "value": "1"}, {"click": "Ann Lopez"}])["steps"]
    assert "ann leads acme (a1).— Acme names a chair, 2025-01-10 (Example News) by Ann Writer, Bo Reporter · source [t, 0.9] · outside the date window" in step["panel"]


def test_search_by_alias_selects_and_lists(open_in_browser, desk):
    typed, submitted = open_in_browser(desk, [{"search": "lopez"}, {"search": "ms lopez", "submit": True}])["steps"]
    assert typed["searchResult"] == "1 found" and typed["searchList"] == ["Ann Lopez · PERSON"]
    assert submitted["selected"] == ["Ann Lopez"]


def test_left_out_neighbours_come_back_from_the_file(open_in_browser, tmp_path):
    html = write_snapshot(select(desk_graph(), top=3), tmp_path / "top.html")
    opened, expanded = open_in_browser(html, [{"click": "Bob"}, {"toggle": "#expand"}])["steps"]
    assert "+ 2 more neighbours left out by the cap" in opened["panel"] and shown(opened) == (3, 2)
    assert shown(expanded) == (5, 4) and "2 left-out neighbours added" in expanded["hidden"]
    assert "Cid" in expanded["panel"] and "+ 2 more" not in expanded["panel"]


def test_communities_view_draws_one_dot_per_community(open_in_browser, desk):
    (step,) = open_in_browser(desk, [{"toggle": "#view-communities"}])["steps"]
    assert "3 communities" in step["header"]


def hostile_everywhere() -> nx.MultiDiGraph:
    """The script-running name as every text the page shows: names, aliases, types, predicates, roles, quotes,
    sentences, article titles and sites, rules; plus a javascript: URL."""
    graph = desk_graph()
    for nid in ("ann", "acme", "quote:q1", "role:chair"):
        graph.nodes[nid]["name"] = EVIL if nid == "ann" else f"{EVIL} {nid}"
    graph.nodes["ann"]["aliases"] = [EVIL + " alias"]
    graph.nodes["eve"]["type"] = EVIL
    graph.add_edge("dan", "eve", key=EVIL, predicate=EVIL, count=1, confidence=0.9,
                   evidence=[{"article_id": "a4", "sentence": EVIL, "rule": EVIL, "confidence": 0.9}])  # fmt: skip
    for edge in graph.edges(data=True):
        for ev in edge[2]["evidence"]:
            ev["sentence"] += " " + EVIL
    for art in graph.graph["articles"].values():
        art.update(title=EVIL, site_name=EVIL, authors=[EVIL])
    graph.graph["articles"]["a3"]["url"] = "javascript:alert(document.domain)"
    return graph


def test_a_name_that_is_markup_runs_nothing_anywhere(open_in_browser, tmp_path):
    html = write_snapshot(hostile_everywhere(), tmp_path / "evil.html", title=EVIL, notes=[EVIL], command=EVIL)
    steps = [{"click": EVIL}, {"clickTie": [EVIL, f"{EVIL} acme"]}, {"click": "Dan"}, {"search": "eve"}, {"toggle": "#view-communities"}]
    report = open_in_browser(html, steps)
    assert report["title"] == EVIL and report["heading"] == EVIL and report["imgElements"] == 0
    node, tie, dan, typed, communities = report["steps"]
    assert node["panel"].startswith(EVIL) and f"Also called: {EVIL} alias" in node["panel"] and f"{EVIL} quote:q1" in node["panel"]
    assert f"{EVIL} role:chair" in node["panel"] and f"— {EVIL}, 2025-01-10 ({EVIL}) by {EVIL}" in node["panel"]
    assert f"{EVIL} LEADS {EVIL} acme" in tie["panel"]
    assert f"{EVIL} → (1)" in dan["panel"] and f"[{EVIL}, 0.9]" in dan["panel"]
    assert f"Eve · {EVIL}" in typed["searchList"]
    for step in report["steps"]:
        assert step["imgElements"] == 0 and step["scriptElements"] == 4, step["step"]
        assert "img" not in step["panelTags"] and "script" not in step["panelTags"]
        assert not any(link.startswith("javascript") for link in step["links"])


def test_large_page_is_drawn_from_python_positions_with_labels(open_in_browser, tmp_path):
    graph = synthetic_graph(PHYSICS_LIMIT * 4)
    html = write_snapshot(graph, tmp_path / "large.html")
    report = open_in_browser(html, [{"zoom": 3}])
    assert report["physics"] is False
    actors = sum(1 for _, d in graph.nodes(data=True) if d["type"] not in ("ROLE", "THING", "QUOTE"))
    assert report["counts"]["nodes"] + report["counts"]["noTie"] == actors, "actors without a tie hidden on a big page"
    assert report["nodesInView"] == report["nodes"] and report["drawnPixels"] > 0.002 * report["canvasPixels"]
    assert 20 < report["labels"] <= 350, "the top nodes are labelled, not all of them"
    assert report["steps"][0]["labels"] > 0


def test_a_request_in_the_page_would_be_caught(chromium, tmp_path):
    """The harness itself can fail: a page that loads an image reports the attempt."""
    node = shutil.which("node")
    if not node or not (REPO / "node_modules" / "playwright-core").is_dir():
        unavailable("node and playwright-core are needed (npm ci)")
    html = write_snapshot(synthetic_graph(10), tmp_path / "leaky.html")
    leaky = html.read_text(encoding="utf-8").replace("</body>", '<img src="http://blocked.example/pixel.png"></body>')
    html.write_text(leaky, encoding="utf-8")
    args = json.dumps({"html": str(html), "chromium": chromium, "timeout": 60_000})
    done = subprocess.run([node, str(HARNESS), args], capture_output=True, text=True, timeout=240, cwd=REPO)
    assert json.loads(done.stdout)["requests"] == ["http://blocked.example/pixel.png"]
