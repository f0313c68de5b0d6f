"""ArticleExtraction → sightings: what one article says of each named entity, all that resolution reads.

Resolution across articles never needs the articles themselves, only their sightings, so a store that
keeps each article's sightings (``Sighting.to_dict`` is JSON-ready) can resolve its whole corpus again
after a load, in any order, without the texts.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from extract.model import NAMED_TYPES, ArticleExtraction

#: Rules whose relations come from a classifier that reads the entity types the article gave ("model:…"):
#: they repeat those types rather than show them, so they are no type evidence.
MODEL_RULES = "model:"

#: Predicates that tie a person to a body: who leads, works for, speaks for or belongs to it.
AFFILIATIONS = frozenset({"LEADS", "WORKS_FOR", "SPOKESPERSON_FOR", "MEMBER_OF"})


@dataclass(frozen=True, slots=True)
class Sighting:
    """One article's word on one entity id: its name, type, other names, how often, and in which relations.

    ``relations`` counts the predicates the entity takes part in, as ``"PREDICATE>"`` (it is the source)
    or ``">PREDICATE"`` (the target): what it does says what it is (only a person holds a role).
    ``clues`` counts what the words around its mentions say of it (``extract.model.CLUES``).
    ``roles`` names the roles the article gives it ("investment bank" says a body, "chief executive" a
    person). ``members`` lists who the article says leads, works for, speaks for or belongs to the entity,
    as (predicate, entity id): two names one person leads are likely one party ("Tory leader Michael
    Howard", "Conservative leader Michael Howard").
    """

    id: str
    name: str
    type: str
    mentions: int = 1
    aliases: tuple[str, ...] = ()
    relations: tuple[tuple[str, int], ...] = ()
    members: tuple[tuple[str, str], ...] = ()
    roles: tuple[str, ...] = ()
    clues: tuple[tuple[str, int], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "name": self.name, "type": self.type, "mentions": self.mentions,
            "aliases": list(self.aliases), "relations": [list(r) for r in self.relations],
            "members": [list(m) for m in self.members], "roles": list(self.roles), "clues": dict(self.clues),
        }  # fmt: skip

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Sighting:
        return cls(
            id=data["id"],
            name=data["name"],
            type=data["type"],
            mentions=int(data.get("mentions", 1)),
            aliases=tuple(data.get("aliases", ())),
            relations=tuple((str(p), int(n)) for p, n in data.get("relations", ())),
            members=tuple((str(p), str(e)) for p, e in data.get("members", ())),
            roles=tuple(str(r) for r in data.get("roles", ())),
            clues=tuple(sorted((str(k), int(v)) for k, v in (data.get("clues") or {}).items())),
        )


def sightings(extraction: ArticleExtraction) -> list[Sighting]:
    """The sightings of one article's named entities (roles, things and quotes are not resolved)."""
    taking: dict[str, Counter[str]] = {}
    members: dict[str, set[tuple[str, str]]] = {}
    roles: dict[str, set[str]] = {}
    names = {e.id: e.name for e in extraction.entities}
    for rel in extraction.relations:
        if rel.predicate == "HAS_ROLE" and rel.target in names:
            roles.setdefault(rel.source, set()).add(names[rel.target])
        if not rel.evidence.rule.startswith(MODEL_RULES):  # the classifier reads the types it is given: no evidence of them
            taking.setdefault(rel.source, Counter())[rel.predicate + ">"] += 1
            taking.setdefault(rel.target, Counter())[">" + rel.predicate] += 1
        if rel.predicate in AFFILIATIONS:
            members.setdefault(rel.target, set()).add((rel.predicate, rel.source))
    return [
        Sighting(
            e.id, e.name, e.type, len(e.mentions), e.aliases,
            tuple(sorted(taking.get(e.id, Counter()).items())), tuple(sorted(members.get(e.id, ()))),
            tuple(sorted(roles.get(e.id, ()))), e.clues,
        )  # fmt: skip
        for e in extraction.entities
        if e.type in NAMED_TYPES
    ]
