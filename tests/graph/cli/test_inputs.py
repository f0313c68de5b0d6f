"""The input options (graph/cli/common.py InputOptions) on extract, build and load: pages, links, feeds, tables, globs."""

from __future__ import annotations

import json
import shutil

import pytest
from typer.testing import CliRunner

from graph.build import read_graph
from graph.cli import app
from tests.conftest import EXAMPLES, REPO

pytestmark = pytest.mark.model

runner = CliRunner()
PAGES = REPO / "tests" / "data" / "pages"


def run(*args: str):
    return runner.invoke(app, [str(a) for a in args], catch_exceptions=False)


def fetch_args(tmp_path):
    return ["--cache", tmp_path / "cache", "--delay", "0", "--timeout", "0.5", "--retries", "0"]


def test_build_from_saved_pages_keeps_menus_out_and_dates_in(tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    for name in ("01-northgate-herald.html", "29-horizon-world-desk.html", "noarticle-01.html"):
        shutil.copy(PAGES / name, pages / name)
    (pages / "README.txt").write_text("This folder holds saved pages.")
    out = tmp_path / "out"
    result = run("build", pages, "--out", out)
    assert result.exit_code == 1  # the section front is no article: reported, the rest built
    assert "noarticle-01.html" in result.stderr and "not an article" in result.stderr and "README" not in result.stderr
    graph = read_graph(out / "graph.json")
    articles = graph.graph["articles"]
    assert sorted(a["published"] for a in articles.values()) == ["2019-06-11T05:00:00+01:00", "2023-08-14T18:30:00+05:30"]
    assert {a["site_name"] for a in articles.values()} == {"The Northgate Herald", "Horizon World Desk"}
    names = {d["name"] for _, d in graph.nodes(data=True)}
    assert not names & {"Africa", "Algeria", "Argentina", "Top News", "Slideshow", "Oceania"}, names & {"Africa", "Top News"}
    dates = {d["first_seen"][:4] for _, _, d in graph.edges(data=True)}
    assert dates <= {"2019", "2023"} and dates
    view = tmp_path / "2019.html"
    assert run("view", out / "graph.json", "--since", "2019", "--until", "2019-12", "--out", view).exit_code == 0
    assert "2019-06-11" in view.read_text() and "Velapur" not in view.read_text()


def test_build_from_links_and_a_feed_then_rebuild_fetches_nothing(tmp_path, web):
    links = tmp_path / "urls.txt"
    links.write_text(f"{web.url('/article.html')}\n{web.url('/missing')}\n", encoding="utf-8")
    out = tmp_path / "out"
    result = run("build", links, "--feed", web.url("/feed.xml"), "--out", out, *fetch_args(tmp_path))
    assert result.exit_code == 1
    assert f"{web.url('/missing')}: HTTP 404 Not Found" in result.stderr and "web pages: 2 fetched, 0 from the cache" in result.stderr
    articles = read_graph(out / "graph.json").graph["articles"]
    assert sorted(articles) == [web.url("/article.html"), web.url("/second.html")]
    assert articles[web.url("/second.html")]["published"] == "2025-02-10"
    pages = [p for p in web.paths() if p.endswith(".html")]
    assert sorted(pages) == ["/article.html", "/second.html"]  # each page once
    sent = len(web.requests)
    again = run("build", links, "--feed", web.url("/feed.xml"), "--out", out, *fetch_args(tmp_path))
    assert again.exit_code == 1 and not [p for p in web.paths()[sent:] if p.endswith(".html")]
    assert "web pages: 0 fetched, 2 from the cache" in again.stderr


def test_extract_reads_a_csv_with_named_columns(tmp_path):
    table = tmp_path / "export.csv"
    table.write_text("story_id,story,day\ns1,Union organiser Declan Furey said the ferry crews would strike.,2025-05-14\n"
                     "s2,,2025-05-15\n", encoding="utf-8")  # fmt: skip
    out = tmp_path / "x.jsonl"
    result = run("extract", table, "--text-column", "story", "--id-column", "story_id", "--date-column", "day", "-o", out)
    assert result.exit_code == 1 and f"{table}:3: empty" in result.stderr
    (line,) = [json.loads(x) for x in out.read_text().splitlines()]
    assert (line["doc_id"], line["published"]) == ("s1", "2025-05-14")
    assert "Declan Furey" in {e["name"] for e in line["entities"]}
    missing = run("extract", table, "--text-column", "body", "-o", tmp_path / "y.jsonl")
    assert missing.exit_code == 1 and "no column 'body'" in missing.stderr and "'story'" in missing.stderr


def test_include_and_exclude_choose_files_in_folders(tmp_path):
    out = tmp_path / "x.jsonl"
    result = run("extract", EXAMPLES, "--include", "*.csv", "--include", "*.md", "--exclude", "harbour*", "-o", out)
    assert result.exit_code == 0, result.stderr
    assert [json.loads(x)["doc_id"] for x in out.read_text().splitlines()] == ["archive-0101", "archive-0102"]


def test_nothing_to_read_and_bad_feeds_are_usage_errors_before_any_work(tmp_path):
    assert run("extract").exit_code == 2
    result = run("build", "--feed", "not-a-feed", "--out", tmp_path / "out")
    assert result.exit_code == 2 and "--feed" in result.stderr
    assert not (tmp_path / "out").exists()
    assert run("build", "--urls", tmp_path / "nope.txt").exit_code == 2
