"""Cypher results → snapshot graphs: stand-in driver objects here, a live server in the last test."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

import pytest

from graph.store.records import graph_from_cypher, graph_from_records
from graph.view.page import render_html


@dataclass(eq=False)
class Node:
    """The parts of ``neo4j.graph.Node`` the conversion reads."""

    element_id: str
    labels: frozenset
    props: dict = field(default_factory=dict)

    def get(self, key, default=None):
        return self.props.get(key, default)

    def __len__(self):
        return len(self.props)


@dataclass(eq=False)
class Rel:
    element_id: str
    type: str
    start_node: Node
    end_node: Node
    props: dict = field(default_factory=dict)

    def get(self, key, default=None):
        return self.props.get(key, default)

    def __len__(self):
        return len(self.props)


@dataclass(eq=False)
class Path:
    nodes: list
    relationships: list

    @property
    def start_node(self):
        return self.nodes[0]


class Record:
    def __init__(self, **values):
        self._values = values

    def values(self):
        return list(self._values.values())


ANN = Node("n1", frozenset({"Entity", "Person"}), {"id": "person:ann", "name": "Ann <b>", "type": "PERSON", "aliases": ["A."], "mentions": 4, "article_count": 2})
ACME = Node("n2", frozenset({"Entity", "Organization"}), {"id": "org:acme", "name": "Acme", "type": "ORG", "mentions": 2})
ART = Node("n3", frozenset({"Article"}), {"id": "a1", "title": "Acme news", "published": "2025-03-01"})
LEADS = Rel("r1", "LEADS", ANN, ACME, {
    "count": 2, "confidence": 0.9, "first_seen": "2025-03-01", "last_seen": "2025-04-01",
    "articles": ["a1", "a2"], "sentences": ["Ann leads Acme.", "Ann, head of Acme"], "rules": ["svo", "appos"],
    "confidences": [0.9, 0.7], "dates": ["2025-03-01", "2025-04-01"],
    "source_starts": [0, 0], "source_ends": [3, 3], "target_starts": [10, 14], "target_ends": [14, 18],
})  # fmt: skip
MENTIONS = Rel("r2", "MENTIONS", ART, ANN, {"count": 1})


def test_paths_give_nodes_and_edges_with_parallel_evidence_lists():
    graph = graph_from_records([Record(p=Path([ANN, ACME], [LEADS]))])
    assert set(graph) == {"person:ann", "org:acme"}
    assert graph.nodes["person:ann"].items() >= {"name": "Ann <b>", "type": "PERSON", "aliases": ["A."], "mentions": 4}.items()
    edge = graph.edges["person:ann", "org:acme", "LEADS"]
    assert edge["predicate"] == "LEADS" and edge["count"] == 2 and edge["confidence"] == 0.9
    assert [e["sentence"] for e in edge["evidence"]] == ["Ann leads Acme.", "Ann, head of Acme"]
    assert [e["article_id"] for e in edge["evidence"]] == ["a1", "a2"]
    assert [(e["source_span"], e["target_span"]) for e in edge["evidence"]] == [([0, 3], [10, 14]), ([0, 3], [14, 18])]


def test_articles_become_metadata_and_mentions_are_not_drawn():
    graph = graph_from_records([Record(a=ART, m=MENTIONS, n=ANN)])
    assert list(graph) == ["person:ann"] and graph.number_of_edges() == 0
    assert graph.graph["articles"] == {"a1": {"title": "Acme news", "published": "2025-03-01"}}
    assert graph.nodes["person:ann"]["articles"] == ["a1"]


def test_relationship_ends_without_properties_take_the_full_node_seen_elsewhere():
    bare_ann, bare_acme = Node("n1", frozenset()), Node("n2", frozenset())
    rel = Rel("r1", "LEADS", bare_ann, bare_acme, LEADS.props)
    graph = graph_from_records([Record(r=rel, nodes=[ANN, ACME], other={"n": 1})])
    assert graph.nodes["person:ann"]["name"] == "Ann <b>" and graph.has_edge("person:ann", "org:acme")


def test_nodes_without_our_id_get_one_from_neo4j_and_a_type_from_the_label():
    stranger = Node("4:xyz:9", frozenset({"Entity", "Place"}), {"name": "Harbourton"})
    graph = graph_from_records([Record(n=stranger, count=3, text="ignored")])
    assert graph.nodes["neo4j:4:xyz:9"].items() >= {"name": "Harbourton", "type": "GPE"}.items()


def test_result_renders_as_a_snapshot():
    graph = graph_from_records([Record(p=Path([ANN, ACME], [LEADS]))])
    html = render_html(graph, notes=["From Cypher"], command="newsgraph view --cypher 'MATCH p=() RETURN p'")
    assert "Ann \\u003cb\\u003e" in html and "From Cypher" in html


@pytest.mark.neo4j
def test_live_query_result_with_article_titles_fetched(neo4j_driver):
    token = uuid.uuid4().hex[:10]
    a, b, art = f"person:{token}-a", f"org:{token}-b", f"view-test-{token}"
    setup = """
    CREATE (x:Entity:Person {id: $a, name: 'Ann Test', type: 'PERSON', mentions: 2})
    CREATE (y:Entity:Organization {id: $b, name: 'Acme Test', type: 'ORG', mentions: 1})
    CREATE (:Article {id: $art, title: 'A title', published: '2025-05-05'})
    CREATE (x)-[:LEADS {count: 1, confidence: 0.8, articles: [$art], sentences: ['Ann leads Acme.'],
                        rules: ['svo'], confidences: [0.8], dates: ['2025-05-05']}]->(y)
    """
    neo4j_driver.execute_query(setup, a=a, b=b, art=art)
    try:
        graph = graph_from_cypher(neo4j_driver, "MATCH p=(x:Entity {id: $a})-[:LEADS]->() RETURN p", parameters={"a": a})
        assert set(graph) == {a, b}
        assert graph.graph["articles"][art] == {"title": "A title", "published": "2025-05-05"}
        assert graph.edges[a, b, "LEADS"]["evidence"][0]["sentence"] == "Ann leads Acme."
    finally:
        neo4j_driver.execute_query("MATCH (n) WHERE n.id IN [$a, $b, $art] DETACH DELETE n", a=a, b=b, art=art)
