"""The named questions (``graph.store.cypher.TEMPLATES``) answered from a graph file, with networkx, no server.

Each question gives the rows its Cypher template gives on the same articles loaded into Neo4j: the same
columns, the same values, and the same order wherever the template's ``ORDER BY`` decides it (rows it
leaves tied come in graph order here and in no promised order from Neo4j). To get there the graph is read
the way the database holds it (``StoredGraph``):

* a predicate is the relationship type ``relationship_type`` makes of it; a predicate that cannot be a type
  is not in the database and is left out here too, and predicates that become the same type between the
  same two entities are one relationship whose evidence runs in article order;
* an entity type stands for its label (``ENTITY_LABELS``: ``ORG`` is ``:Organization``…);
* confidences are rounded to 4 places, as the store keeps them; ``count``, ``confidence``, ``first_seen``
  and ``last_seen`` are derived from the evidence exactly as ``cypher._DERIVED`` derives them;
* an actor is found by id, name or alias as ``cypher._named`` finds it: the id exactly, the name or any
  alias ignoring case (Python's ``str.lower``, which matches Neo4j's ``toLower`` outside a few
  locale-specific letters).

Where Cypher leaves something unspecified, the answer here is fixed and documented: ``connection`` returns
the shortest paths sorted by their actors and steps (Neo4j returns them in no set order, so when there are
more than ``limit`` paths the two may pick different ones), and ``comentions`` lists an actor's first three
article titles in article order (``collect(DISTINCT …)[0..3]`` takes whichever three come first).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from graph.errors import QueryTemplateError
from graph.store.cypher import ENTITY_LABELS, TEMPLATES, relationship_type

#: Relationship types ``members`` follows into an organisation (the template's ``[r:LEADS|…]``).
MEMBER_TYPES = ("LEADS", "WORKS_FOR", "MEMBER_OF", "SPOKESPERSON_FOR")
#: Hops ``connection`` looks along (the template's ``[*..4]``).
MAX_HOPS = 4


def _types_labelled(*labels: str) -> frozenset[str]:
    return frozenset(type_ for type_, label in ENTITY_LABELS.items() if label in labels)


ORGANISATION_TYPES = _types_labelled("Organization", "Group")
NOT_COMENTIONED = _types_labelled("Role", "Thing", "Quote")


@dataclass
class Relationship:
    """One relationship as the store holds it: its type and its evidence lists, items in parallel."""

    source: str
    type: str
    target: str
    articles: list[str] = field(default_factory=list)
    sentences: list[str] = field(default_factory=list)
    confidences: list[float] = field(default_factory=list)
    dates: list[str] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.articles)

    @property
    def confidence(self) -> float:
        return max([0.0, *self.confidences])

    @property
    def first_seen(self) -> str:
        return min((d for d in self.dates if d), default="")

    @property
    def last_seen(self) -> str:
        return max(self.dates, default="")


@dataclass(frozen=True)
class Answer:
    """A question's columns and rows (plain values, as ``graph.results.rows`` gives them for Cypher)."""

    keys: list[str]
    rows: list[dict[str, Any]]


