"""A cluster of mentions → the name and type of the actor it names.

The type is voted by the mentions (a rule's type counts twice, a short form's not at all), then
corrected by what the sentences say ("shot X": a person; "X spokesman Y": a body; "Chapman said":
a person, unless "its"), by the shape of the name (a common given name and family name) and by the
place list ("Vladivostok" is the city). The name is the longest named mention's.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from extract.entities.aliases import ArticleMentions
from extract.entities.candidate import Candidate
from extract.lexicon.bodies import ORG_HEADS
from extract.lexicon.gazetteer import place_of
from extract.lexicon.kinds import PEOPLE_ENDINGS
from extract.lexicon.people import HONORIFICS
from extract.lexicon.person_names import is_family_name, is_given_name
from extract.lexicon.places import FAC_HEADS, LOC_HEADS, PLACE_COMPOUND_NOUNS


@dataclass
class Cluster:
    """Mentions of one actor in one article, with the name and type they are registered under."""

    members: list[Candidate]
    name: str
    type: str


def make_cluster(art: ArticleMentions, members: list[int]) -> Cluster:
    doc, cands = art.doc, art.cands
    members.sort(key=lambda i: cands[i].start)
    voters = [i for i in members if i not in art.links.dependent] or members
    votes: Counter[str] = Counter()
    for i in voters:
        votes[cands[i].label] += 2 if cands[i].fixed else 1
    best = max(votes.values())
    type_ = next(cands[i].label for i in voters if votes[cands[i].label] == best)
    named = [i for i in members if not art.acronym(i)] or members
    longest = max(len(art.words[i]) for i in named)
    head = next(i for i in named if len(art.words[i]) == longest)
    if type_ != "PERSON" and (
        _looks_personal(art, members, longest)
        or _named_like_a_person(art, members, head)
        or _surname_speaking(art, members, head, type_)
    ):
        type_ = "PERSON"
    if type_ != "ORG" and _named_like_a_body(art, members, head):
        type_ = "ORG"
    multiword_person = type_ == "PERSON" and longest >= 2
    if not multiword_person and not any(cands[i].honorific for i in members):
        place = place_of(art.keys[head])
        if place is not None:
            type_ = _place_type(type_, place, [cands[i] for i in members], art.keys[head])
        elif _unknown_place_speaking(art, members, head, type_):
            type_ = "PERSON"
        elif _unknown_place(art, members, type_):
            type_ = "GPE"
    name = " ".join(doc[cands[head].name_start : cands[head].end].text.split())
    if type_ == "PERSON" and longest == 1:
        split = any(i in art.split_by_gender for i in members)
        titled = next((cands[i] for i in members if cands[i].honorific and (split or cands[i].honorific not in HONORIFICS)), None)
        if titled is not None:
            name = " ".join(titled.span(doc).text.split())
    return Cluster([cands[i] for i in members], name, type_)


def _looks_personal(art: ArticleMentions, members: list[int], longest: int) -> bool:
    """A short name the model typed otherwise, but the sentence treats as a person ("shot Lincoln")."""
    cands = [art.cands[i] for i in members]
    if longest > 3 or any(c.fixed for c in cands) or any(art.acronym(i) for i in members):
        return False
    if not any(c.person_evidence for c in cands):
        return False
    place = place_of(art.keys[members[0]])
    return place is None or place.kind == "city" and not any(c.place_context for c in cands)


def _surname_speaking(art: ArticleMentions, members: list[int], head: int, type_: str) -> bool:
    """"Chapman said …" typed ORG: a lone word that is a common family name and no known place, acronym
    or capitals, and the subject of a speech verb, is the person — unless the sentence says "its" (a
    company: "Ford said its sales fell")."""
    words = art.words[head]
    if type_ != "ORG" or len(words) != 1 or any(art.cands[i].fixed or art.acronym(i) for i in members):
        return False
    word = words[0]
    if word.isupper() or not word[:1].isupper() or place_of(art.keys[head]) is not None:
        return False
    if not is_family_name(word) or any(art.cands[i].org_evidence for i in members):
        return False  # "Pellham, which is owned by …" is no person, whatever it says
    return any(art.cands[i].person_context and not _says_its(art, art.cands[i]) for i in members)


def _named_like_a_body(art: ArticleMentions, members: list[int], head: int) -> bool:
    """"Veltrax spokesman Mara Quinn", "the Lindqvist company": what the sentence says of a name the model
    took for a person or a town makes it a body — unless a rule fixed the type or the place list knows it."""
    cands = [art.cands[i] for i in members]
    if any(c.fixed or c.honorific or c.person_evidence for c in cands) or not any(c.org_evidence for c in cands):
        return False
    return place_of(art.keys[head]) is None  # "Chicago's school board" is the city's


def _unknown_place_speaking(art: ArticleMentions, members: list[int], head: int, type_: str) -> bool:
    """"Ruvola said …" typed as a place: places that speak are countries and cities the place list knows
    ("Iraq said"), so a one-word "place" it does not know that is the subject of a speech verb is a person."""
    if type_ not in ("GPE", "LOC") or len(art.words[head]) != 1:
        return False
    cands = [art.cands[i] for i in members]
    if any(c.fixed or c.place_context for c in cands) or any(art.acronym(i) for i in members):
        return False
    return any(c.person_context and not _says_its(art, c) for c in cands)


def _unknown_place(art: ArticleMentions, members: list[int], type_: str) -> bool:
    """"western Tovakha", "Norvale, Alaska", "near Dolgino" (typed a person): a town the place
    list is too small to know, where the sentence leaves no doubt and nothing says person or body."""
    cands = [art.cands[i] for i in members]
    if type_ not in ("PERSON", "ORG") or any(c.fixed or c.person_context or c.honorific for c in cands):
        return False
    if any(art.acronym(i) for i in members):
        return False
    return any(c.place_evidence for c in cands)


def _says_its(art: ArticleMentions, cand: Candidate) -> bool:
    """"Ford said its sales fell": the sentence speaks of the name as a thing, not a person."""
    return any(t.lower_ == "its" for t in art.doc[cand.start].sent)


def _named_like_a_person(art: ArticleMentions, members: list[int], head: int) -> bool:
    """"Andrew Hall", "Buddy Holly" typed as a place or organisation: a common given name, then (after
    at most one middle name or initial) a common family name, and no rule or place list says otherwise."""
    words = art.words[head]
    if not 2 <= len(words) <= 3 or any(art.cands[i].fixed or art.acronym(i) for i in members):
        return False
    if not all(w[:1].isupper() and not w.isupper() or len(w) <= 2 for w in words):
        return False  # "NEW YORK", lower-case words: not a personal name's shape
    last = words[-1].lower()
    if last in ORG_HEADS | LOC_HEADS | FAC_HEADS | PLACE_COMPOUND_NOUNS or place_of(art.keys[head]) is not None:
        return False
    cands = [art.cands[i] for i in members]
    if any(c.org_evidence for c in cands) or any(c.person_context and _says_its(art, c) for c in cands):
        return False  # "analysts at Morgan Stanley", "Merrill Lynch said its profits rose": a firm named for people
    return is_given_name(words[0]) and is_family_name(words[-1])


def _place_type(type_: str, place, members: list[Candidate], key: str = "") -> str:
    """Correct the model's guess for a name that is a real place."""
    if type_ in ("GPE", "LOC"):
        return type_ if type_ == "LOC" or place.label == "GPE" else place.label
    # "Vladivostok", "Yerevan": a city whose name is nobody's given or family name is the city
    unnamed_city = bool(key) and " " not in key and not is_given_name(key) and not is_family_name(key)
    if type_ == "PERSON":
        if any(c.person_context for c in members):
            return type_
        return place.label if place.major or unnamed_city or any(c.place_context for c in members) else type_
    if type_ == "ORG":
        if any(c.fixed for c in members):
            return type_
        return place.label if place.major or unnamed_city or any(c.place_context for c in members) else type_
    if type_ == "NORP" and place.kind == "city" and key.endswith(PEOPLE_ENDINGS):
        return type_  # "Roman Emperor": the people, though a town in Romania has the name
    return place.label  # NORP, FAC, EVENT… named exactly like a country or city
