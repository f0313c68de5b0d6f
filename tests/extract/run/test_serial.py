"""extract.run.serial: batches, and an article the rules fail on."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from extract.io.ingest import read_articles
from extract.model import Article
from extract.run import extract_articles
from graph.cli import app
from tests.conftest import EXAMPLES

runner = CliRunner()


def run(*args):
    return runner.invoke(app, [str(a) for a in args], catch_exceptions=False)


@pytest.mark.model
def test_rule_failure_is_reported_with_the_article_and_the_rest_goes_on(nlp, rules_fail_on_maternity):
    articles = list(read_articles([EXAMPLES]))
    failures = []
    done = [e.doc_id for e in extract_articles(articles, nlp=nlp, on_error=failures.append)]
    assert done == [a.id for a in articles if not a.id.endswith("maternity-pay.txt")]
    (failure,) = failures
    assert failure.path.endswith("maternity-pay.txt")
    assert "ValueError: token 7 is in two spans" in failure.reason and "conftest.py:" in failure.reason
    with pytest.raises(ValueError, match="two spans"):
        list(extract_articles(articles, nlp=nlp))


@pytest.mark.model
def test_cli_skips_an_article_the_rules_fail_on_with_exit_code_1(tmp_path, rules_fail_on_maternity):
    out = tmp_path / "o.jsonl"
    result = run("extract", EXAMPLES, "-o", out)
    assert result.exit_code == 1
    assert "maternity-pay.txt" in result.stderr and "extraction failed" in result.stderr
    assert len(out.read_text().splitlines()) == 8


def test_batches_respect_both_the_count_and_the_text_budget():
    from extract.run.serial import batches

    sizes = [10, 10, 50, 10, 200, 10, 10, 10]
    articles = [Article(f"a{i}", "x" * n) for i, n in enumerate(sizes)]
    got = [[a.id for a in b] for b in batches(iter(articles), batch_size=3, max_chars=60)]
    # 10+10 then 50 would pass 60; 50+10; 200 alone (over budget on its own); then at most 3 per batch.
    assert got == [["a0", "a1"], ["a2", "a3"], ["a4"], ["a5", "a6", "a7"]]
