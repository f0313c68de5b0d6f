"""extract.entities.repairs: names cut in two or run together."""

from __future__ import annotations

import pytest

from tests.helpers import by_name, entities


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The clinic runs on a grant from the United States Agency for International Development .",
         "United States Agency for International Development"),  # first part ends on "for"
        ("She will testify before the Senate Committee on Veterans Affairs next week .", "Senate Committee on Veterans Affairs"),
        ("He later chaired the Carnegie Foundation for the Advancement of Teaching .",
         "Carnegie Foundation for the Advancement of Teaching"),  # head word, "for the", the rest
    ],
)  # fmt: skip
def test_an_organisation_cut_in_two_is_joined(nlp, text, name):
    ents = by_name(entities(nlp, text))
    assert name in ents, sorted(ents)
    assert ents[name].type == "ORG"


@pytest.mark.model
def test_two_bodies_side_by_side_stay_apart(nlp):
    ents = by_name(entities(nlp, "Oxfam sent money to the Red Cross on Monday ."))
    assert {"Oxfam", "Red Cross"} <= set(ents)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The Duke of Edinburgh opened the hall .", "Duke of Edinburgh"),  # tagged "Duke" + "Edinburgh"
        ("Britain 's Duchess of York and a film star topped the list .", "Duchess of York"),  # tagged GPE
        ("The Archbishop of Canterbury spoke on Sunday .", "Archbishop of Canterbury"),
    ],
)
def test_a_title_held_of_a_place_is_its_holder(nlp, text, name):
    ents = by_name(entities(nlp, text))
    assert ents[name].type == "PERSON", sorted(ents)


@pytest.mark.model
def test_a_title_of_a_place_followed_by_the_holders_name_is_a_role(nlp):
    ents = by_name(entities(nlp, "The last King of Tavora , Ambrosio , died in 1533 ."))
    assert "King of Tavora" not in ents


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "firm", "town"),
    [
        ("Harlow-Vance Corp. of Dunmore filed the claim .", "Harlow-Vance Corp.", "Dunmore"),  # tagged as one
        ("The trucks were leased from Brill Haulage Co. of Tolvan .", "Brill Haulage Co.", "Tolvan"),
    ],
)
def test_of_a_town_after_a_companys_legal_form_is_where_it_is_based(nlp, text, firm, town):
    ents = by_name(entities(nlp, text))
    assert ents[firm].type == "ORG", sorted(ents)
    assert ents[town].type == "GPE"


@pytest.mark.model
def test_of_a_place_inside_a_name_without_a_legal_form_stays(nlp):
    assert by_name(entities(nlp, "The Bank of England raised rates ."))["Bank of England"].type == "ORG"
