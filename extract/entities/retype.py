"""Types a candidate's own words decide: the last word of a name ("Atlantico Shipping" is a body,
"Tallis Parish" a place), adjectives that name a people ("a Confederate spy"), and capitalised common
words at the start of a sentence that are no names at all.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from extract.entities.candidate import Candidate, Draft, bare, sentence_initial
from extract.lexicon.bodies import ORG_HEADS
from extract.lexicon.gazetteer import lookup
from extract.lexicon.kinds import DEMONYM_ENDINGS, NOT_ACTOR_HEADS, PEOPLE_ENDINGS
from extract.lexicon.people import PERSON_NOUNS
from extract.lexicon.places import ADMIN_HEADS, FAC_HEADS, LOC_HEADS
from extract.lexicon.roles import TITLES
from extract.nlp.text import standalone


def retype_by_head(doc: Doc, cand: Candidate) -> None:
    """The last word (or the word before "of") says what kind of thing a multi-word name is."""
    if cand.end - cand.name_start < 2 or cand.honorific:
        return
    place = lookup(cand.name_span(doc).text)
    if place is not None and place.major:
        return  # "Soviet Union" is the country, whatever its last word
    words = [t.lower_ for t in doc[cand.name_start : cand.end]]
    heads = {words[-1]}
    if "of" in words[1:]:
        heads.add(words[words.index("of", 1) - 1])
    if heads & ORG_HEADS and cand.label != "ORG":
        if cand.label == "NORP" or cand.label in ("PERSON", "GPE", "LOC", "FAC") and not heads & (LOC_HEADS | FAC_HEADS):
            cand.label, cand.fixed = "ORG", True
    elif words[-1] in LOC_HEADS and cand.label in ("ORG", "PERSON", "NORP"):
        cand.label, cand.fixed = "LOC", True
    elif words[-1] in FAC_HEADS and cand.label in ("ORG", "PERSON", "NORP"):
        cand.label, cand.fixed = "FAC", True
    elif words[-1] in ADMIN_HEADS and cand.label in ("PERSON", "NORP"):
        cand.label, cand.fixed = "GPE", True  # "Tallis Parish": nobody's name ends so
    elif words[-1] in NOT_ACTOR_HEADS and cand.label in ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP") and not heads & ORG_HEADS:
        cand.label, cand.fixed = NOT_ACTOR_HEADS[words[-1]], True


def adjective_as_group(doc: Doc, cand: Candidate) -> None:
    """"a Confederate spy", "any Guatemalan citizen", "the Allied invasion": a one-word ORG used as an
    adjective, or a demonym before a noun, names a people or side (NORP), not a body."""
    if cand.label != "ORG" or cand.fixed or cand.end - cand.start != 1:
        return
    tok = doc[cand.start]
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if nxt is None:
        return
    titled = bare(nxt) in TITLES or nxt.lower_ in PERSON_NOUNS  # "Labour leader", "Guatemalan President"
    demonym = tok.lower_.endswith(PEOPLE_ENDINGS) and lookup(tok.text) is None
    if tok.tag_ == "JJ" and tok.dep_ == "amod" and nxt.is_lower and not titled:
        cand.label = "NORP"  # "a Confederate spy" is a side's spy; "Labour leader" leads a party
    elif demonym and tok.dep_ in ("compound", "amod") and (nxt.is_lower and nxt.pos_ == "NOUN" or titled):
        cand.label = "NORP"


def norp_as_organisation(doc: Doc, cand: Candidate) -> None:
    """"Oxfam urged donors …": a NORP that acts as a singular noun and is no demonym is an organisation
    (nationalities and groups are adjectives or plurals: "Kenyan officials", "the French", "Democrats")."""
    if cand.label != "NORP" or cand.fixed or cand.end - cand.start != 1:
        return
    tok = doc[cand.start]
    place = lookup(tok.text)
    if place is not None and tok.dep_ not in ("amod", "compound"):
        cand.label = place.label  # "a delegate from Sevastopol": a town the model took for a people; not "Roman Emperor"
    elif tok.tag_ == "NNP" and tok.dep_ in ("nsubj", "dobj", "pobj") and not tok.lower_.endswith(DEMONYM_ENDINGS):
        cand.label, cand.fixed = "ORG", True


def is_common_word(doc: Doc, cand: Candidate) -> bool:
    """"Lorry drivers …": a capitalised first word of a sentence that the text elsewhere writes in lower
    case, or that the tagger reads as a common noun, is not a name."""
    if cand.end - cand.start != 1 or not sentence_initial(doc[cand.start]) or cand.fixed:
        return False
    tok = doc[cand.start]
    if tok.tag_ in ("NN", "NNS") and not tok.is_upper and tok.pos_ != "PROPN":
        return True
    word = tok.lower_
    return next(standalone(doc, word, re.compile(r"(?<![\w-])" + re.escape(word) + r"(?![\w-])")), None) is not None


def drop_common_words(draft: Draft) -> None:
    """Capitalised common words are no names, unless the sentence treats them as a person."""
    draft.cands = [c for c in draft.cands if c.person_evidence or not is_common_word(draft.doc, c)]
