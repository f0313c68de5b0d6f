"""Names the model missed, where the sentence leaves no doubt.

Towns after a preposition of place ("between Lyon and Grenoble"), speakers ("Okafor said"), killers
and victims ("Ruby shot Oswald"), titled people ("President Moi"), bodies named by their last word
("Human Rights Watch published a report") and datelines in capitals.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from extract.entities.candidate import TRAILING_JUNK, Candidate, Draft, bare, is_era
from extract.entities.clues import aged, who_follows
from extract.entities.wire import untagged_datelines
from extract.lexicon.bodies import KIND_OF_BODY, ORG_HEADS
from extract.lexicon.gazetteer import lookup
from extract.lexicon.kinds import DATE_WORDS
from extract.lexicon.people import HONORIFICS, PEERAGE, PERSON_NOUNS
from extract.lexicon.person_names import is_family_name, is_given_name
from extract.lexicon.places import FAC_HEADS, LOC_HEADS, PLACE_PREPOSITIONS
from extract.lexicon.roles import TITLES
from extract.lexicon.sources import GENERIC_BODIES
from extract.lexicon.verbs import SPEECH_VERBS, VIOLENT_NOUNS, VIOLENT_VERBS


def untagged_names(doc: Doc, taken: set[int], places: set[int]) -> list[Candidate]:
    """Names the model missed where the sentence is clear: towns after a preposition of place ("between
    Lyon and Grenoble"), speakers ("Okafor said"), killers and victims ("Ruby shot Oswald"), titled
    people ("President Moi")."""
    found: list[Candidate] = untagged_datelines(doc, taken)
    found.extend(untagged_bodies(doc, taken))
    found.extend(bodies_after_their_kind(doc, taken))
    for tok in doc:
        if tok.i in taken or not tok.is_title or is_era(tok):
            continue
        if tok.pos_ != "PROPN" and not (tok.is_alpha and _described_as_a_person(doc, tok)):
            continue  # a common noun, unless "Winter , 53 ," or "Pellow , who …" says otherwise
        if _in_a_persons_slot(doc, tok) and lookup(tok.text) is None and tok.lower_ not in ORG_HEADS | PERSON_NOUNS:
            start = min(
                (c.i for c in tok.children if c.dep_ in ("compound", "flat") and c.i < tok.i and c.ent_type_ != "DATE" and c.lower_ not in DATE_WORDS),
                default=tok.i,
            )  # not "Tuesday" in "on Tuesday Mr Ebbers denied"
            if all(t.is_title and (t.pos_ == "PROPN" or t.i == tok.i) and t.i not in taken for t in doc[start : tok.i + 1]):
                speaker = Candidate(start, tok.i + 1, "PERSON", start, person_context=True)
                if tok.i > start and bare(doc[start]) in HONORIFICS | PEERAGE:
                    speaker.honorific, speaker.name_start = bare(doc[start]), start + 1  # "Mr Balls told …"
                found.append(speaker)
            continue  # "Okafor said …": the model missed a speaker
        if tok.i < 2:
            continue
        prev = doc[tok.i - 1]
        after_place = prev.lower_ in ("and", "or", ",") and tok.i - 2 in places
        if not (prev.lower_ in PLACE_PREPOSITIONS or prev.lower_ == "between" or after_place):
            continue
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if nxt is not None and (nxt.is_title and nxt.pos_ == "PROPN" or nxt.text in TRAILING_JUNK):
            continue  # part of a longer name, or "in Lyon's …" (may be a person's)
        place = lookup(tok.text)
        if place is not None:
            found.append(Candidate(tok.i, tok.i + 1, place.label, tok.i, fixed=True, place_context=True))
            places.add(tok.i)
    return found


def untagged_bodies(doc: Doc, taken: set[int]) -> list[Candidate]:
    """"Human Rights Watch published a report": capitalised proper nouns the model left untagged, ending
    on a word that says what they name ("Watch", "Council", "River"), are that organisation or place."""
    found = []
    i = 0
    while i < len(doc):
        if not _name_word(doc[i]) or i in taken:
            i += 1
            continue
        end = i + 1
        while end < len(doc) and end not in taken and (
            _name_word(doc[end])
            or doc[end].lower_ in ("of", "for", "and") and end + 1 < len(doc) and _name_word(doc[end + 1]) and end + 1 not in taken
        ):
            end += 1
        head = doc[end - 1].lower_
        first = bare(doc[i])
        if end - i >= 2 and head in ORG_HEADS | LOC_HEADS | FAC_HEADS and first not in TITLES | HONORIFICS | PEERAGE:
            label = "ORG" if head in ORG_HEADS else "LOC" if head in LOC_HEADS else "FAC"
            found.append(Candidate(i, end, label, i, fixed=True))
            taken.update(range(i, end))
        i = end
    return found


#: Nouns for a kind of body written right before its name ("consumer group Shopwise", "streaming service Pellucid").
BODY_KIND_NOUNS = KIND_OF_BODY | GENERIC_BODIES | frozenset({"service", "platform", "app", "website", "label", "studio"})


def bodies_after_their_kind(doc: Doc, taken: set[int]) -> list[Candidate]:
    """"Consumer group Shopwise welcomed …", "streaming service Pellucid": a capitalised word the model left
    untagged right after a noun for a kind of body is that body's name; so is each later use of the same words
    ("Pellucid also signed …", where the parser may read a common noun)."""
    found: list[Candidate] = []
    names: list[tuple[str, ...]] = []
    i = 1
    while i < len(doc):
        tok, kind = doc[i], doc[i - 1]
        if i in taken or i - 1 in taken or not _kind_then_name(kind, tok):
            i += 1
            continue
        end = i + 1
        while end < len(doc) and end not in taken and _name_word(doc[end]):
            end += 1
        found.append(Candidate(i, end, "ORG", i, fixed=True, org_evidence=True))
        taken.update(range(i, end))
        names.append(tuple(t.text for t in doc[i:end]))
        i = end
    for words in names:
        n = len(words)
        for j in range(len(doc) - n + 1):
            if any(k in taken for k in range(j, j + n)) or tuple(t.text for t in doc[j : j + n]) != words:
                continue
            if j + n < len(doc) and _name_word(doc[j + n]) or j > 0 and _name_word(doc[j - 1]):
                continue  # part of a longer name
            found.append(Candidate(j, j + n, "ORG", j, fixed=True))
            taken.update(range(j, j + n))
    return found


def _kind_then_name(kind: Token, tok: Token) -> bool:
    if kind.pos_ != "NOUN" or kind.lemma_.lower() not in BODY_KIND_NOUNS or not kind.text[:1].islower() and not kind.is_sent_start:
        return False
    if not (tok.is_title and tok.is_alpha and tok.pos_ in ("PROPN", "NOUN")) or tok.lower_ in DATE_WORDS:
        return False
    return lookup(tok.text) is None and not is_given_name(tok.text) and bare(tok) not in TITLES | HONORIFICS | PEERAGE


def _name_word(tok: Token) -> bool:
    return tok.pos_ == "PROPN" and tok.is_title and tok.is_alpha


def _in_a_persons_slot(doc: Doc, tok: Token) -> bool:
    """A word only a person fills: the subject of "said", either side of "shot", "the slaying of X",
    "killed by X", or after a capitalised title."""
    verb = tok.head
    if tok.dep_ == "nsubj" and verb.lemma_ in SPEECH_VERBS | VIOLENT_VERBS:
        return True
    if tok.dep_ in ("dobj", "nsubjpass") and verb.lemma_ in VIOLENT_VERBS:
        return True
    if tok.dep_ == "pobj" and verb.lower_ in ("of", "by") and verb.head.lemma_ in VIOLENT_NOUNS | VIOLENT_VERBS:
        return True
    if tok.dep_ == "nsubjpass" and verb.lower_ == "born" and verb.i - tok.i <= 3:
        return True  # "Aldrin was born in …"
    if _described_as_a_person(doc, tok):
        return True
    alone = not any(c.dep_ in ("compound", "flat") for c in tok.children)
    if tok.dep_ == "nsubj" and verb.pos_ == "VERB" and alone and is_family_name(tok.text) and tok.is_alpha and not tok.is_upper:
        return True  # "Garrick sneaked into the box": a common family name the model missed, acting
    if tok.is_alpha and any(c.dep_ == "appos" and c.lemma_.lower() in PERSON_NOUNS and c.i > tok.i for c in tok.children):
        return True  # "Tal , a senior official"
    return tok.i > 0 and doc[tok.i - 1].is_title and bare(doc[tok.i - 1]) in TITLES


def _described_as_a_person(doc: Doc, tok: Token) -> bool:
    """"Pellow , who runs …", "Winter , 53 , a retired judge": only people take "who" or an age."""
    return who_follows(doc, tok.i + 1) or tok.is_alpha and aged(doc, tok.i + 1)


def missed_names(draft: Draft) -> None:
    """Add the names the model missed; candidates are in text order afterwards."""
    places = {i for c in draft.cands if c.label in ("GPE", "LOC") for i in range(c.start, c.end)}
    draft.cands.extend(untagged_names(draft.doc, draft.taken, places))
    draft.cands.sort(key=lambda c: c.start)
