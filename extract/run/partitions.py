"""The input cut into partitions that workers read themselves, from storage they share with the client.

The client lists files and finds line boundaries; it parses no file. Files of one article each (text,
Markdown, HTML) are grouped, at most ``PARTITION_FILES`` files or ``PARTITION_BYTES`` per partition; a JSON
Lines file is cut into line-aligned byte ranges of about ``PARTITION_BYTES`` (one streamed read that counts
newlines, since ids and error messages number the lines). Every other kind of file (tables…) is read whole by
one worker, with the same reader as in one process (``extract.io.ingest.read_file``), so a new input kind
works here as soon as the reader knows it; a kind that can be split adds a partition type. Pages from the
web (lists of links, feeds) are fetched by the client, politely and in order as in one process, and handed
out as ``Pages``: the workers only extract them.

A worker may run in another working directory, or on another machine: partitions carry the paths as the
user wrote them, the client's working directory and the ids the client gives each file, so articles get
the same ids (``path_id``), sources and error messages as in one process.
"""

from __future__ import annotations

import dataclasses
import os
import socket
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from extract.errors import InputError
from extract.io import ingest
from extract.io.ingest import ErrorHandler, ReadOptions, Web, cannot_read, fetches, iter_paths, path_id, read_file, read_jsonl
from extract.model import Article

#: Input bytes per partition: ~50 news articles, a few seconds of one core's work — small enough to keep
#: every worker busy to the end and to redo cheaply when a worker dies, big enough that Dask's cost per
#: task (milliseconds) does not count.
PARTITION_BYTES = 128 * 1024
#: Files per partition at most (many short articles).
PARTITION_FILES = 64
#: Bytes read at a time while looking for line boundaries.
_BLOCK = 1 << 20


@dataclass(frozen=True)
class Files:
    """Whole files, each read by ``read_file``: ``paths`` as the user wrote them, their ``path_id``s, and whether
    each was named itself (not found in a folder)."""

    paths: tuple[str, ...]
    ids: tuple[str, ...]
    named: tuple[bool, ...]

    def __str__(self) -> str:
        return self.paths[0] if len(self.paths) == 1 else f"{self.paths[0]} … {self.paths[-1]} ({len(self.paths)} files)"


@dataclass(frozen=True)
class Lines:
    """The lines of a JSON Lines file that begin in bytes [start, end); the first is line ``first_line``."""

    path: str
    id: str
    start: int
    end: int
    first_line: int

    def __str__(self) -> str:
        return f"{self.path} from line {self.first_line:,} (bytes {self.start:,}–{self.end:,})"


@dataclass(frozen=True)
class Pages:
    """Articles the client read itself (pages fetched from the web): the workers extract them."""

    articles: tuple[Article, ...]

    def __str__(self) -> str:
        return f"{self.articles[0].id} … ({len(self.articles)} pages)"


Partition = Files | Lines | Pages


def partitions(
    paths: Iterable[str | Path], on_error: ErrorHandler, *, target: int = PARTITION_BYTES, options: ReadOptions | None = None,
    encoding_errors: str = "strict",
) -> Iterator[Partition]:
    """The input in the order one process reads it (``read_articles``), as partitions.

    What the client reads itself goes to ``on_error`` when bad, as in one process: missing files, empty
    folders, pages that cannot be fetched.
    """
    options = options or ReadOptions()
    paths = [Path(p) for p in paths]
    named = {p for p in paths if p.is_file()}
    web = Web(options.fetch, on_error, options.on_fetch)
    group: list[tuple[Path, bool]] = []
    size = 0
    for path in iter_paths(paths, on_error, include=options.include, exclude=options.exclude):
        alone = path.suffix.lower() == ".jsonl" or fetches(path, named=path in named)
        try:
            length = 0 if alone else path.stat().st_size
        except OSError:
            length = 0  # the worker reports it
        if group and (alone or len(group) >= PARTITION_FILES or size + length > target):
            yield _files(group)
            group, size = [], 0
        if path.suffix.lower() == ".jsonl":
            yield from _line_ranges(path, target, on_error)
        elif alone:
            pages = read_file(path, named=True, web=web, on_error=on_error, encoding_errors=encoding_errors, options=options)
            yield from _pages((article for _, _, article in pages), target)
        else:
            group.append((path, path in named))
            size += length
    if group:
        yield _files(group)
    yield from _pages((article for _, _, article in ingest.read_links(options, web, on_error)), target)


def _files(group: list[tuple[Path, bool]]) -> Files:
    return Files(tuple(str(p) for p, _ in group), tuple(path_id(p) for p, _ in group), tuple(named for _, named in group))


