"""Files, folders, JSON Lines, tables, web pages, link lists and feeds → ``Article``.

Reading is lazy (one file, one line, one row, one page at a time) so a corpus never sits in memory. A
bad file, line, row or page is handed to ``on_error`` as an ``InputError`` and skipped; the rest is
still read. Each kind of input has its module: ``html`` (pages), ``tables`` (CSV, TSV, Parquet),
``feeds`` (RSS/Atom and link lists), ``fetch`` (the network, only for links and feeds given),
``selection`` (which files of a folder are read).
"""

from __future__ import annotations

import codecs
import errno
import html
import io
import json
import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from extract.errors import InputError
from extract.io.dates import iso_date
from extract.io.feeds import Link, is_url, looks_like_url_list, read_feed, read_url_list
from extract.io.fetch import FEED_TYPES, Fetcher, FetchSettings
from extract.io.html import decode_page, read_page
from extract.io.outdir import STATE, is_output_folder, output_names
from extract.io.selection import wanted
from extract.io.tables import TABLE_SUFFIXES, Columns, read_table
from extract.model import Article

SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".jsonl") + TABLE_SUFFIXES
#: Files of links, fetched when named on the command line (a .txt of nothing but links is one too).
URL_LIST_SUFFIXES = (".urls",)
#: Longer articles are refused (to be split by the user), never silently cut. Set from ``python -m
#: bench.long_articles``: time and memory grow in proportion to length, and the memory is spaCy's parse,
#: ~3.1 KB per character (1,000,000 characters: 3.3 GB, 51 s of parse). At this limit one article peaks at
#: ~0.9 GB (about twice a process's usual ~0.4 GB) in ~12 s; the longest BBC article has 25,000 characters.
MAX_ARTICLE_CHARS = 200_000
#: Larger single files are refused before reading (JSON Lines files are streamed and may be larger).
MAX_FILE_BYTES = 20_000_000

ErrorHandler = Callable[[InputError], None]


def _raise(error: InputError) -> None:
    raise error


@dataclass(frozen=True)
class ReadOptions:
    """What to read besides the paths, and how: folder globs, table columns, link lists, feeds, fetching."""

    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    columns: Columns = field(default_factory=Columns)
    urls: tuple[Path, ...] = ()  # files of links to fetch (--urls)
    feeds: tuple[str, ...] = ()  # RSS/Atom feed addresses or files (--feed)
    fetch: FetchSettings = field(default_factory=FetchSettings)
    #: Told of every page read from the web: its link and whether it came from the cache.
    on_fetch: Callable[[str, bool], None] | None = None


def iter_paths(
    paths: Iterable[str | Path], on_error: ErrorHandler = _raise, *, include: tuple[str, ...] = (), exclude: tuple[str, ...] = ()
) -> Iterator[Path]:
    """Expand files and folders (recursively, sorted) into readable article files (see ``selection``).

    Symbolic links are followed; a link back into a folder being read (a loop), a broken link and a
    folder that cannot be listed are reported to ``on_error``, and the rest is still read. The same file
    reached twice (named twice, or by a link) is read once. Files a newsgraph build wrote into its
    output folder are never articles (``extract.io.outdir.output_names``), so ``--out`` may lie inside
    an input folder.
    """
    seen: set[tuple[int, int]] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = _walk(path, on_error, include, exclude)
            if not found:
                why = "; it holds only a newsgraph build's own output" if is_output_folder(path) else ""
                on_error(InputError(str(path), f"folder has no {', '.join(SUFFIXES)} files (after --include/--exclude){why}"))
        elif path.is_file():
            if is_output_folder(path.parent) and path.name in output_names(path.parent):
                on_error(InputError(str(path), "is an output of newsgraph build, not articles (newsgraph load reads a build folder)"))
                continue
            found = [path]
        else:
            on_error(InputError(str(path), _missing(path)))
            continue
        for file in found:
            key = _identity(file)
            if key not in seen:
                seen.add(key)
                yield file


def _identity(path: Path) -> tuple[int, int]:
    try:
        info = path.stat()
    except OSError:
        return (-1, hash(path))  # reported when read
    return (info.st_dev, info.st_ino)


def _missing(path: Path) -> str:
    if not path.is_symlink():
        return "no such file or folder"
    try:
        path.stat()
    except OSError as error:
        if error.errno == errno.ELOOP:
            return "symbolic link loop (the link leads back to itself); not followed"
    return f"broken symbolic link (its target {os.readlink(path)!r} does not exist)"


