"""The Neo4j writer: loads extractions idempotently, replaces changed articles, removes articles.

Every article's contribution is kept apart inside the graph, so it can be taken out again exactly:
its ``MENTIONS`` edges (count and names per entity) and its items in each relationship's parallel
evidence lists (see ``graph.cypher``). Node and relationship totals are derived from those, never
incremented blindly, so loading the same article twice changes nothing. Each article's content hash
(and metadata) is stored on its ``:Article`` node and checked first: unchanged articles cost one
lookup, changed ones have their old contribution replaced, and entities or relationships no
remaining article supports are deleted.

The driver is always passed in (``connect`` makes one from settings); writes go in ``UNWIND $rows``
batches, one transaction per batch of articles, so a failure never leaves half an article behind.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, fields
from typing import Any

import neo4j

from extract.model import Article, ArticleExtraction, Entity
from extract.resolve import MergeRules, Resolution, resolve
from graph.fold import share
from graph.store import cypher
from graph.store.connection import translate_errors

#: Rows (entities + relations) per write transaction; Neo4j's guidance is 1k–10k.
BATCH_ROWS = 5000
#: Ids per lookup or removal transaction.
ID_BATCH = 5000


def fingerprint(article: Article) -> tuple[str, str, str, str, str]:
    """What decides whether a stored article is unchanged: its text (hash) and its metadata."""
    return (article.content_hash, article.title, article.url, article.published, article.source)


@dataclass
class LoadSummary:
    """What a load did. Node counts are entity nodes; article nodes are counted as articles."""

    articles_loaded: int = 0
    articles_replaced: int = 0
    articles_skipped: int = 0
    nodes_created: int = 0
    nodes_updated: int = 0
    nodes_deleted: int = 0
    relationships_created: int = 0
    relationships_updated: int = 0
    relationships_deleted: int = 0
    relations_skipped: int = 0  # predicate not usable as a relationship type, or an end not in the article

    def add(self, other: LoadSummary) -> None:
        for f in fields(self):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))


@dataclass
class RemoveSummary:
    articles_removed: int = 0
    missing: list[str] = field(default_factory=list)
    nodes_deleted: int = 0
    relationships_deleted: int = 0


@dataclass
class QueryResult:
    keys: list[str]
    records: list[neo4j.Record]


class Neo4jStore:
    """newsgraph's model in a Neo4j database reached through ``driver``."""

    def __init__(self, driver: neo4j.Driver, *, database: str | None = None, batch_rows: int = BATCH_ROWS):
        self.driver = driver
        self.database = database
        self.batch_rows = batch_rows

    # --- reading ------------------------------------------------------------------------------

    def _read(self, query: str, params: dict[str, Any] | None = None) -> list[neo4j.Record]:
        with translate_errors():
            records, _, _ = self.driver.execute_query(
                query, params or {}, database_=self.database, routing_=neo4j.RoutingControl.READ
            )
        return records

    def stored_fingerprints(self, ids: Iterable[str]) -> dict[str, tuple[str, ...]]:
        """Fingerprints of the stored articles among ``ids`` (absent ones are left out)."""
        found: dict[str, tuple[str, ...]] = {}
        for chunk in _chunked(list(dict.fromkeys(ids)), ID_BATCH):
            for rec in self._read(cypher.STORED_ARTICLES, {"ids": chunk}):
                found[rec["id"]] = tuple(rec[k] or "" for k in ("content_hash", "title", "url", "published", "source"))
        return found

    def unchanged(self, articles: Iterable[Article]) -> set[str]:
        """Ids of the articles stored exactly as given: loading them again would change nothing."""
        articles = list(articles)
        stored = self.stored_fingerprints(a.id for a in articles)
        return {a.id for a in articles if stored.get(a.id) == fingerprint(a)}

    def counts(self) -> tuple[int, int]:
        """(nodes, relationships) in the whole database."""
        (rec,) = self._read(cypher.COUNTS)
        return rec["nodes"], rec["relationships"]

    def query(self, text: str, params: dict[str, Any] | None = None) -> QueryResult:
        """Run a user's Cypher in an auto-commit transaction (so ``CALL {…} IN TRANSACTIONS`` works)."""
        with translate_errors(), self.driver.session(database=self.database) as session:
            result = session.run(text, params or {})
            keys = list(result.keys())
            return QueryResult(keys, list(result))

    # --- writing ------------------------------------------------------------------------------

    def ensure_constraints(self) -> None:
        """Uniqueness of Entity.id and Article.id: MERGE needs them to be fast and to stay unique."""
        with translate_errors():
            for statement in cypher.CONSTRAINTS:
                self.driver.execute_query(statement, database_=self.database)

    def load(
        self,
        extractions: Iterable[ArticleExtraction],
        *,
        force: bool = False,
        resolution: Resolution | None = None,
        merge_rules: MergeRules | None = None,
        on_progress: Callable[[int], None] | None = None,
    ) -> LoadSummary:
        """Load articles; unchanged ones are skipped (unless ``force``), changed ones replaced.

        ``resolution`` maps entity ids to canonical ids; by default ``resolve`` computes it (with the
        user's ``merge_rules``) over the given extractions plus the entities already stored, so a lone
        surname can join a full name loaded earlier. Stored entities count as one article each, and an
        article already stored keeps the ids it was loaded with until it changes (or ``force``).
        ``on_progress(n)`` is called as each group of ``n`` articles is done.
        """
        progress = on_progress or (lambda n: None)
        incoming = list({x.doc_id: x for x in extractions}.values())  # the last of a repeated id wins
        self.ensure_constraints()
        stored = self.stored_fingerprints(x.doc_id for x in incoming)
        todo = [x for x in incoming if force or stored.get(x.doc_id) != fingerprint(x.article)]
        summary = LoadSummary(articles_skipped=len(incoming) - len(todo))
        progress(summary.articles_skipped)
        if not todo:
            return summary
        context = [*incoming, self._stored_entities()]
        resolution = resolve(context, merge_rules) if resolution is None else resolution
        names = _canonical_names(context)
        for chunk in self._article_chunks(todo):
            replaced = [x.doc_id for x in chunk if x.doc_id in stored]
            batch = _Batch.of(chunk, resolution, names)
            with translate_errors(), self.driver.session(database=self.database) as session:
                part = session.execute_write(_write_batch, batch, replaced)
            part.articles_replaced = len(replaced)
            part.articles_loaded = len(chunk) - len(replaced)
            part.relations_skipped = batch.relations_skipped
            summary.add(part)
            progress(len(chunk))
        return summary

    def remove(self, article_ids: Iterable[str]) -> RemoveSummary:
        """Take articles out with their evidence; delete what no remaining article supports."""
        ids = list(dict.fromkeys(article_ids))
        present = self.stored_fingerprints(ids)
        summary = RemoveSummary(missing=[i for i in ids if i not in present])
        for chunk in _chunked([i for i in ids if i in present], ID_BATCH):
            with translate_errors(), self.driver.session(database=self.database) as session:
                nodes, rels = session.execute_write(_remove_articles, chunk)
            summary.articles_removed += len(chunk)
            summary.nodes_deleted += nodes
            summary.relationships_deleted += rels
        return summary

    def _stored_entities(self) -> ArticleExtraction:
        """The stored entities, dressed as one pseudo-article so ``resolve`` can see them."""
        entities = tuple(Entity(r["id"], r["name"] or "", r["type"] or "") for r in self._read(cypher.KNOWN_ENTITIES))
        return ArticleExtraction(article=Article(id="", text=""), entities=entities)

    def _article_chunks(self, extractions: list[ArticleExtraction]) -> Iterator[list[ArticleExtraction]]:
        chunk: list[ArticleExtraction] = []
        rows = 0
        for extraction in extractions:
            chunk.append(extraction)
            rows += len(extraction.entities) + len(extraction.relations) + 1
            if rows >= self.batch_rows:
                yield chunk
                chunk, rows = [], 0
        if chunk:
            yield chunk


