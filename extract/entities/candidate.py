"""A mention candidate: a token span of the article with the clues that will decide its type.

Every entity pass reads and changes these; ``bare`` and the other token tests are shared by them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

#: What trails a name without being part of it ("Boston University 's").
TRAILING_JUNK = frozenset({"'s", "’s", "'", "’", "s"})


@dataclass(slots=True)
class Candidate:
    """One mention: token span ``[start, end)``; the name proper starts at ``name_start`` (after "Mr")."""

    start: int
    end: int
    label: str
    name_start: int
    honorific: str = ""  # lower case, no dot: "mr", "lord"; "" when none
    fixed: bool = False  # the label comes from a rule, not from the model's guess
    place_context: bool = False  # "in X", "visited X", "X, N.Y.", a dateline
    place_evidence: bool = False  # "western X", "X, Alaska", "a X native", "X, the capital": a place
    org_evidence: bool = False  # "X spokesman Y", "X's shareholders", "the X company": a body
    group_evidence: bool = False  # "X are", "X were": many, so no one person (a band, a team, a firm)
    team_evidence: bool = False  # "X captain Y", "X's striker", "X fans": a place's name for its side
    person_context: bool = False  # "X said", an honorific: not a place
    person_evidence: bool = False  # "X, 45,", "killed X", "X's wife", "X, a spokesman": a person

    def name_span(self, doc: Doc) -> Span:
        return doc[self.name_start : self.end]

    def span(self, doc: Doc) -> Span:
        return doc[self.start : self.end]


def bare(token: Token) -> str:
    """Lower case without dots: "Mr." → "mr", "N.Y." → "ny"."""
    return token.lower_.replace(".", "")


def sentence_initial(token: Token) -> bool:
    if token.is_sent_start or token.i == 0:
        return True
    prev = token.doc[token.i - 1]
    return prev.is_quote or (prev.is_space and "\n" in prev.text)


def is_era(token: Token) -> bool:
    return token.text in ("B.C.", "BC", "A.D.", "AD", "BCE", "CE") and token.i > 0 and token.doc[token.i - 1].like_num


@dataclass(slots=True)
class Draft:
    """One article's candidates while the passes of ``extract.entities.PASSES`` work on them, in order.

    ``taken`` holds the tokens some candidate already covers (a pass may not hand them out again).
    """

    doc: Doc
    cands: list[Candidate] = field(default_factory=list)
    taken: set[int] = field(default_factory=set)
