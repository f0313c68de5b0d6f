"""A web page's own metadata: title, publication date, authors, site name, canonical URL, page type.

Read from what publishers declare for search engines and social sites — JSON-LD (schema.org), Open
Graph and ``article:*`` meta tags, schema.org microdata, ``<meta name=…>``, ``<link rel=canonical>``,
``<time datetime>`` — and, where a page declares nothing, from what a reader sees: the ``<h1>``, the
byline, the ``<title>``, the home link. When no date is declared, htmldate's heuristics find the day.
Every field is "" (or ``()``) when the page does not say.
"""

from __future__ import annotations

import json
import re
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field

from lxml.html import HtmlElement

from extract.io.dates import iso_date
from extract.lexicon.bylines import BYLINE_ROLE_WORDS

#: schema.org types of a piece of news writing (any type ending in "Article" counts too).
ARTICLE_TYPES = frozenset({
    "BlogPosting", "LiveBlogPosting", "SocialMediaPosting", "DiscussionForumPosting", "Report", "Review",
    "CriticReview", "Posting",
})  # fmt: skip
#: Open Graph and schema.org types that say a page is something other than an article.
NOT_ARTICLE_TYPES = frozenset({
    "website", "profile", "book", "music", "video", "CollectionPage", "SearchResultsPage", "ProfilePage",
    "VideoObject", "VideoGallery", "ImageGallery", "AboutPage", "ContactPage", "CheckoutPage", "FAQPage",
    "Product", "Event", "Recipe",
})  # fmt: skip
#: <title> separators between the headline and the site's name.
_TITLE_SEPARATORS = re.compile(r"\s+(?:[|·•»«:/~]+|::|[-–—]{1,2})\s+")
_BY = re.compile(r"^\s*(?:by|words by|written by|interview by|text by)\s*[:\-–—]?\s*", re.IGNORECASE)
_NAME_SPLIT = re.compile(r"\s*(?:,|;|\||·|•|\s&\s|\sand\s|\bwith\b)\s*", re.IGNORECASE)
_CUT_AT = re.compile(r"\s+(?:at|for|in)\s+(?=[A-Z])|\s+[|·•]\s+|\s+[-–—]\s+")
_DATE_META = (
    "article:published_time", "og:published_time", "published_time", "datepublished", "date", "pubdate",
    "publishdate", "publish-date", "publish_date", "publication_date", "dc.date", "dc.date.issued",
    "dcterms.created", "dcterms.issued", "dcterms.date", "sailthru.date", "parsely-pub-date",
    "article.published", "cxenseparse:recs:publishtime",
)  # fmt: skip


@dataclass
class PageMetadata:
    title: str = ""
    published: str = ""  # ISO 8601
    authors: tuple[str, ...] = ()
    site_name: str = ""
    url: str = ""
    #: What the page declares itself to be (Open Graph og:type and schema.org @type values).
    types: frozenset[str] = frozenset()
    #: <meta name="robots" content="noindex">: the page asks not to be listed (error, login, consent pages).
    noindex: bool = False
    #: Names of the <title> that are not the headline ("Site", "Section"), for cleaning text and names.
    title_parts: tuple[str, ...] = field(default=())

    @property
    def declares_article(self) -> bool:
        return any(t == "article" or t.endswith("Article") or t in ARTICLE_TYPES for t in self.types)

    @property
    def declares_other(self) -> str:
        """The first declared type that is not an article ("" when none)."""
        for t in sorted(self.types):
            if t in NOT_ARTICLE_TYPES or t.split(".")[0] in NOT_ARTICLE_TYPES:
                return t
        return ""