def _canonical_names(extractions: list[ArticleExtraction]) -> dict[str, tuple[str, str]]:
    """id → (name, type) of the entity that carries exactly that id: a merged node keeps its own name."""
    names: dict[str, tuple[str, str]] = {}
    for extraction in extractions:
        for entity in extraction.entities:
            names.setdefault(entity.id, (entity.name, entity.type))
    return names


@dataclass
class _Batch:
    """One transaction's rows, already resolved, grouped and validated."""

    articles: list[dict[str, Any]]
    entities: dict[str | None, list[dict[str, Any]]]  # label → rows
    mentions: list[dict[str, Any]]
    relationships: list[dict[str, Any]]  # one row per (source, type, target), type validated
    relations_skipped: int = 0

    @classmethod
    def of(cls, chunk: list[ArticleExtraction], resolution: Resolution, names: dict[str, tuple[str, str]]) -> _Batch:
        """Rows of the articles in ``chunk``, each folded by ``graph.fold.share`` (as ``graph.build`` does)."""
        articles, mentions = [], []
        nodes: dict[str, dict[str, Any]] = {}
        relationships: dict[tuple[str, str, str], dict[str, Any]] = {}
        skipped = 0
        for extraction in chunk:
            part = share(extraction, resolution, resolution.reasons)
            articles.append(part.article)
            for nid, entity in part.entities.items():
                # the name and type the resolution decided (as graph.build shows them), else the id's first owner's
                name, type_ = resolution.display.get(nid) or names.get(nid, entity.first)
                nodes.setdefault(nid, {"id": nid, "name": name, "type": type_})
                mentions.append({"article": part.article["id"], "entity": nid, "count": entity.mentions, "names": sorted(entity.names)})
            skipped += part.unlinked
            for (src, predicate, dst), evidence in part.edges.items():
                rel_type = cypher.relationship_type(predicate)
                if rel_type is None:
                    skipped += len(evidence)
                    continue
                row = relationships.setdefault((src, rel_type, dst), {
                    "source": src, "type": rel_type, "target": dst, "articles": [], "sentences": [], "rules": [],
                    "confidences": [], "dates": [],
                })  # fmt: skip
                for ev in evidence:
                    row["articles"].append(ev["article_id"])
                    row["sentences"].append(ev["sentence"])
                    row["rules"].append(ev["rule"])
                    row["confidences"].append(round(ev["confidence"], 4))
                    row["dates"].append(part.article["published"])
        by_label: dict[str | None, list[dict[str, Any]]] = defaultdict(list)
        for row in nodes.values():
            by_label[cypher.ENTITY_LABELS.get(row["type"])].append(row)
        return cls(articles, dict(by_label), mentions, list(relationships.values()), skipped)

    def entity_ids(self) -> set[str]:
        return {row["id"] for rows in self.entities.values() for row in rows}


