"""The Neo4j writer: loads extractions idempotently, replaces changed articles, removes articles.

The graph is a function of the stored articles alone (see ``graph.store.cypher`` for the model):

* Each ``:Article`` node keeps its sightings and its extraction (without the text), so the whole stored
  corpus can be resolved again (``extract.resolve.resolve_sightings``) and any article folded again
  without its files. ``merged`` records the resolution an article is folded with.
* An article's contribution (its ``MENTIONS`` edges and its items in each relationship's evidence lists)
  is added and taken out exactly; entity totals, names and types are derived from the ``MENTIONS``
  edges; evidence lists are kept in article order. Nothing depends on the order of loads.
* After every load or removal that changed the stored corpus, the corpus is resolved again and every
  article whose entities now resolve differently is folded again: loading in several batches, in any
  order, ends in the same database as one load of everything.

Writes are ``UNWIND $rows`` batches across articles, sized by rows (``batch_rows``), one managed
transaction per batch (retried on deadlocks and other transient errors). Every write transaction first
takes the store's lock (``cypher.LOCK``) and checks, inside the transaction, which of its articles are
stored unchanged, so concurrent loads are serialised batch by batch and never double an article's
evidence. A transaction commits whole or not at all, and unfinished derived work is marked in the
database (the store is ``dirty``, entities are ``:Stale``), so a load interrupted at any point (even by
the server being killed) and run again ends exactly as one clean load.

The driver is always passed in (``connect`` makes one from settings).
"""

from __future__ import annotations

import uuid
import zlib
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, fields
from itertools import islice
from typing import Any

import neo4j
import orjson

from extract.model import Article, ArticleExtraction
from extract.resolve import MergeRules, Resolution, Sighting, parse_merge_rules, resolve_sightings, sightings
from graph.fold import share
from graph.store import cypher
from graph.store.connection import translate_errors

#: Rows (entities, mentions and relations, plus one per article) per write transaction.
BATCH_ROWS = 10_000
#: Ids per lookup or removal transaction.
ID_BATCH = 5000
#: Stale entities whose totals are derived per transaction.
REFRESH_BATCH = 5000
#: Articles checked against the store together in the first pass of a load.
CHECK_BATCH = 1000


def fingerprint(article: Article) -> tuple[str, str, str, str, str]:
    """What decides whether a stored article is unchanged: its text (hash) and its metadata."""
    return (article.content_hash, article.title, article.url, article.published, article.source)


@dataclass
class LoadSummary:
    """What a load did. Node counts are entity nodes; article nodes are counted as articles."""

    articles_loaded: int = 0
    articles_replaced: int = 0
    articles_skipped: int = 0
    articles_refolded: int = 0  # stored articles folded again because their entities now resolve differently
    articles_unfoldable: int = 0  # stored by an older newsgraph without their extraction: load them again with --force
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
    articles_refolded: int = 0


@dataclass
class QueryResult:
    keys: list[str]
    records: list[neo4j.Record]


def rules_text(rules: MergeRules) -> str:
    """A merges file's rules as the text the store keeps (one TAB-separated rule per line)."""
    return "".join(f"{rule.kind}\t" + "\t".join(rule.names) + "\n" for rule in rules.rules)


def fold_state(article_id: str, seen: Iterable[Sighting], resolution: Resolution) -> dict[str, dict[str, Any]]:
    """How ``resolution`` folds one article (what ``Article.merged`` holds): ``ids``, its entity ids that map
    elsewhere → where, and ``names``, the (name, type) decided for each actor the article names."""
    canonical = resolution.for_article(article_id)
    ids, names = {}, {}
    for s in seen:
        target = canonical(s.id)
        if target != s.id:
            ids[s.id] = target
        if target in resolution.display:
            names[target] = list(resolution.display[target])
    return {"ids": ids, "names": names}


