"""Wire-service credits and datelines: "BANGKOK, Thailand (AP)", "Moscow ITAR-TASS", "(ITAR-TASS) --".

They name a place and a news organisation that the model often runs together or misses.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from extract.entities.candidate import Candidate
from extract.lexicon.gazetteer import lookup
from extract.lexicon.kinds import HEADER_LANGUAGES

_WIRE_ID = re.compile(r"^(?:[A-Z]{2}\d{10}|\d{2}[A-Z]{2}\d{4}[A-Z])$")


_AGENCY = re.compile(r"^[A-Z][A-Za-z]*(?:-[A-Z][A-Za-z]*)?$")


def wire_headers(doc: Doc) -> list[Candidate]:
    """Wire-service credits: "PA0302025694 Panama City ACAN in Spanish" (a monitoring header: place,
    then the source, then its language), "Moscow IZVESTIYA" (a place, then a paper in capitals) and
    "Moscow March 5 (ITAR-TASS) --" (the agency in brackets before a dash). They name a place and an
    organisation the model often runs together or misses."""
    found: list[Candidate] = []
    for tok in doc:
        wire_id = len(tok.text) in (9, 12) and _WIRE_ID.match(tok.text) is not None
        if wire_id or tok.i == 0 and tok.is_title:
            first = tok.i + 1 if wire_id else 0
            cut = next((c for c in range(first + 3, first, -1) if c < len(doc) and lookup(doc[first:c].text) is not None), None)
            if cut is None:
                continue
            stop = _caps_run(doc, cut)  # "Moscow IZVESTIYA", "Bangkok THE NATION": place, then the paper
            if stop is None and wire_id:
                stop = next((j for j in range(cut + 1, min(tok.i + 10, len(doc) - 1)) if doc[j].lower_ == "in" and _is_language(doc[j + 1])), None)
            if stop is not None:
                found.append(Candidate(first, cut, "GPE", first, fixed=True, place_context=True))
                found.append(Candidate(cut, stop, "ORG", cut, fixed=True))
        elif tok.text == "(":
            close = next((j for j in range(tok.i + 2, min(tok.i + 5, len(doc) - 1)) if doc[j].text == ")"), None)
            if close is None or doc[close + 1].text not in ("--", "-", "—", "–"):
                continue
            agency = doc[tok.i + 1 : close]
            if _AGENCY.match(agency.text) and sum(c.isupper() for c in agency.text) >= 2 or agency.text == "Reuters":
                found.append(Candidate(agency.start, agency.end, "ORG", agency.start, fixed=True))
    return found


def _caps_run(doc: Doc, start: int) -> int | None:
    """End of a run of capitals from ``start`` that is the rest of its line ("ITAR-TASS", "THE NATION")."""
    end = start
    while end < len(doc) and (doc[end].is_upper and any(c.isalpha() for c in doc[end].text) or doc[end].text == "-"):
        end += 1
    letters = sum(c.isalpha() for c in doc[start:end].text)
    at_line_end = end == len(doc) or doc[end].is_space and "\n" in doc[end].text or doc[end].like_num
    if end == start or letters < 3 or not at_line_end or doc[end - 1].text == "-":
        return None
    return end


def untagged_datelines(doc: Doc, taken: set[int]) -> list[Candidate]:
    """"BANGKOK, Thailand (AP)", "MEXICO CITY (AP)": capitals at the start of a line, then a comma,
    bracket or dash, are the place the story was filed from."""
    found = []
    for tok in doc:
        if not (tok.i == 0 or (doc[tok.i - 1].is_space and "\n" in doc[tok.i - 1].text)):
            continue
        end = tok.i
        while end < len(doc) and end - tok.i < 3 and doc[end].is_upper and doc[end].is_alpha and len(doc[end]) >= 2:
            end += 1
        if end == tok.i or end >= len(doc) or doc[end].text not in (",", "(", "-", "—", "_"):
            continue
        if any(i in taken for i in range(tok.i, end)):
            continue
        found.append(Candidate(tok.i, end, "GPE", tok.i, fixed=True, place_context=True))
        taken.update(range(tok.i, end))
    return found


def dateline_split(doc: Doc, start: int, end: int, label: str) -> list[tuple[int, int, str]]:
    """"Moscow ITAR-TASS", "Havana Radio Reloj Network": a wire dateline, a place then a news agency."""
    if label != "ORG" or end - start < 2:
        return [(start, end, label)]
    for cut in range(start + 1, min(start + 4, end)):
        first = doc[cut]
        agency = (first.is_upper and sum(c.isalpha() for c in first.text) >= 3) or first.text in ("Radio", "Television", "TV")
        agency = agency or (end - cut >= 2 and end + 1 < len(doc) and doc[end].lower_ == "in" and _is_language(doc[end + 1]))
        if agency and doc[start:cut].text[:1].isupper() and lookup(doc[start:cut].text) is not None:
            return [(start, cut, "GPE"), (cut, end, "ORG")]
    return [(start, end, label)]


def _is_language(token: Token) -> bool:
    """A language named as a wire header names it: capitalised ("in Spanish", "in Serbo-Croatian")."""
    return token.lower_ in HEADER_LANGUAGES and token.text == token.lower_.title()
