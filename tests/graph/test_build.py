"""Model → networkx graph → files, and back; built from hand-made extractions (no model)."""

from __future__ import annotations

import networkx as nx

from extract.model import Article, ArticleExtraction, Entity, Evidence, Mention, Relation, entity_id
from extract.resolve import Resolution
from graph.build import build_graph, read_graph, write_graph_files


def ent(name: str, type_: str, start: int = 0) -> Entity:
    return Entity(entity_id(name, type_), name, type_, (), (Mention(start, start + len(name), name, type_),))


def rel(src: Entity, predicate: str, dst: Entity, article: str, sentence: str, conf: float = 0.7) -> Relation:
    return Relation(src.id, predicate, dst.id, Evidence(article, sentence, (0, 1), (2, 3), "test"), conf)


def extraction(aid: str, published: str, entities, relations) -> ArticleExtraction:
    return ArticleExtraction(Article(aid, "text " + aid, title=f"Title {aid}", published=published), tuple(entities), tuple(relations))


def two_articles():
    hrw, report, hewitt, surname = ent("Human Rights Watch", "ORG"), ent("report", "THING"), ent("Patricia Hewitt", "PERSON"), ent("Hewitt", "PERSON")
    a = extraction("a", "2025-01-01", [hrw, report, hewitt], [rel(hrw, "PUBLISHED", report, "a", "HRW published a report.", 0.6)])
    b = extraction("b", "2025-02-01", [hrw, report, surname], [rel(hrw, "PUBLISHED", report, "b", "HRW published another report.", 0.9)])
    return a, b


def test_same_edge_from_two_articles_is_one_edge_with_two_evidence():
    graph = build_graph(two_articles())
    hrw, report = entity_id("Human Rights Watch", "ORG"), entity_id("report", "THING")
    edge = graph.edges[hrw, report, "PUBLISHED"]
    assert graph.number_of_edges(hrw, report) == 1
    assert edge["count"] == 2 and edge["confidence"] == 0.9
    assert (edge["first_seen"], edge["last_seen"]) == ("2025-01-01", "2025-02-01")
    assert {e["article_id"] for e in edge["evidence"]} == {"a", "b"}
    assert graph.nodes[hrw]["articles"] == ["a", "b"] and graph.nodes[hrw]["mentions"] == 2


def test_cross_article_merge_records_its_reason():
    graph = build_graph(two_articles())
    full, short = entity_id("Patricia Hewitt", "PERSON"), entity_id("Hewitt", "PERSON")
    assert short not in graph
    node = graph.nodes[full]
    assert "Hewitt" in node["aliases"] and short in node["merged_from"] and "surname" in node["merged_from"][short]


def test_ambiguous_surname_is_not_merged():
    a = extraction("a", "", [ent("Gordon Brown", "PERSON"), ent("Brown", "PERSON")], [])
    b = extraction("b", "", [ent("Nick Brown", "PERSON")], [])
    graph = build_graph([a, b])
    assert entity_id("Brown", "PERSON") in graph


def test_json_round_trip_and_graphml(tmp_path):
    graph = build_graph(two_articles())
    paths = write_graph_files(graph, tmp_path)
    again = read_graph(paths["json"])
    assert nx.utils.graphs_equal(graph, again)
    assert again.graph["articles"]["a"]["title"] == "Title a"
    graphml = nx.read_graphml(paths["graphml"])
    assert graphml.number_of_nodes() == graph.number_of_nodes()
    assert graphml.number_of_edges() == graph.number_of_edges()


def test_self_loops_from_merges_are_dropped():
    full, short = ent("Patricia Hewitt", "PERSON"), ent("Hewitt", "PERSON")
    a = extraction("a", "", [full], [])
    b = extraction("b", "", [short, full], [rel(short, "MET", full, "b", "Hewitt met Patricia Hewitt.")])
    assert build_graph([a, b]).number_of_edges() == 0


def test_without_a_decided_name_the_first_article_that_owns_an_id_names_the_node_as_neo4j_does():
    first, second = ent("Interior Minister", "ROLE"), ent("interior minister", "ROLE")
    assert first.id == second.id
    articles = [extraction("a", "", [first], []), extraction("b", "", [second], [])]
    for resolution in (None, Resolution()):  # roles get no display name from resolve; an empty resolution decides none
        graph = build_graph(articles, resolution)
        assert graph.nodes[first.id]["name"] == "Interior Minister" and graph.nodes[first.id]["aliases"] == ["interior minister"]