def _folding(state: dict[str, dict[str, Any]]) -> Resolution:
    """A resolution that folds one article as ``state`` says (for ``graph.fold.share``)."""
    return Resolution(canonical=dict(state.get("ids", {})), display={k: tuple(v) for k, v in state.get("names", {}).items()})


def _dumps(value: Any, *, sort_keys: bool = False) -> str:
    """Compact JSON (orjson: the stored JSON is a third of the Python time of a load with the standard library)."""
    return orjson.dumps(value, option=orjson.OPT_SORT_KEYS if sort_keys else 0).decode("utf-8")


#: How ``pack``'s bytes begin (zlib's header at its fastest level): how a reader tells them from other bytes.
PACKED_HEADER = b"\x78\x01"


def pack(value: Any) -> bytes:
    """JSON compressed (zlib, fastest level): how an article node keeps its extraction and sightings, in a fifth
    of the bytes of the text (the BBC corpus: 31 MB → 7 MB; its first load took 27 s instead of 45 s)."""
    return zlib.compress(orjson.dumps(value), 1)


def unpack(stored: bytes | str | None) -> Any:
    """What ``pack`` made, or the plain JSON text an older newsgraph (and the bulk path) stores."""
    if not stored:
        return None
    return orjson.loads(zlib.decompress(stored) if isinstance(stored, bytes | bytearray) else stored)


def json_text(stored: bytes | str) -> str:
    """The JSON text of what ``pack`` made (or of a text kept as it is)."""
    return zlib.decompress(stored).decode("utf-8") if isinstance(stored, bytes | bytearray) else stored


@dataclass
class Folded:
    """One article folded with a given resolution: the rows that write it (``graph.fold.share``)."""

    id: str
    fingerprint: list[str]
    props: dict[str, Any]
    mentions: list[dict[str, Any]]
    facts: dict[tuple[str, str, str], list[tuple]]  # (source, type, target) → evidence items
    skipped: int = 0

    @property
    def rows(self) -> int:
        return 1 + len(self.mentions) + sum(len(items) for items in self.facts.values())

    @classmethod
    def of(cls, extraction: ArticleExtraction, merged: dict[str, dict[str, Any]], *, content_hash: str, sightings: bytes | str) -> Folded:
        part = share(extraction, _folding(merged), {})
        art = part.article
        props = {
            **art, "content_hash": content_hash, "sightings": sightings, "merged": _dumps(merged, sort_keys=True),
            "extraction": pack({
                "entities": [e.to_dict() for e in extraction.entities], "relations": [r.to_dict() for r in extraction.relations],
            }),
        }  # fmt: skip
        mentions = []
        for nid, entity in part.entities.items():
            name, type_ = entity.own or entity.first
            mentions.append({
                "entity": nid,
                "props": {"count": entity.mentions, "names": list(entity.names), "name": name, "type": type_, "own": entity.own is not None},
            })  # fmt: skip
        facts: dict[tuple[str, str, str], list[tuple]] = {}
        skipped = part.unlinked
        for (src, predicate, dst), evidence in part.edges.items():
            rel_type = cypher.relationship_type(predicate)
            if rel_type is None:
                skipped += len(evidence)
                continue
            items = facts.setdefault((src, rel_type, dst), [])
            for ev in evidence:
                (ss, se), (ts, te) = ev["source_span"], ev["target_span"]
                items.append((art["id"], ev["sentence"], ev["rule"], round(ev["confidence"], 4), art["published"], ss, se, ts, te))
        fp = [content_hash, art["title"], art["url"], art["published"], art["source"]]
        return cls(art["id"], fp, props, mentions, facts, skipped)

    @classmethod
    def new(cls, extraction: ArticleExtraction, resolution: Resolution, seen: list[Sighting] | None = None) -> Folded:
        """A new article (sightings computed here unless given)."""
        seen = sightings(extraction) if seen is None else seen
        state = fold_state(extraction.doc_id, seen, resolution)
        return cls.of(extraction, state, content_hash=extraction.article.content_hash, sightings=pack([s.to_dict() for s in seen]))


