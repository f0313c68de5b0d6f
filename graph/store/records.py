"""A Cypher query's result (paths, nodes, relationships) → a ``MultiDiGraph`` in ``build_graph``'s shape.

So ``newsgraph view --cypher "MATCH p=… RETURN p"`` draws exactly what a query returns with the same
page as a built graph. The layout read here is the one ``graph.store`` writes (see ``graph.store.cypher``):
``:Entity`` nodes with ``id``/``name``/``type``/``aliases``/``mentions``, ``:Article`` nodes, and
relationships whose evidence is kept in parallel lists (``articles``, ``sentences``, ``rules``,
``confidences``, ``dates`` and the ends' offsets ``source_starts``… ``target_ends``). Anything else a query returns (scalars, maps of them) is ignored.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import networkx as nx

from graph.store.cypher import ENTITY_LABELS

#: Node label → our entity type, for nodes stored without a ``type`` property (first type wins).
_TYPE_OF_LABEL = {label: type_ for type_, label in reversed(ENTITY_LABELS.items())}

#: Article metadata for the evidence in a result, fetched after the user's query (values as parameters).
ARTICLES_QUERY = "MATCH (a:Article) WHERE a.id IN $ids RETURN a.id AS id, a.title AS title, a.published AS published"


def _is_path(value: Any) -> bool:
    return hasattr(value, "relationships") and hasattr(value, "nodes") and hasattr(value, "start_node")


def _is_relationship(value: Any) -> bool:
    return hasattr(value, "start_node") and hasattr(value, "end_node") and hasattr(value, "type")


def _is_node(value: Any) -> bool:
    return hasattr(value, "labels") and hasattr(value, "element_id")


class _Collector:
    """Gathers nodes and relationships from nested record values, each element once."""

    def __init__(self) -> None:
        self.nodes: dict[str, Any] = {}
        self.relationships: dict[str, Any] = {}

    def add(self, value: Any) -> None:
        if _is_path(value):
            for node in value.nodes:
                self.add(node)
            for rel in value.relationships:
                self.add(rel)
        elif _is_relationship(value):
            self.relationships.setdefault(value.element_id, value)
            self.add(value.start_node)
            self.add(value.end_node)
        elif _is_node(value):
            known = self.nodes.get(value.element_id)
            if known is None or len(value) > len(known):  # a relationship's end may carry no properties
                self.nodes[value.element_id] = value
        elif isinstance(value, dict):
            for item in value.values():
                self.add(item)
        elif isinstance(value, (list, tuple)):
            for item in value:
                self.add(item)


def _node_id(node: Any) -> str:
    return str(node.get("id") or f"neo4j:{node.element_id}")


def graph_from_records(records: Iterable[Any]) -> nx.MultiDiGraph:
    """Every node, relationship and path in ``records`` (driver ``Record`` objects or lists of values).

    ``:Article`` nodes become ``graph.graph["articles"]`` entries and ``MENTIONS`` relationships add the
    article to the entity's ``articles`` instead of being drawn; everything else is drawn.
    """
    found = _Collector()
    for record in records:
        found.add(list(record.values()) if hasattr(record, "values") and not isinstance(record, dict) else record)
    graph = nx.MultiDiGraph()
    articles: dict[str, dict[str, str]] = {}
    ids: dict[str, str] = {}
    for element_id, node in found.nodes.items():
        nid = _node_id(node)
        ids[element_id] = nid
        if "Article" in node.labels:
            articles[nid] = {"title": str(node.get("title") or ""), "published": str(node.get("published") or "")}
            continue
        labels = sorted(label for label in node.labels if label != "Entity")
        graph.add_node(
            nid,
            name=str(node.get("name") or node.get("title") or nid),
            type=str(node.get("type") or next((_TYPE_OF_LABEL[x] for x in labels if x in _TYPE_OF_LABEL), "")),
            aliases=[str(a) for a in node.get("aliases") or []],
            mentions=int(node.get("mentions") or 0),
            articles=[],
            article_count=int(node.get("article_count") or 0),
        )
    for rel in found.relationships.values():
        src, dst = ids[rel.start_node.element_id], ids[rel.end_node.element_id]
        if rel.type == "MENTIONS" and src in articles:
            if dst in graph and src not in graph.nodes[dst]["articles"]:
                graph.nodes[dst]["articles"].append(src)
            continue
        if src in articles or dst in articles:
            continue
        graph.add_edge(src, dst, key=rel.type, **_edge(rel))
    graph.graph["articles"] = articles
    return graph


def _edge(rel: Any) -> dict[str, Any]:
    lists = [list(rel.get(name) or []) for name in ("articles", "sentences", "rules", "confidences")]
    offsets = [list(rel.get(name) or []) for name in ("source_starts", "source_ends", "target_starts", "target_ends")]
    evidence = [
        {"article_id": str(aid), "sentence": str(sentence), "rule": str(rule), "confidence": float(conf)}
        for aid, sentence, rule, conf in zip(*lists, strict=False)
    ]
    if all(len(o) == len(evidence) for o in offsets):  # stored since the offsets were kept (older graphs lack them)
        for item, (ss, se, ts, te) in zip(evidence, zip(*offsets, strict=True), strict=True):
            item["source_span"], item["target_span"] = [int(ss), int(se)], [int(ts), int(te)]
    return {
        "predicate": rel.type,
        "evidence": evidence,
        "count": int(rel.get("count") or len(evidence) or 1),
        "confidence": float(rel.get("confidence") or max((e["confidence"] for e in evidence), default=0.0)),
        "first_seen": str(rel.get("first_seen") or ""),
        "last_seen": str(rel.get("last_seen") or ""),
    }


def graph_from_cypher(driver: Any, query: str, *, parameters: dict[str, Any] | None = None, database: str | None = None) -> nx.MultiDiGraph:
    """Run ``query`` read-only through ``driver`` (passed in, not closed) and convert its result.

    Article titles and dates for the evidence are fetched with a second, parameterised query, so
    tooltips name articles even when the query did not return them.
    """
    with driver.session(database=database) as session:
        graph = session.execute_read(lambda tx: graph_from_records(list(tx.run(query, parameters or {}))))
        wanted = sorted({e["article_id"] for _, _, d in graph.edges(data=True) for e in d["evidence"]} - set(graph.graph["articles"]))
        if wanted:
            rows = session.execute_read(lambda tx: [r.data() for r in tx.run(ARTICLES_QUERY, {"ids": wanted})])
            for row in rows:
                graph.graph["articles"][row["id"]] = {"title": row["title"] or "", "published": row["published"] or ""}
    return graph
