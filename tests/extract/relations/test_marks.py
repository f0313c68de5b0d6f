"""extract.relations.marks: quotation marks of every style, nested, over paragraphs, stray (no model)."""

from __future__ import annotations

import pytest

from extract.relations.marks import quotations


def quoted(text: str) -> list[str]:
    return [text[q.start : q.end] for q in quotations(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"We will rebuild the pier," said Ana Ortiz.', ["We will rebuild the pier,"]),
        ("Ana Ortiz said: “We will rebuild the pier.”", ["We will rebuild the pier."]),
        ("«Nous resterons ici», a-t-elle dit. «Toujours.»", ["Nous resterons ici", "Toujours."]),
        ("She called it ‘a fair deal’ on Monday.", ["a fair deal"]),
        ("The mayor’s office and the firm’s lawyers said nothing.", []),  # apostrophes are no marks
        ("He said 'we will see' and left.", ["we will see"]),
        ("I'd say the '90s were calmer.", []),
        ('The council said the delays were caused by the client."', []),  # a closing mark that closes nothing
        ('"Left open at the end', []),
        ("", []),
        ('"', []),
    ],
)
def test_quotations(text, expected):
    assert quoted(text) == expected


def test_a_quote_inside_a_quote():
    text = "Ana Ortiz said: \"When the engineer told me 'the wall is unsafe', I shut the school.\""
    found = quotations(text)
    assert [text[q.start : q.end] for q in found] == ["When the engineer told me 'the wall is unsafe', I shut the school.", "the wall is unsafe"]
    assert (found[0].depth, found[1].depth, found[1].parent) == (0, 1, 0)


def test_a_quote_over_two_paragraphs_goes_on_when_the_next_opens_with_a_mark():
    text = "Tom Okafor said: “The first part ends here.\n\n“The second part closes it.”\n\nThen the story goes on."
    found = quotations(text)
    assert [text[q.start : q.end] for q in found] == ["The first part ends here.", "The second part closes it."]
    assert [q.continues for q in found] == [True, False]


def test_a_quote_left_open_without_a_next_paragraph_is_dropped_and_shifts_nothing():
    text = 'Tom Reed said: "We lost three years. He added: "They will not break us." Then "a second one" came.'
    assert quoted(text) == ["They will not break us.", "a second one"]


def test_a_double_mark_opening_while_one_is_open_ends_the_one_left_unclosed():
    text = (
        'Ana Moreau said: "We trained hard all winter.\n\n"The surface suits us and the crowd helped a lot. '
        '"Winning here is good for the confidence." She left early. "It was about the wind," she said.'
    )
    assert quoted(text) == [
        "We trained hard all winter.", "The surface suits us and the crowd helped a lot.",
        "Winning here is good for the confidence.", "It was about the wind,",
    ]  # fmt: skip


@pytest.mark.parametrize("text", ["“", "”", "«»", "„Hallo“", "' ' '", '"" ""', "“a ‘b “c” d’ e”", "»reversed«", "\n\n“\n\n“"])
def test_odd_marks_never_crash(text):
    for q in quotations(text):
        assert 0 <= q.start <= q.end <= len(text)
