"""Entities across articles: which ids name the same actor, and why.

Articles are extracted independently, so "Cazeneuve" alone in one article and "Bernard Cazeneuve" in
another get different ids. ``resolve`` maps every id to a canonical id and records the reason of each
merge, so a user can see (and overrule) every decision.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from extract.model import ArticleExtraction, normalize_name


@dataclass
class Resolution:
    """``canonical[id]`` is the id an entity is merged into; ``reasons[id]`` says why."""

    canonical: dict[str, str] = field(default_factory=dict)
    reasons: dict[str, str] = field(default_factory=dict)

    def __call__(self, eid: str) -> str:
        return self.canonical.get(eid, eid)

    def merge(self, eid: str, into: str, reason: str) -> None:
        if eid != into:
            self.canonical[eid] = into
            self.reasons[eid] = reason


def resolve(extractions: Iterable[ArticleExtraction]) -> Resolution:
    """Merge lone surnames into the one full name in the corpus that ends with them."""
    names: dict[str, tuple[str, str]] = {}
    for extraction in extractions:
        for entity in extraction.entities:
            names.setdefault(entity.id, (entity.name, entity.type))
    full_by_last: dict[str, set[str]] = defaultdict(set)
    for eid, (name, type_) in names.items():
        words = normalize_name(name).split()
        if type_ == "PERSON" and len(words) > 1:
            full_by_last[words[-1]].add(eid)
    resolution = Resolution()
    for eid, (name, type_) in names.items():
        words = normalize_name(name).split()
        if type_ == "PERSON" and len(words) == 1 and len(full_by_last.get(words[0], ())) == 1:
            (target,) = full_by_last[words[0]]
            resolution.merge(eid, target, f'surname "{name}" matches exactly one full name, "{names[target][0]}"')
    return resolution
