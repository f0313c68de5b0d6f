"""``graph.gexf``: GEXF 1.3 for Gephi, with time, so Gephi's timeline plays the graph as the news came out.

Nodes carry ``type``, ``mentions``, ``articles``, ``community`` (``graph.analysis.node_communities``),
``aliases`` (JSON text, as in GraphML and the CSV files) and ``first_seen``/``last_seen`` (its articles'
dates, as given); the node label is the actor's name. Edges carry the predicate as label and
``kind`` (Gephi keeps two predicates between the same pair apart by their kind), ``weight`` = pieces of
evidence, and ``predicate``, ``evidence``, ``confidence``, ``first_seen``, ``last_seen`` and ``sentence``
(the strongest piece of evidence).

Time: each edge has one spell per publication date of its evidence and each node one per date of the
articles that mention it (``timeformat="date"``); a date given as a month or a year ("2025-04") spans that
whole month or year, a date-time counts as its day, and overlapping spells are merged. An element with no
dated article has no spell, and Gephi shows it at every moment.

Written as a stream of escaped text (attribute values keep their line breaks and tabs as character
references), never built as a tree in memory. The writer is
ours, not networkx's ``write_gexf``: in 1.3 mode networkx writes a ``name`` attribute on ``<graph>`` and a
misspelt XML Schema-instance namespace, which the GEXF 1.3 schema rejects, and it takes every list for a
dynamic attribute. ``tests/graph/formats/test_gexf.py`` validates the output against the GEXF 1.3 schema.
"""

from __future__ import annotations

import calendar
import json
import re
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

import networkx as nx

from extract.io.files import atomic_open
from graph.analysis import node_communities
from graph.formats.tables import seen
from graph.formats.xmlchars import xml_text

NAMESPACE = "http://gexf.net/1.3"
#: (id = title, GEXF type) of every node and edge attribute, in the order they are declared.
NODE_ATTRIBUTES = (
    ("type", "string"), ("mentions", "integer"), ("articles", "integer"), ("community", "integer"),
    ("aliases", "string"), ("first_seen", "string"), ("last_seen", "string"),
)  # fmt: skip
EDGE_ATTRIBUTES = (
    ("predicate", "string"), ("evidence", "integer"), ("confidence", "double"), ("first_seen", "string"),
    ("last_seen", "string"), ("sentence", "string"),
)  # fmt: skip

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ].*)?)?)?$")


def day_span(published: str) -> tuple[str, str] | None:
    """The first and last day an article's date covers, as ISO dates; None when undated or unreadable.

    >>> day_span("2025-04-12T08:30:00Z"), day_span("2024-02"), day_span("2025"), day_span("April")
    (('2025-04-12', '2025-04-12'), ('2024-02-01', '2024-02-29'), ('2025-01-01', '2025-12-31'), None)
    """
    match = _DATE.match((published or "").strip())
    if not match:
        return None
    year, month, day = (int(part) if part else None for part in match.groups())
    try:
        if day is not None:
            first = last = date(year, month, day)
        elif month is not None:
            first, last = date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        else:
            first, last = date(year, 1, 1), date(year, 12, 31)
    except ValueError:  # month 13, 30 February…
        return None
    return first.isoformat(), last.isoformat()


def spells(dates: Iterable[str]) -> list[tuple[str, str]]:
    """Sorted, non-overlapping (start, end) day spans covering ``dates`` (undated ones left out).

    >>> spells(["2025-04-12", "", "2025-04", "2025-05-01", "2025-05-01"])
    [('2025-04-01', '2025-04-30'), ('2025-05-01', '2025-05-01')]
    """
    merged: list[tuple[str, str]] = []
    for start, end in sorted({span for span in map(day_span, dates) if span is not None}):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _strongest(evidence: list[dict[str, Any]]) -> dict[str, Any]:
    return max(evidence, key=lambda e: e.get("confidence", 0.0), default={})


_ATTRIBUTE = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\n": "&#10;", "\r": "&#13;", "\t": "&#9;"})


def _quoted(value: Any) -> str:
    """A value as an XML attribute value: escaped (line breaks and tabs too, so they survive) and in quotes."""
    text = value if isinstance(value, str) else repr(value) if isinstance(value, float) else str(value)
    return '"' + xml_text(text).translate(_ATTRIBUTE) + '"'


