"""extract.io.html: the text a reader sees."""

from __future__ import annotations

from extract.errors import InputError
from extract.io.ingest import html_to_text, read_articles


def collect(paths, **kwargs):
    errors: list[InputError] = []
    articles = list(read_articles(paths, on_error=errors.append, **kwargs))
    return articles, errors


def test_html_keeps_visible_article_text_only():
    html = (
        "<html><head><title>Site | Story</title><script>var x = 'hidden script';</script>"
        "<style>p{}</style></head><body><nav>Menu links</nav><article><h1>Big &amp; bold</h1>"
        "<p>First para.</p><p>Second&nbsp;para.</p></article><footer>Footer text</footer></body></html>"
    )
    title, text = html_to_text(html)
    assert title == "Big & bold"
    assert "First para." in text and "Second para." in text
    for hidden in ("hidden script", "Menu links", "Footer text", "p{}", "<p>"):
        assert hidden not in text
    assert "\n\n" in text


def test_html_without_article_uses_body(tmp_path):
    path = tmp_path / "page.html"
    path.write_text("<html><head><title>T</title></head><body><p>Body text here.</p></body></html>")
    (article,) = collect([path])[0]
    assert article.title == "T" and article.text == "Body text here."
