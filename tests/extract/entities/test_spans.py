"""extract.entities.spans: the model's spans trimmed, cut and repaired."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from extract.entities import EntityTable, find_entities
from extract.model import Article
from extract.run.serial import extract_doc
from tests.helpers import by_name, entities


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "name", "type_"),
    [
        ("Students at Boston University 's law school protested.", "Boston University", "ORG"),  # possessive
        ("Aid workers met the White House press secretary.", "White House", "ORG"),  # determiner
        ("Calling Calais a disgrace, the minister left for Paris.", "Calais", None),  # sentence-initial verb
        ("FN leader Marine Le Pen accused the government.", "Marine Le Pen", "PERSON"),  # "Marine Le" + "Pen"
        ("Ships were stuck in the English Channel for two days.", "English Channel", "LOC"),  # "English" + head
        ("Singers Jennifer Lopez and Dido will perform at the gala.", "Jennifer Lopez", "PERSON"),  # a plural occupation
        ("Spaniard Conchita Ruiz beat her rival in Doha on Monday.", "Conchita Ruiz", "PERSON"),  # a people's word
        ("Mia Kovac beat Sarah Miller 6-4, 7-5 on Saturday.", "Sarah Miller", "PERSON"),  # a score after the name
        ("Italy beat the Republic of Georgia 6-7 in the semi-final.", "Republic of Georgia", "GPE"),  # after any name
        ("The title went to Welshman David Prowse after a long final.", "David Prowse", "PERSON"),
    ],
)
def test_spans_are_cleaned_and_repaired(nlp, text, name, type_):
    ents = by_name(entities(nlp, text))
    assert name in ents, sorted(ents)
    if type_:
        assert ents[name].type == type_
    assert all(m.text == name for m in ents[name].mentions)


@pytest.mark.model
def test_bracketed_acronym_is_split_from_the_name(nlp):
    ents = by_name(entities(nlp, "The National Front (FN) has governed several towns."))
    front = ents["National Front"]
    assert front.type == "ORG" and front.aliases == ("FN",)
    assert not any("(" in m.text for m in front.mentions)


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Lorry drivers blocked the road near the lorry park in Calais.",  # capitalised common noun
        "Interior Minister Bernard Cazeneuve visited Calais on Tuesday.",  # "Interior" is part of a title
        "The ferry left at 2100 GMT from the port.",  # a time zone
    ],
)
def test_non_actors_are_dropped(nlp, text):
    names = {e.name.lower() for e in entities(nlp, text)}
    assert not names & {"lorry", "interior", "gmt"}, names


def test_cleanup_works_on_a_hand_built_doc(nlp):
    words = ["The", "National", "Front", "(", "FN", ")", "won", "."]
    doc = Doc(nlp.vocab, words=words, ents=["B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "O", "O"])
    table = EntityTable()
    find_entities(doc, table)
    (front,) = table.entities()
    assert (front.name, front.type, front.aliases) == ("National Front", "ORG", ("FN",))
    assert [doc.text[m.start : m.end] for m in front.mentions] == ["National Front", "FN"]
    assert [(e.text, e.label_) for e in doc.ents] == [("National Front", "ORG"), ("FN", "ORG")]


@pytest.mark.parametrize(
    ("text", "person", "other"),
    [
        ("Writing in the Times Mr Campbell said the dossier was accurate.", "Campbell", ("Times", "ORG")),
        ("The Bishop of Durham, the Rt Rev Dr Tom Wright, said the plan was unfair.", "Tom Wright", None),
    ],
)
def test_an_honorific_inside_the_mention_before_goes_to_the_name_after(nlp, text, person, other):
    """The model can end one mention with "Mr"/"Dr" that starts the next name; mentions never overlap."""
    check_person_without_overlaps(nlp, text, person, other)


def test_two_repairs_reaching_the_same_name_keep_the_longer(nlp):
    """A title-led name found untagged ("Lt Col Eric Schnaible") and a lone given name inside it: one mention."""
    text = "Most of the money has been spent. Lt Col Eric Schnaible of the army told reporters the work would go on."
    check_person_without_overlaps(nlp, text, "Lt Col Eric Schnaible", None)


def check_person_without_overlaps(nlp, text, person, other):
    extraction = extract_doc(nlp(text), Article("a", text))
    names = {(e.name, e.type) for e in extraction.entities}
    assert (person, "PERSON") in names
    if other:
        assert other in names
    spans = sorted((m.start, m.end) for e in extraction.entities for m in e.mentions)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "org", "person"),
    [
        ("The ferry sank near the pier , said Coast Guard Lt. Mark Denby .", "Coast Guard", "Mark Denby"),
        ("No one was hurt , said Fire Department Capt. Lena Ostrow .", "Fire Department", "Lena Ostrow"),
    ],
)
def test_a_rank_before_a_name_leaves_the_organisation(nlp, text, org, person):
    ents = by_name(extract_doc(nlp(text), Article(id="a", text=text)).entities)
    assert ents[org].type == "ORG" and ents[person].type == "PERSON"
    assert not any(name.rstrip(".").endswith(("Lt", "Capt")) for name in ents)


@pytest.mark.model
def test_a_head_word_read_as_a_person_takes_the_name_before_it(nlp):
    ents = {e.name: e.type for e in entities(nlp, "The senator was shot at the Ambassador Hotel and died a day later .")}
    assert ents == {"Ambassador Hotel": "FAC"}  # the model saw "Hotel" as a person after the title "Ambassador"


@pytest.mark.model
def test_an_era_after_a_year_is_no_place(nlp):
    assert entities(nlp, "The temple was built in 312 B.C. by a local king .") == []


@pytest.mark.model
def test_reverend_is_a_style_of_address_like_doctor(nlp):
    ents = by_name(entities(nlp, "The crowd cheered the Rev. Jesse Okafor on Sunday . Okafor thanked them ."))
    assert {m.text for m in ents["Jesse Okafor"].mentions} == {"Rev. Jesse Okafor", "Okafor"}


@pytest.mark.parametrize(
    ("words", "spaces", "parts"),
    [
        (["Jonathan", "Kaplan", "-", "England"], [True, True, True, False], [(0, 2), (3, 4)]),  # a headline's dash
        (["Leeds", "v", "Saracens"], [True, True, False], [(0, 1), (2, 3)]),  # a fixture
        (["Real", "Madrid", "vs.", "Porto"], [True, True, True, False], [(0, 2), (3, 4)]),
        (["Mark", "Lewis", "-", "Francis"], [True, False, False, False], [(0, 4)]),  # a name's own hyphen
    ],
)
def test_a_span_is_cut_at_a_spaced_dash_and_between_two_sides(words, spaces, parts):
    from spacy.vocab import Vocab

    from extract.entities.spans import _segments

    assert _segments(Doc(Vocab(), words=words, spaces=spaces), 0, len(words)) == parts


@pytest.mark.model
def test_a_people_s_word_alone_is_no_person_and_a_place_before_a_name_stays(nlp):
    ents = by_name(entities(nlp, "Welshman Jimmy Prowse lost to Paris Hilton and Jordan Henderson in a charity match."))
    assert "Welshman" not in ents or ents["Welshman"].type == "NORP"
    assert {"Jimmy Prowse", "Paris Hilton", "Jordan Henderson"} <= set(ents), sorted(ents)


@pytest.mark.parametrize(
    ("word", "people"),
    [("spaniard", True), ("welshman", True), ("briton", True), ("kenyan", True), ("swede", True),
     ("yorkshire", False), ("jordan", False), ("surrey", False), ("texas", False)],
)  # fmt: skip
def test_a_word_for_a_people_is_told_from_a_place_s_name(word, people):
    from extract.entities.spans import _nationality

    assert _nationality(word) is people
