"""extract.relations.roles: HAS_ROLE and affiliations."""

from __future__ import annotations

import pytest

from extract.relations.roles import affiliation_predicate
from tests.helpers import extract, triples

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Interior Minister Bernard Cazeneuve visited the port on Tuesday.", {("Bernard Cazeneuve", "HAS_ROLE", "interior minister")}),
        ("Chancellor Gordon Brown will present the budget next week.", {("Gordon Brown", "HAS_ROLE", "chancellor")}),
        ("Prime Minister Sheikh Hasina visited Sylhet on Saturday.", {("Sheikh Hasina", "HAS_ROLE", "prime minister")}),
        (
            "Trade and Industry Secretary Patricia Hewitt said the figures were encouraging.",
            {("Patricia Hewitt", "HAS_ROLE", "trade and industry secretary")},
        ),
        (
            "FN leader Marine Le Pen accused the government of losing control of the border.",
            {("Marine Le Pen", "HAS_ROLE", "leader"), ("Marine Le Pen", "LEADS", "FN")},
        ),
        (
            "Ludovic Hochart, a spokesman for the UNSA-Police union, said the officers would arrive too late.",
            {("Ludovic Hochart", "HAS_ROLE", "spokesman"), ("Ludovic Hochart", "SPOKESPERSON_FOR", "UNSA-Police union")},
        ),
        (
            "David Frost, director general of the British Chambers of Commerce, welcomed the plan.",
            {("David Frost", "HAS_ROLE", "director general"), ("David Frost", "LEADS", "British Chambers of Commerce")},
        ),
        ("Cazeneuve met the mayor, Natacha Bouchart, on Monday.", {("Natacha Bouchart", "HAS_ROLE", "mayor")}),
        (
            "John Smith is the chief executive of Acme Holdings.",
            {("John Smith", "HAS_ROLE", "chief executive"), ("John Smith", "LEADS", "Acme Holdings")},
        ),
        (
            "Labour MP Diane Abbott criticised the plan.",
            {("Diane Abbott", "HAS_ROLE", "mp"), ("Diane Abbott", "MEMBER_OF", "Labour")},
        ),
        (
            "Composer Ivo Maren is a native of Split .",
            {("Ivo Maren", "HAS_ROLE", "composer")},
        ),  # the occupation leaves the name and is a role
        (
            "The report was filed by ITAR-TASS correspondent Olga Petrenko on Friday.",
            {("Olga Petrenko", "HAS_ROLE", "correspondent"), ("Olga Petrenko", "WORKS_FOR", "ITAR-TASS")},
        ),  # a hyphenated agency name the tokenizer split, untagged by the model
        (
            "Councillor John Rourke, who sits on Kilmore County Council, asked both sides to talk.",
            {("John Rourke", "HAS_ROLE", "councillor")},
        ),  # a local office title the model puts inside the PERSON span
        ("Congressman Tom Reyes said the bill would pass.", {("Tom Reyes", "HAS_ROLE", "congressman")}),
    ],
)
def test_roles_and_affiliations(nlp, text, expected):
    assert expected <= triples(nlp, text)


def test_being_a_native_of_a_town_is_no_role(nlp):
    roles = {t for s, p, t in triples(nlp, "Composer Ivo Maren is a native of Split .") if p == "HAS_ROLE"}
    assert roles == {"composer"}


def test_role_name_drops_determiner_and_nationality(nlp):
    found = triples(nlp, "Angela Brooks, the French ambassador, arrived on Sunday.")
    roles = {t for s, p, t in found if p == "HAS_ROLE"}
    assert roles == {"ambassador"}


def test_former_role_gives_no_affiliation():
    assert affiliation_predicate("former chief executive", "ORG") is None
    assert affiliation_predicate("chief executive", "ORG") == "LEADS"
    assert affiliation_predicate("spokeswoman", "ORG") == "SPOKESPERSON_FOR"
    assert affiliation_predicate("councillor", "ORG") == "MEMBER_OF"
    assert affiliation_predicate("economist", "ORG") == "WORKS_FOR"
    assert affiliation_predicate("mayor", "GPE") == "LEADS"
    assert affiliation_predicate("economist", "GPE") is None


def test_a_title_word_inside_a_name_is_not_a_second_title(nlp):
    """ "Prime Minister Sheikh Hasina": "Sheikh" belongs to the name, so "Prime" is no organisation."""
    extraction = extract(nlp, "Prime Minister Sheikh Hasina visited Sylhet on Saturday.")
    assert not [e for e in extraction.entities if e.type == "ORG"]
    assert {e.name for e in extraction.entities if e.type == "ROLE"} == {"prime minister"}


def test_a_verb_the_parser_read_into_a_title_is_no_part_of_the_role(nlp):
    found = triples(nlp, "Harrowgate Rovers have sacked manager Declan Furlong after a run of nine games without a win.")
    assert ("Declan Furlong", "HAS_ROLE", "manager") in found
    assert not any("sacked" in obj for _, _, obj in found)


def test_an_abbreviated_title_is_the_role_it_stands_for(nlp):
    found = triples(nlp, "Gov. Ruth Calloway and state Sen. Amos Reddick met on Friday.")
    assert ("Ruth Calloway", "HAS_ROLE", "governor") in found and ("Amos Reddick", "HAS_ROLE", "state senator") in found
