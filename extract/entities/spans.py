"""spaCy entity spans → clean mention candidates.

The small model's spans are often a token off: "the White House", "Boston University 's", "Calling
Calais", "Marine Le" + "Pen", "The National Front (FN". These passes cut spans at brackets and line
breaks, trim determiners, titles and possessives, take in honorifics, and repair names cut short.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from extract.entities.candidate import TRAILING_JUNK, Candidate, Draft, bare, is_era, sentence_initial
from extract.entities.wire import dateline_split, wire_headers
from extract.lexicon.bodies import ORG_HEADS
from extract.lexicon.gazetteer import lookup, place_in_country
from extract.lexicon.kinds import DATE_WORDS, TIME_ZONES
from extract.lexicon.people import HONORIFICS, NAME_MODIFIERS, NAME_PARTICLES, NOBILITY, PEERAGE
from extract.lexicon.person_names import is_given_name
from extract.lexicon.places import BUILDINGS, FAC_HEADS, LOC_HEADS, PEOPLES, POSSESSIVE_BUILDINGS, STATE_ABBREVIATIONS
from extract.lexicon.roles import OCCUPATIONS, RANK_ABBREVIATIONS, TITLES
from extract.model import NAMED_TYPES
from extract.names import singulars

_LEADING_JUNK_POS = frozenset({"DET", "PRON", "ADP", "CCONJ", "SCONJ", "PART", "PUNCT", "SPACE", "SYM", "INTJ"})
_SENTENCE_JUNK_TAGS = frozenset({"VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "RB", "RBR", "RBS", "IN", "MD", "UH", "WRB"})
_PARENS = frozenset({"(", ")", "[", "]"})
#: spaCy labels worth reading: the named types, plus LANGUAGE for "English" + "Channel".
_READ_LABELS = frozenset(NAMED_TYPES) | {"LANGUAGE"}
#: Words that end a name of a place or body but are no one's name ("the Ambassador Hotel").
_HEAD_ONLY = ORG_HEADS | LOC_HEADS | BUILDINGS | {"embassy"}


def model_spans(draft: Draft) -> None:
    """The model's entity spans (and wire credits) as clean, repaired, non-overlapping candidates."""
    doc = draft.doc
    owner: dict[int, int] = {}  # token → length of the spaCy entity it belongs to
    ents = [e for e in doc.ents if e.label_ in _READ_LABELS]
    for ent in doc.ents:
        for i in range(ent.start, ent.end):
            owner[i] = len(ent)
    wire = wire_headers(doc)
    reserved = {i for c in wire for i in range(c.start, c.end)}
    cands: list[Candidate] = []
    for ent in ents:
        for start, end in _segments(doc, ent.start, ent.end):
            for begin, stop, label in dateline_split(doc, start, end, ent.label_):
                cand = _clean(doc, begin, stop, label)
                if cand is not None:
                    cands.append(cand)
    taken: set[int] = set(reserved)
    result: list[Candidate] = list(wire)
    for cand in cands:
        if cand.start in taken:
            continue  # swallowed by an extension of the candidate before it
        _extend_left(doc, cand)
        if cand.start in taken:
            _give_back_honorific(cand, result, taken)
        _extend_right(doc, cand, owner)
        _take_name_before_head(doc, cand, taken)
        _join_possessive_building(doc, cand)
        if cand.label == "LANGUAGE" or any(i in reserved for i in range(cand.start, cand.end)):
            continue  # a LANGUAGE only kept when an extension made it a place or organisation
        taken.update(range(cand.start, cand.end))
        result.append(cand)
        state = _state_after(doc, cand)
        if state is not None and state.start not in taken:
            taken.add(state.start)
            result.append(state)
    draft.cands, draft.taken = result, taken


def drop_overlaps(draft: Draft) -> None:
    """Mentions must not share a token: the Doc's entities are rebuilt from them."""
    draft.cands = without_overlaps(draft.cands)