def _walk(folder: Path, on_error: ErrorHandler, include: tuple[str, ...], exclude: tuple[str, ...]) -> list[Path]:
    """Article files under ``folder``, sorted; links followed, loops and unreadable folders reported."""
    found: list[Path] = []
    listed: set[tuple[int, int]] = set()

    def visit(directory: Path, ancestors: dict[tuple[int, int], Path]) -> None:
        key = _identity(directory)
        if key in ancestors:
            on_error(InputError(str(directory), f"symbolic link loop: leads back to {ancestors[key]}; not followed"))
            return
        if key in listed:
            return  # the same folder by another link: read once
        listed.add(key)
        try:
            names = sorted(os.listdir(directory))
        except OSError as error:
            on_error(InputError(str(directory), f"cannot read this folder ({error.strerror or error}); the rest is read"))
            return
        outputs = output_names(directory) if STATE in names and (directory / STATE).is_dir() else frozenset()
        for name in names:
            child = directory / name
            if outputs and (name == STATE or name in outputs):
                continue  # a build's own output is never read as articles
            if child.is_dir():
                visit(child, {**ancestors, key: directory})
            elif child.is_file():
                if child.suffix.lower() in SUFFIXES and wanted(child.relative_to(folder).as_posix(), include, exclude):
                    found.append(child)
            elif child.is_symlink() and child.suffix.lower() in (*SUFFIXES, ""):
                on_error(InputError(str(child), _missing(child)))

    visit(folder, {})
    return sorted(found)


def read_articles(
    paths: Iterable[str | Path],
    *,
    on_error: ErrorHandler = _raise,
    encoding_errors: str = "strict",
    options: ReadOptions | None = None,
) -> Iterator[Article]:
    """Yield every article under ``paths``, then of ``options.urls`` and ``options.feeds``; report each bad one to ``on_error``.

    Nothing is fetched unless a file of links is named (in ``paths`` or ``options.urls``) or a feed is given.
    Ids are unique across all inputs: an id met again (the same JSON Lines ``id`` in two files, or twice in
    one) is reported with both places, and the first article is the one kept.
    """
    unique = UniqueIds(on_error)
    for source, line, article in _read_all(paths, on_error, encoding_errors, options or ReadOptions()):
        if unique.keep(source, line, article.id):
            yield article


class UniqueIds:
    """The first place each article id was read; ``keep`` reports an id met again (and says not to keep it)."""

    def __init__(self, on_error: ErrorHandler) -> None:
        self.on_error = on_error
        self.first: dict[str, tuple[str, int | None]] = {}  # article id → where it was read first

    def keep(self, source: str, line: int | None, article_id: str) -> bool:
        if article_id in self.first:
            at, at_line = self.first[article_id]
            where = f"{at}:{at_line}" if at_line is not None else at
            self.on_error(InputError(source, f"duplicate id {article_id!r}, first read at {where}: that one is kept, this one skipped", line))
            return False
        self.first[article_id] = (source, line)
        return True


Read = Iterator[tuple[str, int | None, Article]]  # (where it was read, line or None, article)


def _read_all(paths: Iterable[str | Path], on_error: ErrorHandler, encoding_errors: str, options: ReadOptions) -> Read:
    """(where it was read, line or None, article) for every input, in order."""
    paths = [Path(p) for p in paths]
    named = {p for p in paths if p.is_file()}
    web = Web(options.fetch, on_error, options.on_fetch)
    for path in iter_paths(paths, on_error, include=options.include, exclude=options.exclude):
        yield from read_file(path, named=path in named, web=web, on_error=on_error, encoding_errors=encoding_errors, options=options)
    yield from read_links(options, web, on_error)


def fetches(path: Path, *, named: bool) -> bool:
    """Whether ``read_file`` reads ``path`` as a list of links to fetch (a .urls file, or a named .txt of links)."""
    suffix = path.suffix.lower()
    return suffix in URL_LIST_SUFFIXES or (named and suffix == ".txt" and looks_like_url_list(path))


def read_file(path: Path, *, named: bool, web: Web, on_error: ErrorHandler, encoding_errors: str, options: ReadOptions) -> Read:
    """What one file found by ``iter_paths`` holds (``named``: given itself, not found in a folder); each bad one to ``on_error``.

    Ids are not checked for repeats here: ``read_articles`` does it across all inputs (``UniqueIds``).
    """
    where = str(path)
    try:
        suffix = path.suffix.lower()
        if suffix == ".jsonl":
            yield from ((where, number, article) for number, article in read_jsonl(path, on_error=on_error, encoding_errors=encoding_errors))
        elif suffix in TABLE_SUFFIXES:
            rows = read_table(path, columns=options.columns, on_error=on_error, encoding_errors=encoding_errors,
                              max_chars=MAX_ARTICLE_CHARS, path_id=path_id(path))  # fmt: skip
            yield from ((where, None, article) for article in rows)
        elif fetches(path, named=named):
            yield from ((article.source, None, article) for article in web.pages(read_url_list(path, on_error)))
        else:
            yield where, None, _read_document(path, encoding_errors)
    except InputError as error:
        on_error(error)
    except OSError as error:
        on_error(cannot_read(path, error))


