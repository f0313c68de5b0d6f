"""``graph.json``: networkx node-link JSON, the one file that holds everything (evidence included)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import networkx as nx

from extract.io.files import atomic_write_text
from graph.errors import GraphFileError

GRAPH_FILE = "graph.json"


def graph_to_json(graph: nx.MultiDiGraph) -> str:
    """networkx node-link JSON (``nodes``/``edges`` keys)."""
    return json.dumps(nx.node_link_data(graph, edges="edges"), ensure_ascii=False)


def graph_from_json(text: str) -> nx.MultiDiGraph:
    """The graph of a ``graph.json`` text; ``ShapeError`` saying what is wrong when it is not shaped as written."""
    data = json.loads(text)
    check_node_link(data)
    return nx.node_link_graph(data, directed=True, multigraph=True, edges="edges")


def write_json(graph: nx.MultiDiGraph, path: str | Path) -> Path:
    return atomic_write_text(path, graph_to_json(graph))


def read_graph(path: str | Path) -> nx.MultiDiGraph:
    """Read a ``graph.json`` written by ``write_graph_files`` (or the one in a ``build`` folder).

    Raises ``GraphFileError`` naming the file (and the line, for broken JSON) when it is missing, not
    UTF-8 or not shaped as newsgraph writes it (``check_node_link``), so no reader meets a surprise later.
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
    except ShapeError as error:
        raise GraphFileError(str(path), f"not a newsgraph graph.json: {error}") from None
    except (KeyError, TypeError, AttributeError, ValueError, nx.NetworkXError) as error:
        raise GraphFileError(str(path), f"not a newsgraph graph.json (no node-link graph: {error!r})") from None


_NUMBER = (int, float)
#: The attributes newsgraph writes and its readers rely on, with the JSON type each must have (absent is allowed).
_NODE_FIELDS: dict[str, Any] = {"name": str, "type": str, "aliases": list, "mentions": int, "articles": list, "merged_from": dict}
_EDGE_FIELDS: dict[str, Any] = {"predicate": str, "evidence": list, "count": int, "confidence": _NUMBER, "first_seen": str, "last_seen": str}
_EVIDENCE_FIELDS: dict[str, Any] = {"article_id": str, "sentence": str, "rule": str, "confidence": _NUMBER}
_ARTICLE_FIELDS: dict[str, Any] = {"title": str, "url": str, "published": str, "source": str}
_JSON_TYPES = {str: "a string", int: "an integer", _NUMBER: "a number", list: "a list", dict: "an object"}


class ShapeError(ValueError):
    """What is wrong with the shape of a node-link graph (``check_node_link``)."""


def check_node_link(data: Any) -> None:
    """Raise ``ShapeError`` naming the first part of node-link ``data`` that is not as ``graph_to_json`` writes it."""
    if not isinstance(data, dict) or not isinstance(data.get("nodes"), list) or not isinstance(data.get("edges"), list):
        raise ShapeError(f'expected a JSON object with "nodes" and "edges" lists, found {_kind(data)}')
    meta = data.get("graph", {})
    _check_fields(meta, {"articles": dict}, "the graph attributes")
    articles = meta.get("articles", {})
    for aid, article in articles.items():
        _check_fields(article, _ARTICLE_FIELDS, f"article {aid!r}")
    ids = set()
    for i, node in enumerate(data["nodes"]):
        if not isinstance(node, dict) or not isinstance(node.get("id"), (str, int)):
            raise ShapeError(f'node {i} is {_kind(node)}, expected an object with an "id"')
        where = f"node {node['id']!r}"
        _check_fields(node, _NODE_FIELDS, where)
        for key in ("aliases", "articles"):
            if not all(isinstance(item, str) for item in node.get(key, [])):
                raise ShapeError(f"{where}: {key!r} must be a list of strings")
        ids.add(node["id"])
    for i, edge in enumerate(data["edges"]):
        if not isinstance(edge, dict):
            raise ShapeError(f"edge {i} is {_kind(edge)}, expected an object")
        where = f"edge {i} ({edge.get('source')!r} → {edge.get('target')!r})"
        for end in ("source", "target"):
            if edge.get(end) not in ids:
                raise ShapeError(f"{where}: its {end} is not one of the nodes")
        _check_fields(edge, _EDGE_FIELDS, where)
        for j, evidence in enumerate(edge.get("evidence", [])):
            _check_fields(evidence, _EVIDENCE_FIELDS, f"{where}, evidence {j}")
            if articles and evidence.get("article_id") not in articles:
                raise ShapeError(f"{where}, evidence {j}: article {evidence.get('article_id')!r} is not in the graph's articles")


def _check_fields(item: Any, fields: dict[str, Any], where: str) -> None:
    if not isinstance(item, dict):
        raise ShapeError(f"{where} is {_kind(item)}, expected an object")
    for key, wanted in fields.items():
        if key in item and (not isinstance(item[key], wanted) or isinstance(item[key], bool)):
            raise ShapeError(f"{where}: {key!r} is {_kind(item[key])}, expected {_JSON_TYPES[wanted]}")


def _kind(value: Any) -> str:
    """How a JSON value reads in an error: 'a string ("high")', 'a list', 'null'."""
    if value is None:
        return "null"
    names = {bool: "a boolean", str: "a string", int: "an integer", float: "a number", list: "a list", dict: "an object"}
    kind = names.get(type(value), type(value).__name__)
    return f"{kind} ({json.dumps(value, ensure_ascii=False)[:40]})" if isinstance(value, (str, int, float, bool)) else kind


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
