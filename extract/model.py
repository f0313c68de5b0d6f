"""The one data model every stage reads and writes.

Frozen dataclasses with ``to_dict``/``from_dict`` so any stage can be rerun alone from JSON Lines.
``ArticleExtraction.to_dict`` *is* the public ``newsgraph extract`` contract documented in the README.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

#: Entity types spaCy's NER gives us that we keep.
NAMED_TYPES = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "LAW", "WORK_OF_ART")
#: Types of relation ends that are not named entities (SOURCE: a speaker the text does not name,
#: "police sources", "a spokesman for Acme", "officials").
CONCEPT_TYPES = ("ROLE", "THING", "QUOTE", "SOURCE")
ENTITY_TYPES = NAMED_TYPES + CONCEPT_TYPES
#: What the words around a mention can say of it: "person" ("X, 45,", "shot X", "X's wife"), "speaks"
#: (the subject of "said", or "Mr X"), "body" ("X spokesman Y", "X's shareholders", "X said its"), "group"
#: ("X are", "X were", "X have": many, a band, a team or a firm), "team" ("X captain Y", "X's striker": a place's name for its side), "place" ("western X", "X, Alaska",
#: "a X native") and "in" ("in X", "visited X").
CLUES = ("person", "speaks", "body", "group", "team", "place", "in")

_NON_WORD = re.compile(r"[^0-9a-z]+")


@lru_cache(maxsize=65536)  # the rules ask for the same few names many times per article (~10% of rule time)
def normalize_name(name: str) -> str:
    """Case-, accent- and punctuation-insensitive key of a name ("Le Pen's" → "le pen s")."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    return " ".join(_NON_WORD.split(text)).strip()


def entity_id(name: str, type_: str) -> str:
    """Stable id from type and normalised name, so reruns and other articles give the same id.

    >>> entity_id("Marine Le Pen", "PERSON")
    'person:marine-le-pen'
    >>> entity_id("Mariñe  LE-PEN", "PERSON")
    'person:marine-le-pen'
    """
    slug = normalize_name(name).replace(" ", "-")
    if not slug:  # names made only of symbols still need a stable, distinct id
        slug = "x" + hashlib.sha1(name.encode("utf-8")).hexdigest()[:12]
    if len(slug) > 80:
        slug = slug[:64] + "-" + hashlib.sha1(slug.encode()).hexdigest()[:8]
    return f"{type_.lower()}:{slug}"


def content_hash(text: str) -> str:
    """Hash of an article's text: tells a changed article from an unchanged one on reload."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


@dataclass(frozen=True, slots=True)
class Article:
    """One news article as read, before any NLP. Offsets everywhere index ``text``."""

    id: str
    text: str
    title: str = ""
    source: str = ""
    url: str = ""
    published: str = ""  # ISO 8601 date (YYYY[-MM[-DD]]) or datetime with its UTC offset; "" when unknown
    authors: tuple[str, ...] = ()  # as the page, feed or row names them
    site_name: str = ""  # the publication ("The Northgate Herald"), "" when unknown

    @property
    def content_hash(self) -> str:
        return content_hash(self.text)


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of the article text that names an entity."""

    start: int
    end: int
    text: str
    label: str = ""

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"start": self.start, "end": self.end, "text": self.text}
        if self.label:
            data["label"] = self.label
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Mention:
        return cls(int(data["start"]), int(data["end"]), data["text"], data.get("label", ""))


@dataclass(frozen=True, slots=True)
class Entity:
    """An actor, place, role or thing as found in one article (or merged across articles).

    ``clues`` counts the mentions whose words say what it is (``CLUES``): the corpus-level type reads
    them, as one article's clues outweigh nothing of another's.
    """

    id: str
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()
    clues: tuple[tuple[str, int], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        data = {
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "aliases": list(self.aliases),
            "mentions": [m.to_dict() for m in self.mentions],
        }
        if self.clues:
            data["clues"] = dict(self.clues)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Entity:
        return cls(
            id=data["id"],
            name=data["name"],
            type=data["type"],
            aliases=tuple(data.get("aliases", ())),
            mentions=tuple(Mention.from_dict(m) for m in data.get("mentions", ())),
            clues=tuple(sorted((str(k), int(v)) for k, v in (data.get("clues") or {}).items())),
        )


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a relation was read: the article, the sentence and both ends, and by which rule."""

    article_id: str
    sentence: str
    source_span: tuple[int, int]
    target_span: tuple[int, int]
    rule: str


@dataclass(frozen=True, slots=True)
class Relation:
    """A directed, typed edge between two entities of the same article, with its evidence."""

    source: str
    predicate: str
    target: str
    evidence: Evidence
    confidence: float

    def to_dict(self) -> dict[str, Any]:
        ev = self.evidence
        return {
            "source": self.source,
            "predicate": self.predicate,
            "target": self.target,
            "source_span": list(ev.source_span),
            "target_span": list(ev.target_span),
            "sentence": ev.sentence,
            "confidence": round(self.confidence, 4),
            "rule": ev.rule,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any], article_id: str) -> Relation:
        evidence = Evidence(
            article_id=article_id,
            sentence=data["sentence"],
            source_span=_pair(data["source_span"]),
            target_span=_pair(data["target_span"]),
            rule=data["rule"],
        )
        return cls(data["source"], data["predicate"], data["target"], evidence, float(data["confidence"]))


@dataclass(frozen=True, slots=True)
class ArticleExtraction:
    """Everything extracted from one article: one line of ``newsgraph extract`` output."""

    article: Article
    entities: tuple[Entity, ...] = ()
    relations: tuple[Relation, ...] = field(default=())

    @property
    def doc_id(self) -> str:
        return self.article.id

    def to_dict(self) -> dict[str, Any]:
        art = self.article
        return {
            "doc_id": art.id,
            "title": art.title,
            "source": art.source,
            "url": art.url,
            "published": art.published,
            "authors": list(art.authors),
            "site_name": art.site_name,
            "content_hash": art.content_hash,
            "entities": [e.to_dict() for e in self.entities],
            "relations": [r.to_dict() for r in self.relations],
            "text": art.text,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ArticleExtraction:
        article = Article(
            id=data["doc_id"],
            text=data.get("text", ""),
            title=data.get("title", ""),
            source=data.get("source", ""),
            url=data.get("url", ""),
            published=data.get("published", ""),
            authors=tuple(data.get("authors", ())),
            site_name=data.get("site_name", ""),
        )
        return cls(
            article=article,
            entities=tuple(Entity.from_dict(e) for e in data.get("entities", ())),
            relations=tuple(Relation.from_dict(r, article.id) for r in data.get("relations", ())),
        )


def _pair(value: Any) -> tuple[int, int]:
    start, end = value
    return int(start), int(end)
