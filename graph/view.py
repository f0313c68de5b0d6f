"""Graph → one self-contained, offline HTML snapshot (pyvis data, vis-network inlined).

pyvis's own page pulls Bootstrap from a CDN and grows quadratically through ``add_node``; here its
``Network`` holds the node and edge lists (filled directly) and its bundled vis-network is inlined into
our template, which loads nothing from the network. Tooltips are built in the browser with
``textContent`` from JSON data, so article text can never become markup.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import networkx as nx
import pyvis
from jinja2 import ChoiceLoader, Environment, FileSystemLoader, select_autoescape
from pyvis.network import Network

from extract.files import atomic_write_text

ASSETS = Path(__file__).parent / "assets"
PYVIS_TEMPLATES = Path(pyvis.__file__).parent / "templates"

#: Colour and shape per entity type (legend order).
STYLE: dict[str, tuple[str, str]] = {
    "PERSON": ("#e15759", "dot"),
    "ORG": ("#4e79a7", "square"),
    "GPE": ("#59a14f", "triangle"),
    "LOC": ("#8cd17d", "triangle"),
    "FAC": ("#b6992d", "triangle"),
    "NORP": ("#f28e2b", "diamond"),
    "EVENT": ("#b07aa1", "star"),
    "LAW": ("#9d7660", "hexagon"),
    "WORK_OF_ART": ("#d37295", "hexagon"),
    "ROLE": ("#76b7b2", "ellipse"),
    "THING": ("#bab0ac", "box"),
    "QUOTE": ("#edc948", "text"),
}
DEFAULT_STYLE = ("#999999", "dot")
#: Above this many nodes, positions are computed in Python and physics is off (fast first draw).
PHYSICS_LIMIT = 300
MAX_EVIDENCE_IN_TOOLTIP = 5


def _env() -> Environment:
    return Environment(
        loader=ChoiceLoader([FileSystemLoader(ASSETS), FileSystemLoader(PYVIS_TEMPLATES)]),
        autoescape=select_autoescape(["html"]),
    )


def _layout(graph: nx.MultiDiGraph) -> dict[Any, tuple[float, float]]:
    simple = nx.Graph(graph.to_undirected(as_view=True))
    scale = 60 * math.sqrt(max(len(simple), 1))
    pos = nx.spring_layout(simple, seed=7, iterations=30 if len(simple) > 2000 else 50, scale=scale)
    return {n: (float(x), float(y)) for n, (x, y) in pos.items()}


def to_network(graph: nx.MultiDiGraph, *, physics: bool | None = None) -> Network:
    """pyvis ``Network`` of the graph: styled nodes and edges, with data for tooltips."""
    physics = len(graph) <= PHYSICS_LIMIT if physics is None else physics
    articles = graph.graph.get("articles", {})
    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line")
    positions = {} if physics else _layout(graph)
    for nid, data in graph.nodes(data=True):
        color, shape = STYLE.get(data.get("type", ""), DEFAULT_STYLE)
        node = {
            "id": nid,
            "label": data.get("name", str(nid)),
            "color": color,
            "shape": shape,
            "size": 10 + 4 * math.log1p(data.get("mentions", 1)),
            "info": {
                "name": data.get("name", ""),
                "type": data.get("type", ""),
                "aliases": list(data.get("aliases", []))[:10],
                "mentions": data.get("mentions", 0),
                "articles": len(data.get("articles", [])),
            },
        }
        if nid in positions:
            node["x"], node["y"] = positions[nid]
        net.nodes.append(node)
        net.node_ids.append(nid)
        net.node_map[nid] = node
    for u, v, data in graph.edges(data=True):
        evidence = [
            {
                "sentence": ev["sentence"],
                "article": articles.get(ev["article_id"], {}).get("title") or ev["article_id"],
                "date": articles.get(ev["article_id"], {}).get("published", ""),
                "rule": ev.get("rule", ""),
            }
            for ev in data.get("evidence", [])[:MAX_EVIDENCE_IN_TOOLTIP]
        ]
        net.edges.append(
            {
                "from": u,
                "to": v,
                "label": data.get("predicate", ""),
                "width": 1 + math.log2(data.get("count", 1)),
                "info": {
                    "predicate": data.get("predicate", ""),
                    "count": data.get("count", 0),
                    "confidence": data.get("confidence", 0),
                    "evidence": evidence,
                },
            }
        )
    net.options = _options(physics)
    return net


def _options(physics: bool) -> dict[str, Any]:
    return {
        "nodes": {"font": {"size": 14}, "borderWidth": 1},
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
            "smooth": False,
            "font": {"size": 10, "align": "middle"},
            "color": {"color": "#888888", "highlight": "#333333"},
        },
        "physics": {
            "enabled": physics,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 120, "avoidOverlap": 0.4},
            "stabilization": {"enabled": True, "iterations": 200, "fit": True},
        },
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": True},
    }


def render_html(graph: nx.MultiDiGraph, *, title: str = "newsgraph snapshot", notes: list[str] | None = None) -> str:
    """The snapshot page as a string; no request leaves it."""
    net = to_network(graph)
    nodes, edges, _heading, _height, _width, options = net.get_network_data()
    types = sorted({d.get("type", "") for _, d in graph.nodes(data=True)}, key=lambda t: list(STYLE).index(t) if t in STYLE else 99)
    legend = [{"type": t, "color": STYLE.get(t, DEFAULT_STYLE)[0]} for t in types]
    return _env().get_template("snapshot.html").render(
        title=title,
        nodes=nodes,
        edges=edges,
        options=options,
        legend=legend,
        notes=notes or [],
        node_count=graph.number_of_nodes(),
        edge_count=graph.number_of_edges(),
        article_count=len(graph.graph.get("articles", {})),
        physics=net.options["physics"]["enabled"],
    )


def write_snapshot(graph: nx.MultiDiGraph, path: str | Path, **kwargs: Any) -> Path:
    """Render and write the snapshot atomically; returns its path. Never opens a browser."""
    return atomic_write_text(path, render_html(graph, **kwargs))
