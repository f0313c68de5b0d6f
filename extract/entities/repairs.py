"""Repairs across candidates: names the model cut in two, or ran together.

"Senate Committee" + "on Veterans Affairs" is one body; "the Duke of Edinburgh" one person; "Brill
Haulage Co. of Tolvan" a company and its town; "Interior" in "Interior Minister" no name at all.
"""

from __future__ import annotations

from spacy.tokens import Doc

from extract.entities.candidate import Candidate, Draft, bare
from extract.lexicon.bodies import FOREIGN_LEGAL_FORMS, LEGAL_FORMS, ORG_HEADS
from extract.lexicon.grammar import LINK_WORDS, NAME_JOINERS
from extract.lexicon.people import TERRITORIAL_TITLES
from extract.lexicon.roles import PORTFOLIOS, TITLES


def is_portfolio(doc: Doc, cand: Candidate) -> bool:
    """"Interior" in "Interior Minister", "Prime": words of a title the model took for a name."""
    words = doc[cand.start : cand.end]
    if all(bare(t) in TITLES for t in words):
        return True
    before_title = cand.end < len(doc) and bare(doc[cand.end]) in TITLES | {"ministers", "secretaries"}
    return before_title and all(t.lower_ in PORTFOLIOS or bare(t) in TITLES or t.lower_ == "and" for t in words)


def styled_by_territory(doc: Doc, cands: list[Candidate], taken: set[int]) -> list[Candidate]:
    """"the Duke of Edinburgh", "Britain's Duchess of York": a title held of a place is one person, where
    the model made a person of the title and a place of the rest, or a place of the whole."""
    found = []
    for tok in doc:
        if not (tok.is_title and tok.lower_ in TERRITORIAL_TITLES and tok.i + 2 < len(doc) and doc[tok.i + 1].lower_ == "of"):
            continue
        end = tok.i + 2
        while end < len(doc) and doc[end].is_title and doc[end].pos_ == "PROPN":
            end += 1
        named_after = end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].is_title and doc[end + 1].pos_ == "PROPN"
        if end > tok.i + 2 and not named_after:  # "the King of Tavora, Ambrosio": a role, its holder named
            found.append(Candidate(tok.i, end, "PERSON", tok.i, fixed=True, person_evidence=True))
    if not found:
        return cands
    covered = {i for c in found for i in range(c.start, c.end)}
    taken.update(covered)
    kept = [c for c in cands if not any(i in covered for i in range(c.start, c.end))]
    return sorted(kept + found, key=lambda c: c.start)


def split_company_towns(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """"Brill Haulage Co. of Tolvan", "Harlow-Vance Corp. of Dunmore": after a company's legal
    form, "of X" is the town it is based in — a place of its own, not part of the name."""
    result: list[Candidate] = []
    for cand in cands:
        words = doc[cand.start : cand.end]
        cut = next((t.i for t in words if bare(t) in LEGAL_FORMS | FOREIGN_LEGAL_FORMS and t.i + 2 < cand.end and doc[t.i + 1].lower_ == "of"), None)
        if cand.label == "ORG" and cut is not None:
            result.append(Candidate(cand.start, cut + 1, "ORG", cand.name_start, fixed=True))
            result.append(Candidate(cut + 2, cand.end, "GPE", cut + 2, place_context=True, place_evidence=True))
            continue
        prev = result[-1] if result else None
        after_firm = prev is not None and prev.label == "ORG" and bare(doc[prev.end - 1]) in LEGAL_FORMS | FOREIGN_LEGAL_FORMS
        if after_firm and cand.start == prev.end + 1 and doc[prev.end].lower_ == "of" and cand.end - cand.start <= 3:
            cand.place_context = cand.place_evidence = True  # "Brill Haulage Co. of Tolvan" tagged as two names
        result.append(cand)
    return result


def join_broken_organisations(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """One body's name the model cut in two: "United States Agency for" + "International Development",
    "Senate Committee" + "on" + "Veterans Affairs", "Carnegie Foundation" + "for the" + "Advancement of
    Teaching". The first part ends on a linking word, or on an organisation's head word before one."""
    cands = sorted(cands, key=lambda c: c.start)
    joined: list[Candidate] = []
    for cand in cands:
        prev = joined[-1] if joined else None
        if prev is not None and prev.label == "ORG" and cand.label in ("ORG", "PERSON", "NORP") and not cand.honorific:
            gap = [t.lower_ for t in doc[prev.end : cand.start]]
            last = doc[prev.end - 1].lower_
            dangling = not gap and last in LINK_WORDS
            linked = last in ORG_HEADS and gap in (["for"], ["on"], ["of"], ["for", "the"], ["on", "the"], ["of", "the"])
            if (dangling or linked) and all(t.is_title or t.is_upper or t.lower_ in NAME_JOINERS for t in doc[cand.start : cand.end]):
                prev.end, prev.fixed = cand.end, True
                continue
        joined.append(cand)
    return joined


def drop_portfolios(draft: Draft) -> None:
    """"Interior" in "Interior Minister", "Prime": words of a title the model took for a name go."""
    draft.cands = [c for c in draft.cands if not is_portfolio(draft.doc, c)]


def join_cut_names(draft: Draft) -> None:
    """One body's name the model cut in two becomes one candidate."""
    draft.cands = join_broken_organisations(draft.doc, draft.cands)


def titles_of_places(draft: Draft) -> None:
    """"the Duke of Edinburgh" is one person."""
    draft.cands = styled_by_territory(draft.doc, draft.cands, draft.taken)


def company_towns(draft: Draft) -> None:
    """"X Co. of Town" is a company and the town it is based in."""
    draft.cands = split_company_towns(draft.doc, draft.cands)
