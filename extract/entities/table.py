"""The per-article register every extractor writes to.

It merges repeated mentions of the same actor, remembers which tokens belong to which entity, and
hands out stable ids (``extract.model.entity_id``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Token

from extract.model import Entity, Mention, entity_id, normalize_name


@dataclass
class _Record:
    name: str
    type: str
    mentions: list[Mention] = field(default_factory=list)
    aliases: set[str] = field(default_factory=set)
    clues: Counter[str] = field(default_factory=Counter)


class EntityTable:
    """Entities of one article, keyed by stable id, with a token → entity index."""

    def __init__(self) -> None:
        self._records: dict[str, _Record] = {}
        self._by_token: dict[int, str] = {}

    def add(self, name: str, type_: str, mention: Mention, tokens: range | None = None, clues: Iterable[str] = ()) -> str:
        """Register a mention of ``name`` (an entity of ``type_``), with what its words say of it (``CLUES``);
        returns the entity's id."""
        eid = entity_id(name, type_)
        record = self._records.get(eid)
        if record is None:
            record = self._records[eid] = _Record(name, type_)
        if mention not in record.mentions:
            record.mentions.append(mention)
            record.clues.update(clues)
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
                clues=tuple(sorted(rec.clues.items())),
            )
            for eid, rec in ordered
        )
