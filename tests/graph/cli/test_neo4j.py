"""newsgraph load / remove / query: usage errors and unreachable servers, before any work."""

from __future__ import annotations

import socket

import pytest
from typer.testing import CliRunner

from graph.cli import app
from graph.cli.common import parse_params
from graph.store import cypher

SENTENCE = "Interior Minister Ada Quill visited Harbourton."


runner = CliRunner()


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_cli_unreachable_server_is_a_clear_error(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(SENTENCE)
    uri = f"bolt://127.0.0.1:{_closed_port()}"
    for args in (["load", str(article)], ["query", "RETURN 1"], ["remove", "a1"]):
        result = runner.invoke(app, [*args, "--uri", uri, "--password", "x"])
        assert result.exit_code == 1, args
        assert "cannot reach Neo4j" in result.output and "neo4j-local.sh start" in result.output
        assert "Traceback" not in result.output


def test_parse_params_reads_json_values_else_strings():
    assert parse_params(["name=Bernard Cazeneuve", "limit=5", "ids=[1, 2]", "flag=true", 'quoted="7"', "eq=a=b"]) == {
        "name": "Bernard Cazeneuve", "limit": 5, "ids": [1, 2], "flag": True, "quoted": "7", "eq": "a=b",
    }  # fmt: skip


@pytest.mark.parametrize(
    ("args", "code", "says"),
    [
        (["query"], 2, "either CYPHER or --template"),
        (["query", "RETURN 1", "--template", "roles"], 2, "either CYPHER or --template"),
        (["query", "RETURN 1", "--param", "novalue"], 2, "KEY=VALUE"),
        (["query", "--template", "nosuch"], 1, "unknown template 'nosuch'"),
        (["query", "--template", "roles"], 1, "needs --param name="),
    ],
)
def test_cli_query_rejects_bad_usage_before_connecting(args, code, says):
    result = runner.invoke(app, [*args, "--uri", f"bolt://127.0.0.1:{_closed_port()}"])
    assert result.exit_code == code
    assert says in " ".join(result.output.split())


@pytest.mark.parametrize("extra", [["--database", "archive"], ["--batch-rows", "500"], ["--force"]])
def test_bulk_refuses_options_it_cannot_honour_before_connecting(extra):
    from tests.conftest import REPO

    result = runner.invoke(app, ["load", str(REPO / "examples"), "--bulk", *extra, "--uri", f"bolt://127.0.0.1:{_closed_port()}"])
    assert result.exit_code == 2
    assert f"{extra[0]} cannot be used with --bulk" in " ".join(result.output.split())


def test_cli_lists_every_template():
    result = runner.invoke(app, ["query", "--list-templates"])
    assert result.exit_code == 0
    for name in cypher.TEMPLATES:
        assert name in result.output


class _FakeStore:
    """Stands in for Neo4jStore where only what the command prints is tested."""

    def unchanged(self, articles):
        return set()

    def load(self, extractions, **kwargs):
        from graph.store.writer import LoadSummary

        return LoadSummary()

    def remove(self, ids):
        from graph.store.writer import RemoveSummary

        return RemoveSummary(missing=list(ids))

    def query(self, text, params):
        from graph.errors import CypherError

        raise CypherError(f"Neo4j rejected the query: Invalid input '[/x]'\n\"{text}\"\n       ^ (Neo.ClientError.Statement.SyntaxError)")


@pytest.fixture
def fake_store(monkeypatch):
    from contextlib import contextmanager

    from graph.cli.common import Neo4jOptions

    monkeypatch.setattr(Neo4jOptions, "store", contextmanager(lambda self: (yield _FakeStore())))


def test_load_remove_and_query_print_names_ids_and_server_errors_as_plain_text(tmp_path, fake_store):
    from tests.helpers import assert_plain, hostile_corpus

    folder, bad = hostile_corpus(tmp_path)
    loaded = runner.invoke(app, ["load", str(folder)])
    assert loaded.exit_code == 1 and "articles: 0 loaded" in loaded.stderr
    assert_plain(loaded.stderr, str(bad))
    removed = runner.invoke(app, ["remove", "[/x]", "a\nnot found forged\x1b[2J"])
    assert removed.exit_code == 1
    assert_plain(removed.stderr, "not found [/x]", "not found a\nnot found forged\x1b[2J")
    assert len(removed.stderr.splitlines()) == 3
    queried = runner.invoke(app, ["query", "MATCH [/x] RETURN 1"])
    assert queried.exit_code == 1
    assert_plain(queried.stderr, "error: Neo4j rejected the query: Invalid input '[/x]'", '  "MATCH [/x] RETURN 1"')


def test_a_query_column_named_like_markup_is_printed_as_text():
    from rich.console import Console

    from graph import results
    from graph.cli.common import plain_text

    console = Console(record=True, width=60)
    console.print(results.to_table(["[/x]"], [{"[/x]": "a\x1b[2Jb [/y]"}], text=plain_text))
    shown = console.export_text()
    assert "[/x]" in shown and "a\\x1b[2Jb [/y]" in shown


@pytest.mark.neo4j
def test_a_server_error_that_quotes_markup_is_printed_as_text(neo4j_driver):
    from tests.helpers import assert_plain

    result = runner.invoke(app, ["query", "MATCH [/x] RETURN 1"])  # the connection comes from NEO4J_URI/USER/PASSWORD
    assert result.exit_code == 1
    assert_plain(result.stderr, "error: Neo4j rejected the query", "[/x]")