def _segments(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """Cut a span at brackets, line breaks, a spaced dash and a "v" between sides: "The National Front
    (FN" → "The National Front", "FN"; "Jonathan Kaplan - England" (a headline's dash) → "Jonathan
    Kaplan", "England"; "Leeds v Saracens" → "Leeds", "Saracens"."""
    parts, begin = [], start
    for i in range(start, end):
        if doc[i].text in _PARENS or (doc[i].is_space and "\n" in doc[i].text) or _between_names(doc, i):
            parts.append((begin, i))
            begin = i + 1
    parts.append((begin, end))
    return [(s, e) for s, e in parts if s < e]


#: Dashes that, with a space on each side, separate two things ("Kaplan - England"); a name's own hyphen has none.
_DASHES = frozenset({"-", "–", "—"})
#: "versus" as match reports write it between two sides.
_VERSUS = frozenset({"v", "v.", "vs", "vs."})


def _between_names(doc: Doc, i: int) -> bool:
    token = doc[i]
    if i == 0 or not doc[i - 1].whitespace_ or not token.whitespace_:
        return False
    return token.text in _DASHES or token.text in _VERSUS


def _clean(doc: Doc, start: int, end: int, label: str) -> Candidate | None:
    """Trim determiners, quotes, titles and sentence-initial verbs at the front; possessives at the back."""
    end = _without_score(doc, start, end)
    while end > start and (doc[end - 1].text in TRAILING_JUNK or doc[end - 1].is_punct or doc[end - 1].is_space or _figure_after_person(doc, start, end, label)):
        if doc[end - 1].text == "." and end - 1 > start and _keeps_dot(doc[end - 2]):
            break
        end -= 1
    if label != "PERSON" and end > start and bare(doc[end - 1]) in RANK_ABBREVIATIONS:
        after = end + 1 if end < len(doc) and doc[end].text == "." else end
        if after < len(doc) and doc[after].is_title:
            end -= 1  # "Coast Guard Lt. Steve Hardy": the rank belongs to the person who follows
    while start < end:
        tok = doc[start]
        if tok.pos_ in _LEADING_JUNK_POS and not tok.is_title and not tok.is_upper or tok.is_punct or tok.is_space:
            start += 1
        elif tok.text == "The" and start + 1 < end and lookup(doc[start:end].text) is not None:
            break  # "The Hague": the article is part of the place's name
        elif tok.lower_ in ("the", "a", "an") or (
            sentence_initial(tok) and tok.tag_ in _SENTENCE_JUNK_TAGS and tok.pos_ != "PROPN" and start + 1 < end
        ):
            start += 1
        elif label == "PERSON" and (bare(tok) in TITLES or _occupation(tok.lower_)) and start + 1 < end and doc[start + 1].is_title:
            start += 1  # "President Moi", "Composer Philip Glass", "Singers Jennifer Lopez and …": a role, not the name
        elif bare(tok) in TITLES and tok.is_title and end - start >= 3 and is_given_name(doc[start + 1].text) and doc[start + 2].is_title:
            start, label = start + 1, "PERSON"  # "Sheriff Dwight Pardee" typed ORG: a title, then a person's name
        elif tok.lower_ in ("ex", "former") and start + 2 < end and doc[start + 1].text == "-":
            start += 2  # "ex-Yukos": the former name of a body is still its name
        elif tok.lower_ in DATE_WORDS and start + 1 < end and doc[start + 1].is_title:
            start += 1  # "Tuesday Mr Ebbers"
        elif label == "PERSON" and end - start >= 3 and _modifier_before_name(doc, start, end):
            start += 1  # "Tory Liam Fox", "Senior Ann Bell": a party or a modifier, then the name
        else:
            break
    words = [t for t in doc[start:end] if any(c.isalpha() for c in t.text)]
    if not words or all(t.is_lower for t in words):
        return None  # "lorry", "doesn": a common word, not a name
    if end - start == 1 and is_era(doc[start]):
        return None  # "44 B.C.": an era, not British Columbia
    if bare(words[0]) in TIME_ZONES:
        return None  # "2100 GMT", "GMT 2 Feb 94": a time
    if label == "PERSON" and end - start == 1 and _nationality(doc[start].lower_) and not is_given_name(doc[start].text):
        label = "NORP"  # "Welshman", "Spaniard" alone: a people's word, nobody's name
    cand = Candidate(start, end, label, start)
    if end - start > 1 and _is_honorific(doc[start], label, doc[end - 1]):
        cand.honorific = bare(doc[start])
        cand.name_start = start + 1
    return cand


_SCORE = re.compile(r"^\d{1,3}[-–]\d{1,3}$")


def _without_score(doc: Doc, start: int, end: int) -> int:
    """"Elena Marchetti 6-4", "Georgia 6 - 7": a score after a name is no part of it."""
    if end - start > 1 and _SCORE.match(doc[end - 1].text):
        return end - 1
    if end - start > 3 and doc[end - 1].is_digit and doc[end - 2].text in ("-", "–") and doc[end - 3].is_digit:
        return end - 3
    return end


def _figure_after_person(doc: Doc, start: int, end: int, label: str) -> bool:
    """"Roddick 30": a figure after a person's name is no part of it."""
    return label == "PERSON" and end - start > 1 and any(c.isdigit() for c in doc[end - 1].text)


def _is_honorific(token: Token, label: str, last: Token) -> bool:
    """"Mr", "Lord" before a name; royal titles only where the model already saw a person."""
    word = bare(token)
    if not token.text[:1].isupper() or last.lower_ in LOC_HEADS | FAC_HEADS | ORG_HEADS:
        return False  # "Prince Edward Island", "Lord Chancellor's Department"
    return word in HONORIFICS or word in PEERAGE or (word in NOBILITY and label == "PERSON")


def _keeps_dot(token: Token) -> bool:
    """"Corp." and "N.Y." own their final dot."""
    return len(token.text) <= 4 and token.text[:1].isupper() and "." in token.text


def _extend_left(doc: Doc, cand: Candidate) -> None:
    """Take in an honorific just before the span: "Mr" + "Blair"."""
    if not cand.honorific and cand.start > 0 and _is_honorific(doc[cand.start - 1], cand.label, doc[cand.end - 1]):
        cand.honorific = bare(doc[cand.start - 1])
        cand.start -= 1
    if cand.honorific and cand.label != "LANGUAGE":
        cand.label, cand.fixed = "PERSON", True


def _give_back_honorific(cand: Candidate, kept: list[Candidate], taken: set[int]) -> None:
    """The honorific a name took in already ends the mention before it ("The Times Mr" + "Campbell").

    It belongs to the name that follows: the earlier mention gives it up when it keeps other words,
    else the name does without it. Either way no two mentions share a token.
    """
    prev = next((c for c in reversed(kept) if c.start <= cand.start < c.end), None)
    if prev is not None and prev.end == cand.start + 1 and prev.end - prev.start > 1:
        prev.end -= 1
        taken.discard(cand.start)
    else:
        cand.start += 1


def _extend_right(doc: Doc, cand: Candidate, owner: dict[int, int]) -> None:
    """Repair names cut short: "Marine Le" + "Pen"; "English" + "Channel"."""
    while cand.end < len(doc):
        nxt, last = doc[cand.end], doc[cand.end - 1]
        if not nxt.is_title or nxt.pos_ != "PROPN" or owner.get(cand.end, 1) > 1:
            return  # never cut another multi-word entity in two
        if cand.label == "PERSON" and (last.lower_ in NAME_PARTICLES or (last.head.i == nxt.i and last.dep_ in ("compound", "flat"))):
            if nxt.lower_ in ORG_HEADS | LOC_HEADS | FAC_HEADS or bare(nxt) in TITLES:
                return
            cand.end += 1
            continue
        if last.head.i == nxt.i and last.dep_ in ("compound", "amod") and nxt.lower_ in LOC_HEADS | ORG_HEADS:
            cand.end += 1
            cand.label, cand.fixed = ("LOC" if nxt.lower_ in LOC_HEADS else "ORG"), True
            continue
        return


def _take_name_before_head(doc: Doc, cand: Candidate, taken: set[int]) -> None:
    """"the Ambassador Hotel" where the model read "Ambassador" as a title and "Hotel" as a person: a
    lone head word takes in the capitalised words before it, and is no person."""
    if cand.label != "PERSON" or cand.end - cand.start != 1 or doc[cand.start].lower_ not in _HEAD_ONLY:
        return
    start = cand.start
    while start > 0 and start - 1 not in taken and doc[start - 1].is_title and doc[start - 1].lower_ != "the" and not sentence_initial(doc[start]):
        start -= 1
    if start == cand.start:
        return
    head = doc[cand.start].lower_
    cand.start = cand.name_start = start
    cand.label, cand.fixed = ("LOC" if head in LOC_HEADS else "FAC" if head in BUILDINGS else "ORG"), True


def _join_possessive_building(doc: Doc, cand: Candidate) -> None:
    """"Ford 's Theatre", "St Paul's Cathedral": a name, a possessive and a building's word are one place."""
    i = cand.end
    if i + 1 < len(doc) and doc[i].text in ("'s", "’s") and doc[i + 1].is_title and doc[i + 1].lower_ in POSSESSIVE_BUILDINGS and not cand.honorific:
        cand.end = i + 2
        cand.label, cand.fixed = "FAC", True


def _state_after(doc: Doc, cand: Candidate) -> Candidate | None:
    """"Kinderhook , N.Y.": the town is a place; the abbreviation is a place too (returned if untagged)."""
    i = cand.end
    if i < len(doc) and doc[i].text == ",":
        i += 1
    if i >= len(doc) or bare(doc[i]) not in STATE_ABBREVIATIONS or not doc[i].text[:1].isupper():
        return None
    if cand.honorific or i == cand.end or (i + 1 < len(doc) and doc[i + 1].is_title):
        return None  # "Mr Smith, Miss Jones"; "Ms Ward, Ind" would need a comma and an abbreviation
    cand.place_context = True
    if cand.label in ("PERSON", "ORG", "NORP") and not cand.fixed:
        cand.label, cand.fixed = "GPE", True
    if any(e.start <= i < e.end for e in doc.ents):
        return None
    return Candidate(i, i + 1, "GPE", i, fixed=True, place_context=True)


_DOTTED_LETTERS = re.compile(r"^(?:[A-Z]\.)+[A-Z]$")


def take_split_dot(doc: Doc, cand: Candidate) -> None:
    """"Minn ." and "U.S ." in pre-tokenised text: the detached dot ends the abbreviation."""
    if cand.end >= len(doc) or doc[cand.end].text != "." or not doc[cand.end - 1].whitespace_:
        return
    last = doc[cand.end - 1]
    if _DOTTED_LETTERS.match(last.text) or (bare(last) in STATE_ABBREVIATIONS and last.text[:1].isupper() and "." not in last.text):
        cand.end += 1


def state_abbreviation(doc: Doc, cand: Candidate) -> None:
    """"Duluth, Minn." where the model tagged "Minn" alone as a person: after a comma and a name, a state
    abbreviation is the state."""
    last = doc[cand.start]
    if cand.end - cand.start > 2 or cand.start < 2 or cand.honorific or cand.end - cand.start == 2 and doc[cand.end - 1].text != ".":
        return
    if bare(last) not in STATE_ABBREVIATIONS or not last.text[:1].isupper() or doc[cand.start - 1].text != ",":
        return
    if doc[cand.start - 2].text[:1].isupper() and not (cand.end < len(doc) and doc[cand.end].is_title):
        cand.label, cand.fixed, cand.place_context = "GPE", True, True


def without_overlaps(cands: list[Candidate]) -> list[Candidate]:
    """Where two repairs reached the same tokens ("Lt Col Eric Schnaible" and a lone "Eric"), the longer wins.

    Mentions must not share a token: the Doc's entities are rebuilt from them.
    """
    kept: list[Candidate] = []
    for cand in sorted(cands, key=lambda c: (c.start, -c.end)):
        if kept and cand.start < kept[-1].end:
            if cand.end - cand.start > kept[-1].end - kept[-1].start:
                kept[-1] = cand
            continue
        kept.append(cand)
    return kept


def _occupation(word: str) -> bool:
    """An occupation, or its plural ("singers", "actresses")."""
    return word in OCCUPATIONS or bool(singulars(word) & OCCUPATIONS)


def _modifier_before_name(doc: Doc, start: int, end: int) -> bool:
    """A party, a standing or a people before a person's name ("Tory Liam Fox", "Senior Ann Bell", "Spaniard
    Conchita Ruiz"): a word of ``NAME_MODIFIERS`` or a nationality, followed by a common given name."""
    first, second = doc[start], doc[start + 1]
    modifier = first.lower_ in NAME_MODIFIERS or _nationality(first.lower_)
    return modifier and second.is_title and is_given_name(second.text) and doc[start + 2].is_title


#: How the words for a people end ("Kenyan", "Japanese", "Spaniard", "Swede", "Welsh", "Scots"); the country data
#: also knows regions ("Yorkshire"), which these leave out.
_PEOPLE_ENDINGS = ("an", "ese", "sh", "ch", "ard", "i", "ek", "ss", "ede", "ole", "ane", "inn", "ot", "ots")


def _nationality(word: str) -> bool:
    """"Spaniard", "Briton", "Welshman", "American": a word for a people, not a place's own name ("Jordan")."""
    if not word.isalpha() or lookup(word.title()) is not None:
        return False
    stem = word.removesuffix("woman") if word.endswith("woman") else word.removesuffix("man")
    return any(
        w in PEOPLES or w.endswith(_PEOPLE_ENDINGS) and place_in_country(w) is not None for w in {word, stem} if len(w) > 2
    )
