"""Names as strings: acronyms, initials, the gender an honorific tells, the singulars a plural may have.

Plain functions over text, used both inside an article (``extract.entities``) and across the corpus
(``extract.resolve``); nothing here knows about spaCy.
"""

from __future__ import annotations

import re

from extract.lexicon.grammar import FUNCTION_WORDS
from extract.lexicon.people import FEMALE_TITLES, MALE_TITLES

_ACRONYM_SHAPE = re.compile(r"^[A-Z][A-Za-z0-9&.\-]{1,9}$")


def gender(honorific: str) -> str:
    """"f", "m" or "" (unknown) for a bare honorific."""
    return "f" if honorific in FEMALE_TITLES else "m" if honorific in MALE_TITLES else ""


def acronym_letters(text: str) -> str:
    """"U.S." → "US", "HRW" → "HRW"; "" when the word does not look like an acronym."""
    if not _ACRONYM_SHAPE.match(text):
        return ""
    letters = [c for c in text if c.isalpha()]
    upper = [c for c in letters if c.isupper()]
    if len(upper) < 2 or len(upper) < 0.6 * len(letters):
        return ""
    return "".join(upper)

def singulars(plural: str) -> set[str]:
    """What a word ending in "s" may be the plural of, by its ending ("singers" → singer, "actresses" →
    actress, "celebrities" → celebrity); empty for any other word."""
    if not plural.endswith("s"):
        return set()
    found = {plural[:-1]}
    if plural.endswith("es"):
        found.add(plural[:-2])
    if plural.endswith("ies"):
        found.add(plural[:-3] + "y")
    return found


def initials(words: list[str], *, split_hyphens: bool = False) -> str:
    """Initials of the content words: ["Human", "Rights", "Watch"] → "HRW"."""
    if split_hyphens:
        words = [part for word in words for part in word.split("-") if part]
    return "".join(w[0].upper() for w in words if w.lower() not in FUNCTION_WORDS and w[:1].isalnum())
