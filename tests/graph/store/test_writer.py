"""graph.store.writer: the rows an article becomes, and what a write transaction does (driver mocked).

The whole load (two passes, resolving the stored corpus again, crashes, concurrent loads) runs against a
live server in ``test_live.py`` and ``test_durability.py``.
"""

from __future__ import annotations

import json
from types import SimpleNamespace
from unittest.mock import MagicMock

import pytest

from extract.model import Article, ArticleExtraction, Entity, Evidence, Mention, Relation
from extract.resolve import Resolution, parse_merge_rules
from graph.store import cypher
from graph.store.writer import (
    Folded,
    Writer,
    _write_batch,
    fact_rows,
    fingerprint,
    fold_state,
    json_text,
    pack,
    rules_text,
    stored_extraction,
    unpack,
)

SENTENCE = "Interior Minister Ada Quill visited Harbourton."


def extraction(doc_id: str = "a1", predicate: str = "VISIT", published: str = "2024-05-02") -> ArticleExtraction:
    article = Article(id=doc_id, text=SENTENCE, title="Quill visits", published=published)
    entities = (
        Entity("person:ada-quill", "Ada Quill", "PERSON", ("Quill",), (Mention(18, 27, "Ada Quill"), Mention(18, 27, "Ada Quill"))),
        Entity("role:interior-minister", "interior minister", "ROLE", mentions=(Mention(0, 17, "Interior Minister"),)),
        Entity("gpe:harbourton", "Harbourton", "GPE", mentions=(Mention(36, 46, "Harbourton"),)),
    )
    relations = (
        Relation("person:ada-quill", "HAS_ROLE", "role:interior-minister", Evidence(doc_id, SENTENCE, (18, 27), (0, 17), "title"), 0.8),
        Relation("person:ada-quill", predicate, "gpe:harbourton", Evidence(doc_id, SENTENCE, (18, 27), (36, 46), "svo"), 0.61234),
    )
    return ArticleExtraction(article, entities, relations)


def test_an_article_becomes_its_node_mentions_and_evidence_with_offsets():
    folded = Folded.new(extraction(), Resolution())
    assert folded.fingerprint == list(fingerprint(extraction().article))
    props = folded.props
    assert (props["id"], props["title"], props["published"]) == ("a1", "Quill visits", "2024-05-02")
    assert json.loads(props["merged"]) == {"ids": {}, "names": {}} and "text" not in unpack(props["extraction"])
    assert [s["id"] for s in unpack(props["sightings"])] == ["person:ada-quill", "gpe:harbourton"], "named entities only"
    assert isinstance(props["extraction"], bytes) and len(props["extraction"]) < len(json_text(props["extraction"])), "kept compressed"
    quill = next(m for m in folded.mentions if m["entity"] == "person:ada-quill")
    assert quill["props"] == {"count": 2, "names": ["Ada Quill", "Quill"], "name": "Ada Quill", "type": "PERSON", "own": True}
    assert folded.facts[("person:ada-quill", "VISIT", "gpe:harbourton")] == [
        ("a1", SENTENCE, "svo", 0.6123, "2024-05-02", 18, 27, 36, 46)
    ]
    assert folded.rows == 1 + 3 + 2


def test_a_stored_article_folds_again_exactly_as_it_was_loaded():
    folded = Folded.new(extraction(), Resolution())
    record = {"doc_id": "a1", "title": "Quill visits", "url": "", "published": "2024-05-02", "source": "", "site_name": "", **folded.props}
    again = Folded.of(stored_extraction(record), json.loads(folded.props["merged"]), content_hash=folded.props["content_hash"], sightings=folded.props["sightings"])
    assert (again.props, again.mentions, again.facts) == (folded.props, folded.mentions, folded.facts)


