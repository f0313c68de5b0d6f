"""Questions asked of a built graph: tables of actors and evidence, centrality, communities.

Plain functions returning lists of dicts (one per row), so notebooks can show them with pandas and tests
can check them without it.

Communities are found by Leiden (igraph's C implementation, modularity objective) on the actor graph:
on the BBC graphs it finds partitions at least as good as networkx's Louvain 3–5× faster
(``python -m bench.communities``), and Leiden never returns a community that falls apart into
unconnected pieces, which Louvain can (README, Snapshots).
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from typing import Any

import networkx as nx

ACTOR_TYPES = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"})


def entity_rows(graph: nx.MultiDiGraph, *, types: Iterable[str] | None = None) -> list[dict[str, Any]]:
    """One row per entity, most mentioned first."""
    wanted = set(types) if types is not None else None
    rows = [
        {
            "id": nid,
            "name": data.get("name", nid),
            "type": data.get("type", ""),
            "aliases": "; ".join(data.get("aliases", [])),
            "mentions": data.get("mentions", 0),
            "articles": len(data.get("articles", [])),
            "degree": graph.degree(nid),
        }
        for nid, data in graph.nodes(data=True)
        if wanted is None or data.get("type") in wanted
    ]
    return sorted(rows, key=lambda r: (-r["mentions"], r["name"]))


def relation_rows(graph: nx.MultiDiGraph, *, predicates: Iterable[str] | None = None) -> list[dict[str, Any]]:
    """One row per edge with its strongest piece of evidence, best supported first."""
    wanted = set(predicates) if predicates is not None else None
    articles = graph.graph.get("articles", {})
    rows = []
    for u, v, data in graph.edges(data=True):
        if wanted is not None and data.get("predicate") not in wanted:
            continue
        best = max(data.get("evidence", []), key=lambda e: e.get("confidence", 0), default={})
        rows.append(
            {
                "source": graph.nodes[u].get("name", u),
                "predicate": data.get("predicate", ""),
                "target": graph.nodes[v].get("name", v),
                "count": data.get("count", 0),
                "confidence": data.get("confidence", 0.0),
                "sentence": best.get("sentence", ""),
                "article": articles.get(best.get("article_id", ""), {}).get("title") or best.get("article_id", ""),
                "rule": best.get("rule", ""),
            }
        )
    return sorted(rows, key=lambda r: (-r["count"], -r["confidence"], r["source"], r["predicate"], r["target"]))


def actor_graph(graph: nx.MultiDiGraph) -> nx.Graph:
    """Undirected simple graph of actors, edge weight = evidence count (roles and things left out)."""
    simple = nx.Graph()
    for nid, data in graph.nodes(data=True):
        if data.get("type") in ACTOR_TYPES:
            simple.add_node(nid, name=data.get("name", nid))
    for u, v, data in graph.edges(data=True):
        if u in simple and v in simple and u != v:
            weight = simple.get_edge_data(u, v, {}).get("weight", 0) + data.get("count", 1)
            simple.add_edge(u, v, weight=weight)
    return simple


def centrality_rows(graph: nx.MultiDiGraph, *, top: int = 10) -> list[dict[str, Any]]:
    """Degree and betweenness centrality of actors (betweenness is O(V·E): sampled above 2,000 actors)."""
    actors = actor_graph(graph)
    if not len(actors):
        return []
    degree = nx.degree_centrality(actors)
    k = min(len(actors), 500) if len(actors) > 2000 else None
    between = nx.betweenness_centrality(actors, k=k, seed=7)
    rows = [
        {"name": actors.nodes[n]["name"], "type": graph.nodes[n].get("type", ""), "degree": round(degree[n], 4),
         "betweenness": round(between[n], 4)}
        for n in actors
    ]  # fmt: skip
    return sorted(rows, key=lambda r: (-r["betweenness"], -r["degree"], r["name"]))[:top]


def community_ids(graph: nx.MultiDiGraph, *, seed: int = 7, resolution: float = 1.0) -> dict[str, int]:
    """Every node's community number: 0 for the largest group of actors, 1 for the next…

    Actors are grouped by Leiden (igraph, modularity objective, run to convergence) over ``actor_graph``
    (weight = pieces of evidence), seeded, so the same graph always gives the same numbers; groups are
    numbered by size, then by their first node id. A role, thing or quote joins the actor it has the most
    evidence with (the lowest number on a tie) and is -1 when it is tied to no actor. An actor with no ties
    to other actors is a group of its own.
    """
    import igraph

    actors = actor_graph(graph)
    groups: list[list] = []
    if len(actors):
        nodes = list(actors)
        index = {node: i for i, node in enumerate(nodes)}
        simple = igraph.Graph(n=len(nodes), edges=[(index[u], index[v]) for u, v in actors.edges()])
        weights = [float(w) for *_, w in actors.edges(data="weight")] or None
        igraph.set_random_number_generator(random.Random(seed))
        try:
            parts = simple.community_leiden(objective_function="modularity", weights=weights, resolution=resolution, n_iterations=-1)
        finally:
            igraph.set_random_number_generator(random)
        groups = [[nodes[i] for i in part] for part in parts]
    ordered = sorted((sorted(group, key=str) for group in groups), key=lambda g: (-len(g), str(g[0])))
    ids = {nid: number for number, group in enumerate(ordered) for nid in group}
    for nid in graph:
        if nid in ids:
            continue
        weight: dict[int, int] = {}
        for u, v, data in [*graph.out_edges(nid, data=True), *graph.in_edges(nid, data=True)]:
            other = v if u == nid else u
            if other in actors:
                weight[ids[other]] = weight.get(ids[other], 0) + data.get("count", 1)
        ids[nid] = min(weight, key=lambda c: (-weight[c], c)) if weight else -1
    return ids


def node_communities(graph: nx.MultiDiGraph) -> dict[str, int]:
    """The nodes' own ``community`` numbers when every node has one (set by an earlier stage), else ``community_ids``."""
    if len(graph) and all("community" in data for _, data in graph.nodes(data=True)):
        return {nid: int(data["community"]) for nid, data in graph.nodes(data=True)}
    return community_ids(graph)


def communities(graph: nx.MultiDiGraph, *, min_size: int = 2) -> list[list[str]]:
    """Groups of actors tied more to each other than to the rest (``community_ids``: Leiden, fixed seed)."""
    actors = actor_graph(graph)
    if not actors.number_of_edges():
        return []
    ids = community_ids(graph)
    groups: dict[int, list[str]] = {}
    for nid in actors:
        groups.setdefault(ids[nid], []).append(actors.nodes[nid]["name"])
    named = [sorted(group) for group in groups.values() if len(group) >= min_size]
    return sorted(named, key=lambda g: (-len(g), g))
