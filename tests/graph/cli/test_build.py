"""newsgraph build: the files it writes, rebuilds that add and replace, inputs it refuses."""

from __future__ import annotations

import html
import json
import re

import pytest
from lxml import etree
from typer.testing import CliRunner

from graph.cli import app
from tests.conftest import EXAMPLES
from tests.graph.formats.test_gexf import SCHEMA

pytestmark = pytest.mark.model


runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, [str(a) for a in args], catch_exceptions=False)


def test_build_writes_all_files_offline_html(tmp_path):
    out = tmp_path / "out"
    result = run("build", EXAMPLES / "calais-visit.txt", "--out", out)
    assert result.exit_code == 0, result.stderr
    for name in ("graph.json", "graph.graphml", "graph.gexf", "nodes.csv", "edges.csv", "evidence.csv", "graph.html", "extraction.jsonl"):
        assert (out / name).stat().st_size > 0
    html = (out / "graph.html").read_text()
    tags = re.findall(r"<(?:script|link|img|iframe)\b[^>]*>", html, flags=re.I)
    assert tags and not [t for t in tags if re.search(r"(?:src|href)\s*=", t)]
    graph = json.loads((out / "graph.json").read_text())
    assert {"nodes", "edges"} <= set(graph)
    edge = graph["edges"][0]
    assert {"predicate", "evidence", "count", "confidence"} <= set(edge)


def counts(out):
    graph = json.loads((out / "graph.json").read_text())
    return len(graph["nodes"]), len(graph["edges"]), sum(e["count"] for e in graph["edges"])


def test_rebuilding_adds_new_articles_and_never_duplicates(tmp_path):
    out = tmp_path / "out"
    assert run("build", EXAMPLES / "calais-visit.txt", "--out", out).exit_code == 0
    first = counts(out)
    assert run("build", EXAMPLES / "calais-visit.txt", "--out", out).exit_code == 0
    assert counts(out) == first
    assert run("build", EXAMPLES / "maternity-pay.txt", "--out", out).exit_code == 0
    grown = counts(out)
    assert grown[0] > first[0] and grown[2] > first[2]
    lines = (out / "extraction.jsonl").read_text().splitlines()
    assert len(lines) == 2


def test_changed_article_replaces_its_contribution(tmp_path):
    article = tmp_path / "story.txt"
    article.write_text("Interior Minister Bernard Cazeneuve visited Calais on Monday.\n")
    out = tmp_path / "out"
    assert run("build", article, "--out", out).exit_code == 0
    names = {n["name"] for n in json.loads((out / "graph.json").read_text())["nodes"]}
    assert "Bernard Cazeneuve" in names
    article.write_text("Health Secretary Patricia Hewitt visited Leeds on Monday.\n")
    assert run("build", article, "--out", out).exit_code == 0
    names = {n["name"] for n in json.loads((out / "graph.json").read_text())["nodes"]}
    assert "Patricia Hewitt" in names and "Bernard Cazeneuve" not in names
    assert len((out / "extraction.jsonl").read_text().splitlines()) == 1


def test_build_with_nothing_readable_writes_nothing(tmp_path):
    out = tmp_path / "out"
    assert run("build", EXAMPLES / "calais-visit.txt", "--out", out).exit_code == 0
    before = folder_bytes(out)
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = run("build", empty, "--out", out)
    assert result.exit_code == 1 and str(empty) in result.stderr
    assert folder_bytes(out) == before


