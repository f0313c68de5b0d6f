"""`newsgraph view` selection options end to end on a saved graph (no model, no browser)."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from graph.build import write_graph_files
from graph.cli import app
from graph.view.select import DEFAULT_TOP
from tests.graph.view.test_page import page_data
from tests.graph.view.test_select import graph_of

runner = CliRunner()


@pytest.fixture
def saved(tmp_path):
    graph = graph_of(
        [("ann", "LEADS", "acme", [("a1", 0.9), ("a2", 0.8)]), ("bob", "WORKS_FOR", "acme", [("a2", 0.6)]),
         ("bob", "VISIT", "paris", [("a3", 0.4)]), ("dan", "MEET", "eve", [("a4", 0.5)])],
        types={"acme": "ORG", "paris": "GPE"}, dates={"a1": "2025-01-10", "a2": "2025-02-03", "a3": "2025-03-20"},
    )  # fmt: skip
    graph.nodes["ann"]["aliases"] = ["Ms Lopez"]
    return write_graph_files(graph, tmp_path)["json"]


def page_nodes(html: str) -> list[str]:
    """Names of the actors the page holds (not its roles, things and quotes, nor left-out neighbours)."""
    data = page_data(html)
    nodes = data["nodes"]
    return sorted(name for name, t, cap in zip(nodes["name"], nodes["type"], nodes["cap"]) if not cap and not data["types"][t]["concept"])


def test_focus_by_alias_with_filters_and_the_command_in_the_page(saved, tmp_path):
    out = tmp_path / "ann.html"
    result = runner.invoke(app, ["view", str(saved), "-o", str(out), "--focus", "ms lopez", "--radius", "2", "--type", "PERSON,ORG",
                                 "--password", "hunter2"])  # fmt: skip
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert page_nodes(html) == ["Acme", "Ann", "Bob"]
    assert "Ego network of Ann (radius 2)" in html and "Filtered to types ORG, PERSON" in html
    assert "--focus &#39;ms lopez&#39; --radius 2 --type PERSON,ORG" in html
    assert "hunter2" not in html and "--password" not in html


def test_top_and_date_window(saved, tmp_path):
    out = tmp_path / "top.html"
    result = runner.invoke(app, ["view", str(saved), "-o", str(out), "--top", "2", "--rank", "evidence", "--since", "2025-02"])
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert page_nodes(html) == ["Acme", "Bob"]
    assert "Showing the top 2 of" in html and "left out" in html


def test_unknown_actor_fails_with_suggestions_and_writes_nothing(saved, tmp_path):
    out = tmp_path / "none.html"
    result = runner.invoke(app, ["view", str(saved), "-o", str(out), "--focus", "Bobb"])
    assert result.exit_code == 1 and "did you mean" in result.output and "Bob" in result.output
    assert not out.exists()


@pytest.mark.parametrize(
    ("args", "code"),
    [(["--since", "March"], 1), (["--type", "PERSN"], 2), (["--min-confidence", "2"], 2), (["--cypher", "MATCH (n) RETURN n"], 2)],
)
def test_bad_options(saved, args, code):
    result = runner.invoke(app, ["view", str(saved), *args])
    assert result.exit_code == code, result.output


def test_cypher_needs_a_reachable_server(tmp_path):
    out = tmp_path / "q.html"
    result = runner.invoke(app, ["view", "--cypher", "MATCH p=()-->() RETURN p", "--uri", "bolt://127.0.0.1:9", "-o", str(out)])
    assert result.exit_code == 1 and "cannot reach Neo4j" in result.output
    assert not out.exists()


def test_help_shows_the_default_cap():
    for command in ("view", "build"):
        result = runner.invoke(app, [command, "--help"], terminal_width=200)
        assert result.exit_code == 0 and f"default: {DEFAULT_TOP}" in result.output


@pytest.mark.model
def test_build_selection_shapes_only_the_page(tmp_path):
    from extract.model import CONCEPT_TYPES
    from graph.build import read_graph
    from tests.conftest import EXAMPLES

    result = runner.invoke(app, ["build", str(EXAMPLES / "calais-visit.txt"), "--out", str(tmp_path), "--top", "3"])
    assert result.exit_code == 0, result.output
    graph = read_graph(tmp_path / "graph.json")
    html = (tmp_path / "graph.html").read_text(encoding="utf-8")
    assert len(graph) > 3, "graph files keep everything"
    actors = sum(1 for _, d in graph.nodes(data=True) if d["type"] not in CONCEPT_TYPES)
    assert len(page_nodes(html)) == 3 and f"Showing the top 3 of {actors} actors by degree" in html
    assert "newsgraph build" in html and "--top 3" in html


def test_a_file_that_is_not_a_graph_is_named(tmp_path):
    bad = tmp_path / "graph.json"
    bad.write_text('{"nodes": 3}')
    result = runner.invoke(app, ["view", str(bad)])
    assert result.exit_code == 1 and f"{bad}: not a newsgraph graph.json" in " ".join(result.output.split())
    assert "Traceback" not in result.output and not (tmp_path / "graph.html").exists()


def test_focus_on_a_name_like_markup_is_a_plain_error(saved):
    result = runner.invoke(app, ["view", str(saved), "--focus", "[/x]\x1b[2J"])
    assert result.exit_code == 1
    assert "no actor named '[/x]\\x1b[2J'" in result.stderr and "\x1b" not in result.stderr


@pytest.mark.parametrize(
    ("content", "says"),
    [
        ("[1, 2]", 'expected a JSON object with "nodes" and "edges" lists, found a list'),
        ('{"nodes": [{"id": "a"}], "edges": [{"source": "a", "target": "a", "key": "X", "evidence": "notalist"}]}',
         "edge 0 ('a' → 'a'): 'evidence' is a string (\"notalist\"), expected a list"),
        ('{"nodes": [{"id": "a"}], "edges": [{"source": "a", "target": "a", "key": "X", "confidence": "high"}]}',
         "edge 0 ('a' → 'a'): 'confidence' is a string (\"high\"), expected a number"),
        ('{"nodes": [{"id": "a", "aliases": [1]}], "edges": []}', "node 'a': 'aliases' must be a list of strings"),
        ('{"nodes": [], "edges": [{"source": "a", "target": "b"}]}', "its source is not one of the nodes"),
        ("\xff\xfe", "not UTF-8"),
        ("[1, 2", "not JSON (Expecting ',' delimiter, column 6)"),
    ],
)
def test_a_wrongly_shaped_graph_file_is_a_clear_error(tmp_path, content, says):
    bogus = tmp_path / "graph.json"
    bogus.write_bytes(content.encode("latin-1") if content == "\xff\xfe" else content.encode("utf-8"))
    result = runner.invoke(app, ["view", str(bogus)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    message = " ".join(result.stderr.split())
    assert f"{bogus}:" in message and says in message
    assert not (tmp_path / "graph.html").exists()
