"""The explorer HTML as text: nothing that could load anything, data that cannot break out of its script."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import networkx as nx

from graph.view.page import PHYSICS_LIMIT, SVG_NAMESPACE_CALL, options, render_html, vis_bundle
from graph.view.select import select
from graph.view.synthetic import synthetic_graph

#: http(s)://…, protocol-relative //host.tld, and the ways HTML/CSS load things (src=, href=, url(, @import).
ADDRESS = re.compile(r"(?i)(?:https?:)?//[a-z0-9-]+(?:\.[a-z0-9-]+)+")
LOADERS = re.compile(r"""(?i)\b(?:src|href|srcset|action|poster)\s*=|\burl\(\s*(?!['"]?data:)|@import|\bimport\s*\(|fetch\s*\(|XMLHttpRequest|WebSocket|EventSource|sendBeacon""")
DATA_SCRIPT = re.compile(r'<script type="application/json" id="newsgraph-(?:data|options)">.*?</script>', re.S)

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


def page_data(html: str) -> dict:
    """The JSON the page embeds (what its script reads)."""
    return json.loads(re.search(r'<script type="application/json" id="newsgraph-data">(.*?)</script>', html, re.S).group(1))


def test_no_network_address_in_the_page_outside_its_data():
    html = render_html(hostile_graph(), title="t", notes=["see https://example.org"], command="newsgraph view //evil.example/x")
    code = DATA_SCRIPT.sub("", html)
    found = [m.group(0) for m in ADDRESS.finditer(code)]
    assert found == ["http://www.w3.org"] * 2, found
    for match in ADDRESS.finditer(code):
        assert code[match.start() - len('createElementNS("') : match.start()] == 'createElementNS("'
    assert html.count(SVG_NAMESPACE_CALL) == 2


def test_the_only_addresses_in_the_data_are_http_article_urls():
    data = page_data(render_html(hostile_graph()))
    strings = json.dumps(data)
    urls = [a[2] for a in data["articles"] if a[2]]
    assert urls == ["https://news.example.org/a1"]
    assert [m.group(0) for m in ADDRESS.finditer(strings.replace("\\/", "/"))] == ["https://news.example.org"]


def test_page_outside_the_vis_bundle_loads_nothing_and_links_only_through_safe_link():
    """Our markup, style and script: no src=, url(, @import, fetch…; one href, set in safeLink after a protocol check."""
    script, css = vis_bundle()
    html = render_html(synthetic_graph(30), notes=["a note"], command="newsgraph view g.json")
    assert html.count(script) == 1 and html.count(css) == 1
    ours = DATA_SCRIPT.sub("", html.replace(script, "").replace(css, "")).replace("new URL(url)", "")  # parsing loads nothing
    found = [ours[m.start() - 40 : m.end() + 12] for m in LOADERS.finditer(ours)]
    assert found == [found[0]] and "a.href = parsed.href" in found[0], found
    safe_link = re.search(r"function safeLink\(url, text\) \{.*?\n  \}", ours, re.S).group(0)
    assert 'parsed.protocol === "http:" || parsed.protocol === "https:"' in safe_link and "if (!ok) return el(" in safe_link
    assert "innerHTML" not in ours and "insertAdjacentHTML" not in ours and "document.write" not in ours and "eval(" not in ours


def test_bundle_loads_only_for_image_nodes_which_we_never_make():
    script, _ = vis_bundle()
    loaders = [script[m.start() - 12 : m.end() + 20] for m in re.finditer(r"""(?i)\b(?:src|href|srcset|action|poster)\s*=|\burl\(\s*(?!['"]?data:)|@import""", script)]
    # core-js's old-IE iframe (a javascript: URL, no request) and vis-network's image/brokenImage shapes.
    assert len(loaders) == 4 and 'e.src=String("javascript:"' in loaders[0], loaders
    assert all("image.src" in text for text in loaders[1:]), loaders
    data = page_data(render_html(synthetic_graph(40)))
    assert {t["shape"] for t in data["types"]} <= {"dot", "square", "triangle", "triangleDown", "diamond", "star", "hexagon"}
    assert "image" not in json.dumps(options(40))


def test_licence_notice_kept_without_addresses():
    script, css = vis_bundle()
    assert "vis-network 9.1.2" in script[:600] and "Apache License 2.0" in script[:600] and "MIT" in script[:600]
    assert "sourceMappingURL" not in script
    assert not ADDRESS.search(css)


def test_hostile_names_cannot_break_out_of_the_data_script():
    html = render_html(hostile_graph())
    parser = Scripts()
    parser.feed(html)
    assert parser.tags.count("script") == 4, "vis-network, the data, the options and our own script: no injected <script>"
    plain = Scripts()
    plain.feed(render_html(synthetic_graph(5)))
    assert parser.tags == plain.tags, "the names added no element"
    data = json.loads(parser.scripts[1])
    assert data["nodes"]["name"][0] == EVIL and data["nodes"]["aliases"][0] == [BREAKOUT]
    assert BREAKOUT in data["sentences"][data["relations"]["evidence"][0][0][1]]
    assert data["articles"][0][0] == "<b>Title</b>"
    assert "<img" not in parser.scripts[1] and "</script" not in parser.scripts[1]


def test_title_notes_and_command_are_escaped_text():
    html = render_html(hostile_graph(), title=EVIL, notes=[BREAKOUT], command=f"newsgraph view --focus '{EVIL}'")
    assert EVIL not in html and BREAKOUT not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


def test_notes_and_command_in_the_header():
    html = render_html(hostile_graph(), notes=["Showing the top 2 of 9 nodes"], command="newsgraph view g.json --top 2")
    assert "Showing the top 2 of 9 nodes" in html and "newsgraph view g.json --top 2" in html


def test_a_selection_brings_its_notes_pool_and_rank():
    from tests.graph.view.test_data import desk_graph

    sel = select(desk_graph(), top=3)
    data = page_data(html := render_html(sel, notes=["extra"]))
    assert "top 3 of 8 actors" in html and "extra" in html
    assert sum(data["nodes"]["cap"]) == 2 and data["rank"] == "degree"


def test_small_graphs_refine_in_browser_large_ones_are_final():
    assert options(50)["vis"]["physics"]["enabled"] is True and options(50)["big"] is False
    big = options(PHYSICS_LIMIT + 1)
    assert big["vis"]["physics"]["enabled"] is False and big["big"] is True
    data = page_data(render_html(synthetic_graph(PHYSICS_LIMIT + 1)))
    assert len(data["nodes"]["x"]) == len(data["nodes"]["name"])


def test_size_follows_mentions_and_concepts_sit_beside_their_actor():
    graph = synthetic_graph(60)
    data = page_data(render_html(graph))
    nodes = data["nodes"]
    busiest = max(range(len(nodes["name"])), key=lambda i: nodes["mentions"][i])
    quietest = min(range(len(nodes["name"])), key=lambda i: nodes["mentions"][i])
    assert nodes["size"][busiest] > nodes["size"][quietest]
    rel = data["relations"]
    for r, p in enumerate(rel["predicate"]):
        if data["predicates"][p] == "HAS_ROLE":
            a, b = rel["from"][r], rel["to"][r]
            assert abs(nodes["x"][a] - nodes["x"][b]) < 40 and abs(nodes["y"][a] - nodes["y"][b]) < 40


def test_the_page_does_not_depend_on_string_hashing():
    """Two processes with different hash seeds write the same page (subgraphs keep the graph's order)."""
    import os
    import subprocess
    import sys

    code = ("import hashlib; from graph.view.page import render_html; from graph.view.select import select; "
            "from graph.view.synthetic import synthetic_graph; "
            "print(hashlib.sha256(render_html(select(synthetic_graph(300), top=40)).encode()).hexdigest())")  # fmt: skip
    digests = {
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env={**os.environ, "PYTHONHASHSEED": seed}).stdout
        for seed in ("1", "2")
    }
    assert len(digests) == 1
