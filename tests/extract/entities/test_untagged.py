"""extract.entities.untagged: names the model missed."""

from __future__ import annotations

import pytest

from tests.helpers import by_name, entities


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Pellow , who runs the ferry service , declined to comment .",  # untagged; "who" is for people
        "Winter , 53 , a retired judge , chaired the panel .",  # read as a common noun; the age says person
    ],
)
def test_who_and_an_age_make_an_untagged_word_a_person(nlp, text):
    name = text.split()[0]
    assert by_name(entities(nlp, text))[name].type == "PERSON"


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "name", "type_"),
    [
        ("Human Rights Watch published a report .", "Human Rights Watch", "ORG"),  # untagged by the model
        ("The Channel Islands were cut off for two days .", "Channel Islands", "LOC"),  # untagged by the model
    ],
)
def test_untagged_proper_nouns_ending_on_a_kind_word_are_named(nlp, text, name, type_):
    assert by_name(entities(nlp, text))[name].type == type_


@pytest.mark.model
def test_an_untagged_family_name_that_acts_is_a_person(nlp):
    ents = by_name(entities(nlp, "Garrick sneaked into the box before the second act ."))  # nothing tagged
    assert ents["Garrick"].type == "PERSON"


@pytest.mark.model
def test_a_word_the_model_missed_after_a_kind_of_body_is_that_body_and_so_are_its_later_uses(nlp):
    text = "Streaming service Quillo bought the rights on Monday. Quillo also signed up two writers."
    ents = by_name(entities(nlp, text))
    assert ents["Quillo"].type == "ORG" and len(ents["Quillo"].mentions) == 2, sorted(ents)
    assert not entities(nlp, "The company Monday said sales rose."), "a day is no body's name"
