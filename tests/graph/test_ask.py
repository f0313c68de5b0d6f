"""The named questions answered with networkx, on hand-made articles (``ask_articles``): one test per template.

``test_ask_live.py`` checks that Neo4j gives the same rows for the same articles.
"""

from __future__ import annotations

import re

import pytest

from extract.resolve import Resolution
from graph.ask import MEMBER_TYPES, StoredGraph, ask, columns, template_parameters
from graph.build import build_graph
from graph.errors import QueryTemplateError
from graph.store.cypher import TEMPLATES
from tests.graph.ask_articles import articles

ONE = "Mayor Ines Okafor of Port Vell met Dara Quint, a member of the Harbour Guild."
TWO = 'Dara Quint, spokeswoman for the Harbour Guild, said the guild would co-operate with the Dockers Union. "We will talk," she said.'
FOUR = "The Dockers Union published a report on Okafor's harbour plan; the Harbour guild welcomed it."
SIX = "Okafor opened the new ferry pier in Port Vell with Dara Quint."


@pytest.fixture(scope="module")
def stored() -> StoredGraph:
    return StoredGraph(build_graph(articles(), Resolution()))  # the articles exactly as written: no merges, no decided names


def test_columns_are_the_templates_return_columns():
    for name, template in TEMPLATES.items():
        returned = re.search(r"\bRETURN\b(.*?)(?:\bORDER BY\b|\bLIMIT\b|$)", template.cypher, flags=re.S).group(1)
        assert columns(name) == re.findall(r"\bAS (\w+)", returned), name
    assert "|".join(MEMBER_TYPES) in TEMPLATES["members"].cypher


def test_roles_by_alias_in_any_case(stored):
    (row,) = stored.ask("roles", {"name": "okafor"}).rows
    assert row == {
        "person": "Ines Okafor", "role": "mayor", "evidence": 1, "confidence": 0.85, "first_seen": "2024-03-02",
        "last_seen": "2024-03-02", "example": ONE, "articles": ["a1"],
    }  # fmt: skip
    assert stored.ask("roles", {"name": "person:ines-okafor"}).rows == [row], "the id matches exactly"
    assert stored.ask("roles", {"name": "PERSON:INES-OKAFOR"}).rows == [], "the id does not ignore case"
    assert stored.ask("roles", {"name": "Okafo"}).rows == []


def test_members_of_an_organisation_ordered_by_relation(stored):
    rows = stored.ask("members", {"name": "harbour guild"}).rows
    assert rows == [
        {"organisation": "Harbour Guild", "member": "Dara Quint", "relation": "MEMBER_OF", "evidence": 1, "confidence": 0.6123, "example": ONE},
        {"organisation": "Harbour Guild", "member": "Dara Quint", "relation": "SPOKESPERSON_FOR", "evidence": 1, "confidence": 0.9, "example": TWO},
    ], "the first name an article gave the guild names it; confidences rounded as stored"  # fmt: skip
    assert stored.ask("members", {"name": "Vell Fishers"}).rows == [], "a group no one belongs to"
    assert stored.ask("members", {"name": "Dara Quint"}).rows == [], "only organisations and groups have members"


def test_connection_gives_every_shortest_chain_of_relationships(stored):
    rows = stored.ask("connection", {"a": "Okafor", "b": "Harbour Guild"}).rows
    assert len(rows) == 4, "two MEET relationships (both directions) times MEMBER_OF and SPOKESPERSON_FOR"
    assert {tuple(row["actors"]) for row in rows} == {("Ines Okafor", "Dara Quint", "Harbour Guild")}
    assert {(s["from"], s["predicate"], s["to"], s["sentence"]) for row in rows for s in row["steps"][:1]} == {
        ("Ines Okafor", "MEET", "Dara Quint", ONE), ("Dara Quint", "MEET", "Ines Okafor", SIX),
    }, "steps keep each relationship's own direction"  # fmt: skip
    assert list(rows[0]["steps"][0]) == ["sentence", "predicate", "from", "to", "articles"]


