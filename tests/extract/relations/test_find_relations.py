"""extract.relations: every rule over an article, and our own articles scored."""

from __future__ import annotations

import json

import pytest

from extract.model import normalize_name
from tests.conftest import REPO
from tests.helpers import extract

pytestmark = pytest.mark.model


NEWS = REPO / "tests" / "data" / "news"


def test_every_relation_has_evidence_inside_the_sentence(nlp):
    text = NEWS.joinpath("harbour-strike.txt").read_text(encoding="utf-8")
    extraction = extract(nlp, text)
    assert extraction.relations
    ids = {e.id for e in extraction.entities}
    for rel in extraction.relations:
        assert rel.source in ids and rel.target in ids
        assert 0 < rel.confidence <= 1
        assert rel.evidence.rule
        for start, end in (rel.evidence.source_span, rel.evidence.target_span):
            assert 0 <= start < end <= len(text)
        if rel.predicate != "SAID":
            assert text[slice(*rel.evidence.source_span)] in rel.evidence.sentence
            assert text[slice(*rel.evidence.target_span)] in rel.evidence.sentence


def _matches(gold: str, entity) -> bool:
    """A gold end matches an entity by name or alias; a surname alone matches its full name."""
    wanted = normalize_name(gold)
    names = {normalize_name(n) for n in (entity.name, *entity.aliases)}
    if entity.type == "QUOTE":
        return normalize_name(entity.name).startswith(wanted)
    return wanted in names or any(set(n.split()) <= set(wanted.split()) for n in names if len(n.split()) < len(wanted.split()))


def score_own_articles(nlp) -> dict[str, tuple[int, int, int]]:
    """(found, gold, predicted-of-kind) per kind over the hand-written articles in tests/data/news."""
    expected = json.loads(NEWS.joinpath("expected.json").read_text(encoding="utf-8"))
    kinds = {"HAS_ROLE": "role", "SAID": "quote", "LEADS": "affiliation", "WORKS_FOR": "affiliation",
             "MEMBER_OF": "affiliation", "SPOKESPERSON_FOR": "affiliation"}  # fmt: skip
    totals: dict[str, list[int]] = {}
    for name, edges in expected.items():
        if name.startswith("_"):
            continue
        text = NEWS.joinpath(name).read_text(encoding="utf-8")
        extraction = extract(nlp, text)
        ents = {e.id: e for e in extraction.entities}
        rels = [r for r in extraction.relations if not r.evidence.rule.startswith("model:")]
        for source, predicate, target, kind in edges:
            row = totals.setdefault(kind, [0, 0, 0])
            row[1] += 1
            row[0] += any(
                r.predicate == predicate and _matches(source, ents[r.source]) and _matches(target, ents[r.target]) for r in rels
            )
        for r in rels:
            kind = kinds.get(r.predicate, "action")
            totals.setdefault(kind, [0, 0, 0])[2] += 1
    return {kind: tuple(row) for kind, row in totals.items()}


def test_own_articles_recall_and_role_precision(nlp):
    totals = score_own_articles(nlp)
    found = sum(t[0] for t in totals.values())
    gold = sum(t[1] for t in totals.values())
    assert found / gold >= 0.75, totals
    for kind in ("role", "affiliation", "quote"):
        assert totals[kind][0] / totals[kind][1] >= 0.7, (kind, totals[kind])
    # roles are enumerated fully in the gold, so extra ROLE edges are real mistakes
    assert totals["role"][0] / totals["role"][2] >= 0.8, totals["role"]
