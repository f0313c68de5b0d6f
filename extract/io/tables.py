"""CSV, TSV and Parquet files → one article per row.

Which column holds what is given with ``Columns`` (``--text-column`` …) or found among common names
(``text``, ``body``, ``content``…; case, spaces and dashes ignored). A missing or unknown column stops
the file with a message listing the columns it has; a bad row (no text, too long, a wrong number of
fields, a date that is no date, a duplicate id) is reported with the file and its line and skipped.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from extract.errors import InputError
from extract.io.dates import iso_date
from extract.model import Article

TABLE_SUFFIXES = (".csv", ".tsv", ".tab", ".parquet")

#: Common column names, most specific first.
KNOWN_NAMES = {
    "text": ("text", "body", "content", "article", "article_text", "full_text", "fulltext", "maintext", "story",
             "article_body", "body_text", "news", "document"),
    "title": ("title", "headline", "heading", "article_title", "name"),
    "date": ("published", "date", "published_at", "publish_date", "publication_date", "pub_date", "pubdate",
             "date_published", "datetime", "timestamp", "created_at", "time"),
    "url": ("url", "link", "article_url", "source_url", "href", "uri"),
    "id": ("id", "doc_id", "article_id", "guid", "uuid", "uid", "key"),
    "authors": ("authors", "author", "byline", "writer", "writers"),
    "site": ("site_name", "site", "publication", "publisher", "outlet", "newspaper", "source_name"),
    "source": ("source",),
}  # fmt: skip


@dataclass(frozen=True)
class Columns:
    """Column names chosen by the user (``None``: find it among ``KNOWN_NAMES``)."""

    text: str | None = None
    title: str | None = None
    date: str | None = None
    url: str | None = None
    id: str | None = None

    def resolve(self, header: list[str], source: str) -> dict[str, int]:
        """Field → column index for this file's header; ``InputError`` when a needed column is missing."""
        keys = {_key(name): i for i, name in reversed(list(enumerate(header)))}
        chosen: dict[str, int] = {}
        for role, names in KNOWN_NAMES.items():
            asked = getattr(self, role, None)
            if asked is not None:
                if _key(asked) not in keys:
                    raise InputError(source, f"no column {asked!r} (--{role}-column); the file has: {_listing(header)}")
                chosen[role] = keys[_key(asked)]
                continue
            for name in names:
                if name in keys and keys[name] not in chosen.values():
                    chosen[role] = keys[name]
                    break
        if "text" not in chosen:
            raise InputError(source, f"no article text column (tried {', '.join(KNOWN_NAMES['text'][:6])}…); "
                                     f"name it with --text-column; the file has: {_listing(header)}")  # fmt: skip
        return chosen


def _key(name: str) -> str:
    return re.sub(r"[\s\-.]+", "_", name.strip().lower())


def _listing(header: list[str]) -> str:
    shown = ", ".join(repr(h) for h in header[:20])
    return shown + (f" and {len(header) - 20} more" if len(header) > 20 else "") if header else "no header row"


ErrorHandler = Callable[[InputError], None]


def read_table(path: Path, *, columns: Columns, on_error: ErrorHandler, encoding_errors: str, max_chars: int,
               path_id: str) -> Iterator[Article]:  # fmt: skip
    """Every good row of a CSV, TSV or Parquet file as an article; bad rows go to ``on_error``."""
    rows = _parquet_rows(path) if path.suffix.lower() == ".parquet" else _csv_rows(path, encoding_errors, max_chars)
    try:
        header, _ = next(rows)
    except StopIteration:
        raise InputError(str(path), "empty: no header row") from None
    chosen = columns.resolve(header, str(path))
    seen: set[str] = set()
    for values, line in rows:
        try:
            if isinstance(values, _BadRow):
                raise InputError(str(path), f"malformed row: {values.reason}", line)
            article = _article(values, line, chosen, len(header), path, path_id, max_chars)
            if article.id in seen:
                raise InputError(str(path), f'duplicate id "{article.id}" in this file; ids must be unique', line)
            seen.add(article.id)
            yield article
        except InputError as error:
            on_error(error)


