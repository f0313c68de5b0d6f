"""Extractions + a resolution → each article's share of the graph: its entities, edges and evidence.

The one place where an article's extraction is folded into resolved nodes and edges. ``graph.build``
adds the shares of all articles into a networkx graph; ``graph.store`` turns each share into the rows
it writes to Neo4j. Both therefore agree on which nodes an article mentions, under which names, and
which evidence it gives each edge.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from extract.model import ArticleExtraction
from extract.resolve import Resolution


@dataclass
class EntityShare:
    """What one article says of one resolved entity."""

    id: str
    first: tuple[str, str]  # (name, type) of the article's first entity resolved to ``id``
    own: tuple[str, str] | None = None  # (name, type) of the article's entity whose id *is* ``id``
    mentions: int = 0
    names: list[str] = field(default_factory=list)  # name and aliases as the article gives them, each once
    merged: dict[str, str] = field(default_factory=dict)  # the article's ids merged into ``id`` → reason


@dataclass
class Share:
    """One article's contribution: metadata, entities (in order of first mention) and edge evidence."""

    article: dict[str, str]
    entities: dict[str, EntityShare]
    edges: dict[tuple[str, str, str], list[dict[str, Any]]]  # (source, predicate, target) → evidence
    unlinked: int = 0  # relations whose ends are not entities of the article (the contract forbids them)


def article_row(extraction: ArticleExtraction) -> dict[str, Any]:
    art = extraction.article
    return {
        "title": art.title, "url": art.url, "published": art.published, "source": art.source,
        "authors": list(art.authors), "site_name": art.site_name, "content_hash": art.content_hash,
    }  # fmt: skip


def share(extraction: ArticleExtraction, canonical: Callable[[str], str] | Resolution, reasons: dict[str, str]) -> Share:
    """Fold one article: entities under their canonical ids; relations between two names of one actor dropped.

    Given a ``Resolution``, its names kept apart in this article stay apart, and each resolved actor
    takes the name and type the resolution decided for it.
    """
    art = extraction.article
    display: dict[str, tuple[str, str]] = {}
    if isinstance(canonical, Resolution):
        display = canonical.display
        canonical = canonical.for_article(art.id)
    entities: dict[str, EntityShare] = {}
    for entity in extraction.entities:
        nid = canonical(entity.id)
        part = entities.get(nid)
        if part is None:
            part = entities[nid] = EntityShare(nid, display.get(nid, (entity.name, entity.type)))
        if nid in display:
            part.own = display[nid]
        elif nid == entity.id:
            part.own = (entity.name, entity.type)
        if nid != entity.id:
            part.merged.setdefault(entity.id, reasons.get(entity.id, ""))
        for name in (entity.name, *entity.aliases):
            if name not in part.names:
                part.names.append(name)
        part.mentions += len(entity.mentions)
    edges: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
    unlinked = 0
    for rel in extraction.relations:
        src, dst = canonical(rel.source), canonical(rel.target)
        if src not in entities or dst not in entities:
            unlinked += 1
            continue
        if src == dst:
            continue
        ev = rel.evidence
        edges.setdefault((src, rel.predicate, dst), []).append(
            {
                "article_id": ev.article_id, "sentence": ev.sentence, "source_span": list(ev.source_span),
                "target_span": list(ev.target_span), "rule": ev.rule, "confidence": rel.confidence,
            }  # fmt: skip
        )
    return Share({"id": art.id, **article_row(extraction)}, entities, edges, unlinked)
