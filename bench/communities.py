"""Communities for the explorer: igraph's Leiden (what ``graph.analysis.community_ids`` runs) against networkx's
Louvain, measured in the same run on the same actor graphs — time, modularity, number of communities.

    python -m bench.communities [GRAPH.json ...]     # e.g. the graph.json of `newsgraph build` on BBC politics

Without arguments: synthetic graphs of 1k, 5k and 20k actors (``graph.view.synthetic``).
"""

from __future__ import annotations

import os
import sys
import time

import networkx as nx

from graph.analysis import actor_graph, community_ids
from graph.formats import read_graph
from graph.view.synthetic import synthetic_graph


def measure(name: str, graph: nx.MultiDiGraph) -> dict:
    """Both timed from the built graph (building the actor graph included), igraph already imported."""
    start = time.perf_counter()
    leiden = community_ids(graph)
    leiden_s = time.perf_counter() - start
    actors = actor_graph(graph)
    groups: dict[int, set] = {}
    for node in actors:
        groups.setdefault(leiden[node], set()).add(node)
    start = time.perf_counter()
    actors = actor_graph(graph)
    louvain = nx.community.louvain_communities(actors, weight="weight", seed=7)
    louvain_s = time.perf_counter() - start
    split = sum(1 for group in louvain if len(group) > 1 and not nx.is_connected(actors.subgraph(group)))
    return {
        "graph": name, "actors": actors.number_of_nodes(), "ties": actors.number_of_edges(),
        "leiden_s": round(leiden_s, 3), "leiden_q": round(nx.community.modularity(actors, groups.values(), weight="weight"), 4),
        "leiden_k": len(groups), "louvain_s": round(louvain_s, 3),
        "louvain_q": round(nx.community.modularity(actors, louvain, weight="weight"), 4), "louvain_k": len(louvain),
        "louvain_disconnected": split, "speedup": round(louvain_s / max(leiden_s, 1e-6), 1),
    }  # fmt: skip


def main(paths: list[str]) -> None:
    graphs = [(path, read_graph(path)) for path in paths] or [(f"synthetic {n:,}", synthetic_graph(n)) for n in (1000, 5000, 20000)]
    community_ids(synthetic_graph(10))  # import igraph before timing
    print(f"communities: igraph Leiden vs networkx Louvain (load average {[round(x, 2) for x in os.getloadavg()]})")
    columns = ("graph", "actors", "ties", "leiden_s", "leiden_q", "leiden_k", "louvain_s", "louvain_q", "louvain_k", "louvain_disconnected", "speedup")
    print("  ".join(f"{c:>12}" for c in columns))
    for name, graph in graphs:
        row = measure(name, graph)
        print("  ".join(f"{str(row[c])[-28:]:>12}" for c in columns))


if __name__ == "__main__":
    main(sys.argv[1:])