class StoredGraph:
    """A ``build_graph``-shaped graph seen as the Neo4j store holds it; answers every named template."""

    def __init__(self, graph: nx.MultiDiGraph) -> None:
        self.graph = graph
        self.articles: dict[str, dict[str, str]] = graph.graph.get("articles", {})
        order = {aid: i for i, aid in enumerate(self.articles)}
        grouped: dict[tuple[str, str, str], list[list[dict[str, Any]]]] = {}
        types: dict[str, str | None] = {}  # a few hundred predicates for tens of thousands of edges
        for u, v, key, data in graph.edges(keys=True, data=True):
            predicate = str(data.get("predicate", key))
            if predicate not in types:
                types[predicate] = relationship_type(predicate)
            rel_type = types[predicate]
            if rel_type is not None:
                grouped.setdefault((u, rel_type, v), []).append(data.get("evidence", []))
        self.outgoing: dict[str, list[Relationship]] = {n: [] for n in graph}
        self.incoming: dict[str, list[Relationship]] = {n: [] for n in graph}
        for (u, rel_type, v), parts in grouped.items():
            evidence = [e for part in parts for e in part]
            if len(parts) > 1:  # the store appends each article's evidence as the article is loaded
                evidence.sort(key=lambda e: order.get(e["article_id"], len(order)))
            rel = Relationship(u, rel_type, v)
            for e in evidence:
                rel.articles.append(e["article_id"])
                rel.sentences.append(e.get("sentence", ""))
                rel.confidences.append(round(float(e.get("confidence", 0.0)), 4))
                rel.dates.append(self.articles.get(e["article_id"], {}).get("published", "") or "")
            self.outgoing[u].append(rel)
            self.incoming[v].append(rel)
        self.mentioned: dict[str, list[str]] = {}  # article → the entities it mentions
        for nid, data in graph.nodes(data=True):
            for aid in data.get("articles", []):
                self.mentioned.setdefault(aid, []).append(nid)
        self._undirected: nx.Graph | None = None

    # --- what the templates read --------------------------------------------------------------

    def name(self, nid: str) -> str:
        return self.graph.nodes[nid].get("name", "")

    def type(self, nid: str) -> str:
        return self.graph.nodes[nid].get("type", "")

    def named(self, value: str) -> list[str]:
        """Entities whose id is ``value`` or whose name or an alias is ``value`` ignoring case (``cypher._named``)."""
        low = value.lower()
        found = []
        for nid, data in self.graph.nodes(data=True):
            if nid == value or str(data.get("name", "")).lower() == low or any(str(a).lower() == low for a in data.get("aliases") or []):
                found.append(nid)
        return found

    def title(self, aid: str) -> str:
        return self.articles.get(aid, {}).get("title", "")

    # --- the templates ------------------------------------------------------------------------

    def roles(self, name: str) -> list[dict[str, Any]]:
        rows = [
            {"person": self.name(p), "role": self.name(r.target), "evidence": r.count, "confidence": r.confidence,
             "first_seen": r.first_seen, "last_seen": r.last_seen, "example": r.sentences[0], "articles": list(r.articles)}
            for p in self.named(name) for r in self.outgoing[p] if r.type == "HAS_ROLE"
        ]  # fmt: skip
        return sorted(rows, key=lambda row: (-row["evidence"], row["role"]))

    def members(self, name: str) -> list[dict[str, Any]]:
        rows = [
            {"organisation": self.name(o), "member": self.name(r.source), "relation": r.type, "evidence": r.count,
             "confidence": r.confidence, "example": r.sentences[0]}
            for o in self.named(name) if self.type(o) in ORGANISATION_TYPES
            for r in self.incoming[o] if r.type in MEMBER_TYPES
        ]  # fmt: skip
        return sorted(rows, key=lambda row: (row["relation"], -row["evidence"], row["member"]))

    def _between(self, u: str, v: str) -> list[Relationship]:
        return [r for r in self.outgoing[u] if r.target == v] + [r for r in self.outgoing[v] if r.target == u]

    def _paths(self, a: str, b: str) -> Iterator[list[Relationship]]:
        """Every shortest chain of relationships (either direction, at most ``MAX_HOPS``) from ``a`` to ``b``."""
        if self._undirected is None:
            self._undirected = nx.Graph()
            self._undirected.add_nodes_from(self.graph)
            self._undirected.add_edges_from((r.source, r.target) for rels in self.outgoing.values() for r in rels)
        try:
            hops = nx.shortest_path_length(self._undirected, a, b)
        except nx.NetworkXNoPath:
            return
        if hops > MAX_HOPS:
            return
        for nodes in sorted(nx.all_shortest_paths(self._undirected, a, b)):
            yield from map(list, itertools.product(*(self._between(u, v) for u, v in itertools.pairwise(nodes))))

    def connection(self, a: str, b: str, limit: int) -> list[dict[str, Any]]:
        rows: list[dict[str, Any]] = []
        for x in self.named(a):
            for y in self.named(b):
                if y == x:
                    continue
                found = []
                for chain in self._paths(x, y):
                    actors, here = [self.name(x)], x
                    for r in chain:
                        here = r.target if r.source == here else r.source
                        actors.append(self.name(here))
                    steps = [  # keys in the order Neo4j 5 returns this map, so --format json prints the same text
                        {"sentence": r.sentences[0], "predicate": r.type, "from": self.name(r.source), "to": self.name(r.target),
                         "articles": list(r.articles)}
                        for r in chain
                    ]  # fmt: skip
                    found.append({"actors": actors, "steps": steps})
                rows += sorted(found, key=lambda row: (row["actors"], [(s["from"], s["predicate"], s["to"]) for s in row["steps"]]))
        return rows[:limit]

    def comentions(self, name: str, limit: int) -> list[dict[str, Any]]:
        groups: dict[tuple[str, str], tuple[set[str], list[str]]] = {}
        for x in self.named(name):
            for aid in self.graph.nodes[x].get("articles", []):
                for other in self.mentioned.get(aid, []):
                    if other == x or self.type(other) in NOT_COMENTIONED:
                        continue
                    articles, titles = groups.setdefault((self.name(other), self.type(other)), (set(), []))
                    articles.add(aid)
                    if self.title(aid) not in titles:
                        titles.append(self.title(aid))
        rows = [{"name": n, "type": t, "articles": len(arts), "titles": titles[:3]} for (n, t), (arts, titles) in groups.items()]
        return sorted(rows, key=lambda row: (-row["articles"], row["name"]))[:limit]

    def about(self, name: str, limit: int) -> list[dict[str, Any]]:
        rows = []
        for y in self.named(name):
            names = [self.name(y), *self.graph.nodes[y].get("aliases", [])]
            for aid in self.graph.nodes[y].get("articles", []):
                for s in self.mentioned.get(aid, []):
                    if s == y:
                        continue
                    for r in self.outgoing[s]:
                        if r.type == "HAS_ROLE":
                            continue
                        for i, evidence_article in enumerate(r.articles):
                            if evidence_article == aid and (r.target == y or any(n in r.sentences[i] for n in names)):
                                meta = self.articles.get(aid, {})
                                rows.append({"who": self.name(s), "did": r.type, "what": self.name(r.target), "evidence": r.sentences[i],
                                             "article": meta.get("title", ""), "published": meta.get("published", "")})  # fmt: skip
        rows.sort(key=lambda row: row["who"])
        rows.sort(key=lambda row: row["published"], reverse=True)  # stable: ORDER BY published DESC, who
        return rows[:limit]

    # --- by name ------------------------------------------------------------------------------

    def ask(self, template: str, params: Mapping[str, Any] | None = None) -> Answer:
        """Answer the named ``template`` with ``params`` (its defaults filled in), as ``query --template`` would.

        Raises ``QueryTemplateError`` for an unknown template or a missing or ill-typed parameter.
        """
        values = template_parameters(template, params or {})
        keys, run = _QUESTIONS[template]
        args = {key: values[key] for key in (*TEMPLATES[template].params, *TEMPLATES[template].defaults)}
        return Answer(list(keys), run(self, **args))