def _stored_state(record: Any) -> dict[str, dict[str, Any]]:
    return orjson.loads(record["merged"] or '{"ids": {}, "names": {}}')


def stored_extraction(record: Any) -> ArticleExtraction:
    """An ``ArticleExtraction`` from a stored article (``cypher.STORED_EXTRACTIONS``); its text is not stored."""
    data = unpack(record["extraction"]) or {}
    meta = {k: record[k] or "" for k in ("doc_id", "title", "url", "published", "source", "site_name")}
    return ArticleExtraction.from_dict({**meta, "authors": list(record["authors"] or ()), **data})


def fact_rows(folded: Iterable[Folded]) -> list[dict[str, Any]]:
    """One row per relationship: every item the articles give it, ordered by article, with its totals."""
    grouped: dict[tuple[str, str, str], list[tuple]] = defaultdict(list)
    for part in sorted(folded, key=lambda f: f.id):
        for key, items in part.facts.items():
            grouped[key].extend(items)
    rows = []
    for (src, rel_type, dst), items in grouped.items():
        lists = {name: [item[i] for item in items] for i, name in enumerate(cypher.EVIDENCE_LISTS)}
        dates = [d for d in lists["dates"] if d]
        props = {
            **lists, "count": len(items), "confidence": max([0.0, *lists["confidences"]]),
            "first_seen": min(dates, default=""), "last_seen": max(dates, default=""),
        }  # fmt: skip
        rows.append({"source": src, "type": rel_type, "target": dst, "props": props})
    return rows


def _counters(tx: neo4j.ManagedTransaction, query: str, **params: Any) -> neo4j.SummaryCounters:
    return tx.run(query, params).consume().counters


Key = tuple[str, str, str]  # (source, relationship type, target)


@dataclass
class Writer:
    """What one load (or removal) knows between its transactions.

    ``known`` maps every relationship in the database to its element id while ``complete``: that is so
    from a batch that found the store empty for as long as each following batch finds its own ``name``
    left by the previous one on the store's lock (no one else wrote in between). Then no relationship
    has to be looked up before it is created or added to; otherwise each batch looks its up first.
    """

    name: str = field(default_factory=lambda: uuid.uuid4().hex)
    known: dict[Key, str] = field(default_factory=dict)
    complete: bool = False


@dataclass
class _Tx:
    """One write transaction's view: the relationships it found or made (applied to the ``Writer`` after commit)."""

    tx: neo4j.ManagedTransaction
    writer: Writer
    found: dict[Key, str] = field(default_factory=dict)
    trusted: bool = False
    gone: set[Key] = field(default_factory=set)

    def begin(self) -> dict[str, Any]:
        self.tx.run(cypher.LOCK).consume()
        record = self.tx.run(cypher.CLAIM, writer=self.writer.name).single()
        if record["empty"]:
            self.trusted = True
        elif record["previous"] == self.writer.name and self.writer.complete:
            self.trusted, self.found = True, dict(self.writer.known)
        return {"dirty": record["dirty"], "merges": record["merges"]}

    def find(self, keys: Iterable[Key]) -> None:
        """Look up ``keys`` (before the transaction writes: see ``cypher.FIND_RELATIONSHIPS``) unless trusted."""
        wanted = sorted(set(keys) - self.found.keys())
        if self.trusted or not wanted:
            return
        rows = [{"source": s, "type": t, "target": d} for s, t, d in wanted]
        for record in self.tx.run(cypher.FIND_RELATIONSHIPS, rows=rows):
            self.found[wanted[record["i"]]] = record["eid"]

    def commit_to(self, writer: Writer) -> None:
        """After commit: what the writer may trust next time."""
        if self.trusted:
            for key in self.gone:
                self.found.pop(key, None)
            writer.known, writer.complete = self.found, True
        else:
            writer.known, writer.complete = {}, False


