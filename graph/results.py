"""Query results as plain data, and as JSON, CSV or a table for ``newsgraph query``.

Nodes, relationships, paths and temporal values become JSON-friendly values, so every format shows
the same thing and ``--format json`` can be piped into other tools.
"""

from __future__ import annotations

import csv
import io
import json
import zlib
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import orjson
from neo4j.graph import Node, Path, Relationship

from graph.formats.tables import cell


def _bytes(value: bytes | bytearray) -> Any:
    """The JSON an article node keeps packed (its ``extraction``, ``sightings``), else the bytes in hex."""
    from graph.store.writer import PACKED_HEADER, unpack  # the store's codec, loaded only when a query returns bytes

    if value[:2] == PACKED_HEADER:
        try:
            return unpack(value)
        except (zlib.error, orjson.JSONDecodeError):
            pass  # bytes that only begin like packed JSON
    return bytes(value).hex()


def plain(value: Any) -> Any:
    """A driver value as JSON-friendly Python (dicts, lists, str, numbers, bool, None)."""
    if isinstance(value, Node):
        return {"labels": sorted(value.labels), "properties": plain(dict(value))}
    if isinstance(value, Relationship):
        return {
            "type": value.type,
            "start": value.start_node.get("id") if value.start_node is not None else None,
            "end": value.end_node.get("id") if value.end_node is not None else None,
            "properties": plain(dict(value)),
        }
    if isinstance(value, Path):
        return {"nodes": [plain(n) for n in value.nodes], "relationships": [plain(r) for r in value.relationships]}
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, bytes | bytearray):
        return _bytes(value)
    if hasattr(value, "iso_format"):  # neo4j.time Date, DateTime, Time, Duration
        return value.iso_format()
    return str(value)


def rows(keys: list[str], records: Iterable[Any]) -> list[dict[str, Any]]:
    """Records → one dict per row, keyed by column, values made plain."""
    return [{key: plain(record[key]) for key in keys} for record in records]


def to_json(data: list[dict[str, Any]]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)


def to_csv(keys: list[str], data: list[dict[str, Any]]) -> str:
    """RFC 4180 CSV with a header; lists and maps as JSON text in their cell."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(keys)
    for row in data:
        writer.writerow([cell(row[k]) for k in keys])
    return buffer.getvalue()


def to_table(keys: list[str], data: list[dict[str, Any]], *, text: Callable[[str], Any] | None = None):
    """A rich Table (imported lazily: only the table format needs it); ``text`` makes each cell's rich ``Text``."""
    from rich.table import Table
    from rich.text import Text

    text = text or Text
    table = Table(show_lines=False, highlight=False)
    for key in keys:
        table.add_column(header=text(key))
    for row in data:  # Text, not str: article text (and a column named by the query) must never be read as rich markup
        table.add_row(*(text(cell(row[k])) for k in keys))
    return table
