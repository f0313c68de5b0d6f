"""The snapshot HTML as text: nothing that could be a request, data that cannot break out of its script."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import networkx as nx
import pytest

from graph.view.page import PHYSICS_LIMIT, SVG_NAMESPACE_CALL, render_html, to_network, vis_bundle
from graph.view.synthetic import synthetic_graph

#: http(s)://…, protocol-relative //host.tld, and the ways HTML/CSS load things (src=, href=, url(, @import).
ADDRESS = re.compile(r"(?i)(?:https?:)?//[a-z0-9-]+(?:\.[a-z0-9-]+)+")
LOADERS = re.compile(r"""(?i)\b(?:src|href|srcset|action|poster)\s*=|\burl\(\s*(?!['"]?data:)|@import""")

EVIL = '<img src=x onerror=alert(1)>'
BREAKOUT = '</script><script>alert("out")</script>'


def hostile_graph() -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    graph.add_node("person:evil", name=EVIL, type="PERSON", aliases=[BREAKOUT], mentions=3, articles=["a1"])
    graph.add_node("org:acme", name="Acme & Sons", type="ORG", aliases=[], mentions=1, articles=["a1"])
    graph.add_edge("person:evil", "org:acme", key="LEADS", predicate="LEADS", count=1, confidence=0.8,
                   evidence=[{"article_id": "a1", "sentence": f"{EVIL} leads Acme. {BREAKOUT}", "rule": "t", "confidence": 0.8}])  # fmt: skip
    graph.graph["articles"] = {"a1": {"title": "<b>Title</b>", "published": "2025-01-01", "url": "https://news.example.org/a1"}}
    return graph


class Scripts(HTMLParser):
    """Collects the text of every <script> element the way a browser tokenizes the page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scripts: list[str] = []
        self.tags: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag == "script":
            self._in_script = True
            self.scripts.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts[-1] += data


def test_no_network_address_anywhere_except_the_svg_namespace_name():
    html = render_html(hostile_graph(), title="t", notes=["see https://example.org"], command="newsgraph view //evil.example/x")
    found = [m.group(0) for m in ADDRESS.finditer(html)]
    assert found == ["http://www.w3.org"] * 2, found
    for match in ADDRESS.finditer(html):
        assert html[match.start() - len('createElementNS("') : match.start()] == 'createElementNS("'
    assert html.count(SVG_NAMESPACE_CALL) == 2


def test_page_outside_the_vis_bundle_loads_nothing():
    script, css = vis_bundle()
    html = render_html(synthetic_graph(30), notes=["a note"], command="newsgraph view g.json")
    assert html.count(script) == 1 and html.count(css) == 1
    ours = html.replace(script, "").replace(css, "")
    assert not LOADERS.search(ours), LOADERS.search(ours)


def test_bundle_loads_only_for_image_nodes_which_we_never_make():
    script, _ = vis_bundle()
    loaders = [script[m.start() - 12 : m.end() + 20] for m in LOADERS.finditer(script)]
    # core-js's old-IE iframe (a javascript: URL, no request) and vis-network's image/brokenImage shapes.
    assert len(loaders) == 4 and 'e.src=String("javascript:"' in loaders[0], loaders
    assert all("image.src" in text for text in loaders[1:]), loaders
    net = to_network(synthetic_graph(40))
    assert not any(key in item for item in net.nodes for key in ("image", "brokenImage"))
    assert not any(shape in str(net.options) for shape in ("image", "circularImage"))


def test_licence_notice_kept_without_addresses():
    script, css = vis_bundle()
    assert "vis-network 9.1.2" in script[:600] and "Apache License 2.0" in script[:600] and "MIT" in script[:600]
    assert "sourceMappingURL" not in script
    assert not ADDRESS.search(css)


def test_hostile_names_cannot_break_out_of_the_data_script():
    html = render_html(hostile_graph())
    parser = Scripts()
    parser.feed(html)
    assert parser.tags.count("script") == 2, "only vis-network and our own script: no injected <script>"
    assert "img" not in parser.tags and "b" not in parser.tags
    data = parser.scripts[1]
    nodes = json.loads(re.search(r"var nodesData = (.*?);\n", data).group(1))
    edges = json.loads(re.search(r"var edgesData = (.*?);\n", data).group(1))
    assert nodes[0]["info"]["name"] == EVIL and nodes[0]["info"]["aliases"] == [BREAKOUT]
    assert BREAKOUT in edges[0]["info"]["evidence"][0]["sentence"]
    assert edges[0]["info"]["evidence"][0]["title"] == "<b>Title</b>"
    assert "<img" not in data and "</script" not in data


def test_title_notes_and_command_are_escaped_text():
    html = render_html(hostile_graph(), title=EVIL, notes=[BREAKOUT], command=f"newsgraph view --focus '{EVIL}'")
    assert EVIL not in html and BREAKOUT not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


def test_article_urls_are_not_put_in_the_page():
    assert "news.example.org" not in render_html(hostile_graph())


def test_counts_and_notes_in_the_header():
    html = render_html(hostile_graph(), notes=["Showing the top 2 of 9 nodes"], command="newsgraph view g.json --top 2")
    assert "2 nodes · 1 edges · 1 articles" in html
    assert "Showing the top 2 of 9 nodes" in html and "newsgraph view g.json --top 2" in html


def test_small_graphs_refine_in_browser_large_ones_are_final():
    small, large = synthetic_graph(50), synthetic_graph(PHYSICS_LIMIT + 1)
    assert to_network(small).options["physics"]["enabled"] is True
    net = to_network(large)
    assert net.options["physics"]["enabled"] is False
    assert all("x" in n and "y" in n for n in net.nodes)


def test_style_size_and_width_follow_data():
    graph = synthetic_graph(60)
    net = to_network(graph)
    by_name = {n["info"]["name"]: n for n in net.nodes}
    busiest = max(graph.nodes(data=True), key=lambda nd: nd[1]["mentions"])[1]
    quietest = min(graph.nodes(data=True), key=lambda nd: nd[1]["mentions"])[1]
    assert by_name[busiest["name"]]["size"] > by_name[quietest["name"]]["size"]
    widths = {e["info"]["count"]: e["width"] for e in net.edges}
    assert widths[max(widths)] >= widths[min(widths)]
    assert {n["shape"] for n in net.nodes if n["info"]["type"] == "PERSON"} == {"dot"}
    assert {e["label"] for e in net.edges} <= {d["predicate"] for *_, d in graph.edges(data=True)}


@pytest.mark.parametrize("count", [0, 3])
def test_edge_tooltip_data_lists_evidence_with_title_and_date(count):
    graph = hostile_graph()
    extra = [{"article_id": "a1", "sentence": f"more {i}", "rule": "t", "confidence": 0.5} for i in range(count + 5)]
    graph.edges["person:evil", "org:acme", "LEADS"]["evidence"] += extra
    info = to_network(graph).edges[0]["info"]
    assert len(info["evidence"]) == 5 and info["more"] == count + 1
    assert info["evidence"][0] | {} == {"sentence": f"{EVIL} leads Acme. {BREAKOUT}", "rule": "t", "title": "<b>Title</b>", "date": "2025-01-01"}