def read_links(options: ReadOptions, web: Web, on_error: ErrorHandler) -> Read:
    """The pages of ``options.urls`` (files of links) and ``options.feeds``, in that order, each link read once per ``web``."""
    for path in options.urls:
        try:
            yield from ((article.source, None, article) for article in web.pages(read_url_list(Path(path), on_error)))
        except OSError as error:
            on_error(cannot_read(Path(path), error))
    for feed in options.feeds:
        try:
            links = web.feed(feed)
        except InputError as error:
            on_error(error)
            continue
        yield from ((article.source, None, article) for article in web.pages(links))


def cannot_read(path: Path, error: OSError) -> InputError:
    return InputError(str(path), f"cannot read: {error.strerror or error}")


class Web:
    """Pages behind links and feeds; the fetcher (and its politeness state) is made on first use."""

    def __init__(self, settings: FetchSettings, on_error: ErrorHandler, on_fetch: Callable[[str, bool], None] | None = None) -> None:
        self.settings = settings
        self.on_error = on_error
        self.on_fetch = on_fetch
        self.seen: set[str] = set()
        self._fetcher: Fetcher | None = None

    @property
    def fetcher(self) -> Fetcher:
        if self._fetcher is None:
            self._fetcher = Fetcher(self.settings)
        return self._fetcher

    def feed(self, feed: str) -> list[Link]:
        if Path(feed).is_file():
            try:
                return read_feed(Path(feed).read_bytes(), feed)
            except OSError as error:
                raise InputError(feed, f"cannot read: {error.strerror or error}") from None
        if not is_url(feed):
            raise InputError(feed, "--feed takes an http:// or https:// address or a feed file")
        return read_feed(self.fetcher.get(feed, accept=FEED_TYPES, cache=False).body, feed)

    def pages(self, links: Iterable[Link]) -> Iterator[Article]:
        for link in links:
            if link.url in self.seen:  # the same link in two lists or feeds: read once
                continue
            self.seen.add(link.url)
            try:
                yield self._page(link)
            except InputError as error:
                self.on_error(error)

    def _page(self, link: Link) -> Article:
        response = self.fetcher.get(link.url)
        if self.on_fetch is not None:
            self.on_fetch(link.url, response.from_cache)
        markup = decode_page(response.body, link.url, charset=response.charset, errors="replace")
        page = read_page(markup, source=link.url, url=response.url)
        return Article(
            id=link.url, text=_check_text(page.text, link.url), title=page.title or link.title, source=link.url,
            url=page.url or response.url, published=page.published or link.published,
            authors=page.authors or link.authors, site_name=page.site_name or link.site_name,
        )  # fmt: skip


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


#: Byte order marks of the encodings read besides UTF-8 (UTF-32 first: its little-endian mark starts like UTF-16's).
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_NAMES = {"utf-8-sig": "UTF-8", "utf-16": "UTF-16", "utf-32": "UTF-32"}


def _encoding(head: bytes) -> str:
    """UTF-16 or UTF-32 when the data starts with its byte order mark, else UTF-8 (with or without one)."""
    return next((name for bom, name in _BOMS if head.startswith(bom)), "utf-8-sig")


def _decode(data: bytes, path: Path, encoding_errors: str, line: int | None = None) -> str:
    encoding = _encoding(data)
    if encoding == "utf-8-sig" and b"\x00" in data[:8192]:
        raise InputError(str(path), "binary file (NUL bytes); expected UTF-8 text (or UTF-16 with a byte order mark)", line)
    try:
        text = data.decode(encoding, errors=encoding_errors)
    except UnicodeDecodeError as error:
        raise InputError(
            str(path),
            f"not valid {_NAMES[encoding]} (byte 0x{data[error.start]:02x} at offset {error.start}); "
            "re-encode it as UTF-8 or pass --encoding-errors replace",
            line,
        ) from None
    if "\x00" in text[:8192]:
        raise InputError(str(path), f"binary file (NUL characters in {_NAMES[encoding]}); expected text", line)
    return text


