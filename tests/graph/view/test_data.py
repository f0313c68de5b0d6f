"""The explorer's embedded data on hand-built graphs: evidence, folding, tenures, communities, left-out neighbours."""

from __future__ import annotations

import networkx as nx
import pytest

from graph.view.data import EXPAND_EVIDENCE, day, explorer_data, role_base, safe_url, tenures
from graph.view.select import Rank, select


def desk_graph() -> nx.MultiDiGraph:
    """Seven actors with ties, one without, two roles of Ann (one "former"), a quote; dated and undated articles."""
    graph = nx.MultiDiGraph()

    def node(nid, name, type_="PERSON", articles=(), **extra):
        graph.add_node(nid, name=name, type=type_, aliases=[], mentions=2, articles=list(articles), **extra)

    for nid, name, type_ in [("ann", "Ann Lopez", "PERSON"), ("acme", "Acme", "ORG"), ("bob", "Bob", "PERSON"), ("paris", "Paris", "GPE"),
                             ("cid", "Cid", "PERSON"), ("dan", "Dan", "PERSON"), ("eve", "Eve", "PERSON")]:  # fmt: skip
        node(nid, name, type_)
    node("solo", "Solo", articles=["a1"])
    node("role:chair", "chair", "ROLE")
    node("role:former-chair", "former chair", "ROLE")
    node("quote:q1", "We will build the bridge", "QUOTE")
    graph.nodes["ann"]["aliases"] = ["Ms Lopez"]

    def edge(src, pred, dst, *evidence):
        ev = [{"article_id": a, "sentence": f"{src} {pred.lower()} {dst} ({a}).", "rule": "t", "confidence": c} for a, c in evidence]
        for e in ev:
            for nid in (src, dst):
                if e["article_id"] not in graph.nodes[nid]["articles"]:
                    graph.nodes[nid]["articles"].append(e["article_id"])
        graph.add_edge(src, dst, key=pred, predicate=pred, evidence=ev, count=len(ev), confidence=max(c for _, c in evidence))

    edge("ann", "LEADS", "acme", ("a1", 0.9), ("a2", 0.8))
    edge("bob", "WORKS_FOR", "acme", ("a2", 0.6))
    edge("bob", "VISIT", "paris", ("a3", 0.4))
    edge("cid", "MEET", "bob", ("a3", 0.7))
    edge("dan", "MEET", "eve", ("a4", 0.5))
    edge("ann", "HAS_ROLE", "role:chair", ("a1", 0.8))
    edge("ann", "HAS_ROLE", "role:former-chair", ("a3", 0.8))
    edge("ann", "SAID", "quote:q1", ("a2", 0.9))
    graph.graph["articles"] = {
        "a1": {"title": "Acme names a chair", "published": "2025-01-10", "url": "https://news.example.org/a1", "site_name": "Example News",
               "authors": ["Ann Writer", "Bo Reporter"]},
        "a2": {"title": "Acme hires", "published": "2025-02-03T08:00:00Z", "url": "javascript:alert(1)"},
        "a3": {"title": "A visit to Paris", "published": "2025-03-20", "url": ""},
        "a4": {"title": "Undated piece", "published": ""},
    }
    return graph


def named(data, i):
    return data["nodes"]["name"][i]


def test_every_relation_keeps_all_its_evidence_with_article_date_and_safe_url():
    data = explorer_data(desk_graph())
    rel = data["relations"]
    leads = next(r for r in range(len(rel["from"])) if data["predicates"][rel["predicate"][r]] == "LEADS")
    assert (named(data, rel["from"][leads]), named(data, rel["to"][leads]), rel["count"][leads]) == ("Ann Lopez", "Acme", 2)
    (a1, s1, c1, rule), (a2, _, _, _) = rel["evidence"][leads]
    assert data["sentences"][s1] == "ann leads acme (a1)." and c1 == 0.9 and data["rules"][rule] == "t"
    assert data["articles"][a1] == ["Acme names a chair", "2025-01-10", "https://news.example.org/a1", "Example News", "Ann Writer, Bo Reporter"]
    assert data["articles"][a2] == ["Acme hires", "2025-02-03", "", "", ""], "a javascript: URL is dropped, a datetime cut to its day"


def test_repeated_strings_are_stored_once():
    graph = desk_graph()
    graph.edges["bob", "acme", "WORKS_FOR"]["evidence"][0]["sentence"] = "ann leads acme (a1)."
    data = explorer_data(graph)
    assert data["sentences"].count("ann leads acme (a1).") == 1
    assert len(data["predicates"]) == len(set(data["predicates"])) == 6


def test_types_say_which_are_folded_into_panels():
    data = explorer_data(desk_graph())
    concept = {t["name"]: t["concept"] for t in data["types"]}
    assert concept == {"PERSON": False, "ORG": False, "GPE": False, "ROLE": True, "QUOTE": True}


