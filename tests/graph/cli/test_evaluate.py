"""newsgraph eval conll04."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from graph.cli import app


def test_cli_reports_bad_split_and_exits_1(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text("[1, 2]", encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "conll04", str(path)])
    assert result.exit_code == 1
    assert "bad.json: sentence 0" in result.output


def test_cli_help():
    result = CliRunner().invoke(app, ["eval", "conll04", "--help"])
    assert result.exit_code == 0 and "--format" in result.output and "--model" in result.output


def tiny_split(tmp_path, text: str, relations: list[dict]):
    """A one-sentence split: two people (tokens 0-3 and 4-6) and a place (token 7)."""
    entities = [{"type": "Peop", "start": 0, "end": 3}, {"type": "Peop", "start": 4, "end": 6}, {"type": "Loc", "start": 7, "end": 8}]
    path = tmp_path / "tiny.json"
    path.write_text(json.dumps([{"tokens": text.split(), "entities": entities, "relations": relations}]), encoding="utf-8")
    return path


@pytest.mark.model
def test_cli_json_on_a_tiny_split(tmp_path):
    path = tiny_split(tmp_path, "Lee Harvey Oswald shot John Kennedy in Dallas .", [{"type": "Kill", "head": 0, "tail": 1}])
    result = CliRunner().invoke(app, ["eval", "conll04", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["sentences"] == 1
    assert set(report["entities"]) == {"Peop", "Org", "Loc", "micro"}
    assert set(report["relations"]) == {"Work_For", "Kill", "OrgBased_In", "Live_In", "Located_In", "micro"}
    ents = report["entities"]["micro"]
    assert ents["support"] == 3 and ents["tp"] + ents["fn"] == 3
    kill = report["relations"]["Kill"]
    assert kill["support"] == 1 and 0.0 <= kill["f1"] <= 1.0


@pytest.mark.model
def test_cli_can_score_spans_as_extracted(tmp_path):
    path = tiny_split(tmp_path, "President Ann Lee met Bo Kay in Lyon .", [])

    def people_found(*options: str) -> int:
        result = CliRunner().invoke(app, ["eval", "conll04", str(path), "--format", "json", *options])
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)["entities"]["Peop"]["tp"]

    assert people_found() == people_found("--spans-as-extracted") + 1  # only "President Ann Lee" moves


def test_quotes_help():
    result = CliRunner().invoke(app, ["eval", "quotes", "--help"])
    assert result.exit_code == 0 and "--format" in result.output and "--errors" in result.output


def test_quotes_reports_a_bad_gold_line_and_exits_1(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text('{"id": "a", "text": "Hi."}\n{broken\n', encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "quotes", str(path)])
    assert result.exit_code == 1
    assert "gold.jsonl:2" in result.output


@pytest.mark.model
def test_quotes_json_on_a_tiny_gold_file(tmp_path):
    text = 'Police sources told AFP that 40 people were held. "We will rebuild the pier," said Ana Ortiz. Councillors rejected the bid.'
    item = {
        "id": "t1", "style": "wire", "text": text,
        "quotes": [
            {"quote": "40 people were held", "speaker": "police sources", "speaker_kind": "group", "audience": "AFP", "verb": "tell",
             "direct": False, "cases": ["told_that", "unnamed"]},
            {"quote": "We will rebuild the pier", "speaker": "Ana Ortiz", "speaker_kind": "person", "verb": "say", "direct": True, "cases": ["said_inverted"]},
        ],
        "actions": [{"subject": "councillors", "verb": "reject", "object": "bid", "cases": ["active"]}],
        "not_actions": [],
    }  # fmt: skip
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(item) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "quotes", str(path), "--format", "json", "--errors"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["articles"] == 1 and report["quotes"]["gold"] == 2
    assert report["speaker"]["tp"] == 2 and report["speaker"]["fp"] == 0
    assert report["audience"]["tp"] == 1
    assert report["actions"]["found"] == 1
    assert set(report["cases"]) >= {"told_that", "unnamed", "said_inverted", "direct", "indirect", "active", "action"}
    assert isinstance(report["errors"], list)
    table = CliRunner().invoke(app, ["eval", "quotes", str(path)])
    assert table.exit_code == 0 and "quote speaker" in table.output and "by case tag" in table.output