def test_merged_entities_land_on_their_canonical_node_and_the_article_records_it():
    resolution = Resolution()
    resolution.merge("gpe:harbourton", "gpe:harbourton-bay", "test")
    folded = Folded.new(extraction(), resolution)
    assert json.loads(folded.props["merged"])["ids"] == {"gpe:harbourton": "gpe:harbourton-bay"}
    town = next(m for m in folded.mentions if m["entity"] == "gpe:harbourton-bay")
    assert town["props"]["own"] is False and town["props"]["name"] == "Harbourton"
    assert ("person:ada-quill", "VISIT", "gpe:harbourton-bay") in folded.facts


def test_predicates_reach_rows_only_as_validated_types():
    hostile = Folded.new(extraction(predicate="X`]->(n) DETACH DELETE n //"), Resolution())
    assert {key[1] for key in hostile.facts} == {"HAS_ROLE", "X_N_DETACH_DELETE_N"} and hostile.skipped == 0
    unusable = Folded.new(extraction(predicate="123"), Resolution())
    assert {key[1] for key in unusable.facts} == {"HAS_ROLE"} and unusable.skipped == 1


def test_fact_rows_gather_articles_in_id_order_with_totals():
    late, early = Folded.new(extraction("b2", published="2024-06-10"), Resolution()), Folded.new(extraction("a1"), Resolution())
    (role, _visit) = fact_rows([late, early])
    props = role["props"]
    assert (role["source"], role["type"], role["target"]) == ("person:ada-quill", "HAS_ROLE", "role:interior-minister")
    assert props["articles"] == ["a1", "b2"] and props["dates"] == ["2024-05-02", "2024-06-10"]
    assert (props["source_starts"], props["target_ends"]) == ([18, 18], [17, 17])
    assert (props["count"], props["confidence"], props["first_seen"], props["last_seen"]) == (2, 0.8, "2024-05-02", "2024-06-10")
    assert set(props) == {*cypher.EVIDENCE_LISTS, "count", "confidence", "first_seen", "last_seen"}


def test_fold_state_and_rules_text():
    resolution = Resolution(display={"person:ada-quill": ("Ada Quill", "PERSON")})
    resolution.merge("person:quill", "person:ada-quill", "surname")
    seen = [SimpleNamespace(id="person:quill"), SimpleNamespace(id="gpe:x")]
    assert fold_state("a1", seen, resolution) == {"ids": {"person:quill": "person:ada-quill"}, "names": {"person:ada-quill": ["Ada Quill", "PERSON"]}}
    rules = parse_merge_rules("# c\nmerge\tHuman Rights Watch\tHRW\nnever\tMarine Le Pen\tJean-Marie Le Pen\n")
    assert parse_merge_rules(rules_text(rules)).rules == tuple(
        type(r)(r.kind, r.names, i) for i, r in enumerate(rules.rules, start=1)
    )


class FakeTx:
    """A managed transaction that answers the lock, the stored-article check and the relationships found, and
    records the rest."""

    def __init__(self, stored: list[dict] | None = None, empty: bool = True, existing: int = 0):
        self.stored = stored or []
        self.empty = empty
        self.existing = existing  # how many of the looked-up relationships exist
        self.runs: list[tuple[str, dict]] = []

    def run(self, query, params=None, **kwargs):
        params = {**(params or {}), **kwargs}
        self.runs.append((query, params))
        result = MagicMock()
        result.single.return_value = {"dirty": False, "merges": None, "previous": None, "empty": self.empty}
        answers = {
            cypher.STORED_FOR_WRITE: self.stored,
            cypher.FIND_RELATIONSHIPS: [{"i": i, "eid": f"old-{i}"} for i in range(min(self.existing, len(params.get("rows", ()))))],
            cypher.CREATE_RELATIONSHIPS: [{"i": i, "eid": f"new-{i}"} for i in range(len(params.get("rows", ())))],
            cypher.DELETE_EMPTIED: [],
        }
        result.__iter__.return_value = iter(answers.get(query, []))
        rows = len(params.get("rows", params.get("ids", ())))
        result.consume.return_value.counters = SimpleNamespace(nodes_created=rows, relationships_created=rows, relationships_deleted=0)
        return result

    def queries(self) -> list[str]:
        return [q for q, _ in self.runs]


