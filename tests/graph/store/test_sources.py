"""What `newsgraph load` reads: extraction files as they are, articles parsed only when not stored unchanged."""

from __future__ import annotations

import json
from unittest.mock import MagicMock

import pytest

from extract.errors import InputError
from extract.model import Article, ArticleExtraction
from graph.store import Neo4jStore, sources


def _extraction_line(doc_id: str) -> str:
    return json.dumps(ArticleExtraction(Article(id=doc_id, text="Some text.")).to_dict()) + "\n"


def test_build_folders_and_extraction_jsonl_are_read_as_extractions(tmp_path):
    build = tmp_path / "out"
    build.mkdir()
    (build / "extraction.jsonl").write_text(_extraction_line("a"))
    (build / "graph.html").write_text("<html></html>")
    extracted = tmp_path / "x.jsonl"
    extracted.write_text(_extraction_line("b"))
    wire = tmp_path / "wire.jsonl"
    wire.write_text(json.dumps({"id": "w1", "text": "An article."}) + "\n")
    story = tmp_path / "story.txt"
    story.write_text("An article.")
    files, articles = sources.split_inputs([build, extracted, wire, story])
    assert files == [build / "extraction.jsonl", extracted]
    assert articles == [wire, story]


def test_a_bad_extraction_line_is_reported_with_its_line_and_skipped(tmp_path):
    path = tmp_path / "x.jsonl"
    path.write_text(_extraction_line("a") + "{not json\n" + '{"doc_id": "c"}\n' + _extraction_line("b"))
    problems: list[InputError] = []
    store = MagicMock(spec=Neo4jStore)
    gathered = sources.gather([path], store=store, force=True, on_error=problems.append)
    got = [x.doc_id for x in gathered]
    assert got == ["a", "b"]
    assert [(p.path, p.line) for p in problems] == [(str(path), 2), (str(path), 3)]


def test_articles_stored_unchanged_are_not_parsed(tmp_path, monkeypatch):
    (tmp_path / "one.txt").write_text("First article text.")
    (tmp_path / "two.txt").write_text("Second article text.")
    store = MagicMock(spec=Neo4jStore)
    store.unchanged.side_effect = lambda batch: {a.id for a in batch}

    def no_model(*_args, **_kwargs):
        raise AssertionError("spaCy must not be loaded when every article is unchanged")

    monkeypatch.setattr("extract.nlp.load_pipeline", no_model)
    seen: list[int] = []
    gathered = sources.gather([tmp_path], store=store, on_error=pytest.fail, on_article=seen.append)
    assert list(gathered) == [] and gathered.unchanged == 2 and sum(seen) == 2


@pytest.mark.model
def test_changed_articles_are_parsed(tmp_path, nlp):
    (tmp_path / "one.txt").write_text("Interior Minister Bernard Cazeneuve visited Calais.")
    (tmp_path / "two.txt").write_text("Second article text.")
    store = MagicMock(spec=Neo4jStore)
    store.unchanged.return_value = {str(tmp_path / "two.txt")}
    gathered = sources.gather([tmp_path], store=store, on_error=pytest.fail)
    extracted = list(gathered)
    assert [x.doc_id for x in extracted] == [str(tmp_path / "one.txt")]
    assert gathered.unchanged == 1
    assert any(r.predicate == "HAS_ROLE" for r in extracted[0].relations)
    gathered.close()
    assert not store.load.called, "gather only reads; loading is the caller's step"


def test_extraction_lines_stored_unchanged_are_left_out(tmp_path):
    path = tmp_path / "x.jsonl"
    path.write_text(_extraction_line("a") + _extraction_line("b"))
    store = MagicMock(spec=Neo4jStore)
    store.unchanged.side_effect = lambda articles: {a.id for a in articles if a.id == "a"}
    gathered = sources.gather([path], store=store, on_error=pytest.fail)
    assert [x.doc_id for x in gathered] == ["b"] and gathered.unchanged == 1
    forced = sources.gather([path], store=store, force=True, on_error=pytest.fail)
    assert [x.doc_id for x in forced] == ["a", "b"] and forced.unchanged == 0


@pytest.mark.model
def test_extracted_articles_stream_from_a_scratch_file_any_number_of_times(tmp_path, nlp):
    (tmp_path / "one.txt").write_text("Interior Minister Bernard Cazeneuve visited Calais.")
    store = MagicMock(spec=Neo4jStore)
    store.unchanged.return_value = set()
    with sources.gather([tmp_path], store=store, on_error=pytest.fail) as gathered:
        assert gathered.count == 1 and gathered.scratch.is_dir()
        first, again = list(gathered), list(gathered)
        assert first == again and first[0].relations
        scratch = gathered.scratch
    assert not scratch.exists(), "the scratch file goes when the load is done"


def test_bad_lines_are_reported_once_not_on_every_pass(tmp_path):
    path = tmp_path / "x.jsonl"
    path.write_text(_extraction_line("a") + "{not json\n" + _extraction_line("b"))
    problems: list[InputError] = []
    gathered = sources.gather([path], store=MagicMock(spec=Neo4jStore), force=True, on_error=problems.append)
    assert [x.doc_id for x in gathered] == [x.doc_id for x in gathered] == ["a", "b"]
    assert len(problems) == 1 and gathered.count == 2


@pytest.mark.model
def test_an_article_the_rules_fail_on_is_reported_and_the_rest_loaded(tmp_path, nlp, rules_fail_on_maternity):
    (tmp_path / "maternity-pay.txt").write_text("Interior Minister Bernard Cazeneuve visited Calais.")
    (tmp_path / "good.txt").write_text("Acme Corp hired Jane Roe.")
    problems: list[InputError] = []
    store = MagicMock(spec=Neo4jStore)
    store.unchanged.return_value = set()
    gathered = sources.gather([tmp_path], store=store, on_error=problems.append)
    assert [x.doc_id for x in gathered] == [str(tmp_path / "good.txt")]
    gathered.close()
    assert len(problems) == 1 and str(tmp_path / "maternity-pay.txt") in str(problems[0]) and "two spans" in str(problems[0])
