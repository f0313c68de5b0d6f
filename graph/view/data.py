"""A selected graph → the compact data the explorer page embeds (one JSON object; the page reads nothing else).

Everything the page can show must be in here, since it makes no request: every node with its position,
community and rank score, every relation with all its evidence, the articles behind them, and the
neighbours that the ``--top`` cap left out (a bounded number per node, with fewer pieces of evidence).

The layout is columnar (one list per attribute, nodes and relations referred to by position) and
repeated strings are stored once (sentences, article titles, predicates, types, rules), which keeps a
5,000-actor page to a few megabytes. Attributes are read defensively: graph files from older builds,
Cypher results and future node types all render.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Hashable
from typing import Any
from urllib.parse import urlsplit

import networkx as nx

from graph.analysis import community_ids
from graph.view.layout import force_layout
from graph.view.select import Rank, is_concept, scores

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
    "SOURCE": ("#ff9da7", "dot", "●"),
}
DEFAULT_STYLE = ("#999999", "dot", "●")
#: Community colours, largest community first; communities past the palette (or of one actor) are grey.
PALETTE = (
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#393b79",
    "#ad494a", "#637939", "#7b4173", "#3182bd", "#e6550d", "#31a354", "#756bb1", "#843c39", "#8c6d31", "#636363",
)  # fmt: skip
#: Up to this many left-out neighbours per shown node are embedded, and at most this many in all.
EXPAND_PER_NODE = 25
EXPAND_BUDGET = 2000
#: Pieces of evidence embedded per relation to a left-out neighbour (relations in the view keep all).
EXPAND_EVIDENCE = 3
MAX_ALIASES = 12
_FORMER = re.compile(r"^(?:former|ex|one-time|onetime|erstwhile|retired)[\s-]+", re.I)
_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?")


def day(value: Any) -> str:
    """``YYYY-MM-DD`` (or ``YYYY-MM``, ``YYYY``) prefix of a publication date; "" when it has none."""
    match = _DATE.match(str(value or ""))
    return match.group(0) if match else ""


def safe_url(value: Any) -> str:
    """The URL if it is an absolute http(s) address, else "" (so a ``javascript:`` URL never becomes a link)."""
    text = str(value or "").strip()
    try:
        parts = urlsplit(text)
    except ValueError:
        return ""
    return text if parts.scheme in ("http", "https") and parts.netloc and not any(c.isspace() for c in text) else ""


def role_base(name: str) -> tuple[str, bool]:
    """A role's name without "former"/"ex-" and whether it had it: ("chief executive", True)."""
    base = _FORMER.sub("", name.strip())
    return base, base != name.strip()


def tenures(graph: nx.MultiDiGraph, node: Hashable) -> list[dict[str, Any]]:
    """The roles of ``node`` (``HAS_ROLE`` edges), a "former" role closing the tenure of the same role.

    One row per role without "former": first and last date it was evidenced as current, and the first
    date it was called former (``ended``: the tenure had ended by then). A role known only as former has
    ``former=True`` and no current dates. Undated evidence leaves the dates empty.
    """
    articles = graph.graph.get("articles", {})
    rows: dict[str, dict[str, Any]] = {}
    for _, role, data in graph.out_edges(node, data=True):
        if data.get("predicate") != "HAS_ROLE":
            continue
        name = str(graph.nodes[role].get("name", role))
        base, former = role_base(name)
        row = rows.setdefault(base.casefold(), {"role": base, "first": "", "last": "", "ended": "", "former": True, "count": 0})
        dates = sorted(d for d in (day(articles.get(e.get("article_id"), {}).get("published")) for e in data.get("evidence", [])) if d)
        row["count"] += int(data.get("count") or len(data.get("evidence", [])) or 1)
        if former:
            if dates and (not row["ended"] or dates[0] < row["ended"]):
                row["ended"] = dates[0]
        else:
            row["role"], row["former"] = base, False
            if dates:
                row["first"] = min(filter(None, (row["first"], dates[0])))
                row["last"] = max(row["last"], dates[-1])
    return sorted(rows.values(), key=lambda r: (r["former"], r["first"] or "9999", r["role"]))


class _Table:
    """Strings stored once; ``add`` returns the position."""

    def __init__(self) -> None:
        self.items: list[Any] = []
        self._index: dict[Any, int] = {}

    def add(self, item: Any) -> int:
        if item not in self._index:
            self._index[item] = len(self.items)
            self.items.append(item)
        return self._index[item]