def read_metadata(tree: HtmlElement) -> PageMetadata:
    """Everything ``PageMetadata`` holds, from a parsed page."""
    meta = _meta_tags(tree)
    ld = list(_json_ld(tree))
    article = _first_article(ld) or {}
    micro = _microdata_article(tree)
    types = {t for obj in ld for t in _types(obj)}
    if meta.get("og:type"):
        types.add(meta["og:type"])
    if micro is not None:
        types.add("Article")
    h1 = _headline(tree, meta.get("og:title", ""))
    raw_title = _text(tree.find(".//title")) or _text(tree.find(".//TITLE"))
    headline = h1 or _first(meta.get("og:title"), _string(article.get("headline")), _micro_prop(micro, "headline"),
                            meta.get("twitter:title"))  # fmt: skip
    parts = [p.strip() for p in _TITLE_SEPARATORS.split(raw_title) if p.strip()]
    if not headline and raw_title:
        headline = _visible_expansion(tree, _longest(parts) if len(parts) > 1 else raw_title)
    extra = _title_site_parts(parts, headline)
    site = _first(
        meta.get("og:site_name"), _org_name(article.get("publisher")), _micro_publisher(micro), meta.get("application-name"),
        *(p for p in extra[:1] if not _BY.match(p) and len(p.split()) <= 6), _home_link_name(tree),
    )  # fmt: skip
    return PageMetadata(
        title=_clean(headline),
        published=_published(tree, meta, article, micro),
        authors=_authors(tree, meta, article, micro, site, extra),
        site_name=_clean(site),
        url=_first(_link(tree, "canonical"), meta.get("og:url"), _url_of(article)),
        types=frozenset(types),
        noindex="noindex" in meta.get("robots", "").lower(),
        title_parts=extra,
    )


# --- where the fields come from -------------------------------------------------------------------


def _meta_tags(tree: HtmlElement) -> dict[str, str]:
    """<meta property|name|itemprop=… content=…>, keys lower case; the first of each name wins."""
    found: dict[str, str] = {}
    for el in tree.iter("meta", "META"):
        key = el.get("property") or el.get("name") or el.get("itemprop") or el.get("http-equiv") or ""
        value = (el.get("content") or "").strip()
        if key and value:
            found.setdefault(key.strip().lower(), value)
    return found


def _json_ld(tree: HtmlElement) -> Iterator[dict]:
    """Every JSON-LD object of the page, ``@graph`` and nested lists flattened (malformed blocks skipped)."""
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        raw = (script.text or "").strip().removeprefix("<!--").removesuffix("-->").strip()
        raw = raw.removeprefix("//<![CDATA[").removesuffix("//]]>").strip()
        try:
            data = json.loads(raw)
        except (json.JSONDecodeError, RecursionError):
            continue
        yield from _objects(data)


def _objects(data) -> Iterator[dict]:
    if isinstance(data, list):
        for item in data:
            yield from _objects(item)
    elif isinstance(data, dict):
        yield data
        if isinstance(data.get("@graph"), list):
            yield from _objects(data["@graph"])


def _types(obj: dict) -> list[str]:
    value = obj.get("@type", [])
    values = value if isinstance(value, list) else [value]
    return [v.rsplit("/", 1)[-1] for v in values if isinstance(v, str)]


def _is_article(types: list[str]) -> bool:
    return any(t.endswith("Article") or t in ARTICLE_TYPES for t in types)


def _first_article(objects: list[dict]) -> dict | None:
    """The page's article object: a *NewsArticle* before any other article type."""
    articles = [o for o in objects if _is_article(_types(o))]
    articles.sort(key=lambda o: 0 if any("News" in t or t == "Article" for t in _types(o)) else 1)
    return articles[0] if articles else None


def _microdata_article(tree: HtmlElement) -> HtmlElement | None:
    for el in tree.xpath("//*[@itemscope and @itemtype]"):
        if _is_article([el.get("itemtype", "").rstrip("/").rsplit("/", 1)[-1]]):
            return el
    return None


def _micro_prop(scope: HtmlElement | None, prop: str) -> str:
    if scope is None:
        return ""
    for el in scope.xpath(f".//*[@itemprop='{prop}']"):
        value = el.get("content") or el.get("datetime") or (_text(el) if el.get("itemscope") is None else "")
        if value:
            return value.strip()
    return ""


def _micro_people(scope: HtmlElement | None, prop: str) -> list[str]:
    if scope is None:
        return []
    names = []
    for el in scope.xpath(f".//*[@itemprop='{prop}']"):
        if el.get("itemscope") is not None:
            inner = el.xpath(".//*[@itemprop='name']")
            name = (inner[0].get("content") or _text(inner[0])) if inner else ""
        else:
            name = el.get("content") or _text(el)
        if name:
            names.append(name)
    return names


def _micro_publisher(scope: HtmlElement | None) -> str:
    names = _micro_people(scope, "publisher")
    return names[0] if names else ""


def _string(value) -> str:
    if isinstance(value, list):
        value = value[0] if value else ""
    return value.strip() if isinstance(value, str) else ""


