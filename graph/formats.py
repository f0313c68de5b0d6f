"""Graph files: networkx node-link JSON (``graph.json``) and GraphML, written atomically; and read back."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import networkx as nx

from extract.io.files import atomic_write_text


def graph_to_json(graph: nx.MultiDiGraph) -> str:
    """networkx node-link JSON (nodes/edges keys)."""
    return json.dumps(nx.node_link_data(graph, edges="edges"), ensure_ascii=False)


def graph_from_json(text: str) -> nx.MultiDiGraph:
    data = json.loads(text)
    return nx.node_link_graph(data, directed=True, multigraph=True, edges="edges")


def read_graph(path: str | Path) -> nx.MultiDiGraph:
    """Read a ``graph.json`` written by ``write_graph_files``."""
    return graph_from_json(Path(path).read_text(encoding="utf-8"))


def _graphml_safe(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """GraphML holds only scalars: lists and dicts become JSON strings."""
    flat = nx.MultiDiGraph()

    def scalar(value: Any) -> Any:
        return value if isinstance(value, (str, int, float, bool)) else json.dumps(value, ensure_ascii=False)

    for nid, data in graph.nodes(data=True):
        flat.add_node(nid, **{k: scalar(v) for k, v in data.items()})
    for u, v, key, data in graph.edges(keys=True, data=True):
        flat.add_edge(u, v, key=key, **{k: scalar(val) for k, val in data.items()})
    return flat


def write_graph_files(graph: nx.MultiDiGraph, out_dir: str | Path) -> dict[str, Path]:
    """Write ``graph.json`` and ``graph.graphml`` into ``out_dir`` atomically; returns their paths."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths = {"json": out / "graph.json", "graphml": out / "graph.graphml"}
    atomic_write_text(paths["json"], graph_to_json(graph))
    atomic_write_text(paths["graphml"], "\n".join(nx.generate_graphml(_graphml_safe(graph))))
    return paths