def test_a_write_transaction_takes_the_lock_first_and_writes_a_new_article():
    tx, writer = FakeTx(empty=True), Writer()
    summary, done = _write_batch(tx, [Folded.new(extraction(), Resolution())], False, writer)
    assert tx.queries() == [
        cypher.LOCK, cypher.CLAIM, cypher.STORED_FOR_WRITE, cypher.MARK_DIRTY, cypher.MERGE_ENTITIES, cypher.WRITE_ARTICLES, cypher.CREATE_RELATIONSHIPS,
    ], "an empty store has no relationship to look up"  # fmt: skip
    assert (summary.articles_loaded, summary.nodes_created, summary.relationships_created) == (1, 3, 2)
    done.commit_to(writer)
    assert writer.complete and set(writer.known.values()) == {"new-0", "new-1"}


def test_relationships_are_looked_up_unless_the_load_knows_them_all():
    tx, writer = FakeTx(empty=False, existing=1), Writer()
    summary, done = _write_batch(tx, [Folded.new(extraction(), Resolution())], False, writer)
    assert cypher.FIND_RELATIONSHIPS in tx.queries() and tx.queries()[-2:] == [cypher.CREATE_RELATIONSHIPS, cypher.ADD_EVIDENCE]
    assert (summary.relationships_created, summary.relationships_updated) == (1, 1)
    done.commit_to(writer)
    assert not writer.complete, "someone else's relationships may be in the store: look up next time too"


def test_an_article_another_load_stored_meanwhile_is_skipped_inside_the_transaction():
    tx = FakeTx(stored=[{"doc_id": "a1", "same": True, "extraction": None, "merged": "{}"}])
    summary, _ = _write_batch(tx, [Folded.new(extraction(), Resolution())], False, Writer())
    assert tx.queries() == [cypher.LOCK, cypher.CLAIM, cypher.STORED_FOR_WRITE]
    assert (summary.articles_skipped, summary.articles_loaded) == (1, 0)


@pytest.mark.parametrize("force", [False, True])
def test_a_changed_article_has_its_old_contribution_taken_out_first(force):
    old = Folded.new(extraction(predicate="MEET"), Resolution())
    record = {"doc_id": "a1", "same": force, "title": "", "url": "", "published": "", "source": "", "site_name": "", **old.props}
    tx = FakeTx(stored=[record], empty=False, existing=3)
    summary, _ = _write_batch(tx, [Folded.new(extraction(), Resolution())], force, Writer())
    queries = tx.queries()
    assert queries[3:8] == [cypher.MARK_DIRTY, cypher.FIND_RELATIONSHIPS, cypher.STRIP_EVIDENCE, cypher.DELETE_MENTIONS, cypher.MERGE_ENTITIES]
    assert queries[-1] == cypher.DELETE_EMPTIED, "emptied relationships go only after the new evidence is in"
    found = dict(tx.runs)[cypher.FIND_RELATIONSHIPS]["rows"]
    assert {r["type"] for r in found} == {"HAS_ROLE", "MEET", "VISIT"}, "old and new relationships, looked up before any write"
    strip = dict(tx.runs)[cypher.STRIP_EVIDENCE]["rows"]
    assert all(r["articles"] == ["a1"] for r in strip) and len(strip) == 2
    assert summary.articles_replaced == 1 and summary.articles_loaded == 0


def test_stored_json_is_read_packed_or_as_plain_text():
    value = {"entities": [{"id": "person:ada-quill", "name": "Ada Quill"}], "relations": []}
    packed = pack(value)
    assert isinstance(packed, bytes) and unpack(packed) == value and json.loads(json_text(packed)) == value
    assert unpack(json_text(packed)) == value, "the bulk path and older stores keep the text"
    assert unpack(None) is None and unpack("") is None and json_text("[]") == "[]"
