"""A web page → its article: the main text (trafilatura), title, date, authors, site and URL (``metadata``).

Navigation, menus, share bars, related links, comments, captions and tables are left out: only the
article's own paragraphs, headings and list items are kept, one paragraph per block separated by a
blank line (the paragraph component then never runs a headline into a sentence). The headline is the
``title``, not part of the text. A page that is not an article (an index, a video, an error, login or
consent page, or too little text) raises ``NoArticleError`` saying why; the caller reports and skips it.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from extract.errors import InputError, NoArticleError
from extract.io.metadata import PageMetadata, read_metadata

#: Fewer words than this is no article (a 404 page's apology, a video's caption).
MIN_ARTICLE_WORDS = 40

for _name in ("trafilatura", "htmldate", "courlan", "justext", "readability"):
    logging.getLogger(_name).addHandler(logging.NullHandler())  # their warnings are ours to report, not to print


@dataclass(frozen=True)
class PageInfo:
    """What is known of a page before or besides its text (from the page itself, or a feed's entry)."""

    url: str = ""
    title: str = ""
    published: str = ""
    authors: tuple[str, ...] = ()
    site_name: str = ""


@dataclass(frozen=True)
class WebPage(PageInfo):
    """A page's article; ``text`` is what the article's offsets index."""

    text: str = ""


_EXTRACTOR = None


def _extractor():
    """trafilatura's options, built once: no comments, no tables (data boxes, not prose), no images or links.

    ``fast`` skips trafilatura's second opinion from its bundled readability and jusText: on the 30 bench
    pages it changed no word of the output and cost a quarter of the time (``python -m bench.ingest``).
    """
    global _EXTRACTOR
    if _EXTRACTOR is None:
        from trafilatura.settings import Extractor

        _EXTRACTOR = Extractor(output_format="python", fast=True, comments=False, tables=False, images=False,
                               links=False, formatting=False)  # fmt: skip
    return _EXTRACTOR


def parse_html(html: str | bytes):
    """An lxml tree of the page (trafilatura's loader: repairs broken markup); None when it is no HTML at all."""
    from trafilatura.utils import load_html

    try:
        return load_html(html)
    except (ValueError, TypeError):
        return None


def read_page(html: str | bytes, *, source: str, url: str = "") -> WebPage:
    """The article of one page; ``NoArticleError`` (naming ``source``) when the page holds none."""
    tree = parse_html(html)
    if tree is None:
        raise NoArticleError(source, "not an HTML page (no document could be parsed)")
    meta = read_metadata(tree)
    _check_declared(meta, source)
    text = main_text(tree, meta.title, url=url or meta.url)
    words = len(text.split())
    if words < MIN_ARTICLE_WORDS:
        found = f"only {words} words of text" if words else "no article text"
        raise NoArticleError(source, f"{found} (an article needs {MIN_ARTICLE_WORDS}); is this an index, video or error page?")
    return WebPage(text=text, title=meta.title, published=meta.published, authors=meta.authors,
                   site_name=meta.site_name, url=meta.url or url)  # fmt: skip


def _check_declared(meta: PageMetadata, source: str) -> None:
    """Pages that say what they are: a declared article is read; an index, video, error or login page is not."""
    if meta.declares_article:
        return
    other = meta.declares_other
    if other:
        raise NoArticleError(source, f"the page declares itself a {other!r} (Open Graph / schema.org), not an article")
    if meta.noindex:
        raise NoArticleError(source, "the page asks search engines not to index it and declares no article (an error, login or consent page?)")


def main_text(tree, title: str = "", *, url: str = "") -> str:
    """The article's paragraphs, headings and list items, one per block, blank lines between them."""
    from trafilatura import bare_extraction

    document = bare_extraction(tree, url=url or None, options=_extractor())
    if document is None or document.body is None:
        return ""
    paragraphs = [p for p in _blocks(document.body) if p]
    if paragraphs and title and _same(paragraphs[0], title):
        paragraphs = paragraphs[1:]  # the headline is the title, not the text
    return "\n\n".join(paragraphs)


def _blocks(body) -> list[str]:
    blocks: list[str] = []
    for element in body:
        if element.tag in ("table", "graphic", "image"):
            continue
        if element.tag == "list":
            blocks += [_inline(item) for item in element.iter("item")]
        else:
            blocks += _inline(element, breaks=True).split("\n\n")
    return [" ".join(b.split()) for b in blocks]


_BREAK = "\x00"


def _inline(element, *, breaks: bool = False) -> str:
    """An element's text; two line breaks in a row (``<br><br>``) end a paragraph when ``breaks``."""
    parts: list[str] = []

    def walk(el) -> None:
        if el.tag == "lb":
            parts.append(_BREAK)
        elif el.text:
            parts.append(el.text)
        for child in el:
            if child.tag != "list":
                walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(element)
    text = "".join(parts)
    if breaks:
        text = re.sub(rf"{_BREAK}\s*{_BREAK}[\s{_BREAK}]*", "\n\n", text)
    return text.replace(_BREAK, " ")


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def decode_page(data: bytes, source: str, *, charset: str = "", errors: str = "strict") -> str:
    """Bytes of a page → text: a byte-order mark, else UTF-8, else the charset the server or the page declares."""
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            return data.decode(codec, errors="replace" if errors == "replace" else "strict")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        declared = charset or _declared_charset(data)
        if declared:
            try:
                return data.decode(declared, errors=errors)
            except (LookupError, UnicodeDecodeError):
                pass
        if errors == "replace":
            return data.decode("utf-8", errors="replace")
        raise InputError(
            source,
            f"not valid UTF-8 (byte 0x{data[error.start]:02x} at offset {error.start}) and no usable charset declared; "
            "re-encode it as UTF-8 or pass --encoding-errors replace",
        ) from None


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.IGNORECASE)


def _declared_charset(data: bytes) -> str:
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii") if match else ""
