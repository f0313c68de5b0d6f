"""Reading and writing ``ArticleExtraction``s as JSON Lines (the ``newsgraph extract`` contract)."""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from extract.errors import ExtractionFileError, InputError
from extract.io.files import atomic_open
from extract.model import ArticleExtraction


def dump_line(extraction: ArticleExtraction) -> str:
    return json.dumps(extraction.to_dict(), ensure_ascii=False) + "\n"


def write_extractions(extractions: Iterable[ArticleExtraction], handle: IO[str]) -> int:
    """Write one line per extraction to an open text handle; returns how many were written."""
    count = 0
    for extraction in extractions:
        handle.write(dump_line(extraction))
        count += 1
    return count


def save_extractions(path: str | Path, extractions: Iterable[ArticleExtraction]) -> int:
    """Atomically replace ``path`` with the given extractions."""
    with atomic_open(path) as handle:
        return write_extractions(extractions, handle)


#: What a line that is not an extraction raises while being read.
_BAD_LINE = (json.JSONDecodeError, UnicodeDecodeError, KeyError, TypeError, ValueError, AttributeError)
ErrorHandler = Callable[[InputError], None]


def _raise(error: InputError) -> None:
    raise error


def read_records(path: str | Path, *, on_error: ErrorHandler = _raise) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, parsed line) for each line of an extraction file that has a ``doc_id`` and ``text``.

    The one reader of extraction files: a bad line becomes an ``ExtractionFileError`` naming the file
    and line, raised by default (a file newsgraph wrote itself must be whole), or handed to
    ``on_error`` and skipped (files a user hands to ``load``).
    """
    with Path(path).open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            try:
                record = json.loads(raw.decode("utf-8"))
                if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                    raise ValueError('no "text": the content hash that makes reloads safe needs it')
                if not isinstance(record.get("doc_id"), str):
                    raise ValueError('no "doc_id" string')
            except _BAD_LINE as error:
                on_error(bad_line(path, number, error))
                continue
            yield number, record


def bad_line(path: str | Path, number: int, error: Exception) -> ExtractionFileError:
    return ExtractionFileError(str(path), f"not a newsgraph extraction line ({error.__class__.__name__}: {error})", number)


def from_record(path: str | Path, number: int, record: dict[str, Any], *, on_error: ErrorHandler = _raise) -> ArticleExtraction | None:
    """The extraction of one parsed line; None (after ``on_error``) when its entities or relations are malformed."""
    try:
        return ArticleExtraction.from_dict(record)
    except _BAD_LINE as error:
        on_error(bad_line(path, number, error))
        return None


def read_extractions(path: str | Path, *, on_error: ErrorHandler = _raise) -> Iterator[ArticleExtraction]:
    """Stream extractions back from a file written by ``save_extractions`` or ``newsgraph extract``."""
    for number, record in read_records(path, on_error=on_error):
        extraction = from_record(path, number, record, on_error=on_error)
        if extraction is not None:
            yield extraction


def is_extraction_file(path: Path) -> bool:
    """True when the first non-empty line is a newsgraph extraction (has doc_id and entities)."""
    try:
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    record = json.loads(line)
                    return isinstance(record, dict) and "doc_id" in record and "entities" in record
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return False
    return False


class ExtractionFile:
    """A file of extractions that can be read several times, each pass streaming it from disk again."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)

    def __iter__(self) -> Iterator[ArticleExtraction]:
        return read_extractions(self.path)


def merge_into_file(path: str | Path, new: Iterable[ArticleExtraction], *, into: str | Path | None = None) -> tuple[int, int]:
    """Stream ``new`` into the store at ``path``: an article already there is replaced in place, others appended.

    Returns (articles taken from ``new``, articles now in the store). Memory stays flat: ``new`` goes to a
    scratch file beside the store (only each id's offset is kept), then the store is rewritten line by line
    and replaced atomically. The old store is checked before ``new`` is consumed, so a corrupt one fails
    fast and is left as it was; when ``new`` is empty nothing is written. With ``into``, the merged store
    is written there and ``path`` is only read (``build`` stages its files, see ``extract.io.outdir``).
    """
    source = Path(path)
    target = Path(into) if into is not None else source
    old_ids = [e.doc_id for e in read_extractions(source)] if source.exists() else []
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryFile(dir=target.parent) as scratch:
        offsets: dict[str, int] = {}  # first appearance fixes the order, the last version wins
        for extraction in new:
            offsets[extraction.doc_id] = scratch.tell()
            scratch.write(dump_line(extraction).encode("utf-8"))
        added = len(offsets)
        if not added:
            return 0, len(set(old_ids))

        def new_line(doc_id: str) -> bytes:
            scratch.seek(offsets.pop(doc_id))
            return scratch.readline()

        written: set[str] = set()
        with atomic_open(target, "wb") as out:
            if old_ids:
                with source.open("rb") as old:
                    lines = (line for line in old if line.strip())
                    for doc_id, line in zip(old_ids, lines, strict=True):
                        if doc_id in written:
                            continue
                        written.add(doc_id)
                        out.write(new_line(doc_id) if doc_id in offsets else line.rstrip(b"\r\n") + b"\n")
            for doc_id in list(offsets):
                written.add(doc_id)
                out.write(new_line(doc_id))
    return added, len(written)