def _element(indent: int, name: str, attrs: dict[str, Any], end: str = "/>") -> str:
    return "  " * indent + f"<{name}" + "".join(f" {k}={_quoted(v)}" for k, v in attrs.items()) + end + "\n"


def _declarations(klass: str, declared: tuple[tuple[str, str], ...]) -> str:
    lines = [_element(2, "attributes", {"class": klass}, ">")]
    lines += [_element(3, "attribute", {"id": name, "title": name, "type": type_}) for name, type_ in declared]
    return "".join(lines) + "    </attributes>\n"


def _content(values: dict[str, Any], spans: list[tuple[str, str]]) -> str:
    """One node's or edge's attvalues and spells."""
    lines = ["        <attvalues>\n", *(_element(5, "attvalue", {"for": k, "value": v}) for k, v in values.items()), "        </attvalues>\n"]
    if spans:
        lines += ["        <spells>\n", *(_element(5, "spell", {"start": a, "end": b}) for a, b in spans), "        </spells>\n"]
    return "".join(lines)


def write_gexf(graph: nx.MultiDiGraph, path: str | Path, *, communities: dict[str, int] | None = None) -> Path:
    """Write ``graph`` as GEXF 1.3 to ``path`` atomically; returns the path.

    ``communities`` (node → number) defaults to ``graph.analysis.node_communities``: the nodes' own
    ``community`` when every node has one, else Louvain's groups (``community_ids``).
    """
    if communities is None:
        communities = node_communities(graph)
    published = {aid: meta.get("published", "") for aid, meta in graph.graph.get("articles", {}).items()}
    node_spells = {nid: spells(published.get(a, "") for a in data.get("articles", [])) for nid, data in graph.nodes(data=True)}
    edge_spells = [spells(published.get(e["article_id"], "") for e in data.get("evidence", [])) for _, _, data in graph.edges(data=True)]
    dynamic = any(node_spells.values()) or any(edge_spells)
    time = {"mode": "dynamic", "timeformat": "date", "timerepresentation": "interval"} if dynamic else {"mode": "static"}
    description = f"{len(graph.graph.get('articles', {}))} articles; edge weight = pieces of evidence"
    with atomic_open(path) as handle:
        handle.write(f'<?xml version="1.0" encoding="utf-8"?>\n<gexf xmlns="{NAMESPACE}" version="1.3">\n')
        handle.write(f"  <meta>\n    <creator>newsgraph</creator>\n    <description>{_quoted(description)[1:-1]}</description>\n  </meta>\n")
        handle.write(_element(1, "graph", {"defaultedgetype": "directed", **time}, ">"))
        handle.write(_declarations("node", NODE_ATTRIBUTES) + _declarations("edge", EDGE_ATTRIBUTES))
        handle.write(f'    <nodes count="{graph.number_of_nodes()}">\n')
        for nid, data in graph.nodes(data=True):
            first, last = seen(data, published)
            handle.write(_element(3, "node", {"id": nid, "label": data.get("name", nid)}, ">"))
            handle.write(_content({
                "type": data.get("type", ""), "mentions": int(data.get("mentions", 0)),
                "articles": len(data.get("articles", [])), "community": communities.get(nid, -1),
                "aliases": json.dumps(list(data.get("aliases", [])), ensure_ascii=False),
                "first_seen": first, "last_seen": last,
            }, node_spells[nid]))  # fmt: skip
            handle.write("      </node>\n")
        handle.write(f'    </nodes>\n    <edges count="{graph.number_of_edges()}">\n')
        for number, ((u, v, key, data), spans) in enumerate(zip(graph.edges(keys=True, data=True), edge_spells, strict=True)):
            predicate = str(data.get("predicate", key))
            evidence = data.get("evidence", [])
            count = int(data.get("count", len(evidence)))
            attrs = {"id": number, "source": u, "target": v, "label": predicate, "kind": predicate, "weight": count}
            handle.write(_element(3, "edge", attrs, ">"))
            handle.write(_content({
                "predicate": predicate, "evidence": count, "confidence": float(data.get("confidence", 0.0)),
                "first_seen": data.get("first_seen", ""), "last_seen": data.get("last_seen", ""),
                "sentence": _strongest(evidence).get("sentence", ""),
            }, spans))  # fmt: skip
            handle.write("      </edge>\n")
        handle.write("    </edges>\n  </graph>\n</gexf>\n")
    return Path(path)
