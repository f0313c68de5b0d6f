"""The hand-written HTML reader newsgraph used before trafilatura, kept only as the baseline of ``bench.ingest``.

HTML → the text a reader sees (inside ``<article>`` when there is one) and the page's title.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_SKIP_TAGS = {"script", "style", "noscript", "template", "svg", "nav", "header", "footer", "aside", "form", "head"}
_BLOCK_TAGS = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article",
    "blockquote", "tr", "table", "figcaption", "main", "pre", "hr", "dd", "dt",
}  # fmt: skip


class _VisibleText(HTMLParser):
    """Collects the text a reader sees, with paragraph breaks at block elements."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.article_parts: list[str] | None = None
        self.skip_depth = 0
        self.article_depth = 0
        self.title = ""
        self.h1 = ""
        self._in_title = False
        self._in_h1 = False

    def handle_starttag(self, tag: str, attrs) -> None:  # noqa: ANN001 - HTMLParser's signature
        if tag == "title":
            self._in_title = True
        if tag in _SKIP_TAGS:
            self.skip_depth += 1
        elif tag == "article":
            self.article_depth += 1
            if self.article_parts is None:
                self.article_parts = []
        if tag == "h1":
            self._in_h1 = True
        if tag in _BLOCK_TAGS:
            self._emit("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if tag in _SKIP_TAGS and self.skip_depth:
            self.skip_depth -= 1
        elif tag == "article" and self.article_depth:
            self.article_depth -= 1
        if tag == "h1":
            self._in_h1 = False
        if tag in _BLOCK_TAGS:
            self._emit("\n\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
            return
        if self.skip_depth:
            return
        if self._in_h1:
            self.h1 += data
        self._emit(data)

    def _emit(self, data: str) -> None:
        self.parts.append(data)
        if self.article_depth and self.article_parts is not None:
            self.article_parts.append(data)


_SPACES = re.compile(r"[ \t\f\v\u00a0]+")
_BREAKS = re.compile(r"\s*\n\s*\n\s*")


def html_to_text(html: str) -> tuple[str, str]:
    """Visible article text of an HTML page (inside <article> when there is one) and its title."""
    parser = _VisibleText()
    parser.feed(html)
    parser.close()
    parts = parser.article_parts if parser.article_parts else parser.parts
    text = _SPACES.sub(" ", "".join(parts))
    text = "\n".join(line.strip() for line in text.split("\n"))
    text = _BREAKS.sub("\n\n", text).strip()
    title = " ".join((parser.h1 or parser.title).split())
    return title, text
