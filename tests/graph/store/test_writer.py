"""graph.store.writer: idempotent loads, replacement and removal (driver mocked)."""

from __future__ import annotations

from types import SimpleNamespace
from unittest.mock import MagicMock

import neo4j
import pytest

from extract.model import Article, ArticleExtraction, Entity, Evidence, Mention, Relation
from graph.store import Neo4jStore, cypher
from graph.store.writer import fingerprint

SENTENCE = "Interior Minister Ada Quill visited Harbourton."


def extraction(doc_id: str = "a1", text: str = SENTENCE, predicate: str = "VISIT", published: str = "2024-05-02") -> ArticleExtraction:
    article = Article(id=doc_id, text=text, title="Quill visits", published=published)
    entities = (
        Entity("person:ada-quill", "Ada Quill", "PERSON", mentions=(Mention(18, 27, "Ada Quill"),)),
        Entity("role:interior-minister", "interior minister", "ROLE", mentions=(Mention(0, 17, "Interior Minister"),)),
        Entity("gpe:harbourton", "Harbourton", "GPE", mentions=(Mention(36, 46, "Harbourton"),)),
    )
    relations = (
        Relation("person:ada-quill", "HAS_ROLE", "role:interior-minister", Evidence(doc_id, SENTENCE, (18, 27), (0, 17), "title"), 0.8),
        Relation("person:ada-quill", predicate, "gpe:harbourton", Evidence(doc_id, SENTENCE, (18, 27), (36, 46), "svo"), 0.6),
    )
    return ArticleExtraction(article, entities, relations)


class FakeNeo4j:
    """A ``MagicMock(spec=neo4j.Driver)`` whose reads return canned records and whose writes are recorded."""

    def __init__(self, stored: dict[str, tuple] | None = None, known: list[dict] | None = None, touched: list[str] = ()):
        self.driver = MagicMock(spec=neo4j.Driver)
        self.stored = stored or {}
        self.known = known or []
        self.driver.execute_query.side_effect = self._execute_query
        self.tx = MagicMock()
        self.tx.run.side_effect = self._run
        self.touched = list(touched)
        session = self.driver.session.return_value.__enter__.return_value
        session.execute_write.side_effect = lambda work, *args: work(self.tx, *args)

    def _execute_query(self, query, params=None, **_):
        if query == cypher.STORED_ARTICLES:
            keys = ("content_hash", "title", "url", "published", "source")
            return [dict(id=i, **dict(zip(keys, self.stored[i]))) for i in params["ids"] if i in self.stored], None, []
        if query == cypher.KNOWN_ENTITIES:
            return self.known, None, []
        return [], None, []

    def _run(self, query, params):
        result = MagicMock()
        result.single.return_value = {"ids": self.touched}
        rows = len(params.get("rows", ()))
        created = rows if query.lstrip().startswith("UNWIND $rows") else 0
        result.consume.return_value.counters = SimpleNamespace(
            nodes_created=created, relationships_created=created, nodes_deleted=0, relationships_deleted=0
        )
        return result

    def writes(self) -> list[tuple[str, dict]]:
        return [(c.args[0], c.args[1]) for c in self.tx.run.call_args_list]

    def reads(self) -> list[str]:
        return [c.args[0] for c in self.driver.execute_query.call_args_list]


