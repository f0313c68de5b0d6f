"""Query rows as JSON, CSV and a table: the same plain values in each, article text never read as markup."""

from __future__ import annotations

import csv
import io
import json

from neo4j.time import Date, DateTime
from rich.console import Console

from graph import results
from graph.store.writer import pack


def test_plain_turns_driver_values_into_json_friendly_ones():
    value = {"when": Date(2024, 5, 2), "at": DateTime(2024, 5, 2, 10, 30), "xs": (1, "a", None), "raw": b"\x01\xff"}
    assert results.plain(value) == {"when": "2024-05-02", "at": "2024-05-02T10:30:00.000000000", "xs": [1, "a", None], "raw": "01ff"}


def test_an_article_nodes_packed_json_is_shown_as_its_json():
    extraction = {"entities": [{"id": "person:ada-quill"}], "relations": []}
    assert results.plain({"extraction": bytearray(pack(extraction))}) == {"extraction": extraction}
    assert results.plain(b"\x78\x01 not zlib") == "7801206e6f74207a6c6962", "bytes that only look packed stay hex"


def test_rows_are_objects_keyed_by_column_in_json():
    records = [{"type(r)": "HAS_ROLE", "x.name": "interior minister"}]
    data = results.rows(["type(r)", "x.name"], records)
    assert json.loads(results.to_json(data)) == [{"type(r)": "HAS_ROLE", "x.name": "interior minister"}]
    assert results.to_json([]) == "[]"


def test_csv_has_a_header_and_json_cells_for_lists():
    data = [{"name": 'Robert "Bob", Jr', "articles": ["a1", "a2"], "n": None}]
    parsed = list(csv.reader(io.StringIO(results.to_csv(["name", "articles", "n"], data))))
    assert parsed == [["name", "articles", "n"], ['Robert "Bob", Jr', '["a1", "a2"]', ""]]


def test_table_shows_markup_like_text_literally():
    console = Console(record=True, width=120)
    console.print(results.to_table(["name"], [{"name": "[bold red]Robert[/] `x`"}]))
    assert "[bold red]Robert[/] `x`" in console.export_text()