def _org_name(value) -> str:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        return _string(value.get("name"))
    return _string(value)


def _url_of(article: dict) -> str:
    url = _string(article.get("url"))
    if url:
        return url
    page = article.get("mainEntityOfPage")
    if isinstance(page, dict):
        return _string(page.get("@id") or page.get("url"))
    return _string(page) if isinstance(page, str) and page.startswith("http") else ""


def _link(tree: HtmlElement, rel: str) -> str:
    for el in tree.iter("link", "LINK"):
        if rel in (el.get("rel") or "").lower().split() and el.get("href"):
            return el.get("href").strip()
    return ""


def _headline(tree: HtmlElement, og_title: str) -> str:
    """The visible headline: the <h1> inside the article (or the page's only one, or the one like og:title)."""
    h1s = [h for h in tree.iter("h1", "H1") if _text(h)]
    if not h1s:
        return ""
    inside = [h for h in h1s if any(a.tag in ("article", "main") or a.get("itemprop") == "headline" for a in h.iterancestors())]
    if inside:
        return _text(inside[0])
    if len(h1s) == 1:
        return _text(h1s[0])
    words = set(og_title.lower().split())
    return _text(max(h1s, key=lambda h: len(words & set(_text(h).lower().split()))))


def _visible_expansion(tree: HtmlElement, short: str) -> str:
    """A <title> headline cut short ("Fair opens Thursday") → the visible heading that starts with it."""
    if not short:
        return ""
    for el in tree.xpath("//b | //B | //strong | //h2 | //h3 | //font[@size] | //FONT[@SIZE]"):
        text = _text(el)
        if text.startswith(short) and len(text) < 300:
            return text
    return short


def _home_link_name(tree: HtmlElement) -> str:
    """The name on the link to the home page (a logo's text or alt text), "" when it says only "Home"."""
    for a in tree.xpath("//a[@href='/'] | //A[@HREF='/']"):
        name = _text(a) or " ".join(img.get("alt", "") for img in a.iter("img", "IMG")).strip()
        if name and name.lower() not in ("home", "homepage", "home page") and len(name.split()) <= 6:
            return name
    return ""


def _published(tree: HtmlElement, meta: dict[str, str], article: dict, micro: HtmlElement | None) -> str:
    declared = [_string(article.get("datePublished")), _micro_prop(micro, "datePublished")]
    declared += [meta.get(key, "") for key in _DATE_META]
    for el in tree.xpath("//time[@datetime][@pubdate or @itemprop='datePublished' or contains(@class, 'pub')]"):
        declared.append(el.get("datetime"))
    for el in tree.xpath("//article//time[@datetime] | //main//time[@datetime] | //time[@datetime]"):
        declared.append(el.get("datetime"))
        break
    for value in declared:
        if value and (date := iso_date(value)):
            return date
    return _guessed_date(tree)


def _guessed_date(tree: HtmlElement) -> str:
    """No declared date: htmldate's heuristics over the visible text (the original, not the updated, date)."""
    from htmldate import find_date

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for extensive in (False, True):  # the quick search (URL, markup) first; the costly one over all text only if needed
            try:
                found = find_date(tree, original_date=True, extensive_search=extensive)
            except (ValueError, TypeError):
                found = None
            if found:
                return iso_date(found)
        return ""


def _authors(tree: HtmlElement, meta: dict[str, str], article: dict, micro, site: str, title_parts: tuple[str, ...]) -> tuple[str, ...]:
    """The first source that names someone: JSON-LD, microdata, <meta>, the byline, "by X" in the <title>."""

    def declared() -> list[str]:
        people = _ld_people(article.get("author"))
        return [name for name, kind in people if kind != "Organization"] or [name for name, _ in people]

    def in_meta(key: str) -> list[str]:
        value = meta.get(key, "")
        return [value] if value and not value.startswith("http") else []

    metas = [lambda key=key: in_meta(key) for key in ("article:author", "author", "byl", "sailthru.author", "parsely-author", "dc.creator")]
    sources = (declared, lambda: _micro_people(micro, "author"), *metas, lambda: _byline(tree),
               lambda: [_BY.sub("", p) for p in title_parts if _BY.match(p)])  # fmt: skip
    for source in sources:  # lazily: the byline search is the costly one, and rarely needed
        cleaned = _clean_names(source(), site)
        if cleaned:
            return cleaned
    return ()


