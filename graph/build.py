"""The data model → a networkx ``MultiDiGraph``, and back.

One node per resolved entity; one edge per (source, predicate, target) with every piece of evidence
behind it, so counts and confidence are derived, never stored twice. Each article's share comes from
``graph.fold``, the same fold the Neo4j writer uses.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import networkx as nx

from extract.io.jsonl import ExtractionFile
from extract.model import ArticleExtraction
from extract.resolve import MergeRules, Resolution, resolve
from graph.fold import share
from graph.formats import read_graph, write_graph_files

__all__ = ["build_graph", "build_graph_from_file", "read_graph", "write_graph_files"]


def build_graph(
    extractions: Iterable[ArticleExtraction], resolution: Resolution | None = None, *, merges: MergeRules | None = None
) -> nx.MultiDiGraph:
    """Merge every article's entities and relations into one graph.

    Node attributes: ``name``, ``type``, ``aliases`` (list), ``mentions`` (count), ``articles`` (list of ids),
    ``merged_from`` ({id: reason}), and for actors ``type_reason`` (why the corpus gave it its type). Edge key = predicate; attributes: ``predicate``, ``evidence`` (list of
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
    named: set[str] = set()
    # Each node's articles as a set too, while building: a node in n articles would otherwise cost n² list scans.
    seen_in: dict[str, set[str]] = {}
    for extraction in extractions:
        part = share(extraction, resolution, resolution.reasons)
        aid = part.article["id"]
        articles[aid] = {k: v for k, v in part.article.items() if k != "id"}
        for nid, entity in part.entities.items():
            if nid not in graph:
                name, type_ = entity.first
                graph.add_node(nid, name=name, type=type_, aliases=[], mentions=0, articles=[], merged_from={})
                seen_in[nid] = set()
            node = graph.nodes[nid]
            if entity.own is not None and nid not in named:  # the first article that owns the id names it, as in Neo4j
                node["name"], node["type"] = entity.own
                named.add(nid)
            for eid, reason in entity.merged.items():
                node["merged_from"].setdefault(eid, reason)
            for alias in entity.names:
                if alias not in node["aliases"]:
                    node["aliases"].append(alias)
            node["mentions"] += entity.mentions
            if aid not in seen_in[nid]:
                seen_in[nid].add(aid)
                node["articles"].append(aid)
        for (src, predicate, dst), evidence in part.edges.items():
            if not graph.has_edge(src, dst, key=predicate):
                graph.add_edge(src, dst, key=predicate, predicate=predicate, evidence=[])
            graph.edges[src, dst, predicate]["evidence"].extend(evidence)
    for nid, node in graph.nodes(data=True):
        node["aliases"] = sorted(a for a in node["aliases"] if a != node["name"])
        if nid in resolution.decisions:
            node["type_reason"] = resolution.decisions[nid]
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