def _strip_rows(stored: list[Any]) -> dict[Key, list[str]]:
    """The relationships stored articles gave evidence to (as folded by their ``merged``) → those articles."""
    gone: dict[Key, list[str]] = defaultdict(list)
    for record in stored:
        part = Folded.of(stored_extraction(record), _stored_state(record), content_hash="", sightings="")
        for key in part.facts:
            gone[key].append(part.id)
    return gone


def _take_out(w: _Tx, stored: list[Any], gone: dict[Key, list[str]]) -> list[str]:
    """Remove stored articles' MENTIONS and evidence; returns the element ids stripped, for ``_delete_emptied``
    once the transaction's new evidence is in."""
    rows = [{"eid": w.found[key], "articles": ids} for key, ids in gone.items() if key in w.found]
    if rows:
        _counters(w.tx, cypher.STRIP_EVIDENCE, rows=rows)
    _counters(w.tx, cypher.DELETE_MENTIONS, ids=[r["doc_id"] for r in stored])
    return [row["eid"] for row in rows]


def _delete_emptied(w: _Tx, eids: list[str]) -> int:
    if not eids:
        return 0
    deleted = {record["eid"] for record in w.tx.run(cypher.DELETE_EMPTIED, eids=eids)}
    w.gone.update(key for key, eid in w.found.items() if eid in deleted)
    return len(deleted)


def _put_in(w: _Tx, folded: list[Folded], summary: LoadSummary) -> None:
    """Write articles (whose old contribution is already out): entities, articles with MENTIONS, evidence."""
    ids = sorted({m["entity"] for part in folded for m in part.mentions})
    created = _counters(w.tx, cypher.MERGE_ENTITIES, ids=ids).nodes_created
    summary.nodes_created += created
    summary.nodes_updated += len(ids) - created
    _counters(w.tx, cypher.WRITE_ARTICLES, rows=[{"props": part.props, "mentions": part.mentions} for part in folded])
    rows = fact_rows(folded)
    new = [row for row in rows if (row["source"], row["type"], row["target"]) not in w.found]
    old = [{"eid": w.found[(row["source"], row["type"], row["target"])], "props": row["props"]} for row in rows if (row["source"], row["type"], row["target"]) in w.found]
    if new:
        for record in w.tx.run(cypher.CREATE_RELATIONSHIPS, rows=new):
            row = new[record["i"]]
            w.found[(row["source"], row["type"], row["target"])] = record["eid"]
        summary.relationships_created += len(new)
    if old:
        _counters(w.tx, cypher.ADD_EVIDENCE, rows=old)
        summary.relationships_updated += len(old)


def _write_batch(tx: neo4j.ManagedTransaction, batch: list[Folded], force: bool, writer: Writer) -> tuple[LoadSummary, _Tx]:
    w = _Tx(tx, writer)
    w.begin()
    rows = [{"id": part.id, "fingerprint": part.fingerprint} for part in batch]
    stored = {r["doc_id"]: r for r in tx.run(cypher.STORED_FOR_WRITE, rows=rows, force=force)}
    todo = [part for part in batch if force or not (part.id in stored and stored[part.id]["same"])]
    replaced = [stored[part.id] for part in todo if part.id in stored]
    summary = LoadSummary(articles_skipped=len(batch) - len(todo), articles_replaced=len(replaced))
    summary.articles_loaded = len(todo) - len(replaced)
    summary.relations_skipped = sum(part.skipped for part in todo)
    if not todo:
        return summary, w
    tx.run(cypher.MARK_DIRTY).consume()
    gone = _strip_rows(replaced)
    w.find([*gone, *(key for part in todo for key in part.facts)])
    stripped = _take_out(w, replaced, gone) if replaced else []
    _put_in(w, todo, summary)
    summary.relationships_deleted += _delete_emptied(w, stripped)
    return summary, w


