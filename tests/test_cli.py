"""The command line as a user runs it: contract, incremental builds, bad input and exit codes."""

from __future__ import annotations

import json
import re
import shutil

import pytest
import typer
from typer.testing import CliRunner

from extract.ingest import path_id
from graph.cli import app
from tests.conftest import EXAMPLES

runner = CliRunner()
pytestmark = pytest.mark.model


def run(*args: str):
    return runner.invoke(app, [str(a) for a in args], catch_exceptions=False)


def command_names() -> list[str]:
    group = typer.main.get_command(app)
    return sorted(group.commands)


def test_every_command_has_help():
    names = command_names()
    assert {"extract", "build", "view"} <= set(names)
    for name in names:
        result = run(name, "--help")
        assert result.exit_code == 0, name
        group = typer.main.get_command(app)
        assert (group.commands[name].help or "").strip(), f"{name} has no help text"


def test_extract_follows_the_contract_and_is_stable(tmp_path):
    out1, out2 = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    assert run("extract", EXAMPLES, "-o", out1).exit_code == 0
    assert run("extract", EXAMPLES, "--output", out2).exit_code == 0
    assert out1.read_text() == out2.read_text(), "ids and output must be the same on every run"
    lines = [json.loads(line) for line in out1.read_text().splitlines()]
    assert len(lines) == 6
    by_id = {line["doc_id"]: line for line in lines}
    assert "wire-0412" in by_id and path_id(EXAMPLES / "calais-visit.txt") in by_id
    for line in lines:
        text = line["text"]
        ids = {e["id"] for e in line["entities"]}
        for entity in line["entities"]:
            assert set(entity) == {"id", "name", "type", "aliases", "mentions"}
            for m in entity["mentions"]:
                assert text[m["start"] : m["end"]] == m["text"]
        for rel in line["relations"]:
            assert rel["source"] in ids and rel["target"] in ids
            assert 0 < rel["confidence"] <= 1 and rel["rule"]
            assert rel["sentence"] and rel["sentence"] in text
            assert text[slice(*rel["source_span"])] and text[slice(*rel["target_span"])]


def test_extract_input_order_is_kept(tmp_path):
    out = tmp_path / "o.jsonl"
    files = [EXAMPLES / "maternity-pay.txt", EXAMPLES / "calais-visit.txt", EXAMPLES / "harbour-deal.md"]
    assert run("extract", *files, "-o", out).exit_code == 0
    assert [json.loads(line)["doc_id"] for line in out.read_text().splitlines()] == [path_id(f) for f in files]


def test_extract_finds_the_role_in_the_example():
    result = run("extract", EXAMPLES / "calais-visit.txt")
    (line,) = [json.loads(x) for x in result.stdout.splitlines()]
    names = {e["id"]: e["name"] for e in line["entities"]}
    triples = {(names[r["source"]], r["predicate"], names[r["target"]].lower()) for r in line["relations"]}
    assert ("Bernard Cazeneuve", "HAS_ROLE", "interior minister") in triples


def test_bad_inputs_are_skipped_with_exit_code_1(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00\x00binary")
    jsonl = tmp_path / "lines.jsonl"
    jsonl.write_text('{"id": "ok", "text": "Mayor Natacha Bouchart met the minister."}\n{not json\n')
    out = tmp_path / "o.jsonl"
    result = run("extract", bad, jsonl, EXAMPLES / "harbour-deal.md", "-o", out)
    assert result.exit_code == 1
    assert str(bad) in result.stderr and f"{jsonl}:2" in result.stderr
    assert [json.loads(x)["doc_id"] for x in out.read_text().splitlines()] == ["ok", path_id(EXAMPLES / "harbour-deal.md")]


def test_unknown_model_fails_clearly(tmp_path):
    result = run("extract", EXAMPLES / "harbour-deal.md", "--model", "no_such_pipeline_xyz", "-o", tmp_path / "o.jsonl")
    assert result.exit_code == 1
    assert "no_such_pipeline_xyz" in result.stderr and "pip install" in result.stderr
    assert not (tmp_path / "o.jsonl").exists()


def test_build_writes_all_files_offline_html(tmp_path):
    out = tmp_path / "out"
    result = run("build", EXAMPLES / "calais-visit.txt", "--out", out)
    assert result.exit_code == 0, result.stderr
    for name in ("graph.json", "graph.graphml", "graph.html", "extraction.jsonl"):
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
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = run("build", empty, "--out", out)
    assert result.exit_code == 1 and str(empty) in result.stderr
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_corrupt_existing_extraction_is_reported_not_overwritten(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "extraction.jsonl").write_text('{"doc_id": "x"}\nnot json\n')
    result = run("build", EXAMPLES / "harbour-deal.md", "--out", out)
    assert result.exit_code == 1 and "extraction.jsonl:2" in result.stderr
    assert (out / "extraction.jsonl").read_text() == '{"doc_id": "x"}\nnot json\n'


def test_view_renders_a_saved_graph(tmp_path):
    out = tmp_path / "out"
    assert run("build", EXAMPLES, "--out", out).exit_code == 0
    shutil.copy(out / "graph.json", tmp_path / "copy.json")
    result = run("view", tmp_path / "copy.json", "--out", tmp_path / "snap.html")
    assert result.exit_code == 0
    assert "vis.Network" in (tmp_path / "snap.html").read_text()


def test_view_rejects_a_file_that_is_not_a_graph(tmp_path):
    bogus = tmp_path / "bogus.json"
    bogus.write_text("[1, 2")
    result = run("view", bogus)
    assert result.exit_code == 1 and "bogus.json" in result.stderr
