"""``graph.json``: networkx node-link JSON, the one file that holds everything (evidence included)."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx

from extract.io.files import atomic_write_text
from graph.errors import GraphFileError

GRAPH_FILE = "graph.json"


def graph_to_json(graph: nx.MultiDiGraph) -> str:
    """networkx node-link JSON (``nodes``/``edges`` keys)."""
    return json.dumps(nx.node_link_data(graph, edges="edges"), ensure_ascii=False)


def graph_from_json(text: str) -> nx.MultiDiGraph:
    data = json.loads(text)
    return nx.node_link_graph(data, directed=True, multigraph=True, edges="edges")


def write_json(graph: nx.MultiDiGraph, path: str | Path) -> Path:
    return atomic_write_text(path, graph_to_json(graph))


def read_graph(path: str | Path) -> nx.MultiDiGraph:
    """Read a ``graph.json`` written by ``write_graph_files`` (or the one in a ``build`` folder).

    Raises ``GraphFileError`` naming the file (and the line, for broken JSON) when it is missing, not
    UTF-8 or not a node-link graph.
    """
    path = Path(path)
    if path.is_dir():
        path = path / GRAPH_FILE
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise GraphFileError(str(path), "no such file; make one with: newsgraph build ARTICLES --out DIR") from None
    except UnicodeDecodeError as error:
        raise GraphFileError(str(path), f"not UTF-8 text (byte {error.start}); is it a graph.json?") from None
    except OSError as error:
        raise GraphFileError(str(path), error.strerror or str(error)) from None
    try:
        return graph_from_json(text)
    except json.JSONDecodeError as error:
        raise GraphFileError(str(path), f"not JSON ({error.msg}, column {error.colno})", line=error.lineno) from None
    except (KeyError, TypeError, AttributeError, ValueError, nx.NetworkXError) as error:
        raise GraphFileError(str(path), f"not a newsgraph graph.json (no node-link graph: {error!r})") from None