def test_role_tenure_is_closed_by_a_former_role():
    rows = tenures(desk_graph(), "ann")
    assert rows == [{"role": "chair", "first": "2025-01-10", "last": "2025-01-10", "ended": "2025-03-20", "former": False, "count": 2}]
    data = explorer_data(desk_graph())
    ann = data["nodes"]["name"].index("Ann Lopez")
    assert data["nodes"]["roles"][ann] == [["chair", "2025-01-10", "2025-01-10", "2025-03-20", 0, 2]]


def test_a_role_known_only_as_former_has_no_current_dates():
    graph = desk_graph()
    graph.remove_node("role:chair")
    assert tenures(graph, "ann") == [{"role": "chair", "first": "", "last": "", "ended": "2025-03-20", "former": True, "count": 1}]


@pytest.mark.parametrize(("name", "base"), [("former chief executive", ("chief executive", True)), ("ex-minister", ("minister", True)),
                                            ("chairman", ("chairman", False)), ("Former President", ("President", True))])  # fmt: skip
def test_role_base(name, base):
    assert role_base(name) == base


@pytest.mark.parametrize(("url", "kept"), [("https://a.example/x", True), ("http://a.example", True), ("javascript:alert(1)", False),
                                           ("data:text/html,hi", False), ("//a.example/x", False), ("https://a.example/x y", False), ("ftp://a.example/f", False)])  # fmt: skip
def test_only_absolute_http_urls_are_kept(url, kept):
    assert (safe_url(url) == url) is kept


@pytest.mark.parametrize(("value", "expected"), [("2025-03-20T08:00:00Z", "2025-03-20"), ("2025-03", "2025-03"), ("March 2025", ""), (None, "")])
def test_day(value, expected):
    assert day(value) == expected


def test_communities_are_named_by_their_top_actors_and_coloured():
    graph = desk_graph()
    data = explorer_data(graph)
    assert [(c["name"], c["size"]) for c in data["communities"]] == [("Bob, Cid, Paris", 3), ("Ann Lopez, Acme", 2), ("Dan, Eve", 2)]
    dan, eve = data["nodes"]["name"].index("Dan"), data["nodes"]["name"].index("Eve")
    assert data["nodes"]["community"][dan] == data["nodes"]["community"][eve] >= 0
    solo = data["nodes"]["name"].index("Solo")
    assert data["nodes"]["community"][solo] == -1, "an actor alone is in no community"
    assert all(c["color"].startswith("#") for c in data["communities"])
    assert explorer_data(graph)["communities"] == data["communities"], "seeded: the same every time"


def test_the_cap_ranks_actors_and_brings_their_concepts():
    sel = select(desk_graph(), top=3, rank=Rank.degree)
    assert set(sel.graph) == {"ann", "bob", "acme", "role:chair", "role:former-chair", "quote:q1"}
    assert "top 3 of 8 actors by degree with the 3 roles, things, quotes and sources tied to them" in sel.notes[0]
    assert "We will build" not in sel.notes[0], "the note quotes no sentence"


def test_left_out_neighbours_are_embedded_with_a_few_pieces_of_evidence():
    graph = desk_graph()
    for i in range(EXPAND_EVIDENCE + 2):
        graph.edges["bob", "paris", "VISIT"]["evidence"].append({"article_id": "a3", "sentence": f"visit {i}", "rule": "t", "confidence": 0.4})
    sel = select(graph, top=3)
    data = explorer_data(sel.graph, pool=sel.pool, rank=sel.rank)
    nodes = data["nodes"]
    bob = nodes["name"].index("Bob")
    extra = sorted(named(data, i) for i in data["reserve"][str(bob)])
    assert extra == ["Cid", "Paris"] and nodes["more"][bob] == 2
    assert all(nodes["cap"][i] for i in data["reserve"][str(bob)]) and not nodes["cap"][bob]
    paris = nodes["name"].index("Paris")
    visit = next(r for r in range(len(data["relations"]["from"])) if data["relations"]["to"][r] == paris)
    assert len(data["relations"]["evidence"][visit]) == EXPAND_EVIDENCE and data["relations"]["count"][visit] == EXPAND_EVIDENCE + 3


def test_older_or_sparser_graphs_still_render():
    """graph.json from older builds or Cypher results: no articles table, no aliases, counts without evidence."""
    graph = nx.MultiDiGraph()
    graph.add_node("x", name="X")
    graph.add_node("y")
    graph.add_node("z", name="Zed", type="SPEAKER", aliases=None, mentions=None)
    graph.add_edge("x", "y", key="TOLD_TO", predicate="TOLD_TO", count=3)
    graph.add_edge("z", "x", key="k")
    data = explorer_data(graph)
    assert data["nodes"]["name"] == ["X", "y", "Zed"]
    assert data["relations"]["count"] == [3, 1] and data["relations"]["evidence"] == [[], []]
    assert data["predicates"] == ["TOLD_TO", "RELATED"]
    assert {t["name"] for t in data["types"]} == {"?", "SPEAKER"}
    assert explorer_data(nx.MultiDiGraph())["nodes"]["name"] == []
