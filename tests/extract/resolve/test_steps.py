"""extract.resolve: the merges across articles, each with its reason."""

from __future__ import annotations

import pytest

from extract.errors import MergeRulesError
from extract.model import entity_id
from extract.resolve import parse_merge_rules, resolve
from graph.build import build_graph
from tests.helpers import article

P = lambda name: entity_id(name, "PERSON")  # noqa: E731


O = lambda name: entity_id(name, "ORG")  # noqa: E731


def test_surname_joins_the_one_full_name_with_a_reason():
    res = resolve([article("a", ("Bernard Cazeneuve", "PERSON")), article("b", ("Cazeneuve", "PERSON"))])
    assert res(P("Cazeneuve")) == P("Bernard Cazeneuve")
    assert "Cazeneuve" in res.reasons[P("Cazeneuve")] and "Bernard Cazeneuve" in res.reasons[P("Cazeneuve")]
    assert P("Bernard Cazeneuve") not in res.canonical


def test_ambiguous_surname_is_not_merged():
    res = resolve(
        [
            article("a", ("Marine Le Pen", "PERSON")),
            article("b", ("Jean-Marie Le Pen", "PERSON")),
            article("c", ("Le Pen", "PERSON"), ("Pen", "PERSON")),
        ]
    )
    assert res(P("Le Pen")) == P("Le Pen") and res(P("Pen")) == P("Pen")
    assert res(P("Marine Le Pen")) != res(P("Jean-Marie Le Pen"))
    assert any("Le Pen" in note and "Marine Le Pen" in note for note in res.notes)


def test_honorific_name_and_middle_initial():
    res = resolve(
        [
            article("a", ("Robin Butler", "PERSON"), ("George W. Bush", "PERSON")),
            article("b", ("Lord Butler", "PERSON"), ("George Bush", "PERSON")),
        ]
    )
    assert res(P("Lord Butler")) == P("Robin Butler")
    assert res(P("George Bush")) == P("George W. Bush")
    assert "middle" in res.reasons[P("George Bush")]


def test_honorific_of_the_other_gender_is_not_merged():
    res = resolve(
        [
            article("a", ("Michael Howard", "PERSON", "Mr Howard")),
            article("b", ("Mrs Howard", "PERSON")),
            article("c", ("Mr Howard", "PERSON")),
        ]
    )
    assert res(P("Mrs Howard")) == P("Mrs Howard")
    assert res(P("Mr Howard")) == P("Michael Howard")


def test_type_vote_across_articles():
    arts = [article(str(i), ("Calais", "GPE")) for i in range(3)] + [article("x", ("Calais", "PERSON"))]
    res = resolve(arts)
    assert res(P("Calais")) == entity_id("Calais", "GPE")
    assert "GPE in 3" in res.reasons[P("Calais")] and "PERSON in 1" in res.reasons[P("Calais")]
    graph = build_graph(arts)
    (node,) = [d for _, d in graph.nodes(data=True) if d["name"] == "Calais"]
    assert node["type"] == "GPE" and P("Calais") in node["merged_from"]


def test_a_name_typed_two_ways_equally_is_one_actor_whose_type_goes_to_review():
    res = resolve([article("a", ("Orlan", "GPE")), article("b", ("Orlan", "PERSON"))])
    assert res(P("Orlan")) == res(entity_id("Orlan", "GPE"))
    assert any(c.kind == "type" and "Orlan" in c.why for c in res.candidates)


def test_alias_defined_in_another_article():
    res = resolve([article("a", ("Human Rights Watch", "ORG", "HRW")), article("b", ("HRW", "ORG"))])
    assert res(O("HRW")) == O("Human Rights Watch")
    assert "alias" in res.reasons[O("HRW")] or "initials" in res.reasons[O("HRW")]


def test_acronym_spelling_one_organisation():
    res = resolve([article("a", ("Confederation of British Industry", "ORG")), article("b", ("CBI", "ORG"))])
    assert res(O("CBI")) == O("Confederation of British Industry")
    assert "initials" in res.reasons[O("CBI")]


def test_acronym_spelling_two_organisations_is_left_alone():
    res = resolve(
        [
            article("a", ("American Broadcasting Company", "ORG")),
            article("b", ("Australian Broadcasting Corporation", "ORG")),
            article("c", ("ABC", "ORG")),
        ]
    )
    assert res(O("ABC")) == O("ABC")


def test_people_never_merge_with_organisations_by_surname():
    res = resolve([article("a", ("Gerald Ford", "PERSON")), article("b", ("Ford", "ORG"))])
    assert res(O("Ford")) == O("Ford")


def test_resolve_reads_its_input_once():
    once = iter([article("a", ("Bernard Cazeneuve", "PERSON")), article("b", ("Cazeneuve", "PERSON"))])
    assert resolve(once)(P("Cazeneuve")) == P("Bernard Cazeneuve")


def test_forced_merge_keeps_the_first_name():
    rules = parse_merge_rules("# house style\nmerge\tBBC\tBritish Broadcasting Corporation\n", "m.tsv")
    arts = [article("a", ("BBC", "ORG")), article("b", ("British Broadcasting Corporation", "ORG"))]
    res = resolve(arts, rules)
    assert res(O("British Broadcasting Corporation")) == O("BBC")
    assert res.reasons[O("British Broadcasting Corporation")] == "forced by m.tsv:2"


def test_forced_merge_accepts_entity_ids():
    rules = parse_merge_rules(f"merge\t{P('Le Pen')}\tMarine Le Pen\n", "m.tsv")
    res = resolve([article("a", ("Marine Le Pen", "PERSON"), ("Le Pen", "PERSON"))], rules)
    assert res(P("Marine Le Pen")) == P("Le Pen")


def test_forbidden_merge_blocks_every_rule():
    arts = [article("a", ("Bernard Cazeneuve", "PERSON")), article("b", ("Cazeneuve", "PERSON"))]
    rules = parse_merge_rules("never\tCazeneuve\tBernard Cazeneuve\n", "m.tsv")
    res = resolve(arts, rules)
    assert res(P("Cazeneuve")) == P("Cazeneuve")
    assert any("forbidden" in note for note in res.notes)


def test_rule_naming_nothing_is_noted():
    res = resolve([article("a", ("HRW", "ORG"))], parse_merge_rules("merge\tHRW\tHuman Rights Wach\n", "m.tsv"))
    assert any("m.tsv:1" in note and "Human Rights Wach" in note for note in res.notes)


def test_merge_that_a_never_rule_forbids_is_an_error():
    rules = parse_merge_rules("never\tA Corp\tB Corp\nmerge\tA Corp\tB Corp\n", "m.tsv")
    with pytest.raises(MergeRulesError, match=r"m\.tsv:2"):
        resolve([article("a", ("A Corp", "ORG"), ("B Corp", "ORG"))], rules)
