"""The extraction store: streamed merge (replace in place, append, atomic) and graphs built by reading it back."""

from __future__ import annotations

import json

import networkx as nx
import pytest

from extract.errors import ExtractionFileError
from extract.io.jsonl import ExtractionFile, merge_into_file, read_extractions
from extract.model import Article, ArticleExtraction, Entity, Evidence, Mention, Relation, entity_id
from graph.build import build_graph, build_graph_from_file


def person(name: str) -> Entity:
    return Entity(entity_id(name, "PERSON"), name, "PERSON", (), (Mention(0, len(name), name, "PERSON"),))


def extraction(aid: str, text: str, *names: str) -> ArticleExtraction:
    people = tuple(person(n) for n in names)
    relations = tuple(
        Relation(a.id, "MET", b.id, Evidence(aid, text, (0, 1), (2, 3), "test"), 0.7) for a, b in zip(people, people[1:])
    )
    return ArticleExtraction(Article(aid, text), people, relations)


def ids(path) -> list[str]:
    return [e.doc_id for e in read_extractions(path)]


def texts(path) -> dict[str, str]:
    return {e.doc_id: e.article.text for e in read_extractions(path)}


def test_new_store_keeps_input_order(tmp_path):
    store = tmp_path / "out" / "extraction.jsonl"
    added, total = merge_into_file(store, (extraction(i, f"text {i}") for i in ["c", "a", "b"]))
    assert (added, total) == (3, 3)
    assert ids(store) == ["c", "a", "b"]


def test_same_id_replaces_in_place_and_new_ids_are_appended(tmp_path):
    store = tmp_path / "extraction.jsonl"
    merge_into_file(store, [extraction("a", "old a"), extraction("b", "old b"), extraction("c", "old c")])
    added, total = merge_into_file(store, [extraction("d", "new d"), extraction("b", "new b")])
    assert (added, total) == (2, 4)
    assert ids(store) == ["a", "b", "c", "d"]
    assert texts(store) == {"a": "old a", "b": "new b", "c": "old c", "d": "new d"}


def test_an_id_given_twice_keeps_its_first_place_and_last_version(tmp_path):
    store = tmp_path / "extraction.jsonl"
    merge_into_file(store, [extraction("x", "x1"), extraction("y", "y1"), extraction("x", "x2")])
    assert ids(store) == ["x", "y"] and texts(store)["x"] == "x2"


def test_nothing_new_writes_nothing(tmp_path):
    store = tmp_path / "extraction.jsonl"
    merge_into_file(store, [extraction("a", "a")])
    before = store.read_bytes()
    assert merge_into_file(store, iter(())) == (0, 1)
    assert store.read_bytes() == before
    assert merge_into_file(tmp_path / "none.jsonl", []) == (0, 0)
    assert not (tmp_path / "none.jsonl").exists()


def test_corrupt_store_fails_before_new_is_consumed_and_stays_as_it_was(tmp_path):
    store = tmp_path / "extraction.jsonl"
    good = '{"doc_id": "a", "text": "A.", "entities": [], "relations": []}\n'
    store.write_text(good + '{broken\n')
    consumed = []

    def new():
        consumed.append(1)
        yield extraction("b", "b")

    with pytest.raises(ExtractionFileError, match="extraction.jsonl:2"):
        merge_into_file(store, new())
    assert consumed == [] and store.read_text() == good + '{broken\n'
    assert [p.name for p in tmp_path.iterdir()] == ["extraction.jsonl"]


def test_failure_while_extracting_leaves_the_old_store(tmp_path):
    store = tmp_path / "extraction.jsonl"
    merge_into_file(store, [extraction("a", "a")])
    before = store.read_bytes()

    def new():
        yield extraction("b", "b")
        raise RuntimeError("worker failed")

    with pytest.raises(RuntimeError):
        merge_into_file(store, new())
    assert store.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["extraction.jsonl"]


def test_lines_stay_the_extract_contract(tmp_path):
    store = tmp_path / "extraction.jsonl"
    merge_into_file(store, [extraction("a", "Ann met Bob", "Ann", "Bob")])
    (line,) = store.read_text(encoding="utf-8").splitlines()
    assert json.loads(line) == extraction("a", "Ann met Bob", "Ann", "Bob").to_dict()


def test_graph_from_file_equals_graph_from_memory(tmp_path):
    articles = [
        extraction("a", "Patricia Hewitt met Gordon Brown", "Patricia Hewitt", "Gordon Brown"),
        extraction("b", "Hewitt met Tony Blair", "Hewitt", "Tony Blair"),
    ]
    store = tmp_path / "extraction.jsonl"
    merge_into_file(store, articles)
    streamed = build_graph_from_file(store)
    assert nx.utils.graphs_equal(streamed, build_graph(articles))
    assert entity_id("Hewitt", "PERSON") not in streamed, "the surname merge needs the resolve pass over the file"


def test_extraction_file_can_be_read_twice(tmp_path):
    store = tmp_path / "extraction.jsonl"
    merge_into_file(store, [extraction("a", "a"), extraction("b", "b")])
    view = ExtractionFile(store)
    assert [e.doc_id for e in view] == [e.doc_id for e in view] == ["a", "b"]