def test_first_load_creates_constraints_then_writes_batched_rows():
    fake = FakeNeo4j()
    summary = Neo4jStore(fake.driver).load([extraction()])

    assert fake.reads()[:3] == [*cypher.CONSTRAINTS, cypher.STORED_ARTICLES]
    writes = fake.writes()
    assert [q for q, _ in writes] == [
        cypher.UPSERT_ARTICLES,
        cypher.merge_entities("Person"),
        cypher.merge_entities("Role"),
        cypher.merge_entities("Place"),
        cypher.MERGE_MENTIONS,
        cypher.MERGE_RELATIONSHIPS,
        cypher.REFRESH_ENTITIES,
    ]
    art = extraction().article
    assert writes[0][1] == {"rows": [{
        "id": "a1", "title": "Quill visits", "url": "", "published": "2024-05-02", "source": "",
        "authors": [], "site_name": "", "content_hash": art.content_hash,
    }]}  # fmt: skip
    assert writes[1][1] == {"rows": [{"id": "person:ada-quill", "name": "Ada Quill", "type": "PERSON"}]}
    assert {"article": "a1", "entity": "gpe:harbourton", "count": 1, "names": ["Harbourton"]} in writes[4][1]["rows"]
    assert writes[5][1]["rows"][1] == {
        "source": "person:ada-quill", "type": "VISIT", "target": "gpe:harbourton", "articles": ["a1"],
        "sentences": [SENTENCE], "rules": ["svo"], "confidences": [0.6], "dates": ["2024-05-02"],
    }  # fmt: skip
    assert [row["type"] for row in writes[5][1]["rows"]] == ["HAS_ROLE", "VISIT"]
    assert writes[6][1] == {"ids": ["gpe:harbourton", "person:ada-quill", "role:interior-minister"]}
    assert (summary.articles_loaded, summary.articles_replaced, summary.articles_skipped) == (1, 0, 0)
    assert (summary.nodes_created, summary.relationships_created) == (3, 2)


def test_unchanged_article_is_skipped_without_a_write_transaction():
    ext = extraction()
    fake = FakeNeo4j(stored={"a1": fingerprint(ext.article)})
    summary = Neo4jStore(fake.driver).load([ext, ext])  # a repeated id counts once
    assert summary.articles_skipped == 1 and summary.articles_loaded == 0
    fake.driver.session.assert_not_called()
    assert cypher.KNOWN_ENTITIES not in fake.reads(), "nothing to write: no need to read the stored entities"


@pytest.mark.parametrize("change", [{"text": SENTENCE + " Again."}, {"published": "2024-06-01"}])
def test_changed_article_has_its_old_contribution_taken_out_first(change):
    old = extraction()
    fake = FakeNeo4j(stored={"a1": fingerprint(old.article)}, touched=["gpe:old-town", "person:ada-quill"])
    summary = Neo4jStore(fake.driver).load([extraction(**change)])
    writes = fake.writes()
    assert writes[:3] == [
        (cypher.MENTIONED_BY, {"ids": ["a1"]}),
        (cypher.STRIP_EVIDENCE, {"ids": ["a1"]}),
        (cypher.DELETE_MENTIONS, {"ids": ["a1"]}),
    ]
    assert writes[-3] == (cypher.DELETE_UNSUPPORTED, {"ids": ["gpe:old-town", "person:ada-quill"]}), "after re-adding"
    assert writes[-2] == (cypher.REFRESH_ENTITIES, {"ids": ["gpe:harbourton", "gpe:old-town", "person:ada-quill", "role:interior-minister"]})
    assert writes[-1] == (cypher.DELETE_ORPHANS, {"ids": ["gpe:old-town"]}), "only entities the new text dropped"
    assert (summary.articles_loaded, summary.articles_replaced) == (0, 1)


def test_force_reloads_unchanged_articles():
    ext = extraction()
    fake = FakeNeo4j(stored={"a1": fingerprint(ext.article)})
    summary = Neo4jStore(fake.driver).load([ext], force=True)
    assert summary.articles_replaced == 1
    assert fake.writes()[1] == (cypher.STRIP_EVIDENCE, {"ids": ["a1"]})


def test_predicates_reach_the_query_only_as_validated_types():
    fake = FakeNeo4j()
    hostile = Neo4jStore(fake.driver).load([extraction(predicate="X`]->(n) DETACH DELETE n //")])
    rows = dict(fake.writes())[cypher.MERGE_RELATIONSHIPS]["rows"]
    assert [row["type"] for row in rows] == ["HAS_ROLE", "X_N_DETACH_DELETE_N"]
    assert not any("DETACH DELETE n //" in q for q, _ in fake.writes())
    assert hostile.relations_skipped == 0

    fake = FakeNeo4j()
    unusable = Neo4jStore(fake.driver).load([extraction(predicate="123")])
    assert unusable.relations_skipped == 1
    assert [row["type"] for row in dict(fake.writes())[cypher.MERGE_RELATIONSHIPS]["rows"]] == ["HAS_ROLE"]


