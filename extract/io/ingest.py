"""Files, folders, JSON Lines and HTML → ``Article``.

Reading is lazy (one file, one line at a time) so a corpus never sits in memory. A bad file or line
is handed to ``on_error`` as an ``InputError`` and skipped; the rest is still read.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from extract.errors import InputError
from extract.io.html import html_to_text
from extract.model import Article

SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".jsonl")
#: spaCy's own default limit; a longer article should be split by the user, not silently cut.
MAX_ARTICLE_CHARS = 1_000_000
#: Larger single files are refused before reading (JSON Lines files are streamed and may be larger).
MAX_FILE_BYTES = 20_000_000

ErrorHandler = Callable[[InputError], None]


def _raise(error: InputError) -> None:
    raise error


def iter_paths(paths: Iterable[str | Path], on_error: ErrorHandler = _raise) -> Iterator[Path]:
    """Expand files and folders (recursively, sorted) into readable article files."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
            if not found:
                on_error(InputError(str(path), f"folder has no {', '.join(SUFFIXES)} files"))
            yield from found
        elif path.is_file():
            yield path
        else:
            on_error(InputError(str(path), "no such file or folder"))


def read_articles(
    paths: Iterable[str | Path],
    *,
    on_error: ErrorHandler = _raise,
    encoding_errors: str = "strict",
) -> Iterator[Article]:
    """Yield every article under ``paths``; report each bad file or line to ``on_error``."""
    for path in iter_paths(paths, on_error):
        try:
            if path.suffix.lower() == ".jsonl":
                yield from _read_jsonl(path, on_error, encoding_errors)
            else:
                yield _read_document(path, encoding_errors)
        except InputError as error:
            on_error(error)
        except OSError as error:
            on_error(InputError(str(path), f"cannot read: {error.strerror or error}"))


def path_id(path: Path) -> str:
    """The id of an article read from a file: its path, the same however the user spelled it.

    Relative to the working directory when the file is under it ("examples/a.txt" whether given as
    "examples", "./examples/" or an absolute path), else absolute; so a rebuild replaces, never duplicates.
    """
    resolved = path.resolve()
    try:
        return resolved.relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return resolved.as_posix()


def _decode(data: bytes, path: Path, encoding_errors: str, line: int | None = None) -> str:
    if b"\x00" in data[:8192]:
        raise InputError(str(path), "binary file (NUL bytes); expected UTF-8 text", line)
    try:
        text = data.decode("utf-8-sig", errors=encoding_errors)
    except UnicodeDecodeError as error:
        raise InputError(
            str(path),
            f"not valid UTF-8 (byte 0x{data[error.start]:02x} at offset {error.start}); "
            "re-encode it as UTF-8 or pass --encoding-errors replace",
            line,
        ) from None
    return text


def _check_text(text: str, path: Path, line: int | None = None) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(str(path), "empty: no article text", line)
    if len(text) > MAX_ARTICLE_CHARS:
        raise InputError(
            str(path), f"article has {len(text):,} characters, over the {MAX_ARTICLE_CHARS:,} limit; split it", line
        )
    return text


def _read_document(path: Path, encoding_errors: str) -> Article:
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise InputError(str(path), f"file is {size:,} bytes, over the {MAX_FILE_BYTES:,} limit; split it")
    text = _decode(path.read_bytes(), path, encoding_errors)
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm"):
        title, text = html_to_text(text)
    elif suffix in (".md", ".markdown"):
        title, text = markdown_title(text)
    else:
        title, text = "", text
    text = _check_text(text, path)
    if not title:
        title, text = plain_title(text)
    doc_id = path_id(path)
    return Article(id=doc_id, text=text, title=title, source=doc_id)


def _read_jsonl(path: Path, on_error: ErrorHandler, encoding_errors: str) -> Iterator[Article]:
    seen: set[str] = set()
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            try:
                yield _jsonl_article(raw, path, number, encoding_errors, seen)
            except InputError as error:
                on_error(error)


def _jsonl_article(raw: bytes, path: Path, number: int, encoding_errors: str, seen: set[str]) -> Article:
    line = _decode(raw, path, encoding_errors, number)
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise InputError(str(path), f"malformed JSON ({error.msg} at column {error.colno})", number) from None
    if not isinstance(record, dict):
        raise InputError(str(path), "expected a JSON object with a \"text\" field", number)
    text = record.get("text")
    if not isinstance(text, str):
        raise InputError(str(path), 'missing "text" (a string) field', number)
    text = _check_text(text, path, number)
    doc_id = str(record.get("id") or f"{path_id(path)}:{number}")
    if doc_id in seen:
        raise InputError(str(path), f'duplicate id "{doc_id}" in this file; ids must be unique', number)
    seen.add(doc_id)
    return Article(
        id=doc_id,
        text=text,
        title=_field(record, "title"),
        source=_field(record, "source") or str(path),
        url=_field(record, "url"),
        published=_field(record, "published"),
    )


def _field(record: dict, key: str) -> str:
    value = record.get(key)
    return "" if value is None else str(value)


def plain_title(text: str) -> tuple[str, str]:
    """A short first line followed by a blank line is the title; the text keeps it (offsets stay true)."""
    first, sep, rest = text.lstrip("\n").partition("\n")
    if sep and rest.startswith("\n") and 0 < len(first.strip()) <= 200 and not first.rstrip().endswith("."):
        return first.strip(), text
    return "", text


_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$", re.MULTILINE)


def markdown_title(text: str) -> tuple[str, str]:
    """The first heading is the title; markup is left in place so offsets index the file as read."""
    match = _MD_HEADING.search(text)
    return (match.group(1).strip() if match else ""), text
