"""Snapshot selection on hand-built graphs: filters, date window, ego network, top-k, PageRank."""

from __future__ import annotations

import networkx as nx
import pytest

from graph.errors import SelectionError
from graph.view.select import Filters, Rank, _pagerank, ego_network, filter_graph, find_actor, scores, select, top_actors


def graph_of(edges, *, types=None, dates=None) -> nx.MultiDiGraph:
    """edges: (src, predicate, dst, [(article, confidence), ...]); node type from ``types`` (default PERSON)."""
    types = types or {}
    dates = dates or {}
    graph = nx.MultiDiGraph()
    for src, pred, dst, evidence in edges:
        for nid in (src, dst):
            if nid not in graph:
                graph.add_node(nid, name=nid.title(), type=types.get(nid, "PERSON"), aliases=[], mentions=1, articles=[])
            for aid, _ in evidence:
                if aid not in graph.nodes[nid]["articles"]:
                    graph.nodes[nid]["articles"].append(aid)
        ev = [{"article_id": a, "sentence": f"{src} {pred} {dst}", "rule": "t", "confidence": c} for a, c in evidence]
        graph.add_edge(src, dst, key=pred, predicate=pred, evidence=ev, count=len(ev), confidence=max(c for _, c in evidence))
    articles = {a for *_, ev in edges for a, _ in ev}
    graph.graph["articles"] = {a: {"title": f"T {a}", "published": dates.get(a, "")} for a in sorted(articles)}
    return graph


@pytest.fixture
def news():
    edges = [
        ("ann", "LEADS", "acme", [("a1", 0.9), ("a2", 0.8)]),
        ("bob", "WORKS_FOR", "acme", [("a2", 0.6)]),
        ("bob", "VISIT", "paris", [("a3", 0.4)]),
        ("cid", "MEET", "bob", [("a3", 0.7)]),
        ("dan", "MEET", "eve", [("a4", 0.5)]),
    ]
    types = {"acme": "ORG", "paris": "GPE"}
    dates = {"a1": "2025-01-10", "a2": "2025-02-03", "a3": "2025-03-20T08:00:00Z"}  # a4 undated
    graph = graph_of(edges, types=types, dates=dates)
    graph.nodes["ann"]["aliases"] = ["Ann Marie Lopez", "Ms Lopez"]
    return graph


def test_type_and_predicate_filters(news):
    out = filter_graph(news, Filters(types=frozenset({"PERSON", "ORG"})))
    assert "paris" not in out and out.has_edge("ann", "acme")
    out = filter_graph(news, Filters(predicates=frozenset({"MEET"})))
    assert {(u, v) for u, v in out.edges()} == {("cid", "bob"), ("dan", "eve")}
    assert len(out) == len(news), "nodes stay; only edges are filtered by predicate"


def test_min_count_and_confidence(news):
    assert [(u, v) for u, v in filter_graph(news, Filters(min_count=2)).edges()] == [("ann", "acme")]
    kept = filter_graph(news, Filters(min_confidence=0.65)).edges()
    assert set(kept) == {("ann", "acme"), ("cid", "bob")}


def test_date_window_keeps_only_evidence_from_articles_inside(news):
    out = filter_graph(news, Filters(since="2025-02", until="2025-03"))
    edge = out.edges["ann", "acme", "LEADS"]
    assert edge["count"] == 1 and edge["confidence"] == 0.8 and edge["first_seen"] == edge["last_seen"] == "2025-02-03"
    assert out.has_edge("cid", "bob"), "a datetime inside the window counts"
    assert "dan" not in out and "eve" not in out, "undated articles are outside any window"
    assert set(out.graph["articles"]) == {"a2", "a3"}
    assert news.edges["ann", "acme", "LEADS"]["count"] == 2, "the input graph is not changed"


@pytest.mark.parametrize("bad", [{"since": "last week"}, {"until": "2025/01/01"}, {"min_count": 0}, {"min_confidence": 1.5}])
def test_bad_filter_values_are_refused(bad):
    with pytest.raises(SelectionError):
        Filters(**bad)


def test_find_actor_by_alias_case_and_punctuation_insensitive(news):
    assert find_actor(news, "ms lopez") == "ann"
    assert find_actor(news, "ANN-MARIE LOPEZ") == "ann"
    assert find_actor(news, "acme") == "acme"


def test_unknown_actor_error_lists_close_matches(news):
    with pytest.raises(SelectionError) as error:
        find_actor(news, "Bobb")
    assert "'Bobb'" in str(error.value) and "Bob" in str(error.value)


def test_ego_network_radius(news):
    assert set(ego_network(news, "bob", radius=1)) == {"bob", "acme", "paris", "cid"}
    assert set(ego_network(news, "bob", radius=2)) == {"bob", "acme", "paris", "cid", "ann"}
    assert set(ego_network(news, "bob", radius=0)) == {"bob"}


def test_top_k_keeps_highest_degree_and_says_what_was_left_out(news):
    sel = top_actors(news, k=3, by=Rank.degree)
    assert set(sel.graph) == {"bob", "acme", "ann"}
    assert sel.graph.number_of_edges() == 2
    note = sel.notes[0]
    assert "top 3 of 7 nodes by degree" in note and "4 nodes and 3 edges left out" in note


def test_top_k_by_evidence_counts_pieces_of_evidence(news):
    assert scores(news, Rank.evidence)["acme"] == 3.0
    assert set(top_actors(news, k=1, by=Rank.evidence).graph) == {"acme"}


def test_pagerank_matches_networkx_reference():
    graph = nx.MultiDiGraph([(1, 2), (2, 3), (3, 1), (4, 3), (4, 3), (5, 5)])
    graph.add_node(6)  # dangling
    ours = _pagerank(graph)
    reference = nx.algorithms.link_analysis.pagerank_alg._pagerank_python(graph, tol=1e-13, max_iter=1000)
    assert ours == pytest.approx(reference, abs=1e-6)


def test_select_applies_filters_then_focus_then_cap(news):
    sel = select(news, filters=Filters(predicates=frozenset({"WORKS_FOR", "VISIT", "MEET"})), focus="BOB", radius=1, top=3)
    assert "bob" in sel.graph and len(sel.graph) == 3
    assert len(sel.notes) == 3
    assert sel.notes[0].startswith("Filtered to predicates MEET, VISIT, WORKS_FOR")
    assert "Ego network of Bob (radius 1)" in sel.notes[1]


def test_focus_survives_type_filter_and_cap(news):
    sel = select(news, filters=Filters(types=frozenset({"ORG"})), focus="paris", top=1)
    assert set(sel.graph) == {"paris"}


def test_nothing_selected_means_no_notes(news):
    sel = select(news, top=100)
    assert sel.notes == [] and nx.utils.graphs_equal(sel.graph, news)
