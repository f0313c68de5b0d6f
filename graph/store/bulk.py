"""``newsgraph load --bulk``: a first load into an empty database through ``neo4j-admin database import full``.

The extractions are resolved and folded exactly as ``Neo4jStore.load`` does (``writer.Folded``), and what
the incremental load would leave in the database is written as the CSV files the import tool reads: one
file of articles, one of entities (their totals, names and types derived here as ``cypher.REFRESH_ENTITIES``
derives them), the ``MENTIONS`` edges, the relationships with their evidence lists (gathered per
relationship in a scratch SQLite file, so memory stays flat over the evidence) and the bookkeeping node.
Then the local server (``scripts/neo4j-local.sh``) is stopped, the tool writes the database, the server is
started again and the uniqueness constraints are created. The result is the database an incremental load
gives, so ``load`` and ``remove`` carry on on top of it unchanged.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extract.model import ArticleExtraction
from extract.resolve import MergeRules, Sighting, parse_merge_rules, sightings
from graph.errors import Neo4jError
from graph.store import cypher
from graph.store.connection import Settings, connect, translate_errors
from graph.store.writer import Folded, Neo4jStore, _resolve_stored, json_text, rules_text

#: Between the items of a list inside one CSV field (the import tool's ``--array-delimiter``).
ARRAY_DELIMITER = "\x1f"
SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "neo4j-local.sh"

ENTITY_HEADER = ["id:ID(Entity)", "name", "type", "aliases:string[]", "mentions:long", "article_count:long", ":LABEL"]
ARTICLE_FIELDS = ["title", "url", "published", "authors", "site_name", "source", "content_hash", "sightings", "extraction", "merged"]
ARTICLE_HEADER = ["id:ID(Article)", *(f"{name}:string[]" if name == "authors" else name for name in ARTICLE_FIELDS)]
MENTION_HEADER = [":START_ID(Article)", ":END_ID(Entity)", "count:long", "names:string[]", "name", "type", "own:boolean"]
_LIST_TYPES = {"confidences": "double[]", "source_starts": "long[]", "source_ends": "long[]", "target_starts": "long[]", "target_ends": "long[]"}
FACT_HEADER = [
    ":START_ID(Entity)", ":END_ID(Entity)", ":TYPE", *(f"{name}:{_LIST_TYPES.get(name, 'string[]')}" for name in cypher.EVIDENCE_LISTS),
    "count:long", "confidence:double", "first_seen", "last_seen",
]  # fmt: skip


class BulkLoadError(Neo4jError):
    """The bulk path cannot run here (database not empty, server not local, import tool failed)."""


@dataclass
class BulkReport:
    articles: int = 0
    entities: int = 0
    relationships: int = 0  # MENTIONS edges and relation relationships
    relations_skipped: int = 0
    csv_seconds: float = 0.0
    import_seconds: float = 0.0
    files: list[Path] = field(default_factory=list)


def _list(values: Iterable[Any], where: str) -> str | None:
    """A list as one field; an empty list as no field (the import tool makes no property of it)."""
    text = [str(v) for v in values]
    if any(ARRAY_DELIMITER in t for t in text):
        raise BulkLoadError(f"{where} holds the character U+001F, which the bulk path uses between list items; load it without --bulk")
    return ARRAY_DELIMITER.join(text) if text else None


def _field(value: Any) -> str:
    """One CSV field as the import tool reads it: strings always quoted (so that "" stays an empty string,
    where an empty unquoted field means no property), quotes doubled, numbers and booleans bare."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    return '"' + str(value).replace('"', '""') + '"'


class _Csv:
    """A CSV file for the import tool (``csv`` cannot tell an empty string from no value)."""

    def __init__(self, path: Path, header: list[str]):
        self.handle = path.open("w", encoding="utf-8", newline="")
        self.handle.write(",".join(header) + "\n")

    def writerow(self, values: Iterable[Any]) -> None:
        self.handle.write(",".join(map(_field, values)) + "\n")

    def __enter__(self) -> _Csv:
        return self

    def __exit__(self, *exc: object) -> None:
        self.handle.close()


