"""Doc → mentions → the entities of one article.

``EntityTable`` is the per-article register every extractor writes to: it merges repeated mentions of
the same actor, remembers which tokens belong to which entity, and hands out stable ids.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from extract.model import NAMED_TYPES, Entity, Mention, entity_id, normalize_name

_LEADING_JUNK = {"the", "a", "an", "this", "that", "these", "those", "mr", "mrs", "ms", "dr"}
_TRAILING_JUNK = {"'s", "’s", "'", "’"}


@dataclass
class _Record:
    name: str
    type: str
    mentions: list[Mention] = field(default_factory=list)
    aliases: set[str] = field(default_factory=set)


class EntityTable:
    """Entities of one article, keyed by stable id, with a token → entity index."""

    def __init__(self) -> None:
        self._records: dict[str, _Record] = {}
        self._by_token: dict[int, str] = {}

    def add(self, name: str, type_: str, mention: Mention, tokens: range | None = None) -> str:
        """Register a mention of ``name`` (an entity of ``type_``); returns the entity's id."""
        eid = entity_id(name, type_)
        record = self._records.get(eid)
        if record is None:
            record = self._records[eid] = _Record(name, type_)
        if mention not in record.mentions:
            record.mentions.append(mention)
        if mention.text != record.name:
            record.aliases.add(mention.text)
        for i in tokens or ():
            self._by_token.setdefault(i, eid)
        return eid

    def at(self, token: Token | int) -> str | None:
        """Id of the entity the token belongs to, if any."""
        return self._by_token.get(token if isinstance(token, int) else token.i)

    def get(self, eid: str) -> _Record | None:
        return self._records.get(eid)

    def entities(self) -> tuple[Entity, ...]:
        """The article's entities, in order of first mention."""
        ordered = sorted(self._records.items(), key=lambda kv: min(m.start for m in kv[1].mentions))
        return tuple(
            Entity(
                id=eid,
                name=rec.name,
                type=rec.type,
                aliases=tuple(sorted(a for a in rec.aliases if normalize_name(a) != normalize_name(rec.name))),
                mentions=tuple(sorted(rec.mentions, key=lambda m: m.start)),
            )
            for eid, rec in ordered
        )


def clean_span(span: Span) -> Span | None:
    """Strip determiners, honorifics, possessives and punctuation from the ends of an entity span."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].lower_.rstrip(".") in _LEADING_JUNK or doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].text in _TRAILING_JUNK or doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    if start >= end:
        return None
    return Span(doc, start, end, label=span.label)


def find_entities(doc: Doc, table: EntityTable) -> None:
    """Add the named entities of ``doc`` to ``table``, merging surname references to full names."""
    spans = [s for s in (clean_span(e) for e in doc.ents if e.label_ in NAMED_TYPES) if s is not None]
    full_names = _person_full_names(spans)
    for span in spans:
        name = span.text
        if span.label_ == "PERSON" and len(span) == 1:
            name = full_names.get(span.text.casefold(), name)
        mention = Mention(span.start_char, span.end_char, span.text, span.label_)
        table.add(name, span.label_, mention, range(span.start, span.end))


def _person_full_names(spans: list[Span]) -> dict[str, str]:
    """Surname → the longest full name ending in it, when exactly one such person is mentioned."""
    candidates: dict[str, set[str]] = {}
    for span in spans:
        if span.label_ == "PERSON" and len(span) > 1:
            candidates.setdefault(span[-1].text.casefold(), set()).add(span.text)
    return {last: max(names, key=len) for last, names in candidates.items() if len(names) == 1}
