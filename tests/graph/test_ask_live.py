"""``ask`` (networkx on graph.json) against ``query --template`` (Cypher in Neo4j) on the same articles.

The server is shared with other tests and a user's own data. So every article id here carries a token unique
to this run; each set of articles is loaded with the resolution its graph is built with (so no stored actor
elsewhere can absorb one of ours), compared, and removed again; the test refuses to compare when another
article in the database mentions one of our actors (resolution names actors by their decided name, so the same
actor loaded from elsewhere is the same node); and a name that also matches an actor outside our graph is asked
by our node's id instead (``_named`` matches ids too), so foreign rows never enter an answer. Rows are compared
as multisets; where the template orders them, the sequence of sort keys must match too (rows tied on every key
may come in any order from Neo4j).
"""

from __future__ import annotations

import dataclasses
import itertools
import json
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from typer.testing import CliRunner

from extract.model import ArticleExtraction, Relation
from extract.resolve import Resolution, resolve
from graph import results
from graph.ask import StoredGraph
from graph.build import build_graph
from graph.cli import app
from graph.formats import read_graph, write_graph_files
from graph.store import Neo4jStore
from graph.store.cypher import TEMPLATES, _named
from tests.conftest import EXAMPLES, REPO, unavailable
from tests.graph.ask_articles import articles

pytestmark = pytest.mark.neo4j

TOKEN = f"ask{uuid.uuid4().hex[:8]}"
#: The ORDER BY keys of each template (None: the template does not order its rows).
ORDER = {
    "roles": ("evidence", "role"),
    "members": ("relation", "evidence", "member"),
    "connection": None,
    "comentions": ("articles", "name"),
    "about": ("published", "who"),
}


def tokenized(extraction: ArticleExtraction, token: str) -> ArticleExtraction:
    """The same article with ``token`` in its id and in every entity id."""

    def eid(value: str) -> str:
        kind, _, slug = value.partition(":")
        return f"{kind}:{token}-{slug}"

    doc = f"{token}/{extraction.doc_id}"
    entities = tuple(dataclasses.replace(e, id=eid(e.id)) for e in extraction.entities)
    relations = tuple(
        Relation(eid(r.source), r.predicate, eid(r.target), dataclasses.replace(r.evidence, article_id=doc), r.confidence)
        for r in extraction.relations
    )
    return ArticleExtraction(dataclasses.replace(extraction.article, id=doc), entities, relations)


@pytest.fixture(scope="module")
def store(neo4j_driver):
    store = Neo4jStore(neo4j_driver)
    yield store
    mine = store.query("MATCH (a:Article) WHERE a.id STARTS WITH $token RETURN a.id AS id", {"token": TOKEN})
    store.remove([r["id"] for r in mine.records])


@contextmanager
def loaded(store: Neo4jStore, extractions: list[ArticleExtraction], tmp_path, resolution: Resolution) -> Iterator[StoredGraph]:
    """The articles in Neo4j and in a graph.json built as ``build`` builds it, with the same resolution; removed after."""
    store.load(extractions, force=True, resolution=resolution)
    try:
        paths = write_graph_files(build_graph(extractions, resolution), tmp_path, ["json"])
        stored = StoredGraph(read_graph(paths["json"]))
        shared = store.query(
            "MATCH (a:Article)-[:MENTIONS]->(e:Entity) WHERE e.id IN $ids AND NOT a.id IN $articles RETURN collect(DISTINCT e.id) AS ids",
            {"ids": list(stored.graph), "articles": [x.doc_id for x in extractions]},
        ).records[0]["ids"]
        if shared:
            unavailable(f"the database holds other articles about {len(shared)} of the test's actors ({', '.join(shared[:3])}…); "
                        "compare on a database without them")  # fmt: skip
        yield stored
    finally:
        store.remove([x.doc_id for x in extractions])


def cypher_rows(store: Neo4jStore, template: str, params: dict) -> list[dict]:
    chosen = TEMPLATES[template]
    result = store.query(chosen.cypher, chosen.parameters(params))
    return results.rows(result.keys, result.records)


def assert_same(template: str, params: dict, expected: list[dict], got: list[dict]) -> None:
    def plain(row: dict) -> str:
        if template == "comentions":  # collect(DISTINCT a.title)[0..3]: which titles, in which order, is Neo4j's choice
            row = {**row, "titles": sorted(row["titles"])}
        return json.dumps(row, sort_keys=True)

    where = f"{template} {params}"
    assert sorted(map(plain, got)) == sorted(map(plain, expected)), where
    keys = ORDER[template]
    if keys is not None:
        assert [[r[k] for k in keys] for r in got] == [[r[k] for k in keys] for r in expected], f"{where}: order"


