"""nodes.csv, edges.csv, evidence.csv: RFC 4180, UTF-8, read back exactly by the csv module and by pandas."""

from __future__ import annotations

import csv
import json

import pandas as pd

from graph.formats.tables import EDGE_COLUMNS, EVIDENCE_COLUMNS, NODE_COLUMNS, cell, write_tables
from tests.graph.formats.graphs import HARD, sample_graph


def read(path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_a_sentence_with_commas_quotes_and_line_breaks_survives_csv_and_pandas(tmp_path):
    paths = write_tables(sample_graph(), tmp_path)
    said = [r for r in read(paths["evidence"]) if r["predicate"] == "SAID"]
    assert [r["sentence"] for r in said] == [HARD], "the csv module gets the exact text back"
    frame = pd.read_csv(paths["evidence"], keep_default_na=False, dtype=str)
    assert frame.loc[frame["predicate"] == "SAID", "sentence"].tolist() == [HARD]
    assert frame["title"].tolist()[0] == 'Lind, "the seller"'
    raw = paths["evidence"].read_bytes()
    assert raw.startswith(b"source,") and b"\r\n" in raw and b'""the seller""' in raw, "UTF-8 without BOM, CRLF rows, doubled quotes"
    assert "Mariñe".encode() in raw


def test_every_row_and_attribute_comes_back(tmp_path):
    graph = sample_graph()
    paths = write_tables(graph, tmp_path)
    nodes = pd.read_csv(paths["nodes"], keep_default_na=False)
    edges = pd.read_csv(paths["edges"], keep_default_na=False)
    evidence = pd.read_csv(paths["evidence"], keep_default_na=False)
    assert list(nodes.columns) == list(NODE_COLUMNS) and list(edges.columns) == list(EDGE_COLUMNS) and list(evidence.columns) == list(EVIDENCE_COLUMNS)
    assert (len(nodes), len(edges), len(evidence)) == (graph.number_of_nodes(), graph.number_of_edges(), sum(d["count"] for *_, d in graph.edges(data=True)))
    lind = nodes.set_index("id").loc["person:rosa-lind"]
    assert (lind["name"], lind["type"], lind["mentions"], lind["articles"]) == ("Rosa Lind", "PERSON", 3, 3)
    assert json.loads(lind["aliases"]) == ["Lind"] and json.loads(lind["merged_from"]) == {}
    assert (lind["first_seen"], lind["last_seen"]) == ("2025-04-12T09:30:00Z", "2025-05")
    for u, v, key, data in graph.edges(keys=True, data=True):
        (row,) = edges[(edges.source == u) & (edges.target == v) & (edges.predicate == key)].to_dict("records")
        assert (row["evidence"], row["confidence"], row["first_seen"], row["last_seen"]) == (data["count"], data["confidence"], data["first_seen"], data["last_seen"])
    meet = evidence[evidence.predicate == "MEET"].to_dict("records")
    assert [(r["article_id"], r["published"], r["source_start"], r["source_end"], r["target_start"], r["target_end"], r["rule"]) for r in meet] == [
        ("d1", "2025-04-12T09:30:00Z", 0, 9, 20, 31, "test"), ("d2", "2025-05", 0, 9, 20, 31, "test"),
    ]  # fmt: skip
    assert meet[0]["url"] == "https://news.example.org/d1" and meet[0]["source_name"] == "Rosa Lind" and meet[0]["target_name"] == "Kestrel Board"


def test_an_empty_graph_gives_headers_only(tmp_path):
    import networkx as nx

    paths = write_tables(nx.MultiDiGraph(), tmp_path)
    assert paths["nodes"].read_bytes() == (",".join(NODE_COLUMNS) + "\r\n").encode()
    assert pd.read_csv(paths["evidence"]).empty


def test_cells():
    assert [cell(None), cell("a,b"), cell(3), cell(0.5), cell(["x", "y"]), cell({"k": "é"})] == ["", "a,b", "3", "0.5", '["x", "y"]', '{"k": "é"}']
