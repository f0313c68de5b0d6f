"""The merge rules, each a function of the ``Merger``; ``extract.resolve.STEPS`` runs them in order.

Candidates are only ever compared inside small blocks that share a key (normalised name, last name,
acronym, alias), never all pairs.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from extract.errors import MergeRulesError
from extract.model import normalize_name
from extract.names import acronym_letters, gender, initials
from extract.resolve.merger import Known, Merger
from extract.resolve.rules import MergeRules

#: Types whose members may be the same actor when the model disagrees about the type.
_PLACES = frozenset({"GPE", "LOC", "FAC"})


def _matching(known: dict[str, Known], by_key: dict[str, list[str]], name: str) -> list[str]:
    if name in known:
        return [name]
    return by_key.get(normalize_name(name), [])


def apply_rules(merger: Merger, rules: MergeRules) -> None:
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


def merge_types(merger: Merger) -> None:
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


def merge_aliases(merger: Merger) -> None:
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


def merge_surnames(merger: Merger) -> None:
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


def _genders(info: Known) -> set[str]:
    """Genders the honorifics of an entity's name and aliases tell ("Mrs Howard" → {"f"})."""
    return {gender(form.split()[0]) for form in (info.key, *info.aliases) if form} - {""}


def _other_gender(short: Known, full: Known) -> bool:
    """"Mrs Howard" is not "Michael Howard" when other articles call him "Mr Howard"."""
    mine, theirs = _genders(short), _genders(full)
    return bool(mine and theirs and not mine & theirs)


def merge_acronyms(merger: Merger) -> None:
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