def _remove_batch(tx: neo4j.ManagedTransaction, ids: list[str], writer: Writer) -> tuple[list[str], int]:
    w = _Tx(tx, writer)
    w.begin()
    stored = list(tx.run(cypher.STORED_EXTRACTIONS, ids=ids))
    if not stored:
        return [], 0
    tx.run(cypher.MARK_DIRTY).consume()
    gone = _strip_rows(stored)
    w.find(gone)
    deleted = _delete_emptied(w, _take_out(w, stored, gone))
    _counters(tx, cypher.DELETE_ARTICLES, ids=[r["doc_id"] for r in stored])
    return [r["doc_id"] for r in stored], deleted


def _resolve_stored(corpus: dict[str, bytes | str], extra: dict[str, list[Sighting]], rules: MergeRules) -> Resolution:
    """Resolve stored articles (id → sightings as stored) and ``extra`` ones together, in order of article id:
    resolution may depend on the order it reads articles in, the store must not."""
    ids = sorted(corpus.keys() | extra.keys())
    return resolve_sightings(
        ((i, extra[i] if i in extra else [Sighting.from_dict(s) for s in unpack(corpus[i]) or ()]) for i in ids), rules
    )


@dataclass
class _Hint:
    """The corpus a load resolved (id → sightings as stored) and its resolution: if the store still holds exactly
    that corpus when it is resolved again, the resolution is the same and need not be computed again."""

    corpus: dict[str, bytes | str]
    resolution: Resolution
    rules_value: str | None


def _refold(tx: neo4j.ManagedTransaction, rules_value: str | None, hint: _Hint | None = None) -> LoadSummary | None:
    """Resolve the stored corpus again and fold again every article that now resolves differently.

    Returns None when the store was clean already (nothing read beyond its state).
    """
    w = _Tx(tx, Writer())
    state = w.begin()
    if not state["dirty"] and state["merges"] == rules_value:
        tx.run(cypher.MARK_RESOLVED, merges=rules_value).consume()  # as it was, but no writer's name left behind
        return None
    summary = LoadSummary()
    rows = list(tx.run(cypher.ALL_SIGHTINGS))
    corpus = {r["id"]: r["sightings"] for r in rows}
    if hint is not None and hint.rules_value == rules_value and hint.corpus == corpus:
        resolution = hint.resolution
    else:
        resolution = _resolve_stored(corpus, {}, parse_merge_rules(rules_value or "", "the store's merges rules"))
    changed: dict[str, dict[str, dict[str, Any]]] = {}
    for r in rows:
        if not r["foldable"]:  # loaded by a newsgraph that kept no extraction: stays as it was until loaded again
            summary.articles_unfoldable += 1
            continue
        wanted = fold_state(r["id"], (Sighting.from_dict(s) for s in unpack(r["sightings"]) or ()), resolution)
        if wanted != _stored_state(r):
            changed[r["id"]] = wanted
    for chunk in _chunked(sorted(changed), ID_BATCH):
        w = _Tx(tx, w.writer)  # each chunk looks up again: the previous one wrote
        stored = list(tx.run(cypher.STORED_EXTRACTIONS, ids=chunk))
        folded = [
            Folded.of(stored_extraction(r), changed[r["doc_id"]], content_hash=r["content_hash"], sightings=r["sightings"])
            for r in stored
        ]
        gone = _strip_rows(stored)
        w.find([*gone, *(key for part in folded for key in part.facts)])
        stripped = _take_out(w, stored, gone)
        _put_in(w, folded, summary)
        summary.relationships_deleted += _delete_emptied(w, stripped)
        summary.articles_refolded += len(folded)
    tx.run(cypher.MARK_RESOLVED, merges=rules_value).consume()
    return summary


def _refresh(tx: neo4j.ManagedTransaction, limit: int) -> tuple[int, int]:
    """Delete stale orphans, derive up to ``limit`` stale entities' totals: (nodes deleted, refreshed)."""
    tx.run(cypher.LOCK).consume()
    deleted = _counters(tx, cypher.DELETE_ORPHANS).nodes_deleted
    params = {"limit": limit, "labels": list(cypher.TYPE_LABELS), "label_of": dict(cypher.ENTITY_LABELS)}
    refreshed = tx.run(cypher.REFRESH_ENTITIES, params).single()["refreshed"]
    return deleted, refreshed


