"""graph.gexf: valid GEXF 1.3 (checked against the vendored schema, nothing downloaded), read back by networkx, with time."""

from __future__ import annotations

import json

import networkx as nx
import pytest
from lxml import etree

from graph.formats.gexf import day_span, spells, write_gexf
from tests.conftest import REPO
from tests.graph.formats.graphs import HARD, sample_graph

SCHEMA = REPO / "tests" / "data" / "gexf-1.3" / "gexf.rng"


@pytest.fixture(scope="module")
def gexf_schema() -> etree.RelaxNG:
    return etree.RelaxNG(etree.parse(str(SCHEMA)))


def assert_valid(schema: etree.RelaxNG, path) -> None:
    assert schema.validate(etree.parse(str(path))), schema.error_log


def test_written_file_is_valid_gexf_1_3(gexf_schema, tmp_path):
    path = write_gexf(sample_graph(), tmp_path / "graph.gexf")
    assert_valid(gexf_schema, path)
    text = path.read_text(encoding="utf-8")
    assert text.startswith('<?xml version="1.0" encoding="utf-8"?>\n<gexf xmlns="http://gexf.net/1.3" version="1.3">')


def test_the_schema_check_does_reject_a_wrong_file(gexf_schema, tmp_path):
    path = write_gexf(sample_graph(), tmp_path / "graph.gexf")
    wrong = tmp_path / "wrong.gexf"
    wrong.write_text(path.read_text().replace("<spell ", '<spell colour="red" ', 1), encoding="utf-8")
    assert not gexf_schema.validate(etree.parse(str(wrong)))


def test_networkx_reads_back_nodes_edges_and_attributes(tmp_path):
    graph = sample_graph()
    back = nx.read_gexf(write_gexf(graph, tmp_path / "graph.gexf"))
    assert (back.number_of_nodes(), back.number_of_edges()) == (graph.number_of_nodes(), graph.number_of_edges())
    lind = back.nodes["person:rosa-lind"]
    assert (lind["label"], lind["type"], lind["mentions"], lind["articles"]) == ("Rosa Lind", "PERSON", 3, 3)
    assert json.loads(lind["aliases"]) == ["Lind"] and isinstance(lind["community"], int)
    edges = {(u, v, d["predicate"]): d for u, v, d in back.edges(data=True)}
    assert set(edges) == {(u, v, d["predicate"]) for u, v, d in graph.edges(data=True)}, "two predicates between one pair stay two edges"
    meet = edges[("person:rosa-lind", "org:kestrel-board", "MEET")]
    assert (meet["weight"], meet["evidence"], meet["confidence"], meet["label"]) == (2.0, 2, 0.7, "MEET")
    assert edges[("person:rosa-lind", "quote:no-sale", "SAID")]["sentence"] == HARD.replace("\x0c", "\ufffd")


def test_time_spells_from_the_dates_of_the_evidence_and_of_the_articles(tmp_path):
    back = nx.read_gexf(write_gexf(sample_graph(), tmp_path / "graph.gexf"))
    edges = {(u, v, d["predicate"]): d for u, v, d in back.edges(data=True)}
    assert edges[("person:rosa-lind", "org:kestrel-board", "MEET")]["spells"] == [("2025-04-12", "2025-04-12"), ("2025-05-01", "2025-05-31")]
    assert edges[("person:rosa-lind", "org:kestrel-board", "LEADS")]["spells"] == [("2025-05-01", "2025-05-31")]
    assert "spells" not in edges[("person:rosa-lind", "org:kestrel-ltd", "VISIT")], "undated: no spell, shown at every moment"
    assert back.nodes["person:rosa-lind"]["spells"] == [("2025-04-12", "2025-04-12"), ("2025-05-01", "2025-05-31")]
    assert back.nodes["person:rosa-lind"]["first_seen"] == "2025-04-12T09:30:00Z" and back.nodes["person:rosa-lind"]["last_seen"] == "2025-05"
    assert back.graph["mode"] == "dynamic"


def test_a_graph_without_dates_is_static(gexf_schema, tmp_path):
    graph = sample_graph()
    for meta in graph.graph["articles"].values():
        meta["published"] = ""
    path = write_gexf(graph, tmp_path / "graph.gexf")
    assert_valid(gexf_schema, path)
    assert "<spell" not in path.read_text() and 'mode="static"' in path.read_text()


@pytest.mark.parametrize(
    ("given", "span"),
    [("2025-04-12", ("2025-04-12", "2025-04-12")), ("2025-04-12 08:00", ("2025-04-12", "2025-04-12")), ("2024-02", ("2024-02-01", "2024-02-29")),
     ("1999", ("1999-01-01", "1999-12-31")), ("", None), ("2025-02-30", None), ("2025-13", None), ("12 April 2025", None), ("20250412", None)],
)  # fmt: skip
def test_day_span(given, span):
    assert day_span(given) == span


def test_overlapping_spells_are_merged_and_sorted():
    assert spells(["2025-05-03", "2025-05", "2025-04-30", "", "bad"]) == [("2025-04-30", "2025-04-30"), ("2025-05-01", "2025-05-31")]


def test_nodes_own_communities_are_kept(tmp_path):
    graph = sample_graph()
    for number, nid in enumerate(graph):
        graph.nodes[nid]["community"] = 10 + number
    back = nx.read_gexf(write_gexf(graph, tmp_path / "graph.gexf"))
    assert sorted(d["community"] for _, d in back.nodes(data=True)) == [10, 11, 12, 13]
