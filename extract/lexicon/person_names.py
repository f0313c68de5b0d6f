"""Which words are given names and family names: the US census lists shipped in the ``names`` package.

The small model often types "Andrew Hall" or "Buddy Holly" as a place or an organisation; a name that
starts with a common given name and ends with a family name is a person. The lists ship inside the
``names`` package (MIT; nothing is downloaded) and are read once per process. Rare entries are left out:
the long tail holds words such as "China", "Winter", "Congress" and "Army".
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from extract.lexicon.people import NOT_GIVEN_NAMES

#: Given names rarer than this (per cent of people) are left out; "Lincoln" (0.008) is kept, "China" (0.001) not.
MIN_GIVEN_SHARE = 0.002
#: Family names ranked below this are left out ("Congress" is 52,390th).
MAX_FAMILY_RANK = 20_000


def _read(filename: str) -> list[tuple[str, float, int]]:
    text = resources.files("names").joinpath(filename).read_text(encoding="ascii")
    rows = []
    for line in text.splitlines():
        parts = line.split()
        if len(parts) == 4:
            rows.append((parts[0].lower(), float(parts[1]), int(parts[3])))
    return rows


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Lower-case given names common enough to be a clue (about 2,400)."""
    found = {name for f in ("dist.male.first", "dist.female.first") for name, share, _ in _read(f) if share >= MIN_GIVEN_SHARE}
    return frozenset(found - NOT_GIVEN_NAMES)


@lru_cache(maxsize=1)
def family_names() -> frozenset[str]:
    """Lower-case family names common enough to be a clue."""
    return frozenset(name for name, _, rank in _read("dist.all.last") if rank <= MAX_FAMILY_RANK)


def is_given_name(word: str) -> bool:
    return word.lower() in given_names()


def is_family_name(word: str) -> bool:
    return word.lower() in family_names()


@lru_cache(maxsize=1)
def _nicknamer():
    from nicknames import NickNamer  # the hand-curated nickname lists of the ``nicknames`` package

    return NickNamer()


@lru_cache(maxsize=8192)
def nicknames(given: str) -> frozenset[str]:
    """Given names that stand for the same name ("bernard" → "bernie", "bernie" → "bernard"), lower case."""
    namer = _nicknamer()
    word = given.lower()
    return frozenset(namer.nicknames_of(word) | namer.canonicals_of(word))


@lru_cache(maxsize=1)
def _given_name_shares() -> dict[str, tuple[float, float]]:
    shares: dict[str, list[float]] = {}
    for column, filename in enumerate(("dist.male.first", "dist.female.first")):
        for name, share, _ in _read(filename):
            shares.setdefault(name, [0.0, 0.0])[column] = share
    return {name: (male, female) for name, (male, female) in shares.items()}


def given_name_gender(word: str) -> str:
    """"m" or "f" when the census gives a given name to one sex at least nine times in ten, else ""."""
    male, female = _given_name_shares().get(word.lower(), (0.0, 0.0))
    if male > 9 * female:
        return "m" if male else ""
    return "f" if female > 9 * male else ""
