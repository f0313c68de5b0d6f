"""extract.resolve.decide: an actor's type from the corpus's evidence, and the name it is shown with."""

from __future__ import annotations

from collections import Counter

import pytest

from extract.resolve.decide import FamilyNames, decide_type, display_name


@pytest.mark.parametrize(
    ("name", "votes", "relations", "aliases", "roles", "expected", "clues"),
    [
        ("Sri Lanka", {"PERSON": 5, "GPE": 1}, {}, {}, {}, "GPE", {}),  # a country on the place list
        ("Democrats", {"PERSON": 3, "NORP": 2}, {}, {}, {}, "NORP", {}),  # a plural group noun is no person
        ("Merrill Lynch", {"PERSON": 6, "ORG": 1}, {}, {}, {"investment bank": 1}, "ORG", {}),  # described as a body
        ("Bernie Ebbers", {"ORG": 5, "PERSON": 4}, {"HAS_ROLE>": 3}, {"mr ebbers": 2}, {"chief executive": 2}, "PERSON", {}),
        ("Gazprom", {"GPE": 13, "ORG": 2}, {">WORKS_FOR": 3}, {}, {}, "ORG", {}),  # no place list knows it
        ("Investec", {"NORP": 4}, {}, {}, {}, "ORG", {}),  # a group that is no nationality
        ("Asian", {"NORP": 19}, {}, {}, {}, "NORP", {"body": 1}),  # a people, not a body
        ("Britons", {"PERSON": 4, "ORG": 2}, {}, {}, {}, "NORP", {}),  # a country's people
        ("Toyota", {"GPE": 6}, {}, {}, {}, "ORG", {"body": 1}),  # a small town's name nothing is in
        ("Blinkx", {"GPE": 4}, {}, {}, {}, "ORG", {}),  # no place list knows it, nothing is in it
        ("Harbourton", {"GPE": 1}, {}, {}, {}, "GPE", {}),  # one article is too little to say
        ("Earthlink", {"PERSON": 5}, {"HAS_ROLE>": 2}, {}, {"research": 2}, "ORG", {}),  # nothing shows a person
        ("Reporters Without Borders", {"PERSON": 2}, {}, {}, {}, "ORG", {}),  # no person's name has "without"
        ("Frankfurt", {"GPE": 10, "ORG": 1}, {}, {}, {}, "GPE", {}),  # a big city's other name
        ("Atlantico Shipping", {"PERSON": 2}, {}, {}, {}, "ORG", {}),  # a body's last word
        # what the sentences say: "Velmora said its profits rose" outweighs a tagger's place votes
        ("Velmora", {"GPE": 3, "ORG": 1}, {}, {}, {}, "ORG", {"body": 3}),
        ("Quillby", {"ORG": 3, "PERSON": 1}, {}, {}, {}, "PERSON", {"person": 4}),  # "Quillby, 42, said"
        ("Arvendale", {"ORG": 2, "GPE": 2}, {}, {}, {}, "GPE", {"place": 3, "in": 8}),  # "in Arvendale"
        ("Jude Larkin", {"PERSON": 6}, {}, {}, {"stars": 1}, "PERSON", {}),  # "stars such as X": one of the stars
        ("Dara Voss", {"PERSON": 5}, {}, {}, {"greatest songs": 1}, "PERSON", {}),  # one plural guess against 5 articles
        ("Snowmelt", {"PERSON": 2}, {}, {}, {"big winners": 1}, "ORG", {}),  # a band: a plural guess in half of them
        ("Kiran Odell", {"PERSON": 17}, {}, {}, {}, "PERSON", {"body": 1}),  # one "its" against 17 articles' PERSON
        ("Yukos", {"PERSON": 16}, {}, {}, {}, "ORG", {"body": 3}),  # but three "the company"s are enough
        ("Gregory Ioannidis", {"PERSON": 6, "ORG": 1}, {}, {}, {"lawyer": 1}, "PERSON", {}),  # a surname in -s is no plural
        ("Damien Duff", {"PERSON": 8, "ORG": 2}, {}, {}, {}, "PERSON", {}),  # a given and family name, a few ORG slips
        ("Harbourton Film Festival", {"FAC": 3, "ORG": 1}, {}, {}, {}, "EVENT", {}),  # an event's last word
        ("Brit Awards", {"ORG": 4}, {}, {}, {}, "EVENT", {"body": 1}),
        # "England captain X", "Harbourton's striker": a place's name for its side
        ("England", {"GPE": 20}, {}, {}, {}, "ORG", {"team": 9}),
        ("Harbourton", {"GPE": 8}, {}, {}, {}, "ORG", {"team": 3, "in": 1}),
        ("England", {"GPE": 20}, {}, {}, {}, "GPE", {"team": 3}),  # a country in most articles
        ("England", {"GPE": 5}, {}, {}, {}, "GPE", {"team": 2}),  # too little to say
        # a person's role outweighs a tagger that reads a name as a body, unless something says outright it is one
        ("Keanan Vantor", {"ORG": 9, "PERSON": 3}, {}, {}, {"actor": 1}, "PERSON", {"person": 1, "body": 2}),
        ("Morgan Stanley", {"PERSON": 4}, {}, {}, {"former banker": 2, "investment bank": 2}, "ORG", {}),
        ("Dwain Chambers", {"ORG": 3, "PERSON": 2}, {}, {}, {}, "PERSON", {"person": 1}),  # "chambers" a family name too
        ("Harbourton Chambers", {"ORG": 3}, {}, {}, {}, "ORG", {}),
        ("Fabrice Pelou", {"ORG": 7, "PERSON": 2}, {}, {}, {"captain": 3}, "PERSON", {}),
        ("Fabrice Pelous", {"ORG": 7, "PERSON": 2}, {}, {}, {"captain": 3}, "PERSON", {}),  # no plural: a captain
        ("Glass Harbour", {"PERSON": 3}, {}, {}, {}, "ORG", {"group": 2}),  # "Glass Harbour are touring": a band
        ("Ada Morrow", {"PERSON": 2}, {}, {}, {}, "PERSON", {"group": 1}),  # one misparse against a person's name
        ("Frankfurt", {"ORG": 9, "GPE": 3}, {}, {}, {}, "ORG", {"body": 2}),  # a big city's club or firm, by most articles
        ("Frankfurt", {"ORG": 9, "GPE": 3}, {}, {}, {}, "GPE", {}),  # without a word to say so: the city
    ],
)
def test_types(name, votes, relations, aliases, roles, expected, clues):
    type_, why, sure = decide_type(name, Counter(votes), Counter(relations), Counter(aliases), Counter(roles), Counter(clues))
    assert type_ == expected and why.endswith(f"→ {expected}") and 0 <= sure <= 1


