"""Entity quality on paragraphs we wrote (tests/data/entity_clusters.json): found, typed, clustered.

A small held-out-style check: six short news paragraphs with the clusters a careful reader would draw.
Types are compared by family (PERSON, ORG, NORP, and GPE/LOC/FAC as one "place" family). The floors are
below today's figures (printed with ``pytest -s``) and catch a rule that breaks real articles.
"""

from __future__ import annotations

import json

import pytest

from extract.model import Article, normalize_name
from extract.resolve import resolve
from extract.run import extract_articles
from tests.conftest import REPO

DATA = REPO / "tests" / "data" / "entity_clusters.json"
PLACE = {"GPE", "LOC", "FAC"}
pytestmark = pytest.mark.model


def family(type_: str) -> str:
    return "PLACE" if type_ in PLACE else type_


@pytest.fixture(scope="module")
def scored(nlp):
    data = json.loads(DATA.read_text(encoding="utf-8"))
    articles = [Article(a["id"], a["text"]) for a in data["articles"]]
    extractions = {x.doc_id: x for x in extract_articles(articles, nlp=nlp)}
    return data, extractions


def forms_of(entity) -> set[str]:
    return {normalize_name(entity.name), *(normalize_name(a) for a in entity.aliases)}


def holder(extraction, name: str):
    """The predicted entity that has ``name`` as its name or an alias."""
    key = normalize_name(name)
    return next((e for e in extraction.entities if key in forms_of(e)), None)


def test_entities_are_found_typed_and_clustered(scored):
    data, extractions = scored
    total = found = typed = clustered = 0
    over_merged = []
    for art in data["articles"]:
        extraction = extractions[art["id"]]
        for gold in art["entities"]:
            total += 1
            entity = holder(extraction, gold["name"])
            if entity is None:
                continue
            found += 1
            typed += family(entity.type) == family(gold["type"])
            wanted = {normalize_name(f) for f in [gold["name"], *gold.get("forms", ())]}
            unwanted = {normalize_name(f) for f in gold.get("not_forms", ())}
            clustered += wanted <= forms_of(entity) and not unwanted & forms_of(entity)
        golds = [{normalize_name(g["name"]), *map(normalize_name, g.get("forms", ()))} for g in art["entities"]]
        for entity in extraction.entities:
            if sum(bool(forms_of(entity) & g) for g in golds) > 1:
                over_merged.append((art["id"], entity.name))
    print(f"\nentities: {total}; found {found / total:.2f}, typed {typed / total:.2f}, clustered {clustered / total:.2f}")
    assert not over_merged, f"one entity holds two actors: {over_merged}"
    assert found / total >= 0.9
    assert typed / total >= 0.85
    assert clustered / total >= 0.85


def test_actors_are_merged_across_articles(scored):
    data, extractions = scored
    resolution = resolve(extractions.values())

    def canonical(doc_id: str, name: str) -> str:
        entity = holder(extractions[doc_id], name)
        return resolution(entity.id) if entity is not None else f"missing in {doc_id}: {name}"

    same = data["across_articles"]["same"]
    joined = sum(canonical(*a) == canonical(*b) for a, b in same)
    print(f"\nacross articles: {joined}/{len(same)} same-actor pairs merged")
    assert joined / len(same) >= 0.7
    for a, b in data["across_articles"]["different"]:
        assert canonical(*a) != canonical(*b)