def test_lone_surname_joins_a_full_name_already_stored():
    article = Article(id="a2", text="Quill resigned.")
    lone = ArticleExtraction(article, (Entity("person:quill", "Quill", "PERSON", mentions=(Mention(0, 5, "Quill"),)),))
    fake = FakeNeo4j(known=[{"id": "person:ada-quill", "name": "Ada Quill", "type": "PERSON"}])
    Neo4jStore(fake.driver).load([lone])
    entity_rows = dict(fake.writes())[cypher.merge_entities("Person")]["rows"]
    assert entity_rows == [{"id": "person:ada-quill", "name": "Ada Quill", "type": "PERSON"}]
    mention_rows = dict(fake.writes())[cypher.MERGE_MENTIONS]["rows"]
    assert mention_rows == [{"article": "a2", "entity": "person:ada-quill", "count": 1, "names": ["Quill"]}]


def test_user_merge_rules_decide_the_node_an_entity_lands_on():
    from extract.resolve import parse_merge_rules

    article = Article(id="a3", text="The Quill office said so.")
    other = ArticleExtraction(article, (Entity("org:quill-office", "Quill office", "ORG", mentions=(Mention(4, 16, "Quill office"),)),))
    rules = parse_merge_rules("merge\tAda Quill\tQuill office")
    fake = FakeNeo4j()
    Neo4jStore(fake.driver).load([extraction(), other], merge_rules=rules)
    mention_rows = dict(fake.writes())[cypher.MERGE_MENTIONS]["rows"]
    assert {"article": "a3", "entity": "person:ada-quill", "count": 1, "names": ["Quill office"]} in mention_rows
    assert "org:quill-office" not in str(fake.writes())


def test_articles_are_split_into_transactions_by_row_count():
    fake = FakeNeo4j()
    batches = []
    summary = Neo4jStore(fake.driver, batch_rows=6).load(
        [extraction(f"a{i}") for i in range(5)], on_progress=batches.append
    )
    upserts = [p["rows"] for q, p in fake.writes() if q == cypher.UPSERT_ARTICLES]
    assert [len(rows) for rows in upserts] == [1, 1, 1, 1, 1]  # each article has 6 rows
    assert batches == [0, 1, 1, 1, 1, 1] and summary.articles_loaded == 5


def test_remove_reports_missing_ids_and_deletes_what_nothing_supports():
    fake = FakeNeo4j(stored={"a1": fingerprint(extraction().article)}, touched=["person:ada-quill"])
    summary = Neo4jStore(fake.driver).remove(["a1", "nope", "a1"])
    assert summary.missing == ["nope"] and summary.articles_removed == 1
    assert fake.writes() == [
        (cypher.MENTIONED_BY, {"ids": ["a1"]}),
        (cypher.STRIP_EVIDENCE, {"ids": ["a1"]}),
        (cypher.DELETE_MENTIONS, {"ids": ["a1"]}),
        (cypher.DELETE_ARTICLES, {"ids": ["a1"]}),
        (cypher.DELETE_UNSUPPORTED, {"ids": ["person:ada-quill"]}),
        (cypher.REFRESH_ENTITIES, {"ids": ["person:ada-quill"]}),
        (cypher.DELETE_ORPHANS, {"ids": ["person:ada-quill"]}),
    ]


def test_a_node_gets_the_name_the_resolution_decided_as_in_graph_build():
    from extract.model import entity_id
    from extract.resolve import resolve
    from graph.build import build_graph
    from graph.store.writer import _Batch, _canonical_names

    def article(doc_id: str, name: str) -> ArticleExtraction:
        entity = Entity(entity_id(name, "ORG"), name, "ORG", (), (Mention(0, len(name), name, "ORG"),))
        return ArticleExtraction(Article(doc_id, f"{name} met."), (entity,))

    articles = [article("a", "Harbour guild"), article("b", "Harbour Guild"), article("c", "Harbour Guild")]
    resolution = resolve(articles)
    (row,) = _Batch.of(articles, resolution, _canonical_names(articles)).entities["Organization"]
    (name,) = [data["name"] for _, data in build_graph(articles, resolution).nodes(data=True)]
    assert row["name"] == name == "Harbour Guild", "not the spelling of the first article that owns the id"
