"""Reading and writing ``ArticleExtraction``s as JSON Lines (the ``newsgraph extract`` contract)."""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from extract.errors import ExtractionFileError
from extract.files import atomic_open
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


def read_extractions(path: str | Path) -> Iterator[ArticleExtraction]:
    """Stream extractions back from a file written by ``save_extractions`` or ``newsgraph extract``."""
    with Path(path).open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                yield ArticleExtraction.from_dict(json.loads(line))
            except (json.JSONDecodeError, KeyError, TypeError, ValueError) as error:
                raise ExtractionFileError(
                    f"{path}:{number}: not a newsgraph extraction line ({error.__class__.__name__}: {error})"
                ) from None


class ExtractionFile:
    """A file of extractions that can be read several times, each pass streaming it from disk again."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)

    def __iter__(self) -> Iterator[ArticleExtraction]:
        return read_extractions(self.path)


def merge_into_file(path: str | Path, new: Iterable[ArticleExtraction]) -> tuple[int, int]:
    """Stream ``new`` into the store at ``path``: an article already there is replaced in place, others appended.

    Returns (articles taken from ``new``, articles now in the store). Memory stays flat: ``new`` goes to a
    scratch file beside the store (only each id's offset is kept), then the store is rewritten line by line
    and replaced atomically. The old store is checked before ``new`` is consumed, so a corrupt one fails
    fast and is left as it was; when ``new`` is empty nothing is written.
    """
    target = Path(path)
    old_ids = [e.doc_id for e in read_extractions(target)] if target.exists() else []
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
                with target.open("rb") as old:
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