def _positions(graph: nx.MultiDiGraph, seed: int) -> dict[Hashable, tuple[float, float]]:
    """Actors with ties laid out by force; actors without one on a grid below them (big pages hide those);
    each role, thing or quote on a small sunflower around the actor it belongs to."""
    actors = [n for n, d in graph.nodes(data=True) if not is_concept(d)] or list(graph)
    wanted = set(actors)
    ties = [(u, v) for u, v in graph.edges() if u != v and u in wanted and v in wanted]
    tied = {n for pair in ties for n in pair}
    simple = nx.Graph()  # built in the graph's order: the layout must not depend on string hashing
    simple.add_nodes_from(n for n in actors if n in tied)
    simple.add_edges_from(ties)
    positions = force_layout(simple, seed=seed) if tied else {}
    alone = [n for n in actors if n not in positions]
    if alone:
        xs = [x for x, _ in positions.values()] or [0.0]
        ys = [y for _, y in positions.values()] or [0.0]
        width = max(max(xs) - min(xs), 60.0 * math.sqrt(len(alone)))
        columns = max(1, int(width // 60))
        for i, n in enumerate(sorted(alone, key=lambda n: (-int(graph.nodes[n].get("mentions") or 0), str(n)))):
            positions[n] = (min(xs) + 60.0 * (i % columns), max(ys) + 90.0 + 60.0 * (i // columns))
    owners: dict[Hashable, list[Hashable]] = {}
    for n in graph:
        if n not in positions:
            owner = next((m for m in nx.all_neighbors(graph, n) if m in positions), None)
            owners.setdefault(owner, []).append(n)
    for owner, items in owners.items():
        cx, cy = positions.get(owner, (0.0, 0.0))
        for i, n in enumerate(items):
            angle, radius = 2.4 * i, 24 + 4 * math.sqrt(i)  # a sunflower: no two on the same spot
            positions[n] = (cx + radius * math.cos(angle), cy + radius * math.sin(angle))
    return positions


def _left_out(graph: nx.MultiDiGraph, pool: nx.MultiDiGraph) -> tuple[dict[Hashable, list[Hashable]], dict[Hashable, int]]:
    """Per shown node: the actors of ``pool`` next to it that the cap left out (most evidence first, at most
    ``EXPAND_PER_NODE``, ``EXPAND_BUDGET`` in all), and how many there are in all."""
    strength: dict[Hashable, Counter] = {}
    for u, v, data in pool.edges(data=True):
        count = int(data.get("count") or 1)
        for here, there in ((u, v), (v, u)):
            if here in graph and there not in graph and not is_concept(pool.nodes[there]):
                strength.setdefault(here, Counter())[there] += count
    chosen: dict[Hashable, list[Hashable]] = {}
    total = {node: len(others) for node, others in strength.items()}
    embedded: set[Hashable] = set()
    for node in sorted(strength, key=lambda n: -sum(strength[n].values())):
        picks = [n for n, _ in sorted(strength[node].items(), key=lambda item: (-item[1], str(item[0])))[:EXPAND_PER_NODE]]
        picks = [n for n in picks if n in embedded or len(embedded) < EXPAND_BUDGET]
        embedded.update(picks)
        if picks:
            chosen[node] = picks
    return chosen, total


def explorer_data(graph: nx.MultiDiGraph, *, pool: nx.MultiDiGraph | None = None, rank: Rank = Rank.degree, seed: int = 7) -> dict[str, Any]:
    """The page's data for ``graph``; ``pool`` (a larger graph containing it) supplies left-out neighbours."""
    articles_meta = graph.graph.get("articles", {}) or {}
    if pool is not None:
        articles_meta = {**(pool.graph.get("articles", {}) or {}), **articles_meta}
    positions = _positions(graph, seed)
    score = scores(graph, rank) if len(graph) else {}
    community = {n: c for n, c in community_ids(graph, seed=seed).items() if not is_concept(graph.nodes[n])}  # concepts: none
    sizes = Counter(community.values())
    reserve, reserve_total = _left_out(graph, pool) if pool is not None and len(pool) > len(graph) else ({}, {})
    extra = sorted({n for picks in reserve.values() for n in picks}, key=str)
    source = pool if pool is not None else graph

    types, predicates, rules, sentences, articles = _Table(), _Table(), _Table(), _Table(), _Table()
    article_rows: list[list[str]] = []  # title, day, http(s) URL, site name, authors

    def article(aid: Any) -> int:
        aid = str(aid or "")
        known = len(articles.items)
        index = articles.add(aid)
        if index == known:
            meta = articles_meta.get(aid, {}) or {}
            site = meta.get("site_name") or meta.get("site") or ""
            authors = meta.get("authors") or []
            authors = ", ".join(str(a) for a in authors) if isinstance(authors, (list, tuple)) else str(authors)
            article_rows.append([str(meta.get("title") or aid), day(meta.get("published")), safe_url(meta.get("url")), str(site), authors])
        return index

    index: dict[Hashable, int] = {}
    nodes: dict[str, list[Any]] = {k: [] for k in ("name", "type", "aliases", "mentions", "articles", "x", "y", "size", "community",
                                                   "score", "cap", "more", "roles")}  # fmt: skip
    for nid in [*graph, *extra]:
        data = source.nodes[nid]
        index[nid] = len(index)
        x, y = positions.get(nid, (0.0, 0.0))
        mentions = int(data.get("mentions") or 0)
        name = str(data.get("name") or nid)
        nodes["name"].append(name)
        nodes["type"].append(types.add(str(data.get("type") or "")))
        nodes["aliases"].append([str(a) for a in (data.get("aliases") or []) if str(a) != name][:MAX_ALIASES])
        nodes["mentions"].append(mentions)
        nodes["articles"].append([article(a) for a in data.get("articles") or []])
        nodes["x"].append(round(x, 1))
        nodes["y"].append(round(y, 1))
        nodes["size"].append(round(7 + 3 * math.log1p(mentions), 1))
        c = community.get(nid, -1)
        nodes["community"].append(c if c >= 0 and sizes[c] > 1 else -1)
        nodes["score"].append(round(score.get(nid, 0.0), 6))
        nodes["cap"].append(1 if nid not in graph else 0)
        nodes["more"].append(reserve_total.get(nid, 0))
        nodes["roles"].append([[r["role"], r["first"], r["last"], r["ended"], int(r["former"]), r["count"]] for r in tenures(graph, nid)]
                              if nid in graph else [])  # fmt: skip

    relations: dict[str, list[Any]] = {"from": [], "to": [], "predicate": [], "count": [], "evidence": []}

    def relation(u: Hashable, v: Hashable, data: dict[str, Any], limit: int | None) -> None:
        evidence = list(data.get("evidence") or [])
        relations["from"].append(index[u])
        relations["to"].append(index[v])
        relations["predicate"].append(predicates.add(str(data.get("predicate") or "RELATED")))
        relations["count"].append(max(int(data.get("count") or 0), len(evidence), 1))
        relations["evidence"].append([
            [article(e.get("article_id")), sentences.add(str(e.get("sentence") or "")), round(float(e.get("confidence") or 0.0), 3),
             rules.add(str(e.get("rule") or ""))]
            for e in evidence[:limit]
        ])  # fmt: skip

    for u, v, data in graph.edges(data=True):
        relation(u, v, data, None)
    if pool is not None:
        wanted = set(extra)
        for u, v, data in pool.edges(data=True):
            if (u in wanted and v in graph) or (v in wanted and u in graph):
                relation(u, v, data, EXPAND_EVIDENCE)

    ranked_communities = sorted({c for c in nodes["community"] if c >= 0})
    members: dict[int, list[int]] = {}
    for i, c in enumerate(nodes["community"]):
        if c >= 0:
            members.setdefault(c, []).append(i)
    renumber = {c: k for k, c in enumerate(ranked_communities)}
    nodes["community"] = [renumber.get(c, -1) for c in nodes["community"]]
    between = nx.Graph()
    between.add_nodes_from(range(len(ranked_communities)))
    for u, v in zip(relations["from"], relations["to"]):
        cu, cv = nodes["community"][u], nodes["community"][v]
        if cu >= 0 and cv >= 0 and cu != cv:
            between.add_edge(cu, cv)
    spread = force_layout(between, seed=seed, scale=300.0)  # the communities view: one dot per community
    community_rows = []
    for c in ranked_communities:
        top = sorted(members[c], key=lambda i: (-nodes["score"][i], -nodes["mentions"][i], nodes["name"][i]))
        x, y = spread.get(renumber[c], (0.0, 0.0))
        community_rows.append({"name": ", ".join(nodes["name"][i] for i in top[:3]), "size": len(top), "top": top[:10], "x": round(x, 1), "y": round(y, 1),
                               "color": PALETTE[renumber[c]] if renumber[c] < len(PALETTE) else "#a0a0a0"})  # fmt: skip
    return {
        "types": [{"name": t or "?", "color": STYLE.get(t, DEFAULT_STYLE)[0], "shape": STYLE.get(t, DEFAULT_STYLE)[1],
                   "glyph": STYLE.get(t, DEFAULT_STYLE)[2], "concept": is_concept({"type": t})} for t in types.items],  # fmt: skip
        "predicates": predicates.items,
        "rules": rules.items,
        "sentences": sentences.items,
        "articles": article_rows,
        "nodes": nodes,
        "relations": relations,
        "communities": community_rows,
        "reserve": {str(index[n]): [index[m] for m in picks] for n, picks in reserve.items()},
        "rank": rank.value,
    }
