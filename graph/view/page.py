"""Graph → one self-contained, offline HTML snapshot (pyvis data, vis-network inlined).

pyvis's own page pulls Bootstrap from a CDN and grows quadratically through ``add_node``; here its
``Network`` holds the node and edge lists (filled directly) and its bundled vis-network is inlined into
our template, which loads nothing. The bundle's licence comments and two message strings name web
addresses; they are rewritten to plain text (the licence notice stays). The one address-shaped string
left is the SVG namespace name passed to ``createElementNS`` — an identifier browsers never fetch.

Data reaches the page only as JSON inside ``<script>`` (Jinja's ``tojson`` escapes ``<``, ``>``, ``&``
and quotes, so ``</script>`` in a name cannot end the script), and tooltips are built with
``textContent``, so article text never becomes markup.

Layout: positions always come from :func:`graph.view.layout.force_layout`; small graphs then get a short
physics run from that start (it settles in well under a second), larger ones are drawn as computed.
"""

from __future__ import annotations

import functools
import html
import math
import re
from collections.abc import Hashable
from pathlib import Path
from typing import Any

import networkx as nx
import pyvis
from jinja2 import Environment, FileSystemLoader, select_autoescape
from jinja2.utils import htmlsafe_json_dumps
from markupsafe import Markup, escape
from pyvis.network import Network

from extract.io.files import atomic_write_text
from graph.view.layout import force_layout

ASSETS = Path(__file__).parent / "assets"
VIS_DIR = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2"

#: Colour, vis-network shape and legend glyph per entity type (legend order). Every shape honours ``size``.
STYLE: dict[str, tuple[str, str, str]] = {
    "PERSON": ("#e15759", "dot", "●"),
    "ORG": ("#4e79a7", "square", "■"),
    "GPE": ("#59a14f", "triangle", "▲"),
    "LOC": ("#8cd17d", "triangle", "▲"),
    "FAC": ("#b6992d", "triangleDown", "▼"),
    "NORP": ("#f28e2b", "diamond", "◆"),
    "EVENT": ("#b07aa1", "star", "★"),
    "LAW": ("#9d7660", "hexagon", "⬢"),
    "WORK_OF_ART": ("#d37295", "hexagon", "⬢"),
    "ROLE": ("#76b7b2", "diamond", "◆"),
    "THING": ("#bab0ac", "dot", "●"),
    "QUOTE": ("#edc948", "square", "■"),
}
DEFAULT_STYLE = ("#999999", "dot", "●")
#: Up to this many nodes physics runs briefly in the browser; above it positions are final (fast draw).
PHYSICS_LIMIT = 300
MAX_EVIDENCE_IN_TOOLTIP = 5
MAX_ARTICLES_IN_TOOLTIP = 5
MAX_LABEL = 40

#: Address-like strings in the vis-network bundle that are text, not requests: (text, replacement).
_BUNDLE_TEXT_URLS = (
    (',license:"https://github.com/zloirock/core-js/blob/v3.21.1/LICENSE",source:"https://github.com/zloirock/core-js"',
     ',license:"MIT",source:"core-js"'),
    ("See https://github.com/uuidjs/uuid#getrandomvalues-not-supported", "See the uuid package documentation"),
)  # fmt: skip
_LICENCE = """/*
 * vis-network 9.1.2 (bundled with pyvis 0.3.2), inlined by newsgraph.
 * Copyright (c) 2011-2017 Almende B.V; (c) 2017-2019 visjs contributors.
 * Dual licensed under the Apache License 2.0 and the MIT License; either may be used.
 * Includes core-js 3.21.1 (MIT, (c) 2014-2022 Denis Pushkarev) and uuid (MIT).
 * Full licence texts: see the vis-network and pyvis distributions.
 */
"""
#: The only address-shaped string that stays: the SVG XML namespace name (never fetched).
SVG_NAMESPACE_CALL = 'createElementNS("http://www.w3.org/2000/svg"'


@functools.cache
def vis_bundle() -> tuple[str, str]:
    """vis-network's script and stylesheet, with web addresses in comments and messages removed."""
    script = (VIS_DIR / "vis-network.min.js").read_text(encoding="utf-8")
    css = (VIS_DIR / "vis-network.css").read_text(encoding="utf-8")
    header = re.match(r"\s*/\*\*.*?\*/\s*", script, flags=re.S)
    if header:
        script = _LICENCE + script[header.end() :]
    for text, replacement in _BUNDLE_TEXT_URLS:
        script = script.replace(text, replacement)
    script = re.sub(r"//# sourceMappingURL=\S+\s*$", "", script)
    return script, css


def _json(value: Any) -> Markup:
    """JSON for inside ``<script>``: ``<``, ``>``, ``&``, ``'`` escaped (Jinja's ``tojson``) and ``/`` as ``\\/``."""
    return Markup(str(htmlsafe_json_dumps(value)).replace("/", "\\/"))


def _text(value: Any) -> Markup:
    """HTML-escaped text with ``/`` as ``&#x2F;``: a quoted address stays text, never an address in the file."""
    return Markup(str(escape(str(value))).replace("/", "&#x2F;"))


def _env() -> Environment:
    env = Environment(loader=FileSystemLoader(ASSETS), autoescape=select_autoescape(["html"]))
    env.filters.update(json=_json, text=_text)
    return env


