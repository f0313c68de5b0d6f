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

from collections.abc import Iterable

from extract.model import ArticleExtraction
from extract.resolve.merger import Merger, Resolution, gather
from extract.resolve.rules import MERGES_FORMAT, MergeRule, MergeRules, load_merge_rules, parse_merge_rules
from extract.resolve.sightings import Sighting, all_sightings, sightings
from extract.resolve.steps import apply_rules, merge_acronyms, merge_aliases, merge_surnames, merge_types

__all__ = [
    "MERGES_FORMAT", "STEPS", "MergeRule", "MergeRules", "Resolution", "Sighting", "load_merge_rules", "parse_merge_rules",
    "resolve", "resolve_sightings", "sightings",
]  # fmt: skip

#: The automatic merges, in order (the user's rules come first, see ``resolve``).
STEPS = (merge_types, merge_aliases, merge_surnames, merge_acronyms)


def resolve(extractions: Iterable[ArticleExtraction], rules: MergeRules | None = None) -> Resolution:
    """Merge ids that name the same actor across articles (one pass over ``extractions``)."""
    return resolve_sightings(all_sightings(extractions), rules)


def resolve_sightings(articles: Iterable[Iterable[Sighting]], rules: MergeRules | None = None) -> Resolution:
    """``resolve`` from each article's sightings (``extract.resolve.sightings``) instead of the articles."""
    known = gather(articles)
    resolution = Resolution()
    merger = Merger(known, resolution)
    apply_rules(merger, rules or MergeRules())
    for step in STEPS:
        step(merger)
    for eid in known:
        root = merger.find(eid)
        if root != eid:
            resolution.canonical[eid] = root
        else:
            resolution.reasons.pop(eid, None)
    return resolution
