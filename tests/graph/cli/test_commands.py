"""Every command has help; extract and view end to end."""

from __future__ import annotations

import json
import shutil

import pytest
import typer
from typer.testing import CliRunner

from extract.io.ingest import path_id
from graph.cli import app
from tests.conftest import EXAMPLES

pytestmark = pytest.mark.model


runner = CliRunner()


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
    assert len(lines) == 9  # 4 files, 2 JSON lines, a saved page, 2 CSV rows
    by_id = {line["doc_id"]: line for line in lines}
    assert "wire-0412" in by_id and path_id(EXAMPLES / "calais-visit.txt") in by_id
    for line in lines:
        text = line["text"]
        ids = {e["id"] for e in line["entities"]}
        for entity in line["entities"]:
            assert {"id", "name", "type", "aliases", "mentions"} <= set(entity) <= {"id", "name", "type", "aliases", "mentions", "clues"}
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


def test_extract_prints_hostile_names_and_ids_as_plain_text(tmp_path):
    from tests.helpers import assert_plain, hostile_corpus

    folder, bad = hostile_corpus(tmp_path, good="Mayor Ann Quill visited Harbourton.")
    jsonl = folder / "[/x].jsonl"
    jsonl.parent.mkdir(parents=True, exist_ok=True)
    jsonl.write_text('{"id": "[/id]\\u001b[2J", "text": "Mayor Bo Reed met Ann Quill."}\n{"id": "[/id]\\u001b[2J", "text": "Again."}\n')
    out = tmp_path / "o.jsonl"
    result = run("extract", folder, "-o", out)
    assert result.exit_code == 1
    assert_plain(result.stderr, str(bad), f"{jsonl}:2", "duplicate id '[/id]\x1b[2J'", f"first read at {jsonl}:1")
    assert len(out.read_text().splitlines()) == 2
    assert "2 articles extracted, 2 inputs skipped" in result.stderr