def test_the_name_shown_is_complete_clean_and_common():
    assert display_name(Counter({"US": 200, "United States": 50, "USA": 3})) == "United States"
    assert display_name(Counter({"ex-Yukos": 3, "Yukos": 1})) == "Yukos"
    assert display_name(Counter({"Lord Butler": 1, "Robin Butler": 1})) == "Robin Butler"


def test_the_corpus_family_names_make_a_person_of_a_given_name_before_one():
    fiorina = FamilyNames(frozenset({"fiorina", "okafor"}), frozenset({"fiorina"}))  # "Ms Fiorina" elsewhere
    assert decide_type("Carly Fiorina", Counter({"ORG": 2}), Counter(), Counter(), surnames=fiorina)[0] == "PERSON"
    assert decide_type("Carly Fiorina", Counter({"ORG": 2}), Counter(), Counter())[0] == "ORG"
    # a lone surname the corpus knows from a full name stays a person though nothing else shows it
    assert decide_type("Okafor", Counter({"PERSON": 1}), Counter(), Counter(), surnames=fiorina)[0] == "PERSON"


def test_a_full_name_whose_surname_the_corpus_gives_a_person_alone_is_a_person():
    seen = FamilyNames(alone=frozenset({"harinordoquy"}))  # "Harinordoquy" alone is a person in other articles
    assert decide_type("Imanol Harinordoquy", Counter({"ORG": 4, "PERSON": 1}), Counter(), Counter(), surnames=seen)[0] == "PERSON"
    assert decide_type("Imanol Harinordoquy", Counter({"ORG": 4, "PERSON": 1}), Counter(), Counter())[0] == "ORG"
    # a body that shows it is one keeps its type ("Harinordoquy Holdings said its …")
    body = decide_type("Imanol Harinordoquy", Counter({"ORG": 4}), Counter(), Counter(), clues=Counter({"body": 2}), surnames=seen)
    assert body[0] == "ORG"
