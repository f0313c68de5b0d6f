"""newsgraph build --merges: honoured, and a bad file stops the build."""

from __future__ import annotations

from typer.testing import CliRunner

from extract.model import entity_id
from extract.resolve import parse_merge_rules
from graph.build import build_graph
from tests.helpers import article

O = lambda name: entity_id(name, "ORG")  # noqa: E731


def test_build_honours_merges_file_and_stops_on_a_bad_one(tmp_path):
    from graph.cli import app

    bad = tmp_path / "bad.tsv"
    bad.write_text("merge\tonly one\n", encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["build", str(tmp_path), "--out", str(out), "--merges", str(bad)])
    assert result.exit_code == 1
    assert f"{bad}:1" in result.output.replace("\n", "")
    assert not out.exists(), "nothing is written when the merges file is bad"
    rules = parse_merge_rules("merge\tHRW\tHuman Rights Watch\n")
    graph = build_graph([article("a", ("HRW", "ORG")), article("b", ("Human Rights Watch", "ORG"))], merges=rules)
    (node,) = [d for _, d in graph.nodes(data=True)]
    assert node["name"] == "HRW" and node["merged_from"] == {O("Human Rights Watch"): "forced by line 1"}
