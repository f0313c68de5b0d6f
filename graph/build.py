"""The data model → a networkx ``MultiDiGraph``, and graph files on disk.

One node per resolved entity; one edge per (source, predicate, target) with every piece of evidence
behind it, so counts and confidence are derived, never stored twice.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import networkx as nx

from extract.jsonl import ExtractionFile
from extract.model import ArticleExtraction
from extract.resolve import MergeRules, Resolution, resolve
from extract.files import atomic_write_text


def build_graph(
    extractions: Iterable[ArticleExtraction], resolution: Resolution | None = None, *, merges: MergeRules | None = None
) -> nx.MultiDiGraph:
    """Merge every article's entities and relations into one graph.

    Node attributes: ``name``, ``type``, ``aliases`` (list), ``mentions`` (count), ``articles`` (list of ids),
    ``merged_from`` ({id: reason}). Edge key = predicate; attributes: ``predicate``, ``evidence`` (list of
    dicts), ``count``, ``confidence`` (highest), ``first_seen``/``last_seen`` (article dates, "" if unknown).
    ``graph.graph["articles"]`` holds each article's title, url, published date, source and content hash.

    ``merges`` (a user's forced and forbidden merges, ``extract.resolve.load_merge_rules``) is honoured when
    the resolution is computed here. Given a ``resolution``, ``extractions`` is read once, as a stream (e.g.
    ``read_extractions``); without one it is held in memory for the extra pass ``resolve`` needs.
    """
    if resolution is None:
        extractions = list(extractions)
        resolution = resolve(extractions, merges)
    graph = nx.MultiDiGraph()
    articles: dict[str, dict[str, str]] = {}
    for extraction in extractions:
        art = extraction.article
        articles[art.id] = {
            "title": art.title, "url": art.url, "published": art.published, "source": art.source,
            "content_hash": art.content_hash,
        }  # fmt: skip
        for entity in extraction.entities:
            nid = resolution(entity.id)
            if nid not in graph:
                graph.add_node(nid, name=entity.name, type=entity.type, aliases=[], mentions=0, articles=[], merged_from={})
            node = graph.nodes[nid]
            if nid == entity.id:
                node["name"], node["type"] = entity.name, entity.type
            elif entity.id not in node["merged_from"]:
                node["merged_from"][entity.id] = resolution.reasons.get(entity.id, "")
            for alias in (entity.name, *entity.aliases):
                if alias not in node["aliases"]:
                    node["aliases"].append(alias)
            node["mentions"] += len(entity.mentions)
            if art.id not in node["articles"]:
                node["articles"].append(art.id)
        for rel in extraction.relations:
            src, dst = resolution(rel.source), resolution(rel.target)
            if src == dst:
                continue
            if not graph.has_edge(src, dst, key=rel.predicate):
                graph.add_edge(src, dst, key=rel.predicate, predicate=rel.predicate, evidence=[])
            ev = rel.evidence
            graph.edges[src, dst, rel.predicate]["evidence"].append(
                {
                    "article_id": ev.article_id, "sentence": ev.sentence, "source_span": list(ev.source_span),
                    "target_span": list(ev.target_span), "rule": ev.rule, "confidence": rel.confidence,
                }  # fmt: skip
            )
    for _, node in graph.nodes(data=True):
        node["aliases"] = sorted(a for a in node["aliases"] if a != node["name"])
    for _, _, edge in graph.edges(data=True):
        dates = sorted(d for d in (articles[e["article_id"]]["published"] for e in edge["evidence"]) if d)
        edge["count"] = len(edge["evidence"])
        edge["confidence"] = max(e["confidence"] for e in edge["evidence"])
        edge["first_seen"] = dates[0] if dates else ""
        edge["last_seen"] = dates[-1] if dates else ""
    graph.graph["articles"] = articles
    return graph


def build_graph_from_file(path: str | Path, *, merges: MergeRules | None = None) -> nx.MultiDiGraph:
    """Build from an extraction JSON Lines file in two streamed passes (resolve, then build).

    Only the graph itself is held in memory, never every article's extraction.
    """
    return build_graph(ExtractionFile(path), resolve(ExtractionFile(path), merges))


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
