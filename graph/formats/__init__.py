"""Graph files, each written atomically: node-link JSON (``graph.json``, read back by ``read_graph``),
GraphML (``graph.graphml``), GEXF 1.3 with time (``graph.gexf``) and CSV tables (``nodes.csv``,
``edges.csv``, ``evidence.csv``). One module per format; ``write_graph_files`` writes the chosen ones."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import networkx as nx

from graph.errors import FormatError
from graph.formats.gexf import write_gexf
from graph.formats.graphml import write_graphml
from graph.formats.nodelink import GRAPH_FILE, graph_from_json, graph_to_json, read_graph, write_json
from graph.formats.tables import FILES as CSV_FILES
from graph.formats.tables import write_tables

#: Every format ``write_graph_files`` writes, and the files each one makes.
FILES = {"json": (GRAPH_FILE,), "graphml": ("graph.graphml",), "gexf": ("graph.gexf",), "csv": tuple(CSV_FILES.values())}
FORMATS = tuple(FILES)

__all__ = [
    "FILES", "FORMATS", "graph_from_json", "graph_to_json", "read_graph", "write_gexf", "write_graph_files",
    "write_graphml", "write_json", "write_tables",
]  # fmt: skip


def write_graph_files(graph: nx.MultiDiGraph, out_dir: str | Path, formats: Iterable[str] = FORMATS) -> dict[str, Path]:
    """Write ``graph`` into ``out_dir`` in each of ``formats`` (default: all of ``FORMATS``), each file atomically.

    Returns the paths written, keyed ``json``, ``graphml``, ``gexf`` and, for ``csv``, ``nodes``, ``edges`` and
    ``evidence``. Communities (GEXF and nodes.csv) are computed once. Raises ``FormatError`` for an unknown
    format before anything is written.
    """
    chosen = list(dict.fromkeys(formats))
    unknown = [f for f in chosen if f not in FILES]
    if unknown:
        raise FormatError(f"unknown graph format {', '.join(map(repr, unknown))}; known: {', '.join(FORMATS)}")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    communities = None
    if "gexf" in chosen or "csv" in chosen:
        from graph.analysis import node_communities

        communities = node_communities(graph)
    paths: dict[str, Path] = {}
    for name in chosen:
        if name == "json":
            paths["json"] = write_json(graph, out / GRAPH_FILE)
        elif name == "graphml":
            paths["graphml"] = write_graphml(graph, out / FILES["graphml"][0])
        elif name == "gexf":
            paths["gexf"] = write_gexf(graph, out / FILES["gexf"][0], communities=communities)
        else:
            paths.update(write_tables(graph, out, communities=communities))
    return paths
