"""newsgraph eval actors and newsgraph review, from a built folder."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from extract.io.jsonl import save_extractions
from graph.build import build_graph, write_graph_files
from graph.cli import app
from tests.helpers import article


def test_review_lists_an_untaken_merge_with_the_line_that_settles_it(tmp_path):
    arts = [article("a", ("Harbour Research Workshop", "ORG", "Harbor"))] + [article(f"h{i}", ("Harbor", "ORG")) for i in range(6)]
    save_extractions(tmp_path / "extraction.jsonl", arts)
    result = CliRunner().invoke(app, ["review", str(tmp_path), "--format", "tsv"])
    assert result.exit_code == 0, result.output
    assert "merge\tHarbour Research Workshop\tHarbor" in result.stdout


def test_review_of_a_folder_without_an_extraction_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(app, ["review", str(tmp_path)])
    assert result.exit_code == 1 and "no extraction.jsonl" in result.stderr


def test_eval_actors_prints_json(tmp_path):
    arts = [article("a", ("Britain", "GPE")), article("b", ("UK", "GPE"))]
    write_graph_files(build_graph(arts), tmp_path)
    gold = tmp_path / "gold.json"
    gold.write_text(json.dumps({"actors": [{"name": "United Kingdom", "type": "GPE", "forms": ["Britain", "UK"]}]}))
    result = CliRunner().invoke(app, ["eval", "actors", str(tmp_path / "graph.json"), str(gold), "--format", "json"])
    assert result.exit_code == 0, result.output
    (report,) = json.loads(result.stdout)
    assert report["right"] == 1 and report["fragments"] == 0
