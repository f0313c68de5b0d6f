"""Graph → one self-contained, offline HTML explorer (vis-network from pyvis inlined, our script and data).

pyvis's own page pulls Bootstrap from a CDN and grows quadratically through ``add_node``; here only its
bundled vis-network is used, inlined into our template, which loads nothing. The bundle's licence
comments and two message strings name web addresses; they are rewritten to plain text (the licence
notice stays). The one address-shaped string left in the code is the SVG namespace name passed to
``createElementNS`` — an identifier browsers never fetch. Article URLs are data: the page makes them
links (``<a href>``, http(s) only) that a reader may follow, and fetches nothing when opened.

Data reaches the page only as JSON inside ``<script type="application/json">`` (Jinja's ``tojson``
escapes ``<``, ``>``, ``&`` and quotes, so ``</script>`` in a name cannot end the script), and the
page's script sets every piece of text with ``textContent``, so article text never becomes markup.

What is drawn and how is in ``assets/explorer.js``; what it is given is ``graph.view.data``.
"""

from __future__ import annotations

import functools
import html
import re
from pathlib import Path
from typing import Any

import networkx as nx
import pyvis
from jinja2 import Environment, FileSystemLoader, select_autoescape
from jinja2.utils import htmlsafe_json_dumps
from markupsafe import Markup, escape

from extract.io.files import atomic_write_text
from graph.view.data import explorer_data
from graph.view.select import Rank, Selection

ASSETS = Path(__file__).parent / "assets"
VIS_DIR = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2"

#: Up to this many nodes vis-network refines the Python layout briefly with physics; above, positions are final.
PHYSICS_LIMIT = 300

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


@functools.cache
def _asset(name: str) -> str:
    return (ASSETS / name).read_text(encoding="utf-8")


def options(node_count: int, *, physics: bool | None = None) -> dict[str, Any]:
    """The page's settings: vis-network options, and ``big`` (hide nodes without ties, thinner lines)."""
    physics = node_count <= PHYSICS_LIMIT if physics is None else physics
    return {
        "big": node_count > PHYSICS_LIMIT,
        "vis": {
            "autoResize": True,
            "layout": {"improvedLayout": False},
            "nodes": {"borderWidth": 1},
            "edges": {"smooth": False},
            "physics": {
                "enabled": physics,
                "solver": "forceAtlas2Based",
                "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 90, "avoidOverlap": 0.3},
                "stabilization": {"enabled": physics, "iterations": 60, "updateInterval": 25, "fit": True},
            },
            "interaction": {"hover": True, "tooltipDelay": 200, "hideEdgesOnDrag": False, "multiselect": True},
        },
    }


def render_html(
    graph: nx.MultiDiGraph | Selection,
    *,
    pool: nx.MultiDiGraph | None = None,
    rank: Rank = Rank.degree,
    title: str = "newsgraph snapshot",
    notes: list[str] | None = None,
    command: str = "",
    physics: bool | None = None,
) -> str:
    """The explorer page as a string; it makes no request when opened.

    ``graph`` is what the page shows, or a :class:`~graph.view.select.Selection` (its graph, notes, the
    pool of left-out neighbours and the rank then come from it). ``pool`` is a larger graph holding
    ``graph``: neighbours the selection left out are embedded from it, so the page can add them.
    """
    if isinstance(graph, Selection):
        pool, rank, notes, graph = graph.pool, graph.rank, [*graph.notes, *(notes or [])], graph.graph
    data = explorer_data(graph, pool=pool, rank=rank)
    drawn = sum(1 for flag, t in zip(data["nodes"]["cap"], data["nodes"]["type"]) if not flag and not data["types"][t]["concept"])
    script, css = vis_bundle()
    return _env().get_template("snapshot.html").render(
        title=title,
        vis_js=script,
        vis_css=css,
        explorer_js=_asset("explorer.js"),
        explorer_css=_asset("explorer.css"),
        data=data,
        options=options(drawn, physics=physics),
        notes=notes or [],
        command=command,
    )


def write_snapshot(graph: nx.MultiDiGraph | Selection, path: str | Path, **kwargs: Any) -> Path:
    """Render and write the page atomically (see :func:`render_html`); returns its path. Never opens a browser."""
    return atomic_write_text(path, render_html(graph, **kwargs))


def iframe(page: str, *, height: int = 600) -> str:
    """A snapshot page wrapped in an ``<iframe srcdoc>``, for showing inline in a notebook."""
    return (  # wrapped in a div: IPython warns about a bare top-level <iframe>
        f'<div><iframe srcdoc="{html.escape(page, quote=True)}" style="width:100%;height:{int(height)}px;border:1px solid #ddd" '
        'sandbox="allow-scripts"></iframe></div>'
    )
