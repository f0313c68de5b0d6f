"""Hand-made corpora for the live store tests: no spaCy, entities and relations built directly.

``synthetic`` writes small articles in which people appear under their full name in some articles and
under their surname alone in others, an organisation under its acronym, and a town that one article
types as a person: every cross-article merge that resolution makes (surname, alias, type vote) happens
across articles, so loading them in several batches exercises resolving the stored corpus again.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

from extract.model import Article, ArticleExtraction, Entity, Evidence, Mention, Relation, entity_id
from graph.store.writer import json_text

GIVEN = ("Ada", "Bruno", "Celia", "Dmitri", "Elin", "Farid", "Greta", "Hugo", "Ines", "Jonas", "Kira", "Lev")
FAMILY = ("Quillfeather", "Marrowby", "Oszlany", "Pettigrew", "Rastaban", "Sundquist", "Thorncastle", "Ubaldini")
BODIES = (("Northern Ferry Authority", "NFA"), ("Coastal Workers Guild", "CWG"), ("Harbour Trust", ""))
TOWNS = ("Kelmsport", "Dunmarrow", "Ashwick")
ROLES = ("harbour master", "chief executive", "spokeswoman", "treasurer")


def _word(token: str) -> str:
    """A made-up capitalised word from a hex token, so that names of one test run meet no one else's."""
    return "".join("bcdfghjklmnprstv"[int(c, 16)] for c in token).capitalize() if token else ""


def _entity(name: str, type_: str, text: str, aliases: tuple[str, ...] = ()) -> Entity:
    start = text.index(name)
    return Entity(entity_id(name, type_), name, type_, aliases, (Mention(start, start + len(name), name, type_),))


def _span(entity: Entity, sentence: str, base: int) -> tuple[int, int]:
    start = base + sentence.index(entity.mentions[0].text)
    return start, start + len(entity.mentions[0].text)


def synthetic(count: int, *, token: str = "", seed: int = 7) -> list[ArticleExtraction]:
    """``count`` articles of two sentences each; a ``token`` goes into every id and name (see ``_word``)."""
    rng = random.Random(seed)
    extra = _word(token)
    families = [f + extra.lower() for f in FAMILY]
    people = list(zip(GIVEN, families))  # one given name per family: a surname alone ends one full name
    bodies = [(f"{name} {extra}".strip(), "".join(w[0] for w in f"{name} {extra}".split()) if acronym else "") for name, acronym in BODIES]
    towns = [t + extra.lower() for t in TOWNS]
    articles = []
    for number in range(count):
        given, family = people[rng.randrange(len(people))]
        body, acronym = bodies[rng.randrange(len(bodies))]
        town = towns[rng.randrange(len(towns))]
        role = ROLES[rng.randrange(len(ROLES))]
        person = family if number % 3 == 1 else f"{given} {family}"  # every third article: the surname alone
        org = acronym if acronym and number % 4 == 2 else body
        first = f"{person}, the {role} of {org}, visited {town} on Monday."
        second = f"{person} said the {org} would open an office in {town}."
        text = f"{first} {second}"
        off = len(first) + 1
        who = _entity(person, "PERSON", text)
        defines = org == body and acronym and number % 5 == 0  # "… Authority (NFA)": the alias is given here
        body_entity = _entity(org, "ORG", text, aliases=(acronym,) if defines else ())
        place = _entity(town, "PERSON" if number == 5 else "GPE", text)  # one article gets the town wrong
        held = _entity(role, "ROLE", text)
        doc_id = f"syn-{token}-{number:04d}" if token else f"syn-{number:04d}"

        def evidence(a: Entity, b: Entity, rule: str, in_second: bool = False) -> Evidence:
            sentence, base = (second, off) if in_second else (first, 0)
            return Evidence(doc_id, sentence, _span(a, sentence, base), _span(b, sentence, base), rule)

        relations = (
            Relation(who.id, "HAS_ROLE", held.id, evidence(who, held, "apposition"), 0.8),
            Relation(who.id, "LEADS" if role == "chief executive" else "WORKS_FOR", body_entity.id, evidence(who, body_entity, "apposition"), 0.7),
            Relation(who.id, "VISIT", place.id, evidence(who, place, "svo"), round(0.5 + number % 5 / 10, 2)),
            Relation(body_entity.id, "OPEN", place.id, evidence(body_entity, place, "svo", in_second=True), 0.6),
        )
        published = f"2024-{1 + number % 12:02d}-{1 + number % 28:02d}"
        article = Article(id=doc_id, text=text, title=f"{person} in {town}", published=published)
        articles.append(ArticleExtraction(article, (who, held, body_entity, place), relations))
    return articles


def write_jsonl(path: Path, extractions: list[ArticleExtraction]) -> Path:
    path.write_text("".join(json.dumps(x.to_dict(), ensure_ascii=False) + "\n" for x in extractions), encoding="utf-8")
    return path


def dump(driver, *, token: str = "") -> list[str]:
    """Every node and relationship (of this ``token``'s articles and entities, when given), as sorted JSON lines."""
    where_n = "WHERE $token = '' OR n.id CONTAINS $token OR n:NewsgraphMeta" if not token else "WHERE n.id CONTAINS $token"
    where_r = "WHERE $token = '' OR a.id CONTAINS $token"
    with driver.session() as session:
        nodes = session.run(f"MATCH (n) {where_n} RETURN labels(n) AS labels, properties(n) AS props", token=token)
        # an article's packed JSON is compared as its text: a load packs it, the bulk path writes the text
        lines = [json.dumps([sorted(r["labels"]), r["props"]], sort_keys=True, ensure_ascii=False, default=json_text) for r in nodes]
        rels = session.run(
            f"MATCH (a)-[r]->(b) {where_r} RETURN a.id AS a, type(r) AS type, b.id AS b, properties(r) AS props", token=token
        )
        lines += [json.dumps([r["a"], r["type"], r["b"], r["props"]], sort_keys=True, ensure_ascii=False) for r in rels]
    return sorted(lines)
