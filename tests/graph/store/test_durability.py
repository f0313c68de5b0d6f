"""The store against real failures, on a server of the tests' own (``private_server``): the server killed in
the middle of a load, two loads at once, and the same corpus loaded in pieces in any order — each must end
in exactly the database that one clean load of everything gives."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest

from extract.io.ingest import read_articles
from graph.store import Neo4jStore
from tests.conftest import EXAMPLES, REPO
from tests.graph.store.corpus import dump, synthetic, write_jsonl

pytestmark = pytest.mark.neo4j


def newsgraph(server, *args: str, **popen) -> subprocess.Popen:
    """``python -m graph.cli ARGS`` against the private server, as a user would run it."""
    return subprocess.Popen(
        [sys.executable, "-m", "graph.cli", *map(str, args)], cwd=REPO, env=server.env,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, **popen,
    )  # fmt: skip


def clean_load(server, path) -> list[str]:
    server.wipe()
    done = newsgraph(server, "load", path)
    output, _ = done.communicate(timeout=600)
    assert done.returncode == 0, output
    return dump(server.driver)


def articles_stored(server) -> int:
    try:
        with server.driver.session() as session:
            return session.run("MATCH (a:Article) RETURN count(a) AS n").single()["n"]
    except Exception:  # noqa: BLE001 - not up yet, or going down
        return -1


def test_server_killed_mid_load_then_rerun_equals_one_clean_load(private_server, tmp_path):
    corpus = write_jsonl(tmp_path / "corpus.jsonl", synthetic(240))
    expected = clean_load(private_server, corpus)
    private_server.wipe()

    loading = newsgraph(private_server, "load", corpus, "--batch-rows", "30")
    deadline = time.monotonic() + 300
    while articles_stored(private_server) < 60 and time.monotonic() < deadline and loading.poll() is None:
        time.sleep(0.02)
    private_server.kill()
    output, _ = loading.communicate(timeout=300)
    assert loading.returncode == 1, f"the load should have failed with the server gone:\n{output}"
    assert "Neo4j" in output and "Traceback" not in output

    private_server.start()  # recovery replays the committed transactions, drops the rest
    interrupted = articles_stored(private_server)
    assert 0 < interrupted < 240, "the kill should land in the middle of the load"
    rerun = newsgraph(private_server, "load", corpus)
    output, _ = rerun.communicate(timeout=600)
    assert rerun.returncode == 0, output
    assert f"{interrupted} skipped" in output
    assert dump(private_server.driver) == expected


def test_load_interrupted_before_resolving_again_is_finished_by_the_next_one(private_server, monkeypatch):
    corpus = synthetic(90, seed=3)
    private_server.wipe()
    store = Neo4jStore(private_server.driver, batch_rows=40)
    store.load(corpus)
    expected = dump(private_server.driver)

    private_server.wipe()
    store.load(corpus[:30])
    from graph.store import writer

    def crash(*_args, **_kwargs):
        raise KeyboardInterrupt("the load stops after its last write, before resolving the corpus again")

    monkeypatch.setattr(writer, "_refold", crash)
    with pytest.raises(KeyboardInterrupt):
        store.load(corpus[30:])
    monkeypatch.undo()
    again = store.load(corpus)  # nothing left to write, but the store is marked dirty: it resolves again
    assert again.articles_skipped == 90 and again.articles_loaded == 0
    assert dump(private_server.driver) == expected


def test_two_loads_at_once_end_as_one_after_the_other(private_server, tmp_path):
    everything = synthetic(200, seed=11)
    first = write_jsonl(tmp_path / "first.jsonl", everything[:130])
    second = write_jsonl(tmp_path / "second.jsonl", everything[70:])  # 60 articles in both
    clean_load(private_server, first)
    done = newsgraph(private_server, "load", second)
    assert done.wait(timeout=600) == 0
    expected = dump(private_server.driver)

    private_server.wipe()
    runs = [newsgraph(private_server, "load", path, "--batch-rows", "40") for path in (first, second)]
    outputs = [run.communicate(timeout=600)[0] for run in runs]
    assert [run.returncode for run in runs] == [0, 0], outputs
    assert dump(private_server.driver) == expected, "shared articles' evidence must not be doubled or lost"
    again = newsgraph(private_server, "load", first, second)
    output, _ = again.communicate(timeout=600)
    assert again.returncode == 0 and "0 loaded, 0 replaced, 260 skipped" in output, output  # 60 ids in both files
    assert dump(private_server.driver) == expected


@pytest.mark.model
def test_a_corpus_loaded_in_three_pieces_in_any_order_equals_one_load(private_server, nlp):
    from extract.run import extract_articles

    news = list(read_articles([EXAMPLES, REPO / "tests" / "data" / "news"], on_error=pytest.fail))
    corpus = [*extract_articles(news, nlp=nlp), *synthetic(45, seed=5)]
    assert len(corpus) > 50
    store = Neo4jStore(private_server.driver, batch_rows=200)
    private_server.wipe()
    store.load(corpus)
    expected = dump(private_server.driver)
    assert any('"merged": "{\\"' in line for line in expected), "the corpus must make merges across articles"

    thirds = [corpus[0::3], corpus[1::3], corpus[2::3]]
    for order in ((0, 1, 2), (2, 0, 1), (1, 2, 0)):
        private_server.wipe()
        for piece in order:
            store.load(thirds[piece])
        assert dump(private_server.driver) == expected, f"pieces loaded in the order {order}"

    for doomed in (thirds[1], thirds[2]):  # removing a piece leaves what loading the rest gives
        store.remove(x.doc_id for x in doomed)
    left = dump(private_server.driver)
    private_server.wipe()
    store.load(thirds[0])
    assert dump(private_server.driver) == left


def test_bulk_import_gives_the_database_an_incremental_load_gives_and_loads_carry_on(private_server, tmp_path):
    corpus = synthetic(150, seed=13)
    for x in corpus[:3]:  # newlines, quotes, commas and semicolons in values must survive the CSV files
        object.__setattr__(x.article, "title", 'A "quoted", semi;colon\ntitle ' + x.article.title)
    first, rest = write_jsonl(tmp_path / "first.jsonl", corpus[:100]), write_jsonl(tmp_path / "rest.jsonl", corpus[100:])
    expected = clean_load(private_server, first)
    done = newsgraph(private_server, "load", rest)
    assert done.wait(timeout=600) == 0
    store = Neo4jStore(private_server.driver)
    store.remove(x.doc_id for x in corpus[:10])
    expected_after = dump(private_server.driver)

    private_server.wipe()
    bulk = newsgraph(private_server, "load", "--bulk", first)
    output, _ = bulk.communicate(timeout=600)
    assert bulk.returncode == 0, output
    assert "100 imported" in output
    private_server.start()  # a fresh driver: the server was restarted under the old one
    assert dump(private_server.driver) == expected
    refused = newsgraph(private_server, "load", "--bulk", rest)
    output, _ = refused.communicate(timeout=600)
    assert refused.returncode == 1 and "empty database" in output
    done = newsgraph(private_server, "load", rest)
    assert done.wait(timeout=600) == 0
    Neo4jStore(private_server.driver).remove(x.doc_id for x in corpus[:10])
    assert dump(private_server.driver) == expected_after
