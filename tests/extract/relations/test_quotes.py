"""extract.relations.quotes: who said what."""

from __future__ import annotations

import pytest

from tests.helpers import extract

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "speaker", "quote"),
    [
        ('"We have been asking for help since the spring," Ludovic Hochart said.', "Ludovic Hochart", "We have been asking for help since the spring"),
        ('"The wall will protect hundreds of homes," said Tom Whitfield.', "Tom Whitfield", "The wall will protect hundreds of homes"),
        ("Anna Kowalski said: “This scheme shows what we can do together.”", "Anna Kowalski", "This scheme shows what we can do together."),
        ('Gordon Brown spoke in Leeds. "We will not give up on this town," he added.', "Gordon Brown", "We will not give up on this town"),
    ],
)
def test_quotes(nlp, text, speaker, quote):
    extraction = extract(nlp, text)
    names = {e.id: e for e in extraction.entities}
    said = [(names[r.source].name, names[r.target]) for r in extraction.relations if r.predicate == "SAID"]
    assert [(s, q.name) for s, q in said] == [(speaker, quote)]
    assert said[0][1].type == "QUOTE"
    rel = next(r for r in extraction.relations if r.predicate == "SAID")
    start, end = rel.evidence.target_span
    assert text[start:end].rstrip(",") == quote  # target offsets point at the quotation itself
    assert quote in rel.evidence.sentence


def test_scare_quotes_are_not_speech(nlp):
    assert not [r for r in extract(nlp, 'Gordon Brown called the plan "reckless", aides said.').relations if r.predicate == "SAID"]


def test_quote_left_open_does_not_shift_the_pairs(nlp):
    text = (
        'Tom Reed said: "We lost three years. He added: "They will not break us, whatever they try." '
        "The ministry denied the claims, saying it followed the law."
    )
    extraction = extract(nlp, text)
    direct = {e.name for e in extraction.entities if e.type == "QUOTE" and any(
        r.target == e.id and r.evidence.rule.startswith("quote") for r in extraction.relations)}  # fmt: skip
    assert direct == {"They will not break us, whatever they try."}
    assert not any("He added" in e.name for e in extraction.entities if e.type == "QUOTE")
