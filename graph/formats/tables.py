"""``nodes.csv``, ``edges.csv``, ``evidence.csv``: the graph as three tables for spreadsheets and pandas.

UTF-8 (no byte-order mark), a header row, RFC 4180 quoting and CRLF line ends (Python's ``csv`` defaults):
a field with a comma, a quote or a line break is quoted, quotes doubled, so an evidence sentence comes
back exactly. Lists and maps (``aliases``, ``merged_from``) are JSON text in their cell, as in
``newsgraph query --format csv``; a missing value is an empty cell.

* ``nodes.csv``: one row per entity (``NODE_COLUMNS``);
* ``edges.csv``: one row per (source, predicate, target) with its counts, dates and confidence;
* ``evidence.csv``: one row per piece of evidence, with its article's title, date and url, the sentence,
  both ends' character offsets in the article text, the rule and the confidence.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import networkx as nx

from extract.io.files import atomic_open
from graph.analysis import node_communities

NODE_COLUMNS = ("id", "name", "type", "aliases", "mentions", "articles", "community", "first_seen", "last_seen", "merged_from")
EDGE_COLUMNS = (
    "source", "source_name", "predicate", "target", "target_name", "evidence", "articles", "confidence",
    "first_seen", "last_seen",
)  # fmt: skip
EVIDENCE_COLUMNS = (
    "source", "source_name", "predicate", "target", "target_name", "article_id", "title", "published", "url",
    "sentence", "source_start", "source_end", "target_start", "target_end", "rule", "confidence",
)  # fmt: skip
FILES = {"nodes": "nodes.csv", "edges": "edges.csv", "evidence": "evidence.csv"}


def cell(value: Any) -> str:
    """One CSV cell: text as it is, None as empty, anything else (numbers, lists, maps) as JSON."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)  # what json.dumps gives, without its cost (most cells are numbers)
    return json.dumps(value, ensure_ascii=False)


def seen(node: dict[str, Any], published: dict[str, str]) -> tuple[str, str]:
    """The first and last date of a node's articles (as given; "" when none is dated)."""
    dates = sorted(d for d in (published.get(a, "") for a in node.get("articles", [])) if d)
    return (dates[0], dates[-1]) if dates else ("", "")


def node_rows(graph: nx.MultiDiGraph, communities: dict[str, int]) -> Iterator[dict[str, Any]]:
    published = {aid: meta.get("published", "") for aid, meta in graph.graph.get("articles", {}).items()}
    for nid, data in graph.nodes(data=True):
        first, last = seen(data, published)
        yield {
            "id": nid, "name": data.get("name", ""), "type": data.get("type", ""), "aliases": list(data.get("aliases", [])),
            "mentions": data.get("mentions", 0), "articles": len(data.get("articles", [])), "community": communities.get(nid, -1),
            "first_seen": first, "last_seen": last, "merged_from": dict(data.get("merged_from", {})),
        }  # fmt: skip


def _ends(graph: nx.MultiDiGraph, u: str, v: str, predicate: str) -> dict[str, Any]:
    return {"source": u, "source_name": graph.nodes[u].get("name", ""), "predicate": predicate, "target": v,
            "target_name": graph.nodes[v].get("name", "")}  # fmt: skip


def edge_rows(graph: nx.MultiDiGraph) -> Iterator[dict[str, Any]]:
    for u, v, key, data in graph.edges(keys=True, data=True):
        evidence = data.get("evidence", [])
        yield {
            **_ends(graph, u, v, data.get("predicate", key)), "evidence": data.get("count", len(evidence)),
            "articles": len({e["article_id"] for e in evidence}), "confidence": data.get("confidence", 0.0),
            "first_seen": data.get("first_seen", ""), "last_seen": data.get("last_seen", ""),
        }  # fmt: skip


def evidence_rows(graph: nx.MultiDiGraph) -> Iterator[dict[str, Any]]:
    articles = graph.graph.get("articles", {})
    for u, v, key, data in graph.edges(keys=True, data=True):
        ends = _ends(graph, u, v, data.get("predicate", key))
        for ev in data.get("evidence", []):
            meta = articles.get(ev["article_id"], {})
            source, target = ev.get("source_span") or (None, None), ev.get("target_span") or (None, None)
            yield {
                **ends, "article_id": ev["article_id"], "title": meta.get("title", ""), "published": meta.get("published", ""),
                "url": meta.get("url", ""), "sentence": ev.get("sentence", ""), "source_start": source[0], "source_end": source[1],
                "target_start": target[0], "target_end": target[1], "rule": ev.get("rule", ""), "confidence": ev.get("confidence"),
            }  # fmt: skip


def write_table(path: str | Path, columns: Iterable[str], rows: Iterable[dict[str, Any]]) -> Path:
    """Write ``rows`` (dicts keyed by ``columns``) as one CSV file, atomically."""
    columns = list(columns)
    with atomic_open(path, newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(columns)
        for row in rows:
            writer.writerow([cell(row[c]) for c in columns])
    return Path(path)


def write_tables(graph: nx.MultiDiGraph, out_dir: str | Path, *, communities: dict[str, int] | None = None) -> dict[str, Path]:
    """Write the three tables into ``out_dir``; returns ``{"nodes": path, "edges": path, "evidence": path}``.

    ``communities`` as in ``graph.formats.gexf.write_gexf`` (computed when not given).
    """
    if communities is None:
        communities = node_communities(graph)
    out = Path(out_dir)
    return {
        "nodes": write_table(out / FILES["nodes"], NODE_COLUMNS, node_rows(graph, communities)),
        "edges": write_table(out / FILES["edges"], EDGE_COLUMNS, edge_rows(graph)),
        "evidence": write_table(out / FILES["evidence"], EVIDENCE_COLUMNS, evidence_rows(graph)),
    }