def folder_bytes(folder):
    """Every file under ``folder`` (newsgraph's state included) → its bytes."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_corrupt_existing_extraction_is_reported_not_overwritten(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    old = '{"doc_id": "x", "text": "X.", "entities": [], "relations": []}\nnot json\n'
    (out / "extraction.jsonl").write_text(old)
    result = run("build", EXAMPLES / "harbour-deal.md", "--out", out)
    assert result.exit_code == 1 and "extraction.jsonl:2" in result.stderr
    assert (out / "extraction.jsonl").read_text() == old


def test_formats_choose_the_files_and_old_ones_are_flagged(tmp_path):
    out = tmp_path / "out"
    assert run("build", EXAMPLES / "calais-visit.txt", "--out", out).exit_code == 0
    before = (out / "graph.html").read_bytes()
    result = run("build", EXAMPLES / "calais-visit.txt", EXAMPLES / "wire.jsonl", "--out", out, "--formats", "gexf,csv", "--formats", "json")
    assert result.exit_code == 0, result.stderr
    assert (out / "graph.html").read_bytes() == before, "not chosen: left as it was"
    said = " ".join(result.stderr.split())
    assert f"{out / 'graph.html'} is from an earlier build" in said and f"{out / 'graph.graphml'} is from an earlier build" in said
    assert "graph.gexf is from" not in said
    nodes = json.loads((out / "graph.json").read_text())["nodes"]
    assert len((out / "nodes.csv").read_text(encoding="utf-8").splitlines()) == len(nodes) + 1
    assert 'mode="dynamic"' in (out / "graph.gexf").read_text(), "the wire articles are dated"
    schema = etree.RelaxNG(etree.parse(str(SCHEMA)))
    assert schema.validate(etree.parse(str(out / "graph.gexf"))), schema.error_log


def test_unknown_format_is_refused_before_any_work(tmp_path):
    out = tmp_path / "out"
    result = run("build", EXAMPLES / "calais-visit.txt", "--out", out, "--formats", "json,pdf")
    assert result.exit_code == 2 and "unknown format pdf" in " ".join(result.output.split())
    assert not out.exists()


THREE_WAYS = {
    "a/rates.txt": (
        "Rates held steady\n\nThe Federal Reserve kept its key rate at 2% on Tuesday. Mara Kellingford, "
        "the chair of the Federal Reserve, said the United States economy was growing faster than expected."
    ),
    "b/markets.txt": (
        "Shares climb\n\nShares rose in New York after the Fed left borrowing costs alone. Ms Kellingford told "
        "reporters that US inflation would fall. Torvane Holdings said its profits had doubled."
    ),
    "c/profits.txt": (
        "Torvane doubles profit\n\nTorvane, the shipping group, said on Friday that Kellingford was right about "
        "America. Its chief executive, Idris Pemberton, said the Fed had helped exporters."
    ),
}


def actors_and_ties(out):
    graph = json.loads((out / "graph.json").read_text())
    nodes = sorted((n["id"], n.get("name"), n.get("type")) for n in graph["nodes"])
    edges = sorted((e["source"], e["target"], e["predicate"], e["count"]) for e in graph["edges"])
    return nodes, edges


def test_the_same_articles_give_the_same_actors_at_once_or_in_three_builds_in_any_order(tmp_path):
    for name, text in THREE_WAYS.items():
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text(text + "\n", encoding="utf-8")
    parts = [tmp_path / p for p in ("a", "b", "c")]
    assert run("build", *parts, "--out", tmp_path / "once", "--formats", "json").exit_code == 0
    once = actors_and_ties(tmp_path / "once")
    names = {n[1] for n in once[0]}
    assert {"Federal Reserve", "Mara Kellingford", "United States"} <= names  # the short forms joined them
    assert not {"Fed", "Kellingford", "US", "America"} & names
    for order in ((0, 1, 2), (2, 0, 1)):
        out = tmp_path / ("in-" + "".join(map(str, order)))
        for i in order:
            assert run("build", parts[i], "--out", out, "--formats", "json").exit_code == 0
        assert actors_and_ties(out) == once, order


def test_build_prints_hostile_names_merges_lines_and_focus_as_plain_text(tmp_path):
    from tests.helpers import assert_plain, hostile_corpus

    folder, bad = hostile_corpus(tmp_path, good="Mayor Ann Quill visited Harbourton.")
    merges = tmp_path / "[/m].tsv"
    merges.parent.mkdir()
    merges.write_text("merge\tAnn Quill\t[/nobody]\n", encoding="utf-8")
    out = tmp_path / "[/out]"
    result = run("build", folder, "--out", out, "--merges", merges, "--focus", "[/x]")
    assert result.exit_code == 1, result.output
    assert_plain(result.stderr, str(bad), f"{merges}:1: no entity is called '[/nobody]'", "no actor named '[/x]'")
    assert "1 articles extracted" in result.stderr
    assert "no actor named '[/x]'" in html.unescape((out / "graph.html").read_text()), "the page says the focus was not found"
    assert len((out / "extraction.jsonl").read_text().splitlines()) == 1, "the work is kept"


def test_the_same_id_in_two_files_is_built_once_and_reported(tmp_path):
    (tmp_path / "a.jsonl").write_text(json.dumps({"id": "x", "text": "Mayor Ann Quill visited Harbourton."}) + "\n")
    (tmp_path / "b.jsonl").write_text(json.dumps({"id": "x", "text": "Mayor Bo Reed visited Dunmore."}) + "\n")
    out = tmp_path / "out"
    result = run("build", tmp_path / "a.jsonl", tmp_path / "b.jsonl", "--out", out)
    assert result.exit_code == 1
    assert f"{tmp_path / 'b.jsonl'}:1: duplicate id 'x', first read at {tmp_path / 'a.jsonl'}:1" in " ".join(result.stderr.split())
    (line,) = (out / "extraction.jsonl").read_text().splitlines()
    assert json.loads(line)["text"].startswith("Mayor Ann Quill")
