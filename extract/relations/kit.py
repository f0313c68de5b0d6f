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

    The head itself; else a named apposition ("the mayor, Natacha Bouchart"); else, for organisation
    nouns, a named modifier ("the UNSA-Police union", "the party of Marine Le Pen" is not followed).
    """
    end = named_end(token, table, types)
    if end:
        return end
    for child in token.children:
        if child.dep_ == "appos":
            end = named_end(child, table, types)
            if end:
                return end
    if token.lemma_.lower() in ORG_NOUNS:
        for child in token.lefts:
            if child.dep_ in ("compound", "nmod", "amod", "poss"):
                end = named_end(child, table, types)
                if end:
                    return end
    return None


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
