"""extract.entities.clues: what the words around a mention say of it."""

from __future__ import annotations

import pytest

from tests.helpers import by_name, entities, typed_as


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "name", "type_"),
    [
        ("A delegate from Sevastopol spoke first .", "Sevastopol", "GPE"),  # tagged NORP
        ("Daniel Brooks of Oxford won the prize .", "Oxford", "GPE"),  # tagged ORG; a hometown
        ("Historians still argue about the assassin of Lincoln .", "Lincoln", "PERSON"),  # tagged ORG
        ("Reporters waited outside Pellworth 's home all night .", "Pellworth", "PERSON"),  # tagged ORG
        ("The prize went to Brightwell , a designer from Malmo .", "Brightwell", "PERSON"),  # tagged ORG
        ("Yugoslavia recalled its ambassador on Monday .", "Yugoslavia", "GPE"),  # a state that is gone
    ],
)
def test_hometowns_victims_and_owners(nlp, text, name, type_):
    assert by_name(entities(nlp, text))[name].type == type_


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "word", "label", "type_"),
    [
        ("Former Veltrax executive Mara Quinn joined the board .", "Veltrax", "PERSON", "ORG"),  # employs staff
        ("Nobody at Veltrax 's headquarters would comment .", "Veltrax", "PERSON", "ORG"),  # has headquarters
        ("A Phoenix newspaper printed the letter .", "Phoenix", "GPE", "GPE"),  # a paper in a known city
        ("Pellham , which is owned by Brightwater Capital , said it would appeal .", "Pellham", "PERSON", "ORG"),
        ("The board fired Tom Okafor , which surprised everyone .", "Tom Okafor", "PERSON", "PERSON"),  # a given name
        ("Marrowby singer Tom Chaplin thanked the fans .", "Marrowby", "PERSON", "ORG"),  # a band's singer
    ],
)
def test_what_a_sentence_says_of_a_body_makes_it_an_organisation(nlp, text, word, label, type_):
    assert typed_as(nlp, text, word, label)[word] == type_


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Nobody was charged in the Delaney slaying .", "Delaney"),  # "in" the slaying, not in a place
        ("He was jailed for the 1968 slaying of Marlowe .", "Marlowe"),
        ("Critics blamed the Okuda administration for the delay .", "Okuda"),
    ],
)
def test_victims_and_leaders_are_persons(nlp, text, word):
    assert typed_as(nlp, text, word, "GPE")[word] == "PERSON"


@pytest.mark.model
def test_an_apposition_naming_a_people_makes_a_person(nlp):
    ents = by_name(entities(nlp, "Rossi , a Sicilian , was sentenced on Friday ."))  # the model says GPE
    assert ents["Rossi"].type == "PERSON"


@pytest.mark.model
def test_a_name_in_apposition_to_a_word_for_a_person_is_a_person(nlp):
    text = "The talks were led by his son and envoy , Prince Amadou Sekou ."
    assert typed_as(nlp, text, "Prince Amadou Sekou", "GPE")["Prince Amadou Sekou"] == "PERSON"


@pytest.mark.model
def test_an_age_after_a_name_makes_a_person_but_a_year_does_not(nlp):
    kids = "The children _ Tomas , 15 , and Ilse , 10 _ live upstairs ."
    assert typed_as(nlp, kids, "Ilse", "GPE")["Ilse"] == "PERSON"  # ", 10 _" closes an age too
    assert typed_as(nlp, "The flood reached Calais , 2015 , and Dover .", "Calais", "GPE")["Calais"] == "GPE"


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("Velmora raised its forecast for the year .", "Velmora", True),  # the subject goes on with "its"
        ("Velmora plans to cut its prices in May .", "Velmora", True),
        ("Velmora said the regulator had cut its budget .", "Velmora", False),  # another clause's "its"
        ("Yesterday Velmora thanked the union for its patience .", "Velmora", False),  # the union's
        ("Velmora and Tesco both cut their prices on Monday .", "Velmora", False),
        ("Ships from Velmora lost its cargo in the storm .", "Velmora", False),  # not the subject
    ],
)
def test_a_subject_that_goes_on_with_its_is_a_clue_to_a_body(nlp, text, name, expected):
    assert ("body" in dict(by_name(entities(nlp, text))[name].clues)) is expected


def mention_clues(nlp, text: str, name: str) -> list[str]:
    """The clues of the first mention candidate written ``name`` in ``text``."""
    from extract.entities import clues_of, find_candidates

    doc = nlp(text)
    return next(clues_of(doc, c) for c in find_candidates(doc) if doc[c.start : c.end].text == name)


@pytest.mark.model
def test_team_sheets_and_playing_for_a_club_say_a_place_names_a_team(nlp):
    def clues(text: str, name: str) -> list[str]:
        return mention_clues(nlp, text, name)

    assert "team" in clues("Vickery broke his arm playing for Gloucester last weekend.", "Gloucester")
    sheet = "The squad: Dafydd Peel (Llanelli), Mefin Davies (Gloucester), Adam Jones (Ospreys), Brent Cockbain (Ospreys)."
    assert "team" in clues(sheet, "Gloucester")
    assert "team" not in clues("Senator Bob Hale (Texas) spoke.", "Texas")  # one name in brackets: a state


@pytest.mark.model
def test_a_singular_name_before_are_were_or_have_is_a_group(nlp):
    def clues(text: str, name: str) -> list[str]:
        return mention_clues(nlp, text, name)

    assert "group" in clues("Glass Harbour are touring Europe in May, the band's label said.", "Glass Harbour")
    assert "group" in clues("Glass Harbour have split after ten years.", "Glass Harbour")
    assert "group" not in clues("Mara Quell has split from her band after ten years.", "Mara Quell")
    assert "group" not in clues("Mara Quell and Tom Vell are touring Europe in May.", "Mara Quell")
