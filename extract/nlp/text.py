"""A parsed article's text, and where a word stands in it, at a cost that does not grow with each look.

``Doc.text`` joins every token again on each call, and a regex scan of the whole text per candidate or
per name makes an article of n characters cost n × (names in it): a 1,000,000-character article took
minutes in the rules. Both are kept once per ``Doc`` (in ``doc.user_data``; the text of a ``Doc`` never
changes), so each look costs what it finds.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc

_TEXT = "newsgraph:text"
_WORDS = "newsgraph:words"
#: A run of word characters and hyphens: what ``(?<![\w-])`` and ``(?![\w-])`` delimit.
_WORD = re.compile(r"[\w-]+")


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


def _word_starts(doc: Doc) -> dict[str, list[int]]:
    index = doc.user_data.get(_WORDS)
    if index is None:
        index = {}
        for match in _WORD.finditer(doc_text(doc)):
            index.setdefault(match.group(), []).append(match.start())
        doc.user_data[_WORDS] = index
    return index


def standalone(doc: Doc, word: str, pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
    """``pattern.finditer(doc_text(doc))`` for a pattern that matches ``word`` only where it stands apart:
    not next to a word character or a hyphen (``(?<![\\w-])word(?![\\w-])``, or stricter).

    The matches are the same, in the same order; when ``word`` is itself made of word characters and
    hyphens they can only start where a whole run of them equals ``word``, so only those places (from
    an index of the text's runs, made once) are tried instead of a scan of the whole text.
    """
    text = doc_text(doc)
    if not _WORD.fullmatch(word):
        yield from pattern.finditer(text)
        return
    for start in _word_starts(doc).get(word, ()):
        match = pattern.match(text, start)
        if match is not None:
            yield match
