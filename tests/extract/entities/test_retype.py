"""extract.entities.retype: types a name's own words decide."""

from __future__ import annotations

import pytest

from tests.helpers import by_name, entities, typed_as


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "name", "type_"),
    [
        ("Booth was a Confederate intelligence agent .", "Confederate", "NORP"),  # an adjective, tagged ORG
        ("Guatemalan President Ramiro de Leon Carpio spoke .", "Guatemalan", "NORP"),  # a demonym before a title
        ("Labour leader Ed Miliband spoke .", "Labour", "ORG"),  # a party before a title stays a body
    ],
)
def test_one_word_organisations_used_as_adjectives_are_groups(nlp, text, name, type_):
    assert by_name(entities(nlp, text))[name].type == type_


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "name", "type_"),
    [
        ("McKinley was shot at the Pan-American Exposition in Buffalo .", "Pan-American Exposition", "EVENT"),
        ("Cardenas led the Party of the Democratic Revolution .", "Party of the Democratic Revolution", "ORG"),
        ("The World Food Programme flew in grain on Monday .", "World Food Programme", "ORG"),  # a body, no work
    ],
)
def test_events_works_and_laws_are_not_actors(nlp, text, name, type_):
    assert by_name(entities(nlp, text))[name].type == type_


@pytest.mark.model
def test_a_people_named_like_a_small_town_stays_a_people(nlp):
    ents = by_name(entities(nlp, "Roman Emperor Julius Caesar was stabbed in the Senate ."))
    assert ents["Roman"].type == "NORP"  # "Roman" is also a town in Romania


@pytest.mark.model
def test_a_name_ending_on_an_administrative_area_is_no_person(nlp):
    ents = typed_as(nlp, "Floods reached Tallis Parish on Sunday .", "Tallis Parish", "PERSON")
    assert ents["Tallis Parish"] == "GPE"