def named_param(stored: StoredGraph, db: Neo4jStore, nid: str) -> str:
    """The node's name, unless an actor outside our graph answers to it too (then its id)."""
    name = stored.name(nid)
    foreign = db.query(f"MATCH (e:Entity) WHERE {_named('e', 'name')} AND NOT e.id IN $ids RETURN count(e) AS n",
                       {"name": name, "ids": list(stored.graph)})  # fmt: skip
    return name if foreign.records[0]["n"] == 0 else nid


def compare_everything(db: Neo4jStore, stored: StoredGraph, *, pairs: int) -> int:
    """Every one-name template for every node, ``connection`` for ``pairs`` pairs of actors; returns questions asked."""
    asked = 0
    names = {nid: named_param(stored, db, nid) for nid in stored.graph}
    for template in ("roles", "members", "comentions", "about"):
        for value in names.values():
            params = {"name": value, **({"limit": 1000} if "limit" in TEMPLATES[template].defaults else {})}
            assert_same(template, params, cypher_rows(db, template, params), stored.ask(template, params).rows)
            asked += 1
    actors = [nid for nid, data in stored.graph.nodes(data=True) if data["type"] in ("PERSON", "ORG", "GPE", "NORP")]
    for a, b in itertools.islice(itertools.combinations(actors, 2), pairs):
        params = {"a": names[a], "b": names[b], "limit": 1000}
        assert_same("connection", params, cypher_rows(db, "connection", params), stored.ask("connection", params).rows)
        asked += 1
    return asked


def test_hand_made_articles_give_the_same_rows_both_ways(store, tmp_path):
    with loaded(store, articles(f"{TOKEN}-"), tmp_path, Resolution()) as stored:  # the articles exactly as written
        assert compare_everything(store, stored, pairs=200) > 100
        assert sum(named_param(stored, store, nid) != nid for nid in stored.graph) > 10, "names, not ids, are asked"
        for template, params in [
            ("roles", {"name": "okafor"}), ("roles", {"name": "MAYOR OKAFOR"}), ("members", {"name": "harbour GUILD"}),
            ("connection", {"a": "Okafor", "b": "Harbour Guild"}), ("connection", {"a": "Vell Fishers", "b": "harbour guild"}),
            ("connection", {"a": "Ana Bex", "b": "Kit Lowe"}), ("connection", {"a": "Okafor", "b": "Harbour Guild", "limit": 0}),
            ("comentions", {"name": "Harbour Guild", "limit": 1}), ("about", {"name": "Okafor"}), ("about", {"name": "Okafor", "limit": 2}),
        ]:  # fmt: skip
            expected = cypher_rows(store, template, params)
            assert_same(template, params, expected, stored.ask(template, params).rows)
        assert {len(r["steps"]) for r in cypher_rows(store, "connection", {"a": "Vell Fishers", "b": "harbour guild"})} == {3}


@pytest.mark.model
def test_the_test_articles_and_examples_give_the_same_rows_both_ways(store, nlp, tmp_path):
    from extract.io.ingest import read_articles
    from extract.run import extract_articles

    paths = [REPO / "tests" / "data" / "news", EXAMPLES]
    extractions = [tokenized(x, TOKEN) for x in extract_articles(read_articles(paths, on_error=print), nlp=nlp)]
    assert len(extractions) == len(list(read_articles(paths, on_error=print))) > 10
    with loaded(store, extractions, tmp_path, resolve(extractions)) as stored:  # resolved as build resolves them
        assert stored.graph.number_of_edges() > 50
        assert compare_everything(store, stored, pairs=400) > 500


def test_ask_prints_what_query_prints(store, tmp_path):
    runner = CliRunner()
    with loaded(store, articles(f"{TOKEN}-"), tmp_path, Resolution()):
        for args in (["roles", "--param", "name=Okafor"], ["about", "--param", "name=Ines Okafor"], ["members", "--param", "name=Harbour Guild"]):
            for fmt in ("json", "csv"):
                cypher = runner.invoke(app, ["query", "--template", *args, "--format", fmt])
                graph = runner.invoke(app, ["ask", *args, str(tmp_path / "graph.json"), "--format", fmt])
                assert cypher.exit_code == 0 and graph.exit_code == 0, (cypher.output, graph.output)
                assert graph.stdout == cypher.stdout and graph.stdout.strip() not in ("", "[]")
