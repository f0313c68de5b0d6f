"""Small shared pieces of the relation rules: entity ends of a relation, THING nodes, evidence.

A relation end is an entity id with the character span that names it in this sentence; the rules in
roles, actions, quotes and typed all build relations through ``make_relation`` so every
edge carries the same kind of evidence.
"""

from __future__ import annotations

from typing import NamedTuple

from spacy.tokens import Doc, Span, Token

from extract.entities.table import EntityTable
from extract.lexicon.bodies import ORG_NOUNS
from extract.lexicon.kinds import NON_THINGS
from extract.model import NAMED_TYPES, Evidence, Mention, Relation
from extract.nlp.text import doc_text
from extract.relations import marks
from extract.relations.marks import Quotation

NAMED = frozenset(NAMED_TYPES)
#: Types that can act, speak or hold a role.
ACTOR_TYPES = frozenset({"PERSON", "ORG", "NORP", "GPE"})


class End(NamedTuple):
    """One end of a relation: the entity id and the character span of its mention."""

    id: str
    span: tuple[int, int]


def char_span(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Character offsets of tokens ``start``..``end`` (exclusive), without trailing whitespace."""
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1])


def entity_type(table: EntityTable, eid: str | None) -> str | None:
    record = table.get(eid) if eid else None
    return record.type if record else None


def run_bounds(doc: Doc, table: EntityTable, i: int) -> tuple[int, int]:
    """Token range of the entity mention that covers token ``i`` (tokens in a row with the same id)."""
    eid = table.at(i)
    start = end = i
    while start > 0 and table.at(start - 1) == eid:
        start -= 1
    while end + 1 < len(doc) and table.at(end + 1) == eid:
        end += 1
    return start, end + 1


def named_end(token: Token, table: EntityTable, types: frozenset[str] = NAMED) -> End | None:
    """The named entity a token belongs to, if its type is one of ``types``."""
    eid = table.at(token)
    if eid is None or entity_type(table, eid) not in types:
        return None
    return End(eid, char_span(token.doc, *run_bounds(token.doc, table, token.i)))


def np_entity(token: Token, table: EntityTable, types: frozenset[str] = NAMED) -> End | None:
    """The named entity a noun phrase headed by ``token`` stands for.

    The head itself; else a named apposition right after its phrase ("the mayor, Natacha Bouchart", "The
    donor, real estate developer Lorraine Vickers", "the agency, UNHCR,"); else, for organisation nouns, a
    named modifier ("the UNSA-Police union"; not "the party of Marine Le Pen", not a nationality, "the
    Argentine newspaper Clarin", and not after "a": "an American investment group" is not America).
    """
    end = named_end(token, table, types)
    if end:
        return end
    for child in token.children:
        if (child.dep_ == "appos" or child.dep_ == "npadvmod" and child.pos_ == "PROPN" and token.doc[child.i - 1].text == ",") and _follows(token, child):
            # "the mayor, Natacha Bouchart"; "The donor, real estate developer Lorraine Vickers"; "the agency, UNHCR,"
            end = named_end(child, table, types) or next(
                (e for g in child.children if g.dep_ == "appos" and (e := named_end(g, table, types))), None
            )
            if end:
                return end
    if token.lemma_.lower() in ORG_NOUNS and not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in token.lefts):
        for child in token.lefts:  # not "an American investment group": some group, not America
            if child.dep_ in ("compound", "nmod", "amod", "poss"):
                end = named_end(child, table, types)
                if end and not (child.dep_ == "amod" and entity_type(table, end.id) == "NORP"):  # "Argentine newspaper Clarin"
                    return end
    return None


def _follows(head: Token, appos: Token) -> bool:
    """An apposition stands right after its head's phrase ("the leader of the party, X"), not across a verb
    the parser skipped ("The case was brought by …, Dale Moody")."""
    if appos.i < head.i:
        return True
    start = min(t.i for t in appos.subtree)
    inside = {t.i for t in head.subtree}
    return all(i in inside for i in range(head.i + 1, start))


#: Auxiliaries of a clause put back in time by reporting ("said staff had raised concerns", "would appeal").
BACKSHIFT = frozenset({"had", "would", "could", "might", "should"})


def in_reported_tense(verb: Token) -> bool:
    """A verb put back in time by reporting ("had always licensed", "would appeal") or a state ("was proud"),
    not a plain past event, which the reporter tells ("… and called on retailers to act")."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    return verb.lemma_.lower() == "be" or any(c.dep_ == "aux" and c.lower_ in BACKSHIFT for c in verb.children)


def governor(verb: Token, reporting: frozenset[str]) -> Token:
    """The verb a verb hangs on. A plain past verb with no subject of its own joined to a reported clause
    hangs on the reporting verb ("X said the abuses were "systematic" and called on retailers…": X called)."""
    head = verb.head
    if (
        verb.dep_ == "conj" and head.dep_ == "ccomp" and head.head.lemma_.lower() in reporting and head.head.i < head.i
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) and not in_reported_tense(verb)
    ):  # fmt: skip
        return head.head
    return head


def thing_end(token: Token, table: EntityTable) -> End | None:
    """A common-noun phrase as a THING: compounds + head lemma, lower case ("police officers" → "police officer")."""
    if token.pos_ not in ("NOUN", "PROPN") or token.lemma_.lower() in NON_THINGS or token.ent_type_ in _NUMERIC:
        return None
    doc = token.doc
    start = token.i
    for child in reversed(list(token.lefts)):
        if child.dep_ == "compound" and child.i == start - 1 and table.at(child) is None:
            start = child.i
        else:
            break
    words = [t.text.lower() for t in doc[start : token.i]] + [token.lemma_.lower()]
    name = " ".join(words)
    span = char_span(doc, start, token.i + 1)
    text = doc_text(doc)[span[0] : span[1]]
    eid = table.add(name, "THING", Mention(*span, text, "THING"), range(start, token.i + 1))
    return End(eid, span)


_NUMERIC = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})


