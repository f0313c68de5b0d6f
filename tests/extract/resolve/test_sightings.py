"""extract.resolve.sightings: what resolution reads of an article, and that it is enough."""

from __future__ import annotations

import json

from extract.model import Article, ArticleExtraction, Entity, Evidence, Mention, Relation, entity_id
from extract.resolve import Sighting, resolve, resolve_sightings, sightings


def person(name: str) -> Entity:
    return Entity(entity_id(name, "PERSON"), name, "PERSON", (), (Mention(0, len(name), name, "PERSON"),))


def test_sightings_keep_named_entities_and_the_relations_they_take_part_in():
    blair, role = person("Tony Blair"), Entity("role:prime-minister", "prime minister", "ROLE")
    rel = Relation(blair.id, "HAS_ROLE", role.id, Evidence("a", "s", (0, 1), (2, 3), "title"), 0.8)
    (seen,) = sightings(ArticleExtraction(Article("a", "text"), (blair, role), (rel,)))
    assert (seen.id, seen.mentions, seen.relations) == (blair.id, 1, (("HAS_ROLE>", 1),))
    assert Sighting.from_dict(json.loads(json.dumps(seen.to_dict()))) == seen


def test_resolving_sightings_gives_what_resolving_the_articles_gives():
    articles = [ArticleExtraction(Article("a", "t"), (person("Tony Blair"),)), ArticleExtraction(Article("b", "t"), (person("Blair"),))]
    by_articles, by_sightings = resolve(articles), resolve_sightings([sightings(a) for a in articles])
    assert by_articles.canonical == by_sightings.canonical == {entity_id("Blair", "PERSON"): entity_id("Tony Blair", "PERSON")}


def test_a_classifiers_relations_are_no_evidence_of_the_types_it_was_given():
    sega, acme = person("Sega"), Entity(entity_id("Acme", "ORG"), "Acme", "ORG", (), (Mention(0, 4, "Acme", "ORG"),))
    guess = Relation(sega.id, "WORKS_FOR", acme.id, Evidence("a", "s", (0, 1), (2, 3), "model:conll04-logreg"), 0.6)
    rule = Relation(sega.id, "HAS_ROLE", "role:boss", Evidence("a", "s", (0, 1), (2, 3), "title"), 0.8)
    seen = {s.name: s for s in sightings(ArticleExtraction(Article("a", "text"), (sega, acme), (guess, rule)))}
    assert seen["Sega"].relations == (("HAS_ROLE>", 1),) and seen["Acme"].relations == ()
