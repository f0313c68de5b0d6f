"""extract.run.pool: several processes, the same output as one."""

from __future__ import annotations

import json
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool

import pytest
from typer.testing import CliRunner

from extract.errors import WorkerError
from extract.io.ingest import read_articles
from extract.model import Article
from extract.run import extract_articles
from extract.run.pool import _collect, extract_parallel
from graph.cli import app
from tests.conftest import EXAMPLES

runner = CliRunner()


def run(*args):
    return runner.invoke(app, [str(a) for a in args], catch_exceptions=False)


@pytest.mark.model
def test_two_workers_write_exactly_what_one_writes(tmp_path):
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert run("extract", EXAMPLES, "-o", one).exit_code == 0
    assert run("extract", EXAMPLES, "-o", two, "--workers", "2").exit_code == 0
    assert len(one.read_text().splitlines()) == 9
    assert two.read_bytes() == one.read_bytes()


@pytest.mark.model
def test_workers_keep_input_order_with_bounded_work_in_flight():
    examples = list(read_articles([EXAMPLES]))
    # Different ids per copy, in an order no sort would give.
    articles = [
        Article(id=f"{n}-{a.id}", text=a.text, title=a.title) for n in range(3) for a in reversed(examples)
    ]
    pulled: list[str] = []

    def source():
        for article in articles:
            pulled.append(article.id)
            yield article

    stream = extract_parallel(source(), workers=2, batch_size=2, chunk_size=2, max_pending=3)
    first = next(stream)
    # The first result came back while at most max_pending chunks had been read: the input is not drained.
    assert first.doc_id == articles[0].id and len(pulled) <= 3 * 2 < len(articles)
    rest = list(stream)
    assert [e.doc_id for e in [first, *rest]] == [a.id for a in articles]
    alone = list(extract_articles(articles[:6]))
    assert [e.to_dict() for e in alone] == [e.to_dict() for e in [first, *rest][:6]]


@pytest.mark.model
def test_bad_input_in_the_middle_is_reported_and_the_rest_done(tmp_path):
    good1, good2 = EXAMPLES / "calais-visit.txt", EXAMPLES / "maternity-pay.txt"
    bad = tmp_path / "broken.txt"
    bad.write_bytes(b"Caf\xe9 owners met the mayor of Calais.\n")
    out = tmp_path / "o.jsonl"
    result = run("extract", good1, bad, good2, "-o", out, "--workers", "2")
    assert result.exit_code == 1
    assert str(bad) in result.stderr and "UTF-8" in result.stderr
    names = [json.loads(x)["doc_id"].rsplit("/", 1)[-1] for x in out.read_text().splitlines()]
    assert names == [good1.name, good2.name]


@pytest.mark.model
def test_build_with_two_workers_gives_the_same_graph(tmp_path):
    one, two = tmp_path / "one", tmp_path / "two"
    assert run("build", EXAMPLES, "--out", one).exit_code == 0
    assert run("build", EXAMPLES, "--out", two, "--workers", "2").exit_code == 0
    for name in ("extraction.jsonl", "graph.json"):
        assert (two / name).read_bytes() == (one / name).read_bytes(), name


def test_unknown_model_under_workers_fails_clearly_and_writes_nothing(tmp_path):
    out = tmp_path / "o.jsonl"
    result = run("extract", EXAMPLES / "harbour-deal.md", "--model", "no_such_pipeline_xyz", "--workers", "2", "-o", out)
    assert result.exit_code == 1
    assert "no_such_pipeline_xyz" in result.stderr and "pip install" in result.stderr
    assert not out.exists()


def test_a_dead_worker_is_a_clear_error_naming_the_articles():
    chunk = [Article("first.txt", "a"), Article("last.txt", "b")]
    future: Future = Future()
    future.set_exception(BrokenProcessPool("killed"))
    with pytest.raises(WorkerError, match=r"first\.txt.*last\.txt.*--workers"):
        list(_collect(chunk, future, None))


def test_workers_take_a_model_name_not_a_loaded_pipeline():
    with pytest.raises(ValueError, match="model="):
        list(extract_articles([Article("a", "text")], nlp=object(), workers=2))


@pytest.mark.model
def test_a_worker_sends_back_the_reason_in_the_failed_articles_place(rules_fail_on_maternity):
    from extract.run.pool import extract_chunk

    articles = [a for a in read_articles([EXAMPLES]) if a.id.endswith(("calais-visit.txt", "maternity-pay.txt"))]
    parts = extract_chunk(articles, None, 8, True)
    assert [type(p) for p in parts] == [tuple, str] and "two spans" in parts[1]
    with pytest.raises(ValueError):
        extract_chunk(articles, None, 8, False)


def test_the_main_process_reports_a_failed_article_by_its_id():
    chunk = [Article("a.txt", "a"), Article("b.txt", "b"), Article("c.txt", "c")]
    future: Future = Future()
    future.set_result([((), ()), "extraction failed (KeyError: 'x')", ((), ())])
    failures = []
    assert [e.doc_id for e in _collect(chunk, future, failures.append)] == ["a.txt", "c.txt"]
    assert [(f.path, f.reason) for f in failures] == [("b.txt", "extraction failed (KeyError: 'x')")]
