"""Entities across articles: which ids name the same actor, and why.

Articles are extracted independently, so "Cazeneuve" alone in one article and "Bernard Cazeneuve" in
another get different ids, and the model may type "Calais" a person in one article and a place in three.
``resolve`` maps every id to a canonical id and records a readable reason for each merge, so a user can
see (and overrule, with a merges file) every decision. Candidates are only ever compared inside small
blocks that share a key (normalised name, last name, acronym, alias), never all pairs.

Merges, in order:
1. forced merges from the user's file (``load_merge_rules``);
2. the same name under different types: the type most articles use wins ("Calais" PERSON in 1, GPE in
   3 → GPE); a tie is left alone;
3. a name that some article defined as an alias of exactly one entity ("HRW" → "Human Rights Watch");
4. a person's surname or shorter name that ends exactly one full name in the corpus; if two full names
   share it ("Marine Le Pen", "Jean-Marie Le Pen") it stays apart; "George Bush" joins "George W. Bush"
   when that is the only such name;
5. an acronym that spells exactly one multi-word organisation or place ("CBI").
Forbidden pairs from the user's file are never merged, whatever the rule.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from extract.aliases import acronym_letters, initials
from extract.errors import MergeRulesError
from extract.mentions import HONORIFICS, NOBILITY, gender
from extract.model import NAMED_TYPES, ArticleExtraction, normalize_name

#: Types whose members may be the same actor when the model disagrees about the type.
_PLACES = frozenset({"GPE", "LOC", "FAC"})
_TITLE_WORDS = HONORIFICS | NOBILITY


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


@dataclass(frozen=True)
class MergeRule:
    """One line of a merges file: ``kind`` is "merge" or "never"; ``names`` are names or entity ids."""

    kind: str
    names: tuple[str, ...]
    line: int


@dataclass(frozen=True)
class MergeRules:
    """A user's forced and forbidden merges (see ``load_merge_rules`` for the file format)."""

    rules: tuple[MergeRule, ...] = ()
    source: str = ""

    def where(self, rule: MergeRule) -> str:
        return f"{self.source}:{rule.line}" if self.source else f"line {rule.line}"


MERGES_FORMAT = (
    "one rule per line, fields separated by TABs: 'merge<TAB>Name kept<TAB>Other name[<TAB>…]' or "
    "'never<TAB>Name A<TAB>Name B'; names are matched ignoring case, accents and punctuation, or given as "
    "entity ids (person:marine-le-pen); blank lines and lines starting with # are ignored"
)


def parse_merge_rules(text: str, source: str = "") -> MergeRules:
    """Parse the merges file format (``MERGES_FORMAT``); a bad line raises ``MergeRulesError``."""
    rules = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        fields = [f.strip() for f in raw.rstrip("\r\n").split("\t")]
        kind = fields[0].lower()
        names = tuple(f for f in fields[1:] if f)
        if len(fields) == 1:
            raise MergeRulesError(source, number, f"no TAB found in {line!r}; {MERGES_FORMAT}")
        if kind not in ("merge", "never"):
            raise MergeRulesError(source, number, f"unknown rule {fields[0]!r} (expected 'merge' or 'never')")
        if len(names) != len(fields) - 1:
            raise MergeRulesError(source, number, "empty name (two TABs in a row or a TAB at the end)")
        if len(names) < 2 or (kind == "never" and len(names) != 2):
            need = "at least two names" if kind == "merge" else "exactly two names"
            raise MergeRulesError(source, number, f"'{kind}' needs {need}, got {len(names)}")
        if len({normalize_name(n) or n for n in names}) != len(names):
            raise MergeRulesError(source, number, "the same name is given twice")
        rules.append(MergeRule(kind, names, number))
    return MergeRules(tuple(rules), source)