def template_parameters(template: str, given: Mapping[str, Any]) -> dict[str, Any]:
    """``given`` over the named template's defaults, checked as the template needs them.

    Raises ``QueryTemplateError`` for an unknown template, a missing parameter, a name that is not text
    (``--param name=1984`` reads as a number) or a ``limit`` that is not a whole number of 0 or more.
    """
    if template not in TEMPLATES:
        raise QueryTemplateError(f"unknown template {template!r}; known: {', '.join(TEMPLATES)} (see --list-templates)")
    chosen = TEMPLATES[template]
    try:
        values = chosen.parameters(dict(given))
    except KeyError as missing:
        raise QueryTemplateError(f"template {template!r} needs --param {missing.args[0]}=…") from None
    for key in chosen.params:
        if not isinstance(values[key], str):
            raise QueryTemplateError(f"--param {key} must be text, not {values[key]!r}; quote it as JSON: --param '{key}=\"{values[key]}\"'")
    limit = values.get("limit", 0)
    if "limit" in values and (isinstance(limit, bool) or not isinstance(limit, int) or limit < 0):
        raise QueryTemplateError(f"--param limit must be a whole number of 0 or more, not {limit!r}")
    return values


#: Template name → (its RETURN columns, the method that answers it).
_QUESTIONS: dict[str, tuple[tuple[str, ...], Callable[..., list[dict[str, Any]]]]] = {
    "roles": (("person", "role", "evidence", "confidence", "first_seen", "last_seen", "example", "articles"), StoredGraph.roles),
    "members": (("organisation", "member", "relation", "evidence", "confidence", "example"), StoredGraph.members),
    "connection": (("actors", "steps"), StoredGraph.connection),
    "comentions": (("name", "type", "articles", "titles"), StoredGraph.comentions),
    "about": (("who", "did", "what", "evidence", "article", "published"), StoredGraph.about),
}


def columns(template: str) -> list[str]:
    """The columns ``template`` returns, in order."""
    return list(_QUESTIONS[template][0])


def ask(graph: nx.MultiDiGraph, template: str, params: Mapping[str, Any] | None = None) -> Answer:
    """Answer one named question from ``graph``; see ``StoredGraph.ask``."""
    return StoredGraph(graph).ask(template, params)
