"""Which part of a graph a snapshot shows: filters, the ego network of one actor, a top-k cap.

Pure functions from a ``build_graph``-shaped ``MultiDiGraph`` to a smaller one of the same shape (the
input is never changed). ``select`` applies them in a fixed order — filters, then focus, then the cap —
and returns notes that say, in words for the page, what each step left out. The cap counts actors
(named entities); the roles, things and quotes tied to a kept actor come with it, since the page folds
them into that actor's panel.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field
from enum import Enum

import networkx as nx
import numpy as np

from extract.model import CONCEPT_TYPES, normalize_name
from graph.errors import SelectionError

#: Default cap on the number of nodes in a snapshot (the precomputed layout draws 5,000 in ~2 s).
DEFAULT_TOP = 2000

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


class Rank(str, Enum):
    """How actors are ranked for the top-k cap."""

    degree = "degree"
    pagerank = "pagerank"
    evidence = "evidence"


@dataclass(frozen=True, kw_only=True)
class Filters:
    """Keep only these entity types / predicates (empty = all), evidence and date thresholds.

    Dates are ISO prefixes (``2025``, ``2025-04`` or ``2025-04-12``), inclusive at both ends; with a window,
    only evidence from articles published in it counts, and undated articles are left out.
    """

    types: frozenset[str] = frozenset()
    predicates: frozenset[str] = frozenset()
    min_count: int = 1
    min_confidence: float = 0.0
    since: str = ""
    until: str = ""

    def __post_init__(self) -> None:
        for name in ("since", "until"):
            value = getattr(self, name)
            if value and not _DATE.match(value):
                raise SelectionError(f"--{name} {value!r} is not a date; use YYYY, YYYY-MM or YYYY-MM-DD")
        if self.min_count < 1:
            raise SelectionError(f"--min-count must be at least 1, not {self.min_count}")
        if not 0.0 <= self.min_confidence <= 1.0:
            raise SelectionError(f"--min-confidence must be between 0 and 1, not {self.min_confidence}")

    @property
    def active(self) -> bool:
        return bool(self.types or self.predicates or self.min_count > 1 or self.min_confidence or self.since or self.until)

    def describe(self) -> str:
        parts = []
        if self.types:
            parts.append("types " + ", ".join(sorted(self.types)))
        if self.predicates:
            parts.append("predicates " + ", ".join(sorted(self.predicates)))
        if self.min_count > 1:
            parts.append(f"at least {self.min_count} pieces of evidence")
        if self.min_confidence:
            parts.append(f"confidence ≥ {self.min_confidence:g}")
        if self.since or self.until:
            parts.append(f"articles dated {self.since or '…'} to {self.until or '…'}")
        return "; ".join(parts)


@dataclass(frozen=True)
class Selection:
    """The graph to draw, one note per step that removed something, and what the cap chose from.

    ``pool`` is the graph before the top-k cap (after filters and focus), so the page can offer the
    neighbours the cap left out; ``rank`` is how the cap ranked nodes (the page labels by it too).
    """

    graph: nx.MultiDiGraph
    notes: list[str] = field(default_factory=list)
    pool: nx.MultiDiGraph | None = None
    rank: Rank = Rank.degree


def is_concept(data: dict) -> bool:
    """A role, thing or quote: a relation end that is not a named actor."""
    return data.get("type") in CONCEPT_TYPES


def _in_window(date: str, since: str, until: str) -> bool:
    if not date:
        return False
    return (not since or date[: len(since)] >= since) and (not until or date[: len(until)] <= until)


def filter_graph(graph: nx.MultiDiGraph, filters: Filters, *, keep: Iterable[Hashable] = ()) -> nx.MultiDiGraph:
    """Nodes of the wanted types, edges passing every threshold; ``keep`` nodes survive the type filter.

    With a date window, each edge keeps only evidence from articles in it (count, confidence and
    first/last seen recomputed), and a node needs an article in the window or a surviving edge.
    Nodes left without edges are kept unless the date window removed all their articles.
    """
    keep = set(keep)
    articles = graph.graph.get("articles", {})
    window = bool(filters.since or filters.until)
    dated = {aid: _in_window(a.get("published", ""), filters.since, filters.until) for aid, a in articles.items()}
    out = nx.MultiDiGraph()
    out.graph.update(graph.graph)
    for nid, data in graph.nodes(data=True):
        if filters.types and data.get("type") not in filters.types and nid not in keep:
            continue
        node = dict(data)
        if window:
            node["articles"] = [a for a in data.get("articles", []) if dated.get(a)]
        out.add_node(nid, **node)
    for u, v, key, data in graph.edges(keys=True, data=True):
        if u not in out or v not in out:
            continue
        if filters.predicates and data.get("predicate") not in filters.predicates:
            continue
        edge = dict(data)
        if window:
            evidence = [e for e in data.get("evidence", []) if dated.get(e.get("article_id"))]
            if not evidence:
                continue
            dates = sorted(articles[e["article_id"]]["published"] for e in evidence)
            edge.update(evidence=evidence, count=len(evidence), confidence=max(e.get("confidence", 0.0) for e in evidence),
                        first_seen=dates[0], last_seen=dates[-1])  # fmt: skip
        if edge.get("count", 1) < filters.min_count or edge.get("confidence", 0.0) < filters.min_confidence:
            continue
        out.add_edge(u, v, key=key, **edge)
    if window:
        out.remove_nodes_from([n for n, d in out.nodes(data=True) if not d["articles"] and not out.degree(n) and n not in keep])
        out.graph["articles"] = {aid: a for aid, a in articles.items() if dated[aid]}
    return out


def find_actor(graph: nx.MultiDiGraph, name: str) -> Hashable:
    """The node whose name, alias or id matches ``name`` (case-, accent- and punctuation-insensitive).

    Several matches: the most mentioned wins. None: ``SelectionError`` listing the closest names.
    """
    wanted = normalize_name(name)
    found = [
        nid
        for nid, data in graph.nodes(data=True)
        if wanted and wanted in {normalize_name(n) for n in (data.get("name", ""), *data.get("aliases", []), str(nid))}
    ]
    if found:
        return max(found, key=lambda n: (graph.nodes[n].get("mentions", 0), str(n)))
    names = sorted({str(n) for _, d in graph.nodes(data=True) for n in (d.get("name", ""), *d.get("aliases", [])) if n})
    close = difflib.get_close_matches(name, names, n=5, cutoff=0.5)
    close += [n for n in names if wanted and wanted in normalize_name(n) and n not in close][: 5 - len(close)]
    hint = f"; did you mean: {', '.join(close)}?" if close else "; check the spelling (names and aliases are searched)"
    raise SelectionError(f"no actor named {name!r} in the graph{hint}")


def ego_network(graph: nx.MultiDiGraph, center: Hashable, *, radius: int = 1) -> nx.MultiDiGraph:
    """``center`` and every node within ``radius`` hops (either direction), with all edges among them."""
    if radius < 0:
        raise SelectionError(f"--radius must be 0 or more, not {radius}")
    near = nx.single_source_shortest_path_length(graph.to_undirected(as_view=True), center, cutoff=radius)
    return ordered_subgraph(graph, near)


def _pagerank(graph: nx.MultiDiGraph, *, damping: float = 0.85, tol: float = 1e-10) -> dict[Hashable, float]:
    """PageRank by power iteration in NumPy (networkx's needs SciPy); parallel edges add weight."""
    nodes = list(graph)
    n = len(nodes)
    index = {node: i for i, node in enumerate(nodes)}
    src = np.array([index[u] for u, _ in graph.edges()], dtype=np.intp)
    dst = np.array([index[v] for _, v in graph.edges()], dtype=np.intp)
    out_degree = np.bincount(src, minlength=n).astype(float)
    rank = np.full(n, 1.0 / n)
    for _ in range(200):
        share = np.divide(rank, out_degree, out=np.zeros(n), where=out_degree > 0)
        dangling = rank[out_degree == 0].sum()
        new = np.bincount(dst, weights=share[src], minlength=n) * damping + (1 - damping + damping * dangling) / n
        if np.abs(new - rank).sum() < tol:
            rank = new
            break
        rank = new
    return {node: float(rank[i]) for i, node in enumerate(nodes)}


def scores(graph: nx.MultiDiGraph, by: Rank) -> dict[Hashable, float]:
    """Rank score per node: edge count, PageRank, or pieces of evidence on its edges."""
    if by is Rank.pagerank:
        return _pagerank(graph) if len(graph) else {}
    if by is Rank.evidence:
        total = dict.fromkeys(graph, 0.0)
        for u, v, count in graph.edges(data="count", default=1):
            total[u] += count
            total[v] += count
        return total
    return {n: float(d) for n, d in graph.degree()}


def ordered_subgraph(graph: nx.MultiDiGraph, keep: Iterable[Hashable]) -> nx.MultiDiGraph:
    """A copy of ``graph`` with only ``keep``, in the graph's own order (``subgraph`` of a small set iterates in
    the set's order, which depends on string hashing: the page, its layout and communities would change per run)."""
    keep = set(keep)
    sub = nx.MultiDiGraph()
    sub.graph.update(graph.graph)
    sub.add_nodes_from((n, dict(d)) for n, d in graph.nodes(data=True) if n in keep)
    sub.add_edges_from((u, v, k, dict(d)) for u, v, k, d in graph.edges(keys=True, data=True) if u in keep and v in keep)
    return sub


def top_actors(graph: nx.MultiDiGraph, *, k: int, by: Rank = Rank.degree, keep: Iterable[Hashable] = ()) -> Selection:
    """The ``k`` highest-ranked actors (ties by mentions, then id), ``keep`` first, with the roles, things and
    quotes tied to them and every edge among those nodes.

    A graph of concepts only (``--type ROLE``) is capped node by node. The note names no node: quotes are
    whole sentences, and the left-out neighbours of each node are offered in its panel instead.
    """
    if k < 1:
        raise SelectionError(f"--top must be at least 1, not {k}")
    actors = [n for n, d in graph.nodes(data=True) if not is_concept(d)] or list(graph)
    if len(actors) <= k:
        return Selection(graph, pool=graph, rank=by)
    score, keep = scores(graph, by), set(keep)
    ranked = sorted(actors, key=lambda n: (n not in keep, -score[n], -graph.nodes[n].get("mentions", 0), str(n)))
    chosen = set(ranked[:k])
    folded = {other for n in chosen for other in nx.all_neighbors(graph, n) if other not in chosen and is_concept(graph.nodes[other])}
    sub = ordered_subgraph(graph, chosen | folded)
    left_edges = graph.number_of_edges() - sub.number_of_edges()
    kind = "actors" if len(actors) < len(graph) else "nodes"
    note = (
        f"Showing the top {k:,} of {len(actors):,} {kind} by {by.value}"
        + (f" with the {len(folded):,} roles, things, quotes and sources tied to them" if folded else "")
        + f"; {len(actors) - k:,} {kind} and {left_edges:,} edges left out (lowest score shown {score[ranked[k - 1]]:.4g})."
    )
    return Selection(sub, [note], pool=graph, rank=by)


def select(
    graph: nx.MultiDiGraph,
    *,
    filters: Filters | None = None,
    focus: str | None = None,
    radius: int = 1,
    top: int | None = DEFAULT_TOP,
    rank: Rank = Rank.degree,
) -> Selection:
    """Filters, then the ego network of ``focus``, then the top-``top`` cap; notes for the page."""
    filters = filters or Filters()
    notes: list[str] = []
    center = find_actor(graph, focus) if focus else None
    current = graph
    if filters.active:
        current = filter_graph(graph, filters, keep=[center] if center is not None else [])
        notes.append(
            f"Filtered to {filters.describe()}: {len(current):,} of {len(graph):,} nodes and "
            f"{current.number_of_edges():,} of {graph.number_of_edges():,} edges kept."
        )
    if center is not None:
        before = len(current)
        current = ego_network(current, center, radius=radius)
        name = graph.nodes[center].get("name", center)
        notes.append(f"Ego network of {name} (radius {radius}): {len(current):,} of {before:,} nodes.")
    pool = current
    if top is not None:
        capped = top_actors(current, k=top, by=rank, keep=[center] if center is not None else [])
        current = capped.graph
        notes.extend(capped.notes)
    return Selection(current, notes, pool=pool, rank=rank)
