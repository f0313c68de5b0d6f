"""graph.actors: a graph scored against corpus gold — right actors, fragments, false merges, junk, hubs."""

from __future__ import annotations

import json

import networkx as nx
import pytest

from extract.errors import EvaluationDataError
from graph.actors import load_gold, score_actors


def graph() -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    for nid, name, type_, aliases in [
        ("gpe:us", "United States", "GPE", ["US"]), ("gpe:america", "America", "GPE", []),  # a fragment
        ("person:tony-blair", "Tony Blair", "PERSON", ["Blair", "Cherie Blair"]),  # a false merge
        ("org:budget", "Budget", "ORG", []),  # junk
        ("org:acme", "Acme", "PERSON", []),  # wrong type
        ("person:zed", "Zed Quill", "PERSON", []),  # not in the gold
    ]:  # fmt: skip
        g.add_node(nid, name=name, type=type_, aliases=aliases, mentions=1, articles=["a"])
    for u, v in [("gpe:us", "person:tony-blair"), ("gpe:us", "org:acme"), ("person:zed", "gpe:us")]:
        g.add_edge(u, v, key="MEET", predicate="MEET", evidence=[], count=1)
    return g


@pytest.fixture
def gold(tmp_path):
    path = tmp_path / "gold.json"
    path.write_text(json.dumps({
        "actors": [
            {"name": "United States", "type": "GPE", "forms": ["US", "America"]},
            {"name": "Tony Blair", "type": "PERSON", "forms": ["Blair"]},
            {"name": "Cherie Blair", "type": "PERSON", "forms": []},
            {"name": "Acme", "type": "ORG", "forms": []},
        ],
        "apart": [{"a": "Tony Blair", "b": "Cherie Blair"}],
        "junk": [{"name": "Budget"}],
    }))  # fmt: skip
    return load_gold(path)


def test_each_kind_of_error_is_counted(gold):
    report = score_actors(graph(), gold)
    summary = report.summary()
    assert summary["actors"] == 4 and summary["right"] == 0
    assert summary["fragments"] == 1 and summary["wrong_type"] == 1 and summary["junk_nodes"] == 1
    assert ("Cherie Blair", "Tony Blair", "Tony Blair") in report.false_merges
    hubs = {h["node"]: h["verdict"] for h in report.hubs}
    assert hubs["United States"] == "right" and hubs["Zed Quill"] == "not in gold" and hubs["Acme"].startswith("wrong type")


def test_a_malformed_gold_file_names_the_file(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text('{"actors": [{"name": "X", "type": "ALIEN"}]}')
    with pytest.raises(EvaluationDataError, match="bad.json"):
        load_gold(path)
