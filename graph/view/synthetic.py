"""Synthetic news graphs in ``build_graph``'s shape, for benchmarks and size tests of the snapshot.

Real corpora big enough to give 5,000 actors take minutes to extract; this makes a graph of any size in
well under a second with the same attributes and a news-like structure: each article adds a small
cluster of entities, some of them new, some well-known actors chosen with a heavy-tailed preference,
so hubs and a large connected part appear as they do in a real corpus.
"""

from __future__ import annotations

import random

import networkx as nx

_TYPES = ("PERSON", "PERSON", "PERSON", "ORG", "ORG", "GPE", "ROLE", "THING", "THING", "NORP")
_PREDICATES = ("HAS_ROLE", "WORKS_FOR", "LEADS", "MEMBER_OF", "VISIT", "SAY", "PUBLISH", "MEET", "CRITICISE")


def synthetic_graph(nodes: int, *, seed: int = 1, entities_per_article: int = 6) -> nx.MultiDiGraph:
    """A graph of exactly ``nodes`` entities; articles are added until that many exist."""
    rng = random.Random(seed)
    graph = nx.MultiDiGraph()
    articles: dict[str, dict[str, str]] = {}
    known: list[str] = []
    weights: list[float] = []  # preferential attachment: each appearance makes an actor likelier again
    while len(graph) < nodes:
        art = f"a{len(articles)}"
        articles[art] = {
            "title": f"Synthetic report {len(articles)}", "url": "", "source": "synthetic",
            "published": f"2024-{1 + len(articles) % 12:02d}-{1 + len(articles) % 28:02d}", "content_hash": "",
        }  # fmt: skip
        members: list[str] = []
        for _ in range(entities_per_article):
            if known and rng.random() < 0.55:
                nid = rng.choices(known, weights=weights)[0]
            elif len(graph) < nodes:
                type_ = rng.choice(_TYPES)
                nid = f"{type_.lower()}:synthetic-{len(graph)}"
                graph.add_node(nid, name=f"{type_.title()} {len(graph)}", type=type_, aliases=[], mentions=0,
                               articles=[], merged_from={})  # fmt: skip
                known.append(nid)
                weights.append(1.0)
            else:
                continue
            node = graph.nodes[nid]
            node["mentions"] += rng.randint(1, 4)
            if art not in node["articles"]:
                node["articles"].append(art)
            weights[int(nid.rsplit("-", 1)[1])] += 1.0
            members.append(nid)
        for src, dst in zip(members, members[1:]):
            if src == dst:
                continue
            pred = rng.choice(_PREDICATES)
            if not graph.has_edge(src, dst, key=pred):
                graph.add_edge(src, dst, key=pred, predicate=pred, evidence=[])
            graph.edges[src, dst, pred]["evidence"].append(
                {"article_id": art, "sentence": f"{graph.nodes[src]['name']} and {graph.nodes[dst]['name']} met.",
                 "source_span": [0, 1], "target_span": [2, 3], "rule": "synthetic", "confidence": 0.7}
            )  # fmt: skip
    for _, _, edge in graph.edges(data=True):
        dates = sorted(articles[e["article_id"]]["published"] for e in edge["evidence"])
        edge.update(count=len(edge["evidence"]), confidence=0.7, first_seen=dates[0], last_seen=dates[-1])
    graph.graph["articles"] = articles
    return graph
