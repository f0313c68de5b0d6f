"""Synthetic news graphs in ``build_graph``'s shape, for benchmarks and size tests of the snapshot.

Real corpora big enough to give 5,000 actors take minutes to extract; this makes a graph of any size in
well under a second with the same attributes and a news-like structure: each article adds a small
cluster of actors, some of them new, some well-known actors chosen with a heavy-tailed preference, so
hubs and a large connected part appear as they do in a real corpus; actors in one article are tied to
each other (about ``ties_per_actor`` relations per actor in all), and some get a role, a quote or a thing.
"""

from __future__ import annotations

import random

import networkx as nx

_TYPES = ("PERSON", "PERSON", "PERSON", "ORG", "ORG", "GPE", "NORP")
_PREDICATES = ("WORKS_FOR", "LEADS", "MEMBER_OF", "VISIT", "MEET", "CRITICISE", "SUPPORT", "BASED_IN")
_CONCEPTS = (("ROLE", "HAS_ROLE", "minister"), ("QUOTE", "SAID", "We will not give up"), ("THING", "PUBLISH", "report"))


def synthetic_graph(actors: int, *, seed: int = 1, ties_per_actor: float = 4.0, concepts: float = 0.3) -> nx.MultiDiGraph:
    """A graph of exactly ``actors`` actor nodes, plus about ``concepts`` × as many roles, quotes and things."""
    rng = random.Random(seed)
    graph = nx.MultiDiGraph()
    articles: dict[str, dict[str, str]] = {}
    # Preferential attachment: an actor is in ``seen`` once when created and once more per appearance.
    seen: list[str] = []
    count = 0
    per_article = 6
    # New actors per article ≈ per_article × 0.45; pick that many × ties_per_actor pairs among the members.
    pairs = max(1, round(per_article * 0.45 * ties_per_actor))

    def evidence(art: str, sentence: str) -> dict:
        return {"article_id": art, "sentence": sentence, "source_span": [0, 1], "target_span": [2, 3], "rule": "synthetic", "confidence": 0.7}

    def tie(src: str, dst: str, pred: str, art: str, sentence: str) -> None:
        if not graph.has_edge(src, dst, key=pred):
            graph.add_edge(src, dst, key=pred, predicate=pred, evidence=[])
        graph.edges[src, dst, pred]["evidence"].append(evidence(art, sentence))

    while count < actors:
        art = f"a{len(articles)}"
        articles[art] = {
            "title": f"Synthetic report {len(articles)}", "url": "", "source": "synthetic",
            "published": f"2024-{1 + len(articles) % 12:02d}-{1 + len(articles) % 28:02d}", "content_hash": "",
        }  # fmt: skip
        members: list[str] = []
        for _ in range(per_article):
            if seen and rng.random() < 0.55:
                nid = rng.choice(seen)
            elif count < actors:
                type_ = rng.choice(_TYPES)
                nid = f"{type_.lower()}:synthetic-{count}"
                graph.add_node(nid, name=f"{type_.title()} {count}", type=type_, aliases=[], mentions=0, articles=[], merged_from={})
                seen.append(nid)
                count += 1
                if rng.random() < concepts:
                    ctype, pred, text = rng.choice(_CONCEPTS)
                    cid = f"{ctype.lower()}:synthetic-{count}"
                    graph.add_node(cid, name=f"{text} {count}", type=ctype, aliases=[], mentions=1, articles=[art], merged_from={})
                    tie(nid, cid, pred, art, f"{graph.nodes[nid]['name']} {pred.lower()} {text}.")
            else:
                continue
            node = graph.nodes[nid]
            node["mentions"] += rng.randint(1, 4)
            if art not in node["articles"]:
                node["articles"].append(art)
            seen.append(nid)
            members.append(nid)
        unique = sorted(set(members), key=members.index)
        candidates = [(a, b) for i, a in enumerate(unique) for b in unique[i + 1 :]]
        for src, dst in rng.sample(candidates, min(pairs, len(candidates))):
            pred = rng.choice(_PREDICATES)
            tie(src, dst, pred, art, f"{graph.nodes[src]['name']} and {graph.nodes[dst]['name']} met.")
    for _, _, edge in graph.edges(data=True):
        dates = sorted(articles[e["article_id"]]["published"] for e in edge["evidence"])
        edge.update(count=len(edge["evidence"]), confidence=0.7, first_seen=dates[0], last_seen=dates[-1])
    graph.graph["articles"] = articles
    return graph
