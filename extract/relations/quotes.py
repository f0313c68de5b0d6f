"""Quotes: speaker → SAID → the quotation, from quotation marks and a reporting verb.

Handles '"…," Hochart said.', '"…," said Hochart.', 'Hochart said: "…"' and '"…", he added.' (a
pronoun speaker is the last person named before the quote). The quotation is a QUOTE entity named by
its text; a quote may run over several sentences, so this rule works on the whole document.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc, Token

from extract.entities.table import EntityTable
from extract.lexicon.grammar import PRONOUNS
from extract.lexicon.verbs import REPORTING_VERBS
from extract.model import Mention, Relation
from extract.nlp.text import doc_text
from extract.relations.kit import ACTOR_TYPES, End, entity_type, make_relation, named_end, np_entity

#: An opening straight quote follows a space or an opening mark and precedes a non-space; a closing one
#: follows a non-space. That keeps pairs in phase when a quote is left open at a paragraph's end.
_QUOTE = re.compile(r'(?<![^\s(\[:,—–-])"(?=[^\s"])([^"\n]{3,}?)(?<=\S)"(?![^\s.,;:!?)\]—–-])|“([^”\n]{3,}?)”')
MIN_WORDS = 3


def _reporting_verb(doc: Doc, start: int, end: int) -> Token | None:
    """The reporting verb outside the quote [start, end) tokens: after it in its sentence, else before."""
    last = doc[end - 1].sent
    after = [t for t in doc[end : last.end] if t.lemma_.lower() in REPORTING_VERBS and t.pos_ == "VERB"]
    if after:
        return after[0]
    first = doc[start].sent
    before = [t for t in doc[first.start : start] if t.lemma_.lower() in REPORTING_VERBS and t.pos_ == "VERB"]
    if before and doc[start - 1].text in (":", ",", "—") or before and start - before[-1].i <= 3:
        return before[-1]
    return None


class _Named:
    """What ``quotes`` looks up, kept while it walks the text in order (meanwhile the table only gains QUOTE
    entities): the last actor of each type named before a token, found by one forward scan for all quotes
    instead of a scan back to the start per quote, and the people by last name, listed once."""

    def __init__(self, doc: Doc, table: EntityTable) -> None:
        self.doc, self.table = doc, table
        self.scanned = 0  # tokens before this one are in ``last``
        self.last: dict[str | None, int] = {}  # entity type → the last token seen that belongs to one of it
        self.people: dict[str, list[str]] | None = None

    def last_of(self, wanted: str, before: int) -> End | None:
        """The last entity of type ``wanted`` named before token ``before``."""
        types = frozenset({wanted})
        if before < self.scanned:  # not in text order: look back from there
            return next((end for i in range(before - 1, -1, -1) if (end := named_end(self.doc[i], self.table, types))), None)
        for i in range(self.scanned, before):
            eid = self.table.at(i)
            if eid is not None:
                self.last[entity_type(self.table, eid)] = i
        self.scanned = before
        i = self.last.get(wanted)
        return named_end(self.doc[i], self.table, types) if i is not None else None

    def called(self, last_name: str) -> list[str]:
        """Ids of the people whose name ends with ``last_name`` (casefolded)."""
        if self.people is None:
            self.people = {}
            for e in self.table.entities():
                if e.type == "PERSON":
                    self.people.setdefault(e.name.split()[-1].casefold(), []).append(e.id)
        return self.people.get(last_name, [])


def _speaker(verb: Token, named: _Named, before: int) -> tuple[End | None, float]:
    table = named.table
    for child in verb.children:
        if child.dep_ not in ("nsubj", "nsubjpass"):
            continue
        end = np_entity(child, table, ACTOR_TYPES)
        if end:
            return end, 0.85
        end = np_entity(child, table)  # whoever says something is an actor, whatever the NER thought
        if end:
            return end, 0.7
        if child.pos_ == "PROPN" or child.is_title and child.pos_ == "NOUN":  # a surname the NER missed: "…," Lund said.
            end = _surname(child, named)
            if end:
                return end, 0.7
        wanted = PRONOUNS.get(child.lower_, "")
        if wanted:
            end = named.last_of(wanted, before)  # the last actor of that type named before the quote
            return (end, 0.6) if end else (None, 0.0)
    return None, 0.0


def _surname(token: Token, named: _Named) -> End | None:
    """The one person already named whose last name is this token."""
    people = named.called(token.text.casefold())
    if len(people) != 1:
        return None
    return End(people[0], (token.idx, token.idx + len(token)))


def quotes(doc: Doc, table: EntityTable, article_id: str) -> Iterator[Relation]:
    """One SAID edge per attributed quotation; a quote that goes on in the next sentence keeps its speaker."""
    last: tuple[End, int] | None = None  # speaker of the previous quote and the sentence index after it
    named = _Named(doc, table)
    for match in _QUOTE.finditer(doc_text(doc)):
        group = 1 if match.group(1) is not None else 2
        q_start, q_end = match.start(group), match.end(group)
        text = match.group(group).strip().rstrip(",")
        if len(text.split()) < MIN_WORDS:
            continue  # scare quotes around a word or two are not speech
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is None or len(span) < 2:
            continue
        verb = _reporting_verb(doc, span.start, span.end)
        speaker, confidence = _speaker(verb, named, span.start) if verb is not None else (None, 0.0)
        if speaker is None and last is not None and span[0].sent.start <= last[1]:
            speaker, confidence = last[0], 0.6  # '"…," said Martin. "Nobody listens to us."'
        if speaker is None:
            continue
        last = (speaker, span[-1].sent.end)
        quote_id = table.add(text, "QUOTE", Mention(q_start, q_end, doc_text(doc)[q_start:q_end], "QUOTE"))
        around = (verb.i,) if verb is not None else ()
        sentences = doc[min([span.start, *around]) : max([span.end, *(i + 1 for i in around)])]
        context = doc[sentences[0].sent.start : sentences[-1].sent.end]
        yield make_relation(article_id, context, speaker, "SAID", End(quote_id, (q_start, q_end)), "quote", confidence)
