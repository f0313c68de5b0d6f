"""Quotation marks in running text: where each quotation starts and ends, the ones inside others too.

Plain string code (no spaCy). Handles curly (“…”, ‘…’), straight ("…", '…') and guillemet («…») marks,
a quote inside a quote, and the news convention for a quotation over several paragraphs: each
paragraph opens with a mark and only the last one closes ("multi-paragraph" quotes: the piece left
open at a paragraph's end goes on in the next). A straight mark opens after a space, a bracket, a dash
or a colon and before a non-space; it closes after a non-space and before a space, punctuation or the
end. A mark that closes nothing ("…the client."" with no opening) and a quote left open with no
continuation are ignored, and a double mark opening while one like it is open ends that one (its close
was left out: a quote inside a quote takes the other marks; it is kept if it ends a sentence there), so
one stray or missing mark never shifts the pairs after it. An apostrophe
("Corvane’s", "I'd") is neither an opening nor a closing mark.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Opening mark → the mark that closes it. Straight marks close themselves.
PAIRS = {"“": "”", "«": "»", '"': '"', "‘": "’", "'": "'"}
#: Marks of the outer level (a quotation); single marks are mostly a quote inside a quote.
DOUBLE = frozenset({"“", "«", '"'})
_OPEN_AFTER = frozenset("([{—–-:/“«‘\"'")
_CLOSE_BEFORE = frozenset(".,;:!?)]}—–-…”»’\"'")
_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n\s*")


@dataclass(frozen=True, slots=True)
class Quotation:
    """One quotation: ``start``/``end`` bound the words inside the marks (stripped of spaces).

    ``open_mark``/``close_mark`` are the offsets of the marks (``close_mark`` is the paragraph's end for
    a piece that goes on in the next paragraph: ``continues``); ``depth`` is 0 for a quotation in the
    text and 1 or more inside another, ``parent`` the index of the enclosing quotation in the list.
    """

    start: int
    end: int
    open_mark: int
    close_mark: int
    depth: int = 0
    continues: bool = False
    parent: int | None = None


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph: text between blank lines."""
    bounds, start = [], 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        bounds.append((start, match.start()))
        start = match.end()
    bounds.append((start, len(text)))
    return bounds


def _can_open(text: str, i: int, end: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < end else " "
    return (before.isspace() or before in _OPEN_AFTER) and not after.isspace()


def _can_close(text: str, i: int, end: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < end else " "
    return not before.isspace() and (after.isspace() or after in _CLOSE_BEFORE)


def _stripped(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def quotations(text: str) -> list[Quotation]:
    """Every quotation in ``text``, in order of its opening mark."""
    found: list[tuple[int, int, int, int, int, bool, int | None]] = []  # as Quotation; parent: its opening offset
    paragraphs = _paragraphs(text)
    for number, (p_start, p_end) in enumerate(paragraphs):
        stack: list[tuple[str, int]] = []  # (opening mark, its offset)
        for i in range(p_start, p_end):
            char = text[i]
            if char not in PAIRS and char not in ("”", "»", "’"):
                continue
            closing = [k for k, (mark, _) in enumerate(stack) if PAIRS[mark] == char]
            if closing and (char in ("”", "»") or _can_close(text, i, p_end)):
                k = closing[-1]
                mark, at = stack[k]
                del stack[k:]  # marks opened inside and never closed are dropped
                parent = stack[-1][1] if stack else None
                found.append((*_stripped(text, at + 1, i), at, i, k, False, parent))
            elif char in PAIRS and char not in ("”", "»", "’") and (char in ("“", "«") or _can_open(text, i, p_end)):
                same = [k for k, (mark, _) in enumerate(stack) if mark == char and mark in DOUBLE]
                if same:  # a double mark opens while one like it is open: that one's close was left out
                    k = same[-1]
                    mark, at = stack[k]
                    del stack[k:]
                    start, end = _stripped(text, at + 1, i)
                    if end > start and text[end - 1] in ".!?…":  # it ended with its sentence; not "He added:"
                        found.append((start, end, at, i, k, False, stack[-1][1] if stack else None))
                stack.append((char, i))
        # a double quote left open goes on when the next paragraph opens with the same mark
        following = text[paragraphs[number + 1][0]] if number + 1 < len(paragraphs) and paragraphs[number + 1][0] < len(text) else ""
        for k, (mark, at) in enumerate(stack):
            if mark in DOUBLE and following == mark:
                parent = stack[k - 1][1] if k else None
                found.append((*_stripped(text, at + 1, p_end), at, p_end, k, True, parent))
                break
    found = sorted((item for item in found if item[1] > item[0]), key=lambda item: item[2])
    index = {item[2]: n for n, item in enumerate(found)}
    result: list[Quotation] = []
    for start, end, opening, closing, _depth, continues, parent in found:
        up = index.get(parent) if parent is not None else None
        depth = result[up].depth + 1 if up is not None else 0
        result.append(Quotation(start, end, opening, closing, depth, continues, up))
    return result
