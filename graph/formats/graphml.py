"""``graph.graphml``: the graph for Cytoscape, yEd and Gephi; lists and evidence become JSON text.

GraphML attributes hold only scalars, so lists (``aliases``, ``articles``), maps (``merged_from``) and each
edge's ``evidence`` are written as JSON strings; text XML cannot hold is replaced (``xmlchars``).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import networkx as nx

from extract.io.files import atomic_write_text
from graph.formats.xmlchars import xml_text


def _scalar(value: Any) -> Any:
    if isinstance(value, (bool, int, float)):
        return value
    return xml_text(value if isinstance(value, str) else json.dumps(value, ensure_ascii=False))


def graphml_safe(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy whose attributes are all scalars GraphML can hold."""
    flat = nx.MultiDiGraph()
    for nid, data in graph.nodes(data=True):
        flat.add_node(nid, **{k: _scalar(v) for k, v in data.items()})
    for u, v, key, data in graph.edges(keys=True, data=True):
        flat.add_edge(u, v, key=key, **{k: _scalar(val) for k, val in data.items()})
    return flat


def write_graphml(graph: nx.MultiDiGraph, path: str | Path) -> Path:
    return atomic_write_text(path, "\n".join(nx.generate_graphml(graphml_safe(graph))))
