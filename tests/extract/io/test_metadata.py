"""extract.io.metadata: what a page declares, and what a reader sees when it declares nothing."""

from __future__ import annotations

import lxml.html

from extract.io.metadata import read_metadata


def meta(html: str):
    return read_metadata(lxml.html.document_fromstring(html))


def test_a_title_cut_short_is_expanded_to_the_visible_headline_and_the_site_is_the_other_end():
    got = meta("<html><head><title>Valley News :: Local :: Fair opens Thursday</title></head><body>"
               "<b>Fair opens Thursday with record entries</b><p>Text.</p></body></html>")  # fmt: skip
    assert got.title == "Fair opens Thursday with record entries" and got.site_name == "Valley News"


def test_headline_first_titles_put_the_site_last():
    got = meta("<html><head><title>Pier repairs agreed - Bay News</title></head><body><h1>Pier repairs agreed</h1></body></html>")
    assert got.title == "Pier repairs agreed" and got.site_name == "Bay News"


def test_byline_names_are_cleaned():
    got = meta("<html><body><h1>T</h1><p class='author-section'>By <a href='/p/k'>KELLY BRANNIGAN</a> FOR THE DAILY CLARION</p></body></html>")
    assert got.authors == ("Kelly Brannigan",)
    got = meta("<html><head><meta name='author' content='Walt Henning; Ruth-Ann Bakke; Staff Writers'></head><body></body></html>")
    assert got.authors == ("Walt Henning", "Ruth-Ann Bakke")


def test_a_sentence_starting_with_by_is_no_byline():
    got = meta("<html><body><h1>T</h1><p>By noon the crowd had grown to several thousand people.</p></body></html>")
    assert got.authors == ()


def test_types_and_noindex_are_read():
    got = meta('<html><head><meta property="og:type" content="video.other"><meta name="robots" content="noindex, nofollow">'
               '<script type="application/ld+json">[{"@type": "VideoObject"}]</script></head><body></body></html>')  # fmt: skip
    assert got.types == {"video.other", "VideoObject"} and got.noindex and not got.declares_article
    assert got.declares_other == "VideoObject"


def test_malformed_json_ld_is_ignored():
    got = meta('<html><head><script type="application/ld+json">{"@type": "NewsArticle", </script>'
               '<meta property="article:published_time" content="2024-05-01T10:00:00+02:00"></head><body></body></html>')  # fmt: skip
    assert got.published == "2024-05-01T10:00:00+02:00"
