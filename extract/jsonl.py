"""Reading and writing ``ArticleExtraction``s as JSON Lines (the ``newsgraph extract`` contract)."""

from __future__ import annotations

import json
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


def merge_extractions(
    old: Iterable[ArticleExtraction], new: Iterable[ArticleExtraction]
) -> list[ArticleExtraction]:
    """Old articles in their order, each replaced by a new extraction of the same id; new ids appended."""
    merged = {e.doc_id: e for e in old}
    for extraction in new:
        merged[extraction.doc_id] = extraction
    return list(merged.values())