def _check_text(text: str, path: Path | str, line: int | None = None) -> str:
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
    suffix = path.suffix.lower()
    doc_id = path_id(path)
    if suffix in (".html", ".htm"):
        return _read_saved_page(path, doc_id, encoding_errors)
    text = _decode(path.read_bytes(), path, encoding_errors)
    if suffix in (".md", ".markdown"):
        title, text = markdown_title(text)
    else:
        title, text = "", unescape_references(text)
        if _only_links(text):
            raise InputError(str(path), "a list of links, not an article: name it on the command line, or pass --urls FILE, to fetch its pages")
    text = _check_text(text, path)
    if not title:
        title, text = plain_title(text)
    return Article(id=doc_id, text=text, title=title, source=doc_id)


def _read_saved_page(path: Path, doc_id: str, encoding_errors: str) -> Article:
    data = path.read_bytes()
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(str(path), "binary file (NUL bytes); expected an HTML page")
    page = read_page(decode_page(data, str(path), errors=encoding_errors), source=str(path))
    return Article(id=doc_id, text=_check_text(page.text, path), title=page.title, source=doc_id, url=page.url,
                   published=page.published, authors=page.authors, site_name=page.site_name)  # fmt: skip


def _only_links(text: str) -> bool:
    lines = [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    return bool(lines) and all(is_url(line) for line in lines)


def read_jsonl(
    path: Path, *, on_error: ErrorHandler = _raise, encoding_errors: str = "strict", start: int = 0, end: int | None = None,
    first_line: int = 1,
) -> Iterator[tuple[int, Article]]:
    """(line number, article) per good line; a UTF-16 or UTF-32 file (byte order mark) is decoded as a stream.

    ``start``/``end`` read only the UTF-8 lines that begin in that byte range (``start`` at a line's first
    byte, numbered ``first_line``), so that several workers can read a large file in parts
    (``jsonl_splittable`` says whether a file can be).
    """
    with path.open("rb") as handle:
        encoding = _encoding(handle.read(4))
        handle.seek(start if encoding == "utf-8-sig" else 0)
        lines = handle if encoding == "utf-8-sig" else io.TextIOWrapper(handle, encoding=encoding, errors=encoding_errors)
        number, offset = first_line - 1, start
        try:
            for number, raw in enumerate(lines, start=first_line):
                if end is not None and encoding == "utf-8-sig" and offset >= end:
                    break
                offset += len(raw)
                if not raw.strip():
                    continue
                try:
                    yield number, _jsonl_article(raw, path, number, encoding_errors)
                except InputError as error:
                    on_error(error)
        except UnicodeDecodeError:
            on_error(InputError(str(path), f"not valid {_NAMES[encoding]}; the lines before were read", number + 1))


def jsonl_splittable(head: bytes) -> bool:
    """Whether a JSON Lines file starting with ``head`` can be read in byte ranges: UTF-8 can, UTF-16/32 cannot."""
    return _encoding(head) == "utf-8-sig"


def _jsonl_article(raw: bytes | str, path: Path, number: int, encoding_errors: str) -> Article:
    line = raw if isinstance(raw, str) else _decode(raw, path, encoding_errors, number)
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
    raw_date = record.get("published")
    published = iso_date(raw_date)
    if raw_date not in (None, "") and not published:
        raise InputError(str(path), f'"published" {str(raw_date)[:40]!r} is not a date (write it as YYYY-MM-DD or ISO 8601)', number)
    return Article(
        id=doc_id,
        text=text,
        title=_field(record, "title"),
        source=_field(record, "source") or str(path),
        url=_field(record, "url"),
        published=published,
        authors=_names(record.get("authors", record.get("author"))),
        site_name=_field(record, "site_name"),
    )


def _field(record: dict, key: str) -> str:
    value = record.get(key)
    return "" if value is None else str(value)


def _names(value) -> tuple[str, ...]:
    """Authors as a JSON list, or one string of names separated by ";"."""
    if isinstance(value, list):
        return tuple(str(v).strip() for v in value if str(v).strip())
    if isinstance(value, str):
        return tuple(v.strip() for v in value.split(";") if v.strip())
    return ()


#: A character reference left in plain text by an HTML export: "Pap&#233;" is "Papé". The ";" is required,
#: so "AT&T" and "R&D" are left alone.
_REFERENCE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def unescape_references(text: str) -> str:
    """Plain text with its HTML character references decoded (``&#233;`` → é, ``&amp;`` → &)."""
    if "&" not in text:
        return text
    return _REFERENCE.sub(lambda m: html.unescape(m.group()), text)


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
