"""extract.nlp.text: the text and word look-ups of a Doc, the same as scanning the text, made once."""

from __future__ import annotations

import re

import pytest
import spacy

from extract.nlp.text import doc_text, standalone

TEXT = ("FN leader Marine Le Pen met the FN's mayors. Le Pen-style politics, FN.com and the FN-backed list; "
        "Mr Booth's 'Booth' and ’Booth; AT&T and U.S. officials. Lorry drivers said lorry fares rose.")  # fmt: skip


@pytest.fixture(scope="module")
def doc():
    return spacy.blank("en")(TEXT)


def test_the_text_is_the_docs_and_built_once(doc):
    assert doc_text(doc) == doc.text and doc_text(doc) is doc_text(doc)


@pytest.mark.parametrize(
    ("word", "pattern"),
    [
        ("FN", r"(?<![\w\-])FN(?![\w\-]|\.\w)"),  # other uses of an acronym: not "FN.com", not "FN-backed"
        ("Booth", r"(?<![\w\-'’])Booth(?![\w\-])"),  # an untagged surname, not after an apostrophe
        ("lorry", r"(?<![\w-])lorry(?![\w-])"),  # a capitalised word written in lower case elsewhere
        ("Pen", r"(?<![\w-])Pen(?![\w-])"),
        ("absent", r"(?<![\w-])absent(?![\w-])"),
        ("AT&T", r"(?<![\w\-])AT\&T(?![\w\-]|\.\w)"),  # not a run of word characters: the text is scanned
        ("U.S.", r"(?<![\w\-])U\.S\.(?![\w\-]|\.\w)"),
    ],
)
def test_standalone_finds_what_a_scan_of_the_whole_text_finds(doc, word, pattern):
    compiled = re.compile(pattern)
    assert [m.span() for m in standalone(doc, word, compiled)] == [m.span() for m in compiled.finditer(TEXT)]