@dataclass
class _Entity:
    """What the MENTIONS edges say of one entity, as ``cypher.REFRESH_ENTITIES`` reads them."""

    votes: Counter = field(default_factory=Counter)  # (own, name, type) → edges
    mentions: int = 0
    articles: int = 0
    names: set[str] = field(default_factory=set)

    def row(self, nid: str) -> list[Any]:
        (own, name, type_), _ = min(self.votes.items(), key=lambda kv: (not kv[0][0], -kv[1], kv[0][1], kv[0][2]))
        aliases = sorted(self.names - {name})
        label = cypher.ENTITY_LABELS.get(type_, "")
        return [nid, name, type_, _list(aliases, f"entity {nid}"), self.mentions, self.articles, label or None]


def write_csv(extractions: Iterable[ArticleExtraction], folder: Path, merge_rules: MergeRules | None = None) -> BulkReport:
    """The import tool's CSV files in ``folder`` for ``extractions`` (read twice, streamed)."""
    report = BulkReport()
    started = time.perf_counter()
    last: dict[str, int] = {}
    seen: dict[str, list[Sighting]] = {}
    for position, extraction in enumerate(extractions):
        last[extraction.doc_id] = position
        seen[extraction.doc_id] = sightings(extraction)
    rules_value = rules_text(merge_rules) if merge_rules is not None else None
    resolution = _resolve_stored({}, seen, parse_merge_rules(rules_value or ""))
    entities: dict[str, _Entity] = defaultdict(_Entity)
    items = sqlite3.connect(str(folder / "evidence.sqlite"))
    items.execute("CREATE TABLE items (source, type, target, article, position INTEGER, payload)")
    paths = {name: folder / f"{name}.csv" for name in ("articles", "entities", "mentions", "relationships", "meta")}
    with _Csv(paths["articles"], ARTICLE_HEADER) as articles, _Csv(paths["mentions"], MENTION_HEADER) as mentions:
        for position, extraction in enumerate(extractions):
            if last[extraction.doc_id] != position:
                continue
            part = Folded.new(extraction, resolution, seen[extraction.doc_id])
            report.articles += 1
            report.relations_skipped += part.skipped
            props = {
                **part.props, "authors": _list(part.props["authors"], f"article {part.id}"),
                # the import tool reads byte arrays as lists of numbers: it gets the JSON text, which readers take too
                "sightings": json_text(part.props["sightings"]), "extraction": json_text(part.props["extraction"]),
            }  # fmt: skip
            articles.writerow([part.id, *(props[name] for name in ARTICLE_FIELDS)])
            for mention in part.mentions:
                p, nid = mention["props"], mention["entity"]
                mentions.writerow([part.id, nid, p["count"], _list(p["names"], f"article {part.id}"), p["name"], p["type"], p["own"]])
                entity = entities[nid]
                entity.votes[(p["own"], p["name"], p["type"])] += 1
                entity.mentions += p["count"]
                entity.articles += 1
                entity.names.update(p["names"])
                report.relationships += 1
            items.executemany(
                "INSERT INTO items VALUES (?, ?, ?, ?, ?, ?)",
                ((s, t, d, part.id, i, json.dumps(item)) for (s, t, d), found in part.facts.items() for i, item in enumerate(found)),
            )
    with _Csv(paths["entities"], ENTITY_HEADER) as out:
        for nid in sorted(entities):
            out.writerow(entities[nid].row(nid))
    report.entities = len(entities)
    with _Csv(paths["relationships"], FACT_HEADER) as out:
        for (src, rel_type, dst), found in _grouped(items):
            lists = {name: [item[i] for item in found] for i, name in enumerate(cypher.EVIDENCE_LISTS)}
            dates = [d for d in lists["dates"] if d]
            where = f"relationship {src} {rel_type} {dst}"
            out.writerow([
                src, dst, rel_type, *(_list(lists[name], where) for name in cypher.EVIDENCE_LISTS), len(found),
                max([0.0, *lists["confidences"]]), min(dates, default=""), max(dates, default=""),
            ])  # fmt: skip
            report.relationships += 1
    items.close()
    (folder / "evidence.sqlite").unlink()
    header = ["id:ID(Meta)", "dirty:boolean", *(["merges"] if rules_value is not None else [])]
    with _Csv(paths["meta"], header) as out:
        out.writerow(["store", False, *([rules_value] if rules_value is not None else [])])
    report.files = list(paths.values())
    report.csv_seconds = time.perf_counter() - started
    return report


