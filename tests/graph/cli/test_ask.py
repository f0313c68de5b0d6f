"""newsgraph ask and query --graph: named questions from a graph.json, in the formats query prints, no server."""

from __future__ import annotations

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from extract.resolve import Resolution
from graph.build import build_graph
from graph.cli import app
from graph.formats import write_graph_files
from graph.store import cypher
from tests.graph.ask_articles import articles

runner = CliRunner()


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory):
    return write_graph_files(build_graph(articles(), Resolution()), tmp_path_factory.mktemp("ask"), ["json"])["json"]


def run(*args):
    return runner.invoke(app, [str(a) for a in args])


def test_ask_answers_in_json_csv_and_a_table(graph_file):
    rows = json.loads(run("ask", "roles", "--param", "name=okafor", graph_file, "--format", "json").stdout)
    assert [(r["person"], r["role"], r["evidence"]) for r in rows] == [("Ines Okafor", "mayor", 1)]
    table = list(csv.reader(io.StringIO(run("ask", "members", "-p", "name=Harbour Guild", graph_file, "-f", "csv").stdout)))
    assert table[0] == ["organisation", "member", "relation", "evidence", "confidence", "example"] and len(table) == 3
    shown = run("ask", "comentions", "-p", "name=Dara Quint", graph_file.parent)
    assert shown.exit_code == 0 and "Harbour Guild" in shown.stdout and "4 rows" in shown.stderr


def test_query_with_graph_is_ask(graph_file):
    asked = run("ask", "connection", "-p", "a=Okafor", "-p", "b=Harbour Guild", graph_file, "-f", "json")
    queried = run("query", "--template", "connection", "-p", "a=Okafor", "-p", "b=Harbour Guild", "--graph", graph_file, "-f", "json")
    assert asked.exit_code == queried.exit_code == 0 and asked.stdout == queried.stdout and len(json.loads(asked.stdout)) == 4


def test_list_templates_names_every_question():
    result = run("ask", "--list-templates")
    assert result.exit_code == 0 and all(name in result.stdout for name in cypher.TEMPLATES)


@pytest.mark.parametrize(
    ("args", "code", "says"),
    [
        (["ask"], 2, "name a question"),
        (["ask", "nosuch", "GRAPH"], 1, "unknown template 'nosuch'"),
        (["ask", "roles", "GRAPH"], 1, "needs --param name="),
        (["ask", "roles", "-p", "name=1984", "GRAPH"], 1, "must be text"),
        (["ask", "about", "-p", "name=x", "-p", "limit=-3", "GRAPH"], 1, "limit must be a whole number"),
        (["ask", "roles", "-p", "name=x", "MISSING"], 1, "no such file"),
        (["ask", "roles", "-p", "name=x", "BROKEN"], 1, ":1: not JSON"),
        (["query", "MATCH (n) RETURN n", "--graph", "GRAPH"], 2, "--graph answers only --template"),
    ],
)
def test_bad_questions_and_files_are_clear_errors(graph_file, args, code, says):
    broken = graph_file.parent / "broken.json"
    broken.write_text("{oops")
    names = {"GRAPH": str(graph_file), "MISSING": str(graph_file.parent / "missing.json"), "BROKEN": str(broken)}
    result = runner.invoke(app, [names.get(a, a) for a in args])
    assert result.exit_code == code, result.output
    assert says in " ".join(result.output.split()) and "Traceback" not in result.output