def _pages(articles: Iterable[Article], target: int) -> Iterator[Pages]:
    batch: list[Article] = []
    size = 0
    for article in articles:
        if batch and (len(batch) >= PARTITION_FILES or size + len(article.text) > target):
            yield Pages(tuple(batch))
            batch, size = [], 0
        batch.append(article)
        size += len(article.text)
    if batch:
        yield Pages(tuple(batch))


def _line_ranges(path: Path, target: int, on_error: ErrorHandler) -> Iterator[Lines]:
    """Cut at the first line end at least ``target`` bytes after the range's start; the last range takes the rest.

    A UTF-16 or UTF-32 file is one range (its line ends are not single bytes).
    """
    ident = path_id(path)
    start, first, offset, newlines = 0, 1, 0, 0  # newlines: counted since ``start``
    try:
        with path.open("rb") as handle:
            if not ingest.jsonl_splittable(handle.read(4)):
                yield Lines(str(path), ident, 0, path.stat().st_size, 1)
                return
            handle.seek(0)
            while block := handle.read(_BLOCK):
                looked = 0  # bytes of the block already counted
                while (at := max(start + target - 1 - offset, looked)) < len(block) and (cut := block.find(b"\n", at)) >= 0:
                    newlines += block.count(b"\n", looked, cut + 1)
                    end = offset + cut + 1
                    yield Lines(str(path), ident, start, end, first)
                    start, first, newlines, looked = end, first + newlines, 0, cut + 1
                newlines += block.count(b"\n", looked)
                offset += len(block)
    except OSError as error:
        on_error(cannot_read(path, error))
        return
    if offset > start:
        yield Lines(str(path), ident, start, offset, first)


# --- on a worker ---------------------------------------------------------------------------------

#: (where it was read, as in one process; line or None; the article, or why something was skipped)
Read = list[tuple[str, int | None, Article | InputError]]


def read_partition(part: Partition, cwd: str, *, encoding_errors: str = "strict", options: ReadOptions | None = None) -> Read:
    """(where, line number or None, article or why it was skipped) for everything in ``part``, in input order.

    ``cwd`` is the client's working directory: relative paths are opened from it, and names are given
    as the client gives them. ``options`` are the client's (table columns…).
    """
    if isinstance(part, Pages):
        return [(article.source, None, article) for article in part.articles]
    options = options or ReadOptions()
    read: Read = []
    if isinstance(part, Lines):
        opened = _opened(part.path, cwd, read)
        if opened is not None:
            spans = {"start": part.start, "end": part.end, "first_line": part.first_line}
            renamed = _Renamer(opened, part.path, part.id)
            try:
                for number, article in read_jsonl(opened, on_error=renamed.into(read), encoding_errors=encoding_errors, **spans):
                    read.append((part.path, number, renamed(article)))
            except OSError as error:
                read.append((part.path, None, renamed(cannot_read(opened, error))))
        return read
    for spelled, ident, named in zip(part.paths, part.ids, part.named, strict=True):
        opened = _opened(spelled, cwd, read)
        if opened is not None:
            renamed = _Renamer(opened, spelled, ident)
            on_error = renamed.into(read)
            web = Web(options.fetch, on_error)  # never used: the client fetches (``fetches`` is False for these files)
            for _, line, article in read_file(opened, named=named, web=web, on_error=on_error, encoding_errors=encoding_errors, options=options):
                read.append((spelled, line, renamed(article)))
    return read


def _opened(spelled: str, cwd: str, read: Read) -> Path | None:
    path = Path(os.path.join(cwd, spelled))
    if path.exists():
        return path
    read.append((spelled, None, InputError(spelled, f"not found on the Dask worker at {socket.gethostname()}: inputs must be on storage "
                                  "that the workers see at the same path as this machine")))  # fmt: skip
    return None


class _Renamer:
    """The worker's names of one file (its absolute path; ``path_id`` from its own working directory) → the client's."""

    def __init__(self, opened: Path, spelled: str, ident: str) -> None:
        self.opened, self.spelled, self.ident = str(opened), spelled, ident
        self.own_id = path_id(opened)
        self.needed = (self.opened, self.own_id) != (spelled, ident)

    def __call__(self, item):
        if not self.needed:
            return item
        if isinstance(item, InputError):
            return type(item)(self.spelled, item.reason, item.line) if item.path == self.opened else item
        return dataclasses.replace(item, id=self._name(item.id), source=self.spelled if item.source == self.opened else self._name(item.source))

    def _name(self, name: str) -> str:
        """Ids made from the file's id: the id itself, or ``id:line`` for a JSON line without one."""
        if name == self.own_id or name.startswith(self.own_id + ":"):
            return self.ident + name[len(self.own_id) :]
        return name

    def into(self, read: Read) -> ErrorHandler:
        return lambda error: read.append((self.spelled, error.line, self(error)))