def _chunked(items: list[str], size: int) -> Iterator[list[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _batched(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


class Neo4jStore:
    """newsgraph's model in a Neo4j database reached through ``driver``."""

    def __init__(self, driver: neo4j.Driver, *, database: str | None = None, batch_rows: int = BATCH_ROWS):
        self.driver = driver
        self.database = database
        self.batch_rows = batch_rows

    # --- reading ------------------------------------------------------------------------------

    def _session(self) -> neo4j.Session:
        # the server's warnings (e.g. a property no node has yet) mean nothing to a user of load
        return self.driver.session(database=self.database, notifications_min_severity="OFF")

    def _read(self, query: str, params: dict[str, Any] | None = None) -> list[neo4j.Record]:
        with translate_errors(), self._session() as session:
            return session.execute_read(lambda tx: list(tx.run(query, params or {})))

    def _write(self, work: Callable, *args: Any) -> Any:
        with translate_errors(), self._session() as session:
            return session.execute_write(work, *args)

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
        """Uniqueness of Entity.id, Article.id and the bookkeeping node: MERGE needs them to be fast and unique."""
        with translate_errors(), self._session() as session:
            for statement in cypher.CONSTRAINTS:
                session.execute_write(lambda tx, text=statement: tx.run(text).consume())

    def load(
        self,
        extractions: Iterable[ArticleExtraction],
        *,
        force: bool = False,
        merge_rules: MergeRules | None = None,
        resolution: Resolution | None = None,
        on_progress: Callable[[int], None] | None = None,
    ) -> LoadSummary:
        """Load articles; unchanged ones are skipped (unless ``force``), changed ones replaced.

        ``extractions`` is read twice, streamed, when it can be (a list, ``ExtractionFile``,
        ``sources.Gathered``): first for what resolution needs (each article's sightings), then to write.
        Entities are resolved over the whole stored corpus plus the new articles, with ``merge_rules`` (a
        user's merges file; they are stored and used by later loads and removals until other rules are
        given). ``on_progress(n)`` is called as each group of ``n`` articles is done.

        ``resolution`` folds the articles with exactly that resolution instead (to compare the store with a
        ``graph.json`` built with it); the store stays marked as not resolved, so the next load without one
        resolves the whole corpus again.
        """
        progress = on_progress or (lambda n: None)
        source = extractions if iter(extractions) is not extractions else list(extractions)
        self.ensure_constraints()
        state = self._read(cypher.STATE)[0]
        rules_value = rules_text(merge_rules) if merge_rules is not None else state["merges"]
        first_pass = getattr(source, "first_pass", None)  # a source that did it while reading (sources.Gathered)
        last, seen = first_pass() if first_pass is not None else self._first_pass(source, force)
        summary = LoadSummary(articles_skipped=len(last) - len(seen))
        progress(summary.articles_skipped)
        hint = None
        fixed = resolution is not None
        if seen:
            others = {} if fixed else {r["id"]: r["sightings"] for r in self._read(cypher.ALL_SIGHTINGS) if r["id"] not in seen}
            if not fixed:
                resolution = _resolve_stored(others, seen, parse_merge_rules(rules_value or "", "the store's merges rules"))
            wanted = ((x, seen[x.doc_id]) for i, x in enumerate(source) if x.doc_id in seen and last[x.doc_id] == i)
            written: dict[str, bytes | str] = {}
            self._write_all(self._batches(wanted, resolution, written), force, summary, progress)
            hint = _Hint({**others, **written}, resolution, rules_value)
            del others
        elif fixed or (not state["dirty"] and not state["stale"] and rules_value == state["merges"]):
            return summary
        self._settle(rules_value, summary, None if fixed else hint, resolve=not fixed)
        return summary

    def _first_pass(self, source: Iterable[ArticleExtraction], force: bool) -> tuple[dict[str, int], dict[str, list[Sighting]]]:
        """(id → position of its last occurrence, changed articles' sightings by id): the last of a repeated id wins."""
        last: dict[str, int] = {}
        seen: dict[str, list[Sighting]] = {}
        position = 0
        for chunk in _batched(source, CHECK_BATCH):
            stored = {} if force else self.stored_fingerprints(x.doc_id for x in chunk)
            for extraction in chunk:
                last[extraction.doc_id] = position
                position += 1
                if force or stored.get(extraction.doc_id) != fingerprint(extraction.article):
                    seen[extraction.doc_id] = sightings(extraction)
                else:
                    seen.pop(extraction.doc_id, None)
        return last, seen

    def _batches(
        self, wanted: Iterable[tuple[ArticleExtraction, list[Sighting]]], resolution: Resolution, written: dict[str, bytes | str]
    ) -> Iterator[list[Folded]]:
        """Folded articles in batches of about ``batch_rows`` rows (an article is never split); ``written`` collects
        each article's sightings as stored."""
        batch: list[Folded] = []
        rows = 0
        for extraction, seen in wanted:
            batch.append(Folded.new(extraction, resolution, seen))
            written[extraction.doc_id] = batch[-1].props["sightings"]
            rows += batch[-1].rows
            if rows >= self.batch_rows:
                yield batch
                batch, rows = [], 0
        if batch:
            yield batch

    def _write_all(self, batches: Iterator[list[Folded]], force: bool, summary: LoadSummary, progress: Callable[[int], None]) -> None:
        """Write batches in a second thread while this one reads and folds the next (at most one waits)."""
        writer = Writer()

        def write(batch: list[Folded]) -> tuple[LoadSummary, int]:
            part, done = self._write(_write_batch, batch, force, writer)
            done.commit_to(writer)
            return part, len(batch)

        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="newsgraph-write") as pool:
            pending = None
            for batch in batches:
                if pending is not None:
                    part, count = pending.result()
                    summary.add(part)
                    progress(count)
                pending = pool.submit(write, batch)
            if pending is not None:
                part, count = pending.result()
                summary.add(part)
                progress(count)

    def remove(self, article_ids: Iterable[str]) -> RemoveSummary:
        """Take articles out with their evidence; delete what no remaining article supports."""
        ids = list(dict.fromkeys(article_ids))
        self.ensure_constraints()
        summary = RemoveSummary()
        found: set[str] = set()
        for chunk in _chunked(ids, ID_BATCH):
            removed, rels = self._write(_remove_batch, chunk, Writer())
            found.update(removed)
            summary.relationships_deleted += rels
        summary.articles_removed = len(found)
        summary.missing = [i for i in ids if i not in found]
        if found:
            state = self._read(cypher.STATE)[0]
            settled = LoadSummary()
            self._settle(state["merges"], settled)
            summary.nodes_deleted += settled.nodes_deleted
            summary.relationships_deleted += settled.relationships_deleted
            summary.articles_refolded = settled.articles_refolded
        return summary

    def settle(self) -> LoadSummary:
        """Finish what an interrupted load or removal left: resolve again if needed, derive stale totals."""
        self.ensure_constraints()
        summary = LoadSummary()
        self._settle(self._read(cypher.STATE)[0]["merges"], summary)
        return summary

    def _settle(self, rules_value: str | None, summary: LoadSummary, hint: _Hint | None = None, *, resolve: bool = True) -> None:
        refolded = self._write(_refold, rules_value, hint) if resolve else None
        if refolded is not None:
            summary.add(refolded)
        while True:
            deleted, refreshed = self._write(_refresh, REFRESH_BATCH)
            summary.nodes_deleted += deleted
            if refreshed == 0:
                break