def _article(values: list, line: int, chosen: dict[str, int], width: int, path: Path, path_id: str, max_chars: int) -> Article:
    if len(values) != width:
        raise InputError(str(path), f"row has {len(values)} fields, the header has {width}; a stray delimiter or quote?", line)

    def cell(role: str) -> str:
        index = chosen.get(role)
        value = values[index] if index is not None else None
        return "" if value is None else str(value).strip() if role != "text" else str(value)

    text = cell("text").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(str(path), "empty: no article text in this row", line)
    if len(text) > max_chars:
        raise InputError(str(path), f"article has {len(text):,} characters, over the {max_chars:,} limit; split it", line)
    raw_date = values[chosen["date"]] if "date" in chosen else None
    published = iso_date(raw_date) if raw_date not in (None, "") else ""
    if raw_date not in (None, "") and not published:
        raise InputError(str(path), f"date {str(raw_date)[:40]!r} is not a date (write it as YYYY-MM-DD or ISO 8601)", line)
    authors = tuple(a.strip() for a in re.split(r"\s*[;|]\s*|\s+and\s+", cell("authors")) if a.strip())
    return Article(
        id=cell("id") or f"{path_id}:{line}", text=text, title=cell("title"), source=cell("source") or str(path),
        url=cell("url"), published=published, authors=authors, site_name=cell("site"),
    )  # fmt: skip


# --- CSV and TSV --------------------------------------------------------------------------------


def _csv_rows(path: Path, encoding_errors: str, max_chars: int) -> Iterator[tuple[list, int]]:
    """(fields, line where the row starts); the header first. Encoding from a byte-order mark, else UTF-8."""
    csv.field_size_limit(max_chars + 1)  # a longer field is an article over the limit, or an unclosed quote
    with path.open("rb") as raw:
        head = raw.read(65536)
        encoding = _encoding(head, path)
        raw.seek(0)
        delimiter = "\t" if path.suffix.lower() in (".tsv", ".tab") else _delimiter(head.decode(encoding, errors="replace"))
        reader = csv.reader(_lines(raw, encoding, encoding_errors, path), delimiter=delimiter, strict=True)
        start = 1
        while True:
            try:
                values = next(reader)
            except StopIteration:
                return
            except csv.Error as error:
                reason = str(error)
                if "field larger than field limit" in reason:
                    reason = f"a field over {max_chars:,} characters (an article over the limit, or an unclosed quote)"
                elif "unexpected end of data" in reason:
                    reason = "a quote opened here is never closed"
                yield _BadRow(reason), start
                start = reader.line_num + 1
                continue
            if values or start == 1:
                yield values, start
            start = reader.line_num + 1


def _lines(raw, encoding: str, errors: str, path: Path) -> Iterator[str]:
    """Decoded lines; UTF-8 line by line so the rows before a bad byte are still read."""
    if encoding == "utf-16":
        yield from io.TextIOWrapper(raw, encoding=encoding, errors=errors, newline="")
        return
    for number, line in enumerate(raw, start=1):
        try:
            yield line.decode("utf-8-sig" if number == 1 else "utf-8", errors=errors)
        except UnicodeDecodeError as error:
            raise InputError(str(path), f"not valid UTF-8 (byte 0x{line[error.start]:02x}); re-encode it as UTF-8 "
                                        "or pass --encoding-errors replace", number) from None  # fmt: skip


class _BadRow(list):
    """A row the CSV parser rejected; reported as such instead of as a wrong number of fields."""

    def __init__(self, reason: str) -> None:
        super().__init__()
        self.reason = reason


def _encoding(head: bytes, path: Path) -> str:
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if b"\x00" in head[:8192]:
        raise InputError(str(path), "binary file (NUL bytes); expected CSV text in UTF-8")
    return "utf-8"


def _delimiter(sample: str) -> str:
    """The delimiter of the header line: the most frequent of , ; | and tab."""
    first = sample.split("\n", 1)[0]
    counts = {d: first.count(d) for d in (",", ";", "\t", "|")}
    best = max(counts, key=counts.get)
    return best if counts[best] else ","


# --- Parquet --------------------------------------------------------------------------------------


def _parquet_rows(path: Path) -> Iterator[tuple[list, int]]:
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise InputError(str(path), "reading Parquet needs pyarrow: pip install pyarrow (or pip install 'newsgraph[parquet]')") from None
    try:
        handle = pq.ParquetFile(path)
    except Exception as error:  # noqa: BLE001 - pyarrow raises many types for a file that is no Parquet
        raise InputError(str(path), f"not a Parquet file ({error})") from None
    yield list(handle.schema_arrow.names), 0
    row = 0
    for batch in handle.iter_batches(batch_size=1024):
        for record in batch.to_pylist():
            row += 1
            yield list(record.values()), row
