"""RSS and Atom feeds (feedparser) and files of links → the pages to fetch, with what the feed says of each."""

from __future__ import annotations

import re
from pathlib import Path

from extract.errors import InputError
from extract.io.dates import iso_date
from extract.io.html import PageInfo

#: A page to fetch and what its feed (if any) says of it; the page's own metadata wins.
Link = PageInfo
_URL = re.compile(r"^https?://\S+$", re.IGNORECASE)


def is_url(text: str) -> bool:
    return bool(_URL.match(text.strip()))


def read_feed(data: bytes, source: str) -> list[Link]:
    """The entries of an RSS or Atom feed, in feed order; ``InputError`` when it is no feed."""
    import feedparser

    feed = feedparser.parse(data, sanitize_html=False, resolve_relative_uris=False)
    if not feed.entries and (feed.bozo or not feed.get("version")):
        why = getattr(feed.get("bozo_exception"), "getMessage", lambda: "")() or str(feed.get("bozo_exception") or "no entries")
        raise InputError(source, f"not an RSS or Atom feed ({why})")
    site = (feed.feed.get("title") or "").strip()
    links = []
    for entry in feed.entries:
        link = (entry.get("link") or "").strip()
        if not is_url(link):
            continue
        authors = tuple(a.get("name", "").strip() for a in entry.get("authors", []) if a.get("name", "").strip())
        links.append(Link(
            url=link, title=(entry.get("title") or "").strip(), published=_entry_date(entry),
            authors=authors or ((entry["author"].strip(),) if entry.get("author") else ()), site_name=site,
        ))  # fmt: skip
    return links


def _entry_date(entry) -> str:
    for key in ("published", "updated", "created"):
        if entry.get(key) and (date := iso_date(entry[key])):
            return date
    return ""


def read_url_list(path: Path, on_error) -> list[Link]:
    """A file of links, one per line (blank lines and ``#`` comments skipped); a line that is no link is reported."""
    links = []
    with path.open(encoding="utf-8-sig", errors="replace") as handle:
        for number, raw in enumerate(handle, start=1):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            if is_url(line):
                links.append(Link(url=line))
            else:
                on_error(InputError(str(path), f"not a web address (http:// or https://): {line[:80]!r}", number))
    return links


def looks_like_url_list(path: Path) -> bool:
    """A text file whose every line (blank lines and ``#`` comments aside) is an http(s) address."""
    try:
        with path.open("rb") as handle:
            head = handle.read(65536)
    except OSError:
        return False
    lines = [line.strip() for line in head.decode("utf-8", errors="replace").splitlines()]
    lines = [line for line in lines if line and not line.startswith("#")]
    if len(head) == 65536 and lines:
        lines = lines[:-1]  # the last line may be cut
    return bool(lines) and all(is_url(line) for line in lines)
