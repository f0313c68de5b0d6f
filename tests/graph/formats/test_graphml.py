"""graph.graphml: read back by networkx with the same nodes, edges and attributes; text XML cannot hold is replaced."""

from __future__ import annotations

import json

import networkx as nx

from graph.formats.graphml import write_graphml
from tests.graph.formats.graphs import HARD, sample_graph


def test_networkx_reads_back_the_graph_with_json_for_lists(tmp_path):
    graph = sample_graph()
    back = nx.read_graphml(write_graphml(graph, tmp_path / "graph.graphml"))
    assert (back.number_of_nodes(), back.number_of_edges()) == (graph.number_of_nodes(), graph.number_of_edges())
    for nid, data in graph.nodes(data=True):
        read = back.nodes[nid]
        assert (read["name"], read["type"], read["mentions"]) == (data["name"], data["type"], data["mentions"])
        assert json.loads(read["aliases"]) == data["aliases"] and json.loads(read["articles"]) == data["articles"]
    for u, v, key, data in graph.edges(keys=True, data=True):
        read = back.edges[u, v, key]
        assert (read["predicate"], read["count"], read["confidence"]) == (data["predicate"], data["count"], data["confidence"])
        assert [e["sentence"] for e in json.loads(read["evidence"])] == [e["sentence"] for e in data["evidence"]]


def test_control_characters_do_not_break_the_file(tmp_path):
    graph = sample_graph()
    graph.nodes["person:rosa-lind"]["name"] = "Rosa\x0bLind"
    back = nx.read_graphml(write_graphml(graph, tmp_path / "graph.graphml"))
    assert back.nodes["person:rosa-lind"]["name"] == "Rosa\ufffdLind"
    said = json.loads(back.edges["person:rosa-lind", "quote:no-sale", "SAID"]["evidence"])
    assert said[0]["sentence"] == HARD, "inside JSON text the form feed is escaped, so it survives"