def _counters(tx: neo4j.ManagedTransaction, query: str, params: dict[str, Any]) -> neo4j.SummaryCounters:
    return tx.run(query, params).consume().counters


def _detach(tx: neo4j.ManagedTransaction, ids: list[str]) -> set[str]:
    """Take articles' evidence and MENTIONS out; returns the entities they mentioned."""
    touched = set(tx.run(cypher.MENTIONED_BY, {"ids": ids}).single()["ids"])
    _counters(tx, cypher.STRIP_EVIDENCE, {"ids": ids})
    _counters(tx, cypher.DELETE_MENTIONS, {"ids": ids})
    return touched


def _delete_unsupported(tx: neo4j.ManagedTransaction, touched: set[str], loaded: set[str] = frozenset()) -> tuple[int, int]:
    """Delete relationships and entities the detached articles alone supported: (nodes, relationships)."""
    rels = _counters(tx, cypher.DELETE_UNSUPPORTED, {"ids": sorted(touched)}).relationships_deleted if touched else 0
    _counters(tx, cypher.REFRESH_ENTITIES, {"ids": sorted(touched | loaded)})
    gone = sorted(touched - loaded)
    if not gone:
        return 0, rels
    orphans = _counters(tx, cypher.DELETE_ORPHANS, {"ids": gone})
    return orphans.nodes_deleted, rels + orphans.relationships_deleted


def _write_batch(tx: neo4j.ManagedTransaction, batch: _Batch, replaced: list[str]) -> LoadSummary:
    summary = LoadSummary()
    touched = _detach(tx, replaced) if replaced else set()
    _counters(tx, cypher.UPSERT_ARTICLES, {"rows": batch.articles})
    for label, rows in batch.entities.items():
        created = _counters(tx, cypher.merge_entities(label), {"rows": rows}).nodes_created
        summary.nodes_created += created
        summary.nodes_updated += len(rows) - created
    _counters(tx, cypher.MERGE_MENTIONS, {"rows": batch.mentions})
    if batch.relationships:
        created = _counters(tx, cypher.MERGE_RELATIONSHIPS, {"rows": batch.relationships}).relationships_created
        summary.relationships_created = created
        summary.relationships_updated = len(batch.relationships) - created
    summary.nodes_deleted, summary.relationships_deleted = _delete_unsupported(tx, touched, batch.entity_ids())
    return summary


def _remove_articles(tx: neo4j.ManagedTransaction, ids: list[str]) -> tuple[int, int]:
    touched = _detach(tx, ids)
    _counters(tx, cypher.DELETE_ARTICLES, {"ids": ids})
    return _delete_unsupported(tx, touched)


def _chunked(items: list[str], size: int) -> Iterator[list[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