def make_relation(
    article_id: str, sent: Span, source: End, predicate: str, target: End, rule: str, confidence: float
) -> Relation:
    evidence = Evidence(article_id, sent.text.strip(), source.span, target.span, rule)
    return Relation(source.id, predicate, target.id, evidence, confidence)


def quotations(doc: Doc) -> list[Quotation]:
    """The quotations of ``doc`` (``marks.quotations``), found once per document and kept on it."""
    found = doc.user_data.get(_QUOTATIONS)
    if found is None:
        found = doc.user_data[_QUOTATIONS] = marks.quotations(doc_text(doc))
    return found


def quoted_tokens(doc: Doc) -> frozenset[int]:
    """Indices of the tokens inside quotation marks (the marks themselves left out)."""
    found = doc.user_data.get(_QUOTED)
    if found is None:
        inside: set[int] = set()
        for quote in quotations(doc):
            if quote.depth == 0:
                span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
                if span is not None:
                    inside.update(range(span.start, span.end))
        found = doc.user_data[_QUOTED] = frozenset(inside)
    return found


#: Dashes that end a wire dateline ("GENEVA, April 2 (AFP) -") or start a credit line ("— Rosa Mabunda").
DASHES = frozenset({"—", "–", "-", "--", "―"})


def dateline_end(token: Token, sent: Span) -> int | None:
    """Index of the dash that ends the wire dateline ``token`` stands in ("MILLBROOK, Ohio (AP) —"), if it does.

    ``sent`` is the token's sentence. A dateline opens a paragraph, ends on a dash within a dozen tokens,
    and its words are capitalised, the first in capitals.
    """
    doc = token.doc
    start = sent.start
    if start > 0 and "\n" not in doc[start - 1].text and "\n" not in doc[start - 1].whitespace_:
        return None
    dash = next((t.i for t in doc[start : min(sent.end, start + 14)] if t.text in DASHES), None)
    if dash is None or token.i >= dash:
        return None
    words = [t for t in doc[start:dash] if t.is_alpha]
    if words and words[0].is_upper and len(words[0]) > 1 and all(w.is_title or w.is_upper for w in words):
        return dash
    return None


_QUOTATIONS = "newsgraph.quotations"
_QUOTED = "newsgraph.quoted_tokens"