def _ld_people(value) -> list[tuple[str, str]]:
    values = value if isinstance(value, list) else [value]
    people = []
    for item in values:
        if isinstance(item, dict) and _string(item.get("name")):
            people.append((_string(item["name"]), (_types(item) or ["Person"])[0]))
        elif isinstance(item, str) and item.strip() and not item.startswith("http"):
            people.append((item.strip(), "Person"))
    return people


_EXSLT = {"re": "http://exslt.org/regular-expressions"}
_BYLINE_ELEMENTS = (
    "//*[@rel='author' or contains(@class, 'byline') or contains(concat(' ', normalize-space(@class), ' '), ' author ')]"
)
_BY_TEXT = "//body//text()[re:test(., '^\\s*by\\s', 'i') and string-length(.) < 120]"


def _byline(tree: HtmlElement) -> list[str]:
    """Names in the page's byline: its name element or author links, else the words after "By"."""
    for el in tree.xpath(_BYLINE_ELEMENTS):
        text = _text(el)
        if not text or len(text) > 200:
            continue
        named = [_text(n) for n in el.xpath(".//*[contains(@class, 'name')]") if _text(n)]
        links = [_text(a) for a in el.iter("a") if _text(a)]
        return named or links or [_CUT_AT.split(_BY.sub("", text))[0]]
    for node in tree.xpath(_BY_TEXT, namespaces=_EXSLT):
        owner = node.getparent()
        if owner is None or owner.tag in ("script", "style", "title"):
            continue
        links = [_text(a) for a in owner.iter("a") if _text(a)] if node.is_text else []
        names = _clean_names(links or [_CUT_AT.split(_BY.sub("", str(node)))[0]], "", shaped=True)
        if names:
            return list(names)
    return []


def _clean_names(names: list[str], site: str, *, shaped: bool = False) -> tuple[str, ...]:
    """Split joined names, drop job titles and credits ("Staff Writer", "for the Clarion"), fix ALL CAPS.

    ``shaped``: keep only parts shaped like a person's name (2–5 words, capitalised), for text that
    merely starts with "By" ("By noon the crowd had grown" is no byline).
    """
    out: list[str] = []
    site_key = site.lower()
    for raw in names:
        for part in _NAME_SPLIT.split(_BY.sub("", raw)):
            part = _CUT_AT.split(part.strip(" .:-–—"))[0].strip()
            words = part.split()
            if not words or len(words) > 5 or part.lower() == site_key or part.startswith("http") or "@" in part:
                continue
            if any(w.lower().strip(".,") in BYLINE_ROLE_WORDS for w in words) or any(ch.isdigit() for ch in part):
                continue
            if shaped and not _name_shaped(words):
                continue
            if part.isupper():
                part = " ".join(w.capitalize() for w in words)
            if part not in out:
                out.append(part)
    return tuple(out)


_NAME_PARTICLES = frozenset({"de", "van", "von", "da", "di", "du", "del", "der", "den", "la", "le", "bin", "al", "ter", "ten"})


def _name_shaped(words: list[str]) -> bool:
    return 2 <= len(words) <= 5 and all(w[:1].isupper() or w.lower() in _NAME_PARTICLES for w in words)


# --- small helpers --------------------------------------------------------------------------------


def _text(el: HtmlElement | None) -> str:
    return " ".join(el.text_content().split()) if el is not None else ""


def _clean(text: str) -> str:
    return " ".join(text.split())


def _first(*values: str | None) -> str:
    for value in values:
        if value and value.strip():
            return value.strip()
    return ""


def _title_site_parts(parts: list[str], headline: str) -> tuple[str, ...]:
    """The <title> parts that are not the headline, the likely site name first.

    "Headline | Site" and "Site :: Section :: Headline": the site is at the other end from the headline
    (the last part when no part is the headline).
    """
    if len(parts) < 2:
        return ()
    at = next((i for i, p in enumerate(parts) if _same_headline(p, headline)), None)
    rest = [p for i, p in enumerate(parts) if i != at]
    return tuple(rest if at == len(parts) - 1 else reversed(rest))


def _longest(parts: list[str]) -> str:
    return max(parts, key=len)


def _same_headline(part: str, headline: str) -> bool:
    if not headline:
        return False
    a, b = part.lower(), headline.lower()
    return a in b or b in a
