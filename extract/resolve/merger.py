"""The machinery of cross-article resolution: what the corpus says about each entity id, a union-find over
ids that refuses forbidden merges and remembers why each merge was made, and the resolution it yields."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property

from extract.lexicon.people import HONORIFICS, NOBILITY
from extract.model import normalize_name
from extract.names import acronym_letters
from extract.resolve.sightings import Sighting

#: Words before a name that are no part of it ("Mr", "Lord").
TITLE_WORDS = HONORIFICS | NOBILITY
#: Words before a name that are a modifier, not a part of it ("ex-Yukos", "the former Yukos").
MODIFIERS = frozenset({"ex", "former", "the", "senior", "junior"})


def clean_key(name: str) -> str:
    """The normalised name without a leading modifier or a trailing possessive ("ex-Yukos's" → "yukos")."""
    words = normalize_name(name).split()
    while len(words) > 1 and words[0] in MODIFIERS:
        words = words[1:]
    while len(words) > 1 and words[-1] in ("s", "the", "of", "and"):
        words = words[:-1]
    return " ".join(words)


@dataclass
class Candidate:
    """A merge or a type a rule considered and did not take: what a person may want to settle."""

    kind: str  # "merge" or "type"
    ids: tuple[str, ...]
    articles: int  # how many articles the decision affects
    why: str
    line: str = ""  # the --merges line that accepts it
    examples: tuple[str, ...] = ()  # articles where it matters


@dataclass
class Resolution:
    """``canonical[id]`` is the id an entity is merged into; ``reasons[id]`` says why.

    ``display[canonical id]`` is the (name, type) the merged actor is shown with and ``decisions`` why
    that type; ``local[(article, id)]`` keeps a name apart from its global actor in an article that
    names a namesake too. ``notes`` lists what changed nothing but a user may want to know;
    ``candidates`` the merges and types the rules were least sure of (``newsgraph review``).
    """

    canonical: dict[str, str] = field(default_factory=dict)
    reasons: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    display: dict[str, tuple[str, str]] = field(default_factory=dict)
    decisions: dict[str, str] = field(default_factory=dict)
    local: dict[tuple[str, str], str] = field(default_factory=dict)
    candidates: list[Candidate] = field(default_factory=list)

    def __call__(self, eid: str) -> str:
        return self.canonical.get(eid, eid)

    def for_article(self, article_id: str):
        """The id mapping inside one article: the global one, but for the names kept apart there."""
        if not self.local:
            return self

        def canonical(eid: str) -> str:
            return self.local.get((article_id, eid)) or self.canonical.get(eid, eid)

        return canonical

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
    aliases: Counter[str] = field(default_factory=Counter)  # normalised aliases, by articles
    names: Counter[str] = field(default_factory=Counter)  # exact names, by articles
    types: Counter[str] = field(default_factory=Counter)  # types, by articles
    relations: Counter[str] = field(default_factory=Counter)
    members: Counter[tuple[str, str]] = field(default_factory=Counter)
    roles: Counter[str] = field(default_factory=Counter)  # role names, by articles
    clues: Counter[str] = field(default_factory=Counter)  # what the mentions' words say (``extract.model.CLUES``)
    seen_in: set[str] = field(default_factory=set)  # article ids, when known
    acronyms: set[str] = field(default_factory=set)  # acronyms of 3–6 letters its articles define for it ("USADA")
    kind: str = ""  # the type its own corpus evidence gives it, before any merge (``decide.decide_type``)

    # ``name`` never changes once gathered: its keys are worked out once (resolution asks for them often)
    @cached_property
    def key(self) -> str:
        return normalize_name(self.name)

    @cached_property
    def clean(self) -> str:
        return clean_key(self.name)

    @property
    def words(self) -> list[str]:
        """Clean words of the name without a leading "Mr" or "Lord"."""
        words = self.clean.split()
        while len(words) > 1 and words[0] in TITLE_WORDS:
            words = words[1:]
        return words

    def share(self, type_: str) -> float:
        return self.types[type_] / self.articles if self.articles else 0.0


def gather(articles: Iterable) -> dict[str, Known]:
    """One streamed pass over each article's sightings: per id, its names, types and counts.

    Items are lists of sightings, or (article id, sightings) pairs when the article ids are known (they
    let resolution keep namesakes apart inside one article).
    """
    known: dict[str, Known] = {}
    for article in articles:
        article_id, seen_list = article if isinstance(article, tuple) else (None, article)
        for seen in seen_list:
            info = known.get(seen.id)
            if info is None:
                info = known[seen.id] = Known(seen.name, seen.type)
            info.articles += 1
            info.mentions += seen.mentions
            info.aliases.update(dict.fromkeys((normalize_name(a) for a in seen.aliases), 1))  # in order: no hash-seed dependence
            info.names[seen.name] += 1
            info.types[seen.type] += 1
            info.relations.update(dict(seen.relations))
            info.members.update(seen.members)
            info.roles.update(dict.fromkeys(seen.roles, 1))
            info.clues.update(dict(seen.clues))
            if article_id is not None:
                info.seen_in.add(article_id)
            for alias in seen.aliases:  # "USADA" defined beside the name; not a name in capitals ("ARSENAL")
                if " " not in alias and 3 <= len(letters := acronym_letters(alias)) <= 6:
                    info.acronyms.add(letters)
    return known


class Merger:
    """Union-find over entity ids that refuses merges the user forbade and remembers each reason."""

    def __init__(self, known: dict[str, Known], resolution: Resolution):
        self.known = known
        self.parent: dict[str, str] = {}
        self.pinned: set[str] = set()  # roots the user chose as the name to keep
        self.tags: dict[str, set[tuple[int, int]]] = defaultdict(set)  # root → (never rule, side)
        self.forced: dict[str, str] = {}  # root → the name a merges file chose to keep
        self.typed: dict[str, tuple[str, str]] = {}  # id → (type, where) a merges file sets
        self.resolution = resolution
        self.acronyms: dict[str, frozenset[str]] = {eid: frozenset(info.acronyms) for eid, info in known.items() if info.acronyms}

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

    def merge(self, eid: str, into: str, reason: str, *, forced: bool = False) -> bool:
        """Merge ``eid``'s group into ``into``'s; False if the user forbade it, or (unless a merges file
        ``forced`` it) if the two groups go by different acronyms ("USADA" and "WADA" are two agencies
        that articles both call "Anti-Doping Agency")."""
        a, b = self.find(eid), self.find(into)
        if a == b:
            return True
        if self.forbidden(a, b):
            self.resolution.notes.append(
                f"not merged (forbidden by the merges file): {self.known[eid].name!r} and {self.known[into].name!r}"
            )
            return False
        mine, theirs = self.acronyms.get(a, frozenset()), self.acronyms.get(b, frozenset())
        if not forced and mine and theirs and not any(x.startswith(y) or y.startswith(x) for x in mine for y in theirs):
            self.resolution.notes.append(
                f"not merged (they go by different acronyms, {'/'.join(sorted(mine))} and {'/'.join(sorted(theirs))}): "
                f"{self.known[eid].name!r} and {self.known[into].name!r}"
            )
            return False
        if a in self.pinned and b not in self.pinned:
            a, b = b, a
        self.parent[a] = b
        self.tags[b] |= self.tags.pop(a, set())
        joined = self.acronyms.pop(a, frozenset()) | self.acronyms.get(b, frozenset())  # after the pinned swap
        if joined:
            self.acronyms[b] = joined
        if a in self.forced and b not in self.forced:
            self.forced[b] = self.forced.pop(a)
        for merged in (eid, into, a, b):  # which id ends up canonical is decided later, by name
            self.resolution.reasons.setdefault(merged, reason)
        return True

    def groups(self) -> dict[str, list[str]]:
        """Root → the ids merged into it (sorted), for every id."""
        groups: dict[str, list[str]] = defaultdict(list)
        for eid in sorted(self.known):
            groups[self.find(eid)].append(eid)
        return groups


def total(known: dict[str, Known], ids: Iterable[str], attribute: str = "articles") -> int:
    return sum(getattr(known[e], attribute) for e in ids)


__all__ = ["Candidate", "Known", "Merger", "Resolution", "Sighting", "clean_key", "gather", "total"]
