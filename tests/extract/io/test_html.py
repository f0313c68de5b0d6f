"""extract.io.html: a page's article text (trafilatura) and metadata; pages with no article refused."""

from __future__ import annotations

import json
import re
from collections import Counter

import pytest

from extract.errors import InputError, NoArticleError
from extract.io.html import MIN_ARTICLE_WORDS, decode_page, read_page
from tests.conftest import EXAMPLES, REPO

PAGES = REPO / "tests" / "data" / "pages"
BODY = " ".join(["The harbour board met on Monday and agreed to repair the north pier before the winter storms."] * 6)


def page(head: str = "", body: str = f"<article><h1>Pier repairs agreed</h1><p>{BODY}</p></article>") -> str:
    return f"<!DOCTYPE html><html><head><title>Pier repairs agreed | Bay News</title>{head}</head><body>{body}</body></html>"


def test_menus_share_bars_and_footers_are_not_article_text():
    html = page(body=(
        "<nav><a href='/africa'>Africa</a> <a href='/asia'>Asia</a> <a href='/top'>Top News</a></nav>"
        f"<article><h1>Pier repairs agreed</h1><div class='share'><button>Share on X</button></div><p>{BODY}</p>"
        "<p>Second paragraph about the pier &amp; the board.</p></article><footer>Copyright Bay News</footer>"
    ))  # fmt: skip
    got = read_page(html, source="p.html")
    assert got.title == "Pier repairs agreed"
    assert got.text.startswith("The harbour board met") and "\n\nSecond paragraph about the pier & the board." in got.text
    for junk in ("Africa", "Top News", "Share on X", "Copyright", "Pier repairs agreed"):
        assert junk not in got.text


def test_metadata_comes_from_json_ld_and_open_graph():
    head = (
        '<meta property="og:type" content="article"><meta property="og:site_name" content="Bay News">'
        '<link rel="canonical" href="https://baynews.example/pier">'
        '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2024-10-01T08:15:00Z",'
        ' "author": [{"@type": "Person", "name": "Aoife Lyons"}, {"@type": "Person", "name": "Sam Ortega"}]}</script>'
    )
    got = read_page(page(head), source="p.html")
    assert (got.published, got.authors, got.site_name, got.url) == (
        "2024-10-01T08:15:00+00:00", ("Aoife Lyons", "Sam Ortega"), "Bay News", "https://baynews.example/pier")


def test_byline_and_visible_date_when_nothing_is_declared():
    body = (f"<div class='story'><h1>Pier repairs agreed</h1><p class='byline'>By Aoife Lyons, Staff Writer</p>"
            f"<p>Published 1 October 2024</p><p>{BODY}</p></div>")  # fmt: skip
    got = read_page(page(body=body), source="p.html")
    assert got.authors == ("Aoife Lyons",) and got.published == "2024-10-01" and got.site_name == "Bay News"


@pytest.mark.parametrize(
    ("head", "body", "reason"),
    [
        ('<meta property="og:type" content="website">', f"<h1>News</h1><p>{BODY}</p>", "declares itself a 'website'"),
        ('<meta name="robots" content="noindex">', f"<h1>Sorry, page not found</h1><p>{BODY}</p>", "not to index it"),
        ("", "<h1>Pier</h1><p>Too short to be an article.</p>", f"an article needs {MIN_ARTICLE_WORDS}"),
        ("", "", "no article text"),
    ],
)
def test_pages_without_an_article_are_refused_with_the_reason(head, body, reason):
    with pytest.raises(NoArticleError, match=re.escape(reason)) as caught:
        read_page(page(head, body), source="index.html")
    assert caught.value.path == "index.html"


def test_a_declared_article_is_read_even_if_noindex():
    head = '<meta name="robots" content="noindex"><meta property="og:type" content="article">'
    assert read_page(page(head), source="p.html").text.startswith("The harbour board")


def test_decoding_uses_utf8_then_the_declared_charset():
    latin = "<html><head><meta charset='iso-8859-1'></head><body><p>Caf\u00e9 owners</p></body></html>".encode("latin-1")
    assert "Caf\u00e9" in decode_page(latin, "p.html")
    assert "Caf\u00e9" in decode_page("<p>Caf\u00e9</p>".encode("utf-16"), "p.html")
    with pytest.raises(InputError, match="not valid UTF-8 .* no usable charset"):
        decode_page(b"<p>Caf\xe9</p>", "p.html")
    assert "Caf\ufffd" in decode_page(b"<p>Caf\xe9</p>", "p.html", errors="replace")


def test_the_example_page_gives_text_without_navigation_and_its_metadata():
    got = read_page((EXAMPLES / "ferry-dispute.html").read_bytes(), source="ferry-dispute.html")
    assert got.title == "Ferry crews vote to strike over Arranmore rota"
    assert (got.published, got.authors, got.site_name) == ("2025-05-14T07:45:00+01:00", ("Orla Brennan",), "The Western Courier")
    assert got.text.startswith("Crews on the Arranmore ferry") and got.text.endswith("population triples.")
    for junk in ("Africa", "Slideshow", "Top News", "Share on", "Most read", "Related", "Advertisement", "Privacy"):
        assert junk not in got.text


def _f1(pred: str, gold: str) -> float:
    p, g = Counter(re.findall(r"\w+", pred.lower())), Counter(re.findall(r"\w+", gold.lower()))
    tp = sum((p & g).values())
    return 2 * tp / (sum(p.values()) + sum(g.values()))


def test_saved_news_pages_read_close_to_their_gold_and_non_articles_are_refused():
    """The bench set (tests/data/pages): quality floors well under what bench.ingest reports (0.958 F1)."""
    scores, meta_right, refused = [], Counter(), 0
    for gold in json.loads((PAGES / "pages.json").read_text()):
        html = (PAGES / gold["file"]).read_bytes()
        if not gold["article"]:
            with pytest.raises(NoArticleError):
                read_page(html, source=gold["file"])
            refused += 1
            continue
        got = read_page(html, source=gold["file"])
        scores.append(_f1(got.text, (PAGES / gold["file"].replace(".html", ".txt")).read_text()))
        meta_right.update(title=got.title == gold["title"], authors=list(got.authors) == gold["authors"],
                          site=got.site_name == gold["site_name"], url=got.url == gold["url"],
                          day=got.published[:10] == gold["published"][:10])  # fmt: skip
    assert refused == 5 and len(scores) == 30
    assert sum(scores) / len(scores) >= 0.93 and min(scores) >= 0.6
    assert all(meta_right[field] >= 27 for field in ("title", "authors", "site", "url", "day")), meta_right