def load_merge_rules(path: str | Path) -> MergeRules:
    """Read a merges file; unreadable files and bad lines raise ``MergeRulesError`` naming file and line."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise MergeRulesError(str(path), None, "no such file") from None
    except UnicodeDecodeError:
        raise MergeRulesError(str(path), None, "not UTF-8 text") from None
    except OSError as error:
        raise MergeRulesError(str(path), None, f"cannot be read ({error.strerror or error})") from None
    return parse_merge_rules(text, str(path))


@dataclass
class _Known:
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
        while len(words) > 1 and words[0] in _TITLE_WORDS:
            words = words[1:]
        return words


def _gather(extractions: Iterable[ArticleExtraction]) -> dict[str, _Known]:
    """One streamed pass: per id, its name, type and counts (only named entities take part)."""
    known: dict[str, _Known] = {}
    for extraction in extractions:
        for entity in extraction.entities:
            if entity.type not in NAMED_TYPES:
                continue
            info = known.get(entity.id)
            if info is None:
                info = known[entity.id] = _Known(entity.name, entity.type)
            info.articles += 1
            info.mentions += len(entity.mentions)
            info.aliases.update(normalize_name(a) for a in entity.aliases)
    return known


class _Merger:
    """Union-find over entity ids that refuses merges the user forbade and remembers each reason."""

    def __init__(self, known: dict[str, _Known], resolution: Resolution):
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


def resolve(extractions: Iterable[ArticleExtraction], rules: MergeRules | None = None) -> Resolution:
    """Merge ids that name the same actor across articles (one pass over ``extractions``)."""
    known = _gather(extractions)
    resolution = Resolution()
    merger = _Merger(known, resolution)
    _apply_rules(merger, rules or MergeRules())
    _merge_types(merger)
    _merge_aliases(merger)
    _merge_surnames(merger)
    _merge_acronyms(merger)
    for eid in known:
        root = merger.find(eid)
        if root != eid:
            resolution.canonical[eid] = root
        else:
            resolution.reasons.pop(eid, None)
    return resolution


def _matching(known: dict[str, _Known], by_key: dict[str, list[str]], name: str) -> list[str]:
    if name in known:
        return [name]
    return by_key.get(normalize_name(name), [])


def _apply_rules(merger: _Merger, rules: MergeRules) -> None:
    known = merger.known
    by_key: dict[str, list[str]] = defaultdict(list)
    for eid, info in known.items():
        by_key[info.key].append(eid)
    for number, rule in enumerate(r for r in rules.rules if r.kind == "never"):
        for side, name in enumerate(rule.names):
            ids = _matching(known, by_key, name)
            if not ids:
                merger.resolution.notes.append(f"{rules.where(rule)}: no entity is called {name!r}")
            for eid in ids:
                merger.tags[eid].add((number, side))
    for rule in (r for r in rules.rules if r.kind == "merge"):
        groups = [_matching(known, by_key, name) for name in rule.names]
        for name, ids in zip(rule.names, groups):
            if not ids:
                merger.resolution.notes.append(f"{rules.where(rule)}: no entity is called {name!r}")
        present = [ids for ids in groups if ids]
        if len(present) < 2 and sum(len(ids) for ids in present) < 2:
            continue
        keep = max(present[0], key=lambda eid: (known[eid].articles, known[eid].mentions))
        for ids in present:
            for eid in ids:
                if not merger.merge(eid, keep, f"forced by {rules.where(rule)}"):
                    raise MergeRulesError(
                        rules.source, rule.line, f"'merge' joins {rule.names[0]!r} and {known[eid].name!r}, "
                        "which a 'never' rule of the same file keeps apart; remove one of the two rules"
                    )
        merger.pinned.add(merger.find(keep))


def _merge_types(merger: _Merger) -> None:
    """The same normalised name under several types: the type most articles agree on wins."""
    blocks: dict[str, list[str]] = defaultdict(list)
    for eid, info in merger.known.items():
        blocks[info.key].append(eid)
    for key, ids in blocks.items():
        if len(ids) < 2 or not key:
            continue
        votes: Counter[str] = Counter()
        for eid in ids:
            votes[merger.known[eid].type] += merger.known[eid].articles
        (top, top_votes), *rest = votes.most_common()
        if rest and rest[0][1] == top_votes:
            merger.resolution.notes.append(f"type of {merger.known[ids[0]].name!r} left undecided: {dict(votes)}")
            continue
        winner = max((e for e in ids if merger.known[e].type == top), key=lambda e: merger.known[e].mentions)
        tally = ", ".join(f"{t} in {n}" for t, n in votes.most_common())
        for eid in ids:
            if eid != winner:
                merger.merge(eid, winner, f'same name "{merger.known[winner].name}" typed {tally} article(s) → {top}')


def _family(type_: str) -> str:
    return "PLACE" if type_ in _PLACES else type_


def _compatible(short: str, anchor: str) -> bool:
    return _family(short) == _family(anchor) or (short == "NORP" and anchor == "ORG")


def _merge_aliases(merger: _Merger) -> None:
    """A name another article used as an alias of exactly one entity ("HRW" of "Human Rights Watch")."""
    known = merger.known
    anchors: dict[str, set[str]] = defaultdict(set)
    for eid, info in known.items():
        if info.type != "PERSON":  # people are matched by surname below, with its ambiguity check
            for alias in info.aliases:
                anchors[alias].add(eid)
    for eid, info in known.items():
        candidates = {merger.find(a) for a in anchors.get(info.key, ()) if _compatible(info.type, known[a].type)}
        if len(candidates) == 1 and merger.find(eid) not in candidates:
            (target,) = candidates
            merger.merge(eid, target, f'"{info.name}" is an alias of "{known[target].name}" in another article')


def _merge_surnames(merger: _Merger) -> None:
    """Shorter personal names that end exactly one full name of the corpus (blocked by last name)."""
    known = merger.known
    blocks: dict[str, list[str]] = defaultdict(list)
    for eid, info in known.items():
        if info.type == "PERSON" and info.words:
            blocks[info.words[-1]].append(eid)
    for ids in blocks.values():
        if len(ids) < 2:
            continue
        full = {eid: " ".join(known[eid].words) for eid in ids if len(known[eid].words) >= 2}
        full_keys = set(full.values())
        maximal = {eid: k for eid, k in full.items() if not any(o != k and o.endswith(" " + k) for o in full_keys)}
        for eid in ids:
            words = known[eid].words
            key = " ".join(words)
            if eid in maximal:
                targets = {
                    merger.find(o)
                    for o, k in maximal.items()
                    if o != eid and k != key and k.split()[0] == words[0] and set(words) < set(k.split())
                }
                why = "without the middle name"
            else:
                targets = {merger.find(o) for o, k in maximal.items() if k == key or k.endswith(" " + key)}
                targets = {t for t in targets if not _other_gender(known[eid], known[t])}
                why = "surname" if len(words) == 1 else "shorter name"
            if len(targets) == 1 and merger.find(eid) not in targets:
                (target,) = targets
                merger.merge(eid, target, f'{why} "{known[eid].name}" matches exactly one full name, "{known[target].name}"')
            elif len(targets) > 1:
                names = ", ".join(sorted(f'"{known[t].name}"' for t in targets))
                merger.resolution.notes.append(f'"{known[eid].name}" left alone: it could be {names}')


def _genders(info: _Known) -> set[str]:
    """Genders the honorifics of an entity's name and aliases tell ("Mrs Howard" → {"f"})."""
    return {gender(form.split()[0]) for form in (info.key, *info.aliases) if form} - {""}


def _other_gender(short: _Known, full: _Known) -> bool:
    """"Mrs Howard" is not "Michael Howard" when other articles call him "Mr Howard"."""
    mine, theirs = _genders(short), _genders(full)
    return bool(mine and theirs and not mine & theirs)


def _merge_acronyms(merger: _Merger) -> None:
    """An acronym whose letters are the initials of exactly one multi-word organisation or place."""
    known = merger.known
    spelled: dict[str, set[str]] = defaultdict(set)
    for eid, info in known.items():
        words = info.name.split()
        if info.type in ("ORG", *_PLACES) and len(words) >= 2 and not acronym_letters(info.name):
            for form in {initials(words), initials(words, split_hyphens=True)}:
                spelled[form].add(eid)
    for eid, info in known.items():
        letters = acronym_letters(info.name.replace(" ", ""))
        if not letters or info.type not in ("ORG", *_PLACES):
            continue
        targets = {merger.find(t) for t in spelled.get(letters, ()) if _compatible(info.type, known[t].type)}
        if len(targets) == 1 and merger.find(eid) not in targets:
            (target,) = targets
            merger.merge(eid, target, f'acronym "{info.name}" spells the initials of "{known[target].name}"')
