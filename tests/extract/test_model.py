"""The data model: stable ids and a lossless JSON round trip."""

from __future__ import annotations

import json

import pytest

from extract.model import (
    Article,
    ArticleExtraction,
    Entity,
    Evidence,
    Mention,
    Relation,
    entity_id,
    normalize_name,
)


def sample() -> ArticleExtraction:
    text = 'Interior Minister Bernard Cazeneuve visited Calais. "We act," he said.'
    person = Entity("person:bernard-cazeneuve", "Bernard Cazeneuve", "PERSON", ("Cazeneuve",), (Mention(18, 35, "Bernard Cazeneuve", "PERSON"),))
    role = Entity("role:interior-minister", "interior minister", "ROLE", (), (Mention(0, 17, "Interior Minister", "ROLE"),))
    evidence = Evidence("a1", text[:51], (18, 35), (0, 17), "title")
    relation = Relation(person.id, "HAS_ROLE", role.id, evidence, 0.8)
    article = Article("a1", text, title="T", source="s", url="https://x.example/1", published="2025-01-02T09:30:00+01:00",
                      authors=("Ana Ruiz", "Li Wei"), site_name="Bay News")  # fmt: skip
    return ArticleExtraction(article, (person, role), (relation,))


def test_round_trip_through_json_is_lossless():
    original = sample()
    again = ArticleExtraction.from_dict(json.loads(json.dumps(original.to_dict())))
    assert again == original


def test_lines_written_before_authors_and_site_name_still_read():
    data = sample().to_dict()
    del data["authors"], data["site_name"]
    article = ArticleExtraction.from_dict(data).article
    assert (article.authors, article.site_name, article.published) == ((), "", "2025-01-02T09:30:00+01:00")


def test_contract_fields():
    data = sample().to_dict()
    assert {"doc_id", "title", "entities", "relations"} <= set(data)
    assert (data["authors"], data["site_name"]) == (["Ana Ruiz", "Li Wei"], "Bay News")
    assert set(data["entities"][0]) == {"id", "name", "type", "aliases", "mentions"}
    assert set(data["entities"][0]["mentions"][0]) >= {"start", "end", "text"}
    assert set(data["relations"][0]) == {
        "source", "predicate", "target", "source_span", "target_span", "sentence", "confidence", "rule",
    }  # fmt: skip
    rel = data["relations"][0]
    text = sample().article.text
    assert text[slice(*rel["source_span"])] == "Bernard Cazeneuve"
    assert text[slice(*rel["target_span"])] == "Interior Minister"


@pytest.mark.parametrize(
    ("a", "b"),
    [("Marine Le Pen", "marine le pen"), ("Marine  Le-Pen", "MARINE LE PEN"), ("Ségolène Royal", "Segolene Royal")],
)
def test_ids_ignore_case_accents_and_punctuation(a, b):
    assert entity_id(a, "PERSON") == entity_id(b, "PERSON")


def test_ids_depend_on_type_and_are_distinct_for_symbol_names():
    assert entity_id("Jordan", "PERSON") != entity_id("Jordan", "GPE")
    assert entity_id("???", "THING") != entity_id("!!!", "THING")
    assert entity_id("???", "THING") == entity_id("???", "THING")


def test_long_names_give_bounded_ids():
    eid = entity_id("word " * 100, "THING")
    assert len(eid) < 100 and eid == entity_id("word " * 100, "THING")
    assert eid != entity_id("word " * 101, "THING")


def test_normalize_name():
    assert normalize_name("  Le Pen's ") == "le pen s"