def _grouped(items: sqlite3.Connection) -> Iterator[tuple[tuple[str, str, str], list[list[Any]]]]:
    """Evidence items per relationship, in article order (as ``cypher.ADD_EVIDENCE`` orders them)."""
    rows = items.execute("SELECT source, type, target, payload FROM items ORDER BY source, type, target, article, position")
    key, found = None, []
    for src, rel_type, dst, payload in rows:
        if (src, rel_type, dst) != key:
            if key is not None:
                yield key, found
            key, found = (src, rel_type, dst), []
        found.append(json.loads(payload))
    if key is not None:
        yield key, found


def _script(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    if not SCRIPT.is_file():
        raise BulkLoadError(f"--bulk runs the local server's import tool through {SCRIPT}, which is not there (a source checkout is needed)")
    return subprocess.run(["bash", str(SCRIPT), *args], env=env, capture_output=True, text=True)


def _check_local(settings: Settings, env: dict[str, str]) -> None:
    status = _script("status", env=env)
    port = env["NEWSGRAPH_NEO4J_BOLT_PORT"]
    if status.returncode != 0 or f"bolt://127.0.0.1:{port}," not in status.stdout:
        home = env.get("NEWSGRAPH_NEO4J_HOME", "~/.newsgraph/neo4j")
        raise BulkLoadError(
            f"--bulk needs the server at {settings.uri} to be the one scripts/neo4j-local.sh runs from {home} "
            f"(status: {status.stdout.strip() or status.stderr.strip()}); set NEWSGRAPH_NEO4J_HOME to its home, or load without --bulk"
        )


def bulk_load(
    extractions: Iterable[ArticleExtraction], *, settings: Settings, merge_rules: MergeRules | None = None, keep_csv: Path | None = None
) -> BulkReport:
    """Write the CSV files, then stop the local server, import them into its (empty) database and start it."""
    port = settings.uri.rsplit(":", 1)[-1].strip("/")
    env = {**os.environ, "NEWSGRAPH_NEO4J_BOLT_PORT": port}  # started again where it was
    _check_local(settings, env)
    driver = connect(settings)
    try:
        with translate_errors(settings.uri, settings.user), driver.session(notifications_min_severity="OFF") as session:
            used = session.run("MATCH (n) WHERE NOT n:NewsgraphMeta RETURN count(n) > 0 AS used").single()["used"]
    finally:
        driver.close()
    if used:
        raise BulkLoadError("--bulk is for a first load into an empty database, and this one holds data; load without --bulk")
    folder = Path(tempfile.mkdtemp(prefix="newsgraph-bulk-")) if keep_csv is None else keep_csv
    folder.mkdir(parents=True, exist_ok=True)
    try:
        report = write_csv(extractions, folder, merge_rules)
        multiline = any(_has_newline(p) for p in report.files)
        args = [
            f"--nodes=Article={folder / 'articles.csv'}", f"--nodes=Entity={folder / 'entities.csv'}",
            f"--nodes=NewsgraphMeta={folder / 'meta.csv'}", f"--relationships=MENTIONS={folder / 'mentions.csv'}",
            f"--relationships={folder / 'relationships.csv'}", "--array-delimiter=U+001F", "--id-type=string",
        ]  # fmt: skip
        if multiline:  # v1: the v2 reader of 5.26 stops on BBC's relationships file ("CR outside a text cell")
            args.append("--multiline-fields=true")
        stopped = _script("stop", env=env)
        if stopped.returncode != 0:
            raise BulkLoadError(f"could not stop the local server: {stopped.stderr.strip()}")
        started = time.perf_counter()
        imported = _script("import", *args, env=env)
        report.import_seconds = time.perf_counter() - started
        restarted = _script("start", env=env)
        if imported.returncode != 0:
            raise BulkLoadError(f"neo4j-admin database import failed (the database is as it was): {imported.stderr.strip()[-2000:]}")
        if restarted.returncode != 0:
            raise BulkLoadError(f"the import finished but the server did not start again: {restarted.stderr.strip()[-2000:]}")
    finally:
        if keep_csv is None:
            shutil.rmtree(folder, ignore_errors=True)
    driver = connect(settings)
    try:
        store = Neo4jStore(driver)
        store.ensure_constraints()
        with translate_errors(settings.uri, settings.user), driver.session() as session:
            for statement in cypher.BULK_FIXES:
                session.run(statement).consume()
    finally:
        driver.close()
    return report


def _has_newline(path: Path) -> bool:
    with path.open(encoding="utf-8", newline="") as handle:
        next(handle, None)
        return any(line.count('"') % 2 == 1 for line in handle)  # a quoted field left open runs on to the next line
