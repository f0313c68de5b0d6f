"""The machinery of cross-article resolution: what the corpus says about each entity id, and a union-find
over ids that refuses forbidden merges and remembers why each merge was made."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from extract.lexicon.people import HONORIFICS, NOBILITY
from extract.model import normalize_name
from extract.resolve.sightings import Sighting

#: Words before a name that are no part of it ("Mr", "Lord").
TITLE_WORDS = HONORIFICS | NOBILITY


@dataclass
class Resolution:
    """``canonical[id]`` is the id an entity is merged into; ``reasons[id]`` says why.

    ``notes`` lists what the user may want to know but that changed nothing: rules of the merges file
    that matched no entity, merges refused because the file forbids them, ambiguous surnames.
    """

    canonical: dict[str, str] = field(default_factory=dict)
    reasons: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def __call__(self, eid: str) -> str:
        return self.canonical.get(eid, eid)

    def merge(self, eid: str, into: str, reason: str) -> None:
        if eid != into:
            self.canonical[eid] = into
            self.reasons[eid] = reason


@dataclass
class Known:
    """What the corpus says about one entity id."""

    name: str
    type: str
    articles: int = 0
    mentions: int = 0
    aliases: set[str] = field(default_factory=set)

    @property
    def key(self) -> str:
        return normalize_name(self.name)

    @property
    def words(self) -> list[str]:
        """Normalised words of the name without a leading "Mr" or "Lord"."""
        words = self.key.split()
        while len(words) > 1 and words[0] in TITLE_WORDS:
            words = words[1:]
        return words


def gather(articles: Iterable[Iterable[Sighting]]) -> dict[str, Known]:
    """One streamed pass over each article's sightings: per id, its name, type and counts."""
    known: dict[str, Known] = {}
    for article in articles:
        for seen in article:
            info = known.get(seen.id)
            if info is None:
                info = known[seen.id] = Known(seen.name, seen.type)
            info.articles += 1
            info.mentions += seen.mentions
            info.aliases.update(normalize_name(a) for a in seen.aliases)
    return known


class Merger:
    """Union-find over entity ids that refuses merges the user forbade and remembers each reason."""

    def __init__(self, known: dict[str, Known], resolution: Resolution):
        self.known = known
        self.parent: dict[str, str] = {}
        self.pinned: set[str] = set()  # roots the user chose as the name to keep
        self.tags: dict[str, set[tuple[int, int]]] = defaultdict(set)  # root → (never rule, side)
        self.resolution = resolution

    def find(self, eid: str) -> str:
        root = eid
        while self.parent.get(root, root) != root:
            root = self.parent[root]
        while eid != root:
            self.parent[eid], eid = root, self.parent[eid]
        return root

    def forbidden(self, a: str, b: str) -> bool:
        ta, tb = self.tags.get(a, set()), self.tags.get(b, set())
        return any((rule, 1 - side) in tb for rule, side in ta)

    def merge(self, eid: str, into: str, reason: str) -> bool:
        """Merge ``eid``'s group into ``into``'s; False if the user forbade it."""
        a, b = self.find(eid), self.find(into)
        if a == b:
            return True
        if self.forbidden(a, b):
            self.resolution.notes.append(
                f"not merged (forbidden by the merges file): {self.known[eid].name!r} and {self.known[into].name!r}"
            )
            return False
        if a in self.pinned and b not in self.pinned:
            a, b = b, a
        self.parent[a] = b
        self.tags[b] |= self.tags.pop(a, set())
        for merged in {a, eid, into} - {b}:
            self.resolution.reasons.setdefault(merged, reason)
        return True
