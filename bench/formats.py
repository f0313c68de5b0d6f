"""Graph files and questions without a server: time per format and per question, as ratios to a baseline.

    python -m bench.formats                 # 22,000-node synthetic graph (the size of the BBC graph)
    python -m bench.formats --nodes 5000    # smaller

The graph is synthetic (``graph.view.synthetic``) so nothing needs a model and sizes are exact. Baselines,
measured in the same run: writing ``graph.json`` (what every build already wrote) for the file formats, and
reading ``graph.json`` back for ``ask`` (every question has to read the file first). Each figure is the best
of ``--repeat`` runs; on a shared machine only the ratios mean much.
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from pathlib import Path
from typing import Any

from graph.analysis import node_communities
from graph.ask import StoredGraph
from graph.formats import read_graph, write_gexf, write_graphml, write_json, write_tables
from graph.view.synthetic import synthetic_graph


def _best(func, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return min(times)


def run(nodes: int = 22_000, repeat: int = 3) -> dict[str, Any]:
    graph = synthetic_graph(nodes)
    names = [data["name"] for _, data in graph.nodes(data=True)]
    hub = max(graph, key=graph.degree)
    figures: dict[str, Any] = {"nodes": graph.number_of_nodes(), "edges": graph.number_of_edges(), "load_average": os.getloadavg()}
    with tempfile.TemporaryDirectory(prefix="newsgraph-bench-") as tmp:
        out = Path(tmp)
        communities = node_communities(graph)
        write_s = {
            "json (baseline)": _best(lambda: write_json(graph, out / "graph.json"), repeat),
            "graphml": _best(lambda: write_graphml(graph, out / "graph.graphml"), repeat),
            "communities (Leiden, for gexf and csv)": _best(lambda: node_communities(graph), repeat),
            "gexf": _best(lambda: write_gexf(graph, out / "graph.gexf", communities=communities), repeat),
            "csv (3 files)": _best(lambda: write_tables(graph, out, communities=communities), repeat),
        }
        sizes = {p.name: p.stat().st_size for p in out.iterdir()}
        read_s = _best(lambda: read_graph(out / "graph.json"), repeat)
        stored = StoredGraph(read_graph(out / "graph.json"))
        questions = {
            "index (StoredGraph)": lambda: StoredGraph(graph),
            "roles": lambda: stored.ask("roles", {"name": graph.nodes[hub]["name"]}),
            "members": lambda: stored.ask("members", {"name": graph.nodes[hub]["name"]}),
            "connection": lambda: stored.ask("connection", {"a": names[0], "b": names[len(names) // 2]}),
            "comentions": lambda: stored.ask("comentions", {"name": graph.nodes[hub]["name"]}),
            "about": lambda: stored.ask("about", {"name": graph.nodes[hub]["name"]}),
        }
        ask_s = {name: _best(func, repeat) for name, func in questions.items()}
    base = write_s["json (baseline)"]
    figures["write_s"] = {k: round(v, 3) for k, v in write_s.items()}
    figures["write_ratio_to_json"] = {k: round(v / base, 2) for k, v in write_s.items()}
    figures["file_bytes"] = sizes
    figures["read_graph_json_s (baseline)"] = round(read_s, 3)
    figures["ask_s"] = {k: round(v, 4) for k, v in ask_s.items()}
    figures["ask_ratio_to_reading_graph_json"] = {k: round(v / read_s, 3) for k, v in ask_s.items()}
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=22_000, help="size of the synthetic graph")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement (the best is kept)")
    args = parser.parse_args()
    print(json.dumps(run(args.nodes, args.repeat), indent=2))


if __name__ == "__main__":
    main()
