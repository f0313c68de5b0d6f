"""Tables, centrality and communities on a small hand-made graph."""

from __future__ import annotations

import networkx as nx

from graph.analysis import actor_graph, centrality_rows, communities, community_ids, entity_rows, relation_rows


def make_graph() -> nx.MultiDiGraph:
    g = nx.MultiDiGraph(articles={"a1": {"title": "Port story", "published": "2025-01-01"}})
    people = {"p:a": "Ann", "p:b": "Bob", "p:c": "Cy", "p:d": "Dee", "p:e": "Eve", "p:f": "Fay"}
    for nid, name in people.items():
        g.add_node(nid, name=name, type="PERSON", aliases=[], mentions=1, articles=["a1"])
    g.add_node("r:min", name="minister", type="ROLE", aliases=[], mentions=3, articles=["a1"])

    def edge(u, v, pred, count=1, conf=0.5):
        ev = [{"article_id": "a1", "sentence": f"{u} {pred} {v}.", "confidence": conf, "rule": "t"}] * count
        g.add_edge(u, v, key=pred, predicate=pred, evidence=ev, count=count, confidence=conf)

    # two triangles joined by one bridge c–d
    edge("p:a", "p:b", "MET", 2)
    edge("p:b", "p:c", "MET")
    edge("p:a", "p:c", "MET")
    edge("p:c", "p:d", "CALLED", 1, 0.9)
    edge("p:d", "p:e", "MET")
    edge("p:e", "p:f", "MET")
    edge("p:d", "p:f", "MET")
    edge("p:a", "r:min", "HAS_ROLE", 3, 0.8)
    return g


def test_entity_rows_sorted_by_mentions_and_filterable():
    rows = entity_rows(make_graph())
    assert rows[0]["name"] == "minister" and rows[0]["mentions"] == 3
    people = entity_rows(make_graph(), types=["PERSON"])
    assert len(people) == 6 and {r["type"] for r in people} == {"PERSON"}


def test_relation_rows_carry_evidence_and_article_title():
    rows = relation_rows(make_graph(), predicates=["HAS_ROLE"])
    assert rows == [
        {"source": "Ann", "predicate": "HAS_ROLE", "target": "minister", "count": 3, "confidence": 0.8,
         "sentence": "p:a HAS_ROLE r:min.", "article": "Port story", "rule": "t"}
    ]  # fmt: skip
    assert relation_rows(make_graph())[0]["count"] == 3


def test_actor_graph_leaves_out_roles_and_sums_weights():
    actors = actor_graph(make_graph())
    assert "r:min" not in actors and actors["p:a"]["p:b"]["weight"] == 2


def test_bridge_nodes_have_the_highest_betweenness():
    top = centrality_rows(make_graph(), top=2)
    assert {r["name"] for r in top} == {"Cy", "Dee"}


def test_communities_split_the_two_triangles():
    assert communities(make_graph()) == [["Ann", "Bob", "Cy"], ["Dee", "Eve", "Fay"]]


def test_empty_graph_gives_empty_answers():
    empty = nx.MultiDiGraph()
    assert centrality_rows(empty) == [] and communities(empty) == [] and entity_rows(empty) == []


def test_community_ids_number_groups_by_size_and_attach_roles_to_their_actor():
    ids = community_ids(make_graph())
    assert ids["p:a"] == ids["p:b"] == ids["p:c"] != ids["p:d"] == ids["p:e"] == ids["p:f"]
    assert sorted({ids["p:a"], ids["p:d"]}) == [0, 1] and ids["r:min"] == ids["p:a"], "the role goes with Ann, its holder"
    assert community_ids(make_graph()) == ids, "fixed seed: the same numbers every time"
    lone = make_graph()
    lone.add_node("t:x", name="thing", type="THING", aliases=[], mentions=1, articles=["a1"])
    assert community_ids(lone)["t:x"] == -1