def _short(text: str, limit: int = MAX_LABEL) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _article(articles: dict[str, dict[str, str]], aid: str) -> dict[str, str]:
    meta = articles.get(aid, {})
    return {"title": meta.get("title") or aid, "date": meta.get("published", "")}


def to_network(graph: nx.MultiDiGraph, *, physics: bool | None = None, seed: int = 7) -> Network:
    """pyvis ``Network`` of the graph: styled, positioned nodes and edges, with data for tooltips."""
    physics = len(graph) <= PHYSICS_LIMIT if physics is None else physics
    articles = graph.graph.get("articles", {})
    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line")
    positions = force_layout(graph, seed=seed)
    ids: dict[Hashable, int] = {}
    for nid, data in graph.nodes(data=True):
        color, shape, _glyph = STYLE.get(data.get("type", ""), DEFAULT_STYLE)
        name = str(data.get("name", nid))
        ids[nid] = len(ids)  # small integer ids: compact JSON, and any id type works in the browser
        x, y = positions[nid]
        node = {
            "id": ids[nid],
            "label": _short(name),
            "color": color,
            "shape": shape,
            "size": 8 + 4 * math.log1p(data.get("mentions", 1)),
            "x": round(x, 1),
            "y": round(y, 1),
            "info": {
                "name": name,
                "type": data.get("type", ""),
                "aliases": [str(a) for a in data.get("aliases", [])][:10],
                "mentions": data.get("mentions", 0),
                "articles": len(data.get("articles", [])) or data.get("article_count", 0),
                "sources": [_article(articles, a) for a in data.get("articles", [])[:MAX_ARTICLES_IN_TOOLTIP]],
            },
        }
        net.nodes.append(node)
        net.node_ids.append(node["id"])
        net.node_map[node["id"]] = node
    for u, v, data in graph.edges(data=True):
        all_evidence = data.get("evidence", [])
        evidence = [
            {"sentence": ev.get("sentence", ""), "rule": ev.get("rule", ""), **_article(articles, ev.get("article_id", ""))}
            for ev in all_evidence[:MAX_EVIDENCE_IN_TOOLTIP]
        ]
        count = data.get("count", len(all_evidence)) or 1
        net.edges.append(
            {
                "from": ids[u],
                "to": ids[v],
                "label": data.get("predicate", ""),
                "width": round(1 + math.log2(count), 2),
                "info": {
                    "predicate": data.get("predicate", ""),
                    "count": count,
                    "confidence": round(float(data.get("confidence", 0.0)), 3),
                    "evidence": evidence,
                    "more": max(len(all_evidence) - len(evidence), 0),
                },
            }
        )
    net.options = _options(physics=physics, big=len(graph) > PHYSICS_LIMIT)
    return net


def _options(*, physics: bool, big: bool) -> dict[str, Any]:
    return {
        "autoResize": True,
        "layout": {"improvedLayout": False},
        "nodes": {"font": {"size": 14}, "borderWidth": 1},
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
            "smooth": False,
            "font": {"size": 10, "align": "middle"},
            "color": {"color": "#8a8a8a", "highlight": "#333333", "hover": "#333333"},
        },
        "physics": {
            "enabled": physics,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 90, "avoidOverlap": 0.3},
            "stabilization": {"enabled": physics, "iterations": 50, "updateInterval": 25, "fit": True},
        },
        "interaction": {"hover": not big, "tooltipDelay": 120, "hideEdgesOnDrag": True, "hideEdgesOnZoom": big},
    }


def render_html(
    graph: nx.MultiDiGraph,
    *,
    title: str = "newsgraph snapshot",
    notes: list[str] | None = None,
    command: str = "",
    physics: bool | None = None,
) -> str:
    """The snapshot page as a string; it makes no request when opened."""
    net = to_network(graph, physics=physics)
    types = sorted({d.get("type", "") for _, d in graph.nodes(data=True)}, key=lambda t: (list(STYLE).index(t) if t in STYLE else 99, t))
    legend = [{"type": t or "?", "color": STYLE.get(t, DEFAULT_STYLE)[0], "glyph": STYLE.get(t, DEFAULT_STYLE)[2]} for t in types]
    script, css = vis_bundle()
    return _env().get_template("snapshot.html").render(
        title=title,
        vis_js=script,
        vis_css=css,
        nodes=net.nodes,
        edges=net.edges,
        options=net.options,
        legend=legend,
        notes=notes or [],
        command=command,
        node_count=graph.number_of_nodes(),
        edge_count=graph.number_of_edges(),
        article_count=len(graph.graph.get("articles", {})),
        physics=net.options["physics"]["enabled"],
    )


def write_snapshot(graph: nx.MultiDiGraph, path: str | Path, **kwargs: Any) -> Path:
    """Render and write the snapshot atomically; returns its path. Never opens a browser."""
    return atomic_write_text(path, render_html(graph, **kwargs))


def iframe(page: str, *, height: int = 600) -> str:
    """A snapshot page wrapped in an ``<iframe srcdoc>``, for showing inline in a notebook."""
    return (  # wrapped in a div: IPython warns about a bare top-level <iframe>
        f'<div><iframe srcdoc="{html.escape(page, quote=True)}" style="width:100%;height:{int(height)}px;border:1px solid #ddd" '
        'sandbox="allow-scripts"></iframe></div>'
    )
