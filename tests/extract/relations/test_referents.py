"""extract.relations.referents: who a pronoun, "the company", "the minister" or "police sources" stands for."""

from __future__ import annotations

import pytest

from extract.entities import EntityTable, find_entities
from extract.relations import find_relations
from extract.relations.referents import Referents

pytestmark = pytest.mark.model


def read(nlp, text: str) -> tuple[Referents, EntityTable]:
    doc = nlp(text)
    table = EntityTable()
    find_entities(doc, table)
    relations: list = []
    relations.extend(find_relations(doc, table, "t"))  # the roles the text gives, as the rules see them
    return Referents(doc, table, relations), table


def token(referents: Referents, word: str, nth: int = 0):
    return [t for t in referents.doc if t.text == word][nth]


def name(table: EntityTable, end) -> str | None:
    return table.get(end.id).name if end else None


def test_he_is_the_last_fitting_subject_not_a_woman_named_in_between(nlp):
    refs, table = read(nlp, "Tomas Berg met Anna Holm in Oslo. He said the talks had gone well.")
    assert name(table, refs.pronoun(token(refs, "He"))) == "Tomas Berg"


def test_a_pronoun_with_two_fitting_people_before_is_left_unread(nlp):
    refs, table = read(nlp, "Tomas Berg said the plan was sound, but Erik Lund rejected it. He said nothing more.")
    assert refs.pronoun(token(refs, "He", 0)) is None


def test_an_object_pronoun_is_never_its_verbs_subject(nlp):
    refs, table = read(nlp, "Dale Moody testified that Glen Tasker once told him to pay.")
    assert name(table, refs.pronoun(token(refs, "him"))) == "Dale Moody"


def test_she_can_be_an_unnamed_spokeswoman(nlp):
    refs, table = read(nlp, "A spokeswoman for the agency said it was examining one complaint. She gave no date.")
    end = refs.pronoun(token(refs, "She"))
    assert end is not None and table.get(end.id).type == "SOURCE" and name(table, end).startswith("spokeswoman")


def test_the_company_is_the_last_body_named(nlp):
    refs, table = read(nlp, "Saltmarsh Holdings said it would appeal. A spokeswoman for the company declined to comment.")
    assert name(table, refs.definite_body(token(refs, "company"))) == "Saltmarsh Holdings"


def test_the_company_is_not_a_body_named_inside_another_bodys_relative_clause(nlp):
    text = "Norvale Foods, which is owned by the investment firm Castlegate Partners, said it would appeal. The company gave no figures."
    refs, table = read(nlp, text)
    assert name(table, refs.definite_body(token(refs, "company"))) != "Castlegate Partners"


def test_the_bank_is_the_last_body_called_a_bank(nlp):
    refs, table = read(nlp, "The Danube Investment Bank met officials from Vesta Group on Monday. The bank gave no reason.")
    assert name(table, refs.definite_body(token(refs, "bank", 0))) == "Danube Investment Bank"


def test_the_minister_is_who_holds_that_role(nlp):
    refs, table = read(nlp, "Rail minister Lucy Thorne met union leaders on Monday. Later the minister left for Leeds.")
    assert name(table, refs.role_holder(token(refs, "minister", 1))) == "Lucy Thorne"


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Police sources said the road was closed.", "sources", "police sources"),
        ("Two sources familiar with the matter said the deal was close.", "sources", "sources familiar with the matter"),
        ("Analysts at Brandt Capital said the fine was small.", "Analysts", "analysts at Brandt Capital"),
        ("A Norvale Energy spokesman said the plant would reopen.", "spokesman", "spokesman for Norvale Energy"),
        ("Romania's transport ministry said it was frustrated.", "ministry", "Romania's transport ministry"),
    ],
)
def test_unnamed_voices_are_named_by_their_phrase(nlp, text, word, expected):
    refs, table = read(nlp, text)
    end = refs.speaker(token(refs, word))
    assert end is not None and table.get(end.id).type == "SOURCE" and name(table, end) == expected


def test_the_sources_later_are_the_same_source(nlp):
    refs, table = read(nlp, "Police sources said 40 people were held. The sources added that more arrests were likely.")
    first = refs.speaker(token(refs, "sources", 0))
    assert refs.speaker(token(refs, "sources", 1)) == first


def test_a_spokesman_for_a_named_body_speaks_for_it(nlp):
    refs, table = read(nlp, "A spokesman for Caledonian Ferries said the vessel was safe.")
    source = refs.speaker(token(refs, "spokesman"))
    assert [(p, name(table, b)) for s, p, b in refs.affiliations if s == source] == [("SPOKESPERSON_FOR", "Caledonian Ferries")]


def test_an_unnamed_group_acts_as_a_thing_and_a_body_part_keeps_its_body(nlp):
    refs, table = read(nlp, "Councillors rejected the bid. The Fjellstad board approved the sale.")
    councillors = refs.actor(token(refs, "Councillors"))
    assert table.get(councillors.id).type == "THING" and name(table, councillors) == "councillor"
    board = refs.actor(token(refs, "board"))
    assert name(table, board).endswith("board") and "Fjellstad" in name(table, board)


def test_an_indefinite_name_is_not_the_named_body(nlp):
    refs, table = read(nlp, "Dunmore Rovers were taken over by an American investment group.")
    assert refs.actor(token(refs, "group")) is None  # named later, if at all: no node of its own


def test_he_is_never_a_group_named_in_the_last_sentence(nlp):
    referents, table = read(nlp, 'Bram Ostrow said the staff had been brave. He added: "Nobody got hurt."')
    assert name(table, referents.pronoun(token(referents, "He"))) == "Bram Ostrow"


def test_she_is_the_name_in_apposition_not_the_noun_before_it(nlp):
    text = "Ostrow's wife, Dana Ostrow, told reporters the ruling was welcome. She said she would celebrate."
    referents, table = read(nlp, text)
    assert name(table, referents.pronoun(token(referents, "She"))) == "Dana Ostrow"