def test_connection_goes_through_entities_only_and_at_most_four_steps(stored):
    rows = stored.ask("connection", {"a": "Vell Fishers", "b": "harbour guild"}).rows
    assert {len(row["steps"]) for row in rows} == {3}, "an article mentions both, but articles are not steps"
    (chain,) = stored.ask("connection", {"a": "Ana Bex", "b": "Ivo Jain"}).rows
    assert chain["actors"] == ["Ana Bex", "Cal Dorn", "Edo Fenn", "Gil Hart", "Ivo Jain"]
    assert stored.ask("connection", {"a": "Ana Bex", "b": "Kit Lowe"}).rows == [], "five steps is too far"
    assert stored.ask("connection", {"a": "Okafor", "b": "Ines Okafor"}).rows == [], "an actor is not connected to itself"
    assert len(stored.ask("connection", {"a": "Okafor", "b": "Harbour Guild", "limit": 3}).rows) == 3


def test_comentions_count_articles_and_leave_out_roles_things_and_quotes(stored):
    rows = stored.ask("comentions", {"name": "Dara Quint"}).rows
    assert rows == [
        {"name": "Harbour Guild", "type": "ORG", "articles": 2, "titles": ["Mayor meets guild", "Guild speaks"]},
        {"name": "Ines Okafor", "type": "PERSON", "articles": 2, "titles": ["Mayor meets guild", "Pier opens"]},
        {"name": "Port Vell", "type": "GPE", "articles": 2, "titles": ["Mayor meets guild", "Pier opens"]},
        {"name": "Dockers Union", "type": "ORG", "articles": 1, "titles": ["Guild speaks"]},
    ]  # fmt: skip
    guild = stored.ask("comentions", {"name": "Harbour Guild", "limit": 1}).rows
    assert guild == [{"name": "Ines Okafor", "type": "PERSON", "articles": 3, "titles": ["Mayor meets guild", "Fishers angry", "Union report"]}]


def test_about_finds_edges_aimed_at_an_actor_or_naming_it_newest_first(stored):
    rows = stored.ask("about", {"name": "Ines Okafor"}).rows
    assert [(r["who"], r["did"], r["what"], r["published"]) for r in rows] == [
        ("Dara Quint", "MEET", "Ines Okafor", "2024-05-11"),
        ("Dockers Union", "PUBLISH", "report", "2024-05-10"),  # the sentence names her by her alias
        ("Harbour Guild", "WELCOME", "report", "2024-05-10"),
        ("Dara Quint", "MEMBER_OF", "Harbour Guild", "2024-03-02"),  # the sentence has her full name
        ("Vell Fishers", "CRITICISE", "Ines Okafor", ""),  # undated articles last
    ]  # fmt: skip
    assert rows[1]["evidence"] == FOUR and rows[1]["article"] == "Union report"
    assert not [r for r in rows if r["did"] == "HAS_ROLE" or r["who"] == "Ines Okafor"], "her own edges and roles are left out"
    assert len(stored.ask("about", {"name": "Okafor", "limit": 2}).rows) == 2


def test_predicates_are_read_as_the_database_stores_them(stored):
    (union,) = [r for r in stored.outgoing["org:harbour-guild"] if r.target == "org:dockers-union"]
    assert union.type == "CO_OPERATE" and union.count == 2 and union.confidence == 0.55, "two spellings, one type; '42' is no type"


def test_parameters_are_checked_before_anything_is_read():
    with pytest.raises(QueryTemplateError, match="unknown template 'nosuch'"):
        template_parameters("nosuch", {})
    with pytest.raises(QueryTemplateError, match="needs --param b="):
        template_parameters("connection", {"a": "x"})
    with pytest.raises(QueryTemplateError, match="must be text"):
        template_parameters("roles", {"name": 1984})
    for bad in (-1, 2.5, "5", True):
        with pytest.raises(QueryTemplateError, match="limit must be a whole number"):
            template_parameters("about", {"name": "x", "limit": bad})
    assert template_parameters("about", {"name": "x"}) == {"name": "x", "limit": 50}


def test_ask_on_an_empty_graph_gives_no_rows():
    import networkx as nx

    for name in TEMPLATES:
        answer = ask(nx.MultiDiGraph(), name, {"name": "x", "a": "x", "b": "y"})
        assert answer.rows == [] and answer.keys == columns(name)
