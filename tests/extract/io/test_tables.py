"""extract.io.tables: CSV, TSV and Parquet rows → articles; bad rows reported with file and line."""

from __future__ import annotations

import pytest

from extract.errors import InputError
from extract.io.ingest import MAX_ARTICLE_CHARS, ReadOptions, path_id, read_articles
from extract.io.tables import Columns
from tests.conftest import EXAMPLES


def collect(paths, **options):
    errors: list[InputError] = []
    encoding_errors = options.pop("encoding_errors", "strict")
    articles = list(read_articles(paths, on_error=errors.append, encoding_errors=encoding_errors, options=ReadOptions(**options)))
    return articles, errors


def test_common_column_names_are_found(tmp_path):
    path = tmp_path / "news.csv"
    path.write_text('Article ID,Headline,Publish Date,Link,Author,Body\n'
                    'n1,Port reopens,12 April 2025,https://x.example/1,Ana Ruiz; Li Wei,"The port reopened, at last."\n', encoding="utf-8")  # fmt: skip
    (article,), errors = collect([path])
    assert errors == []
    assert (article.id, article.title, article.published, article.url, article.authors, article.text) == (
        "n1", "Port reopens", "2025-04-12", "https://x.example/1", ("Ana Ruiz", "Li Wei"), "The port reopened, at last.")


def test_columns_can_be_named_and_ids_default_to_file_and_line(tmp_path):
    path = tmp_path / "export.tsv"
    path.write_text('story\twhen\nFirst story text.\t2024-01-02\n"Second\nstory."\t2024-01-03\n', encoding="utf-8")
    (first, second), errors = collect([path], columns=Columns(text="story", date="When"))
    assert errors == []
    assert (first.id, first.published) == (f"{path_id(path)}:2", "2024-01-02")
    assert second.text == "Second\nstory." and second.id == f"{path_id(path)}:3"


def test_a_semicolon_csv_is_read(tmp_path):
    path = tmp_path / "semi.csv"
    path.write_text("title;text\nA;Some text, with a comma.\n", encoding="utf-8")
    (article,), _ = collect([path])
    assert article.title == "A" and article.text == "Some text, with a comma."


def test_bad_rows_are_reported_with_their_line_and_the_rest_is_read(tmp_path):
    path = tmp_path / "mixed.csv"
    path.write_text(
        "id,date,text\n"
        "ok1,2024-01-01,Good text one.\n"
        "empty,2024-01-01,\n"
        "baddate,someday,Text with a bad date.\n"
        "extra,2024-01-01,Text,with,extra fields\n"
        "ok1,2024-01-02,Duplicate id.\n"
        "ok2,2024-01-03,Good text two.\n",
        encoding="utf-8",
    )
    articles, errors = collect([path])
    assert [a.id for a in articles] == ["ok1", "ok2"]
    assert [e.line for e in errors] == [3, 4, 5, 6]
    assert "no article text" in errors[0].reason and "'someday' is not a date" in errors[1].reason
    assert "5 fields, the header has 3" in errors[2].reason and "duplicate id" in errors[3].reason
    assert all(e.path == str(path) for e in errors)


def test_missing_columns_say_what_the_file_has(tmp_path):
    path = tmp_path / "odd.csv"
    path.write_text("headline,words\nA,b\n", encoding="utf-8")
    _, errors = collect([path])
    assert "no article text column" in errors[0].reason and "--text-column" in errors[0].reason and "'words'" in errors[0].reason
    _, errors = collect([path], columns=Columns(text="body"))
    assert "no column 'body' (--text-column)" in errors[0].reason


def test_huge_fields_wrong_encodings_and_empty_files_are_clear_errors(tmp_path):
    huge = tmp_path / "huge.csv"
    huge.write_text("id,text\nbig," + "a" * (MAX_ARTICLE_CHARS + 5) + "\nok,Fine text.\n", encoding="utf-8")
    articles, errors = collect([huge])
    assert [a.id for a in articles] == ["ok"] and errors[0].line == 2 and f"over {MAX_ARTICLE_CHARS:,} characters" in errors[0].reason
    latin = tmp_path / "latin.csv"
    latin.write_bytes(b"id,text\na,First row.\nb,Caf\xe9 row.\n")
    articles, errors = collect([latin])
    assert [a.id for a in articles] == ["a"] and "not valid UTF-8" in errors[0].reason and "--encoding-errors replace" in errors[0].reason
    articles, errors = collect([latin], encoding_errors="replace")
    assert [a.id for a in articles] == ["a", "b"] and errors == []
    utf16 = tmp_path / "utf16.csv"
    utf16.write_bytes("id,text\nu,Z\u00fcrich row.\n".encode("utf-16"))
    (article,), _ = collect([utf16])
    assert article.text == "Z\u00fcrich row."
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    assert "no header row" in collect([empty])[1][0].reason
    binary = tmp_path / "binary.csv"
    binary.write_bytes(b"id,text\x00\x01\x02")
    assert "binary file" in collect([binary])[1][0].reason


def test_an_unclosed_quote_is_reported(tmp_path):
    path = tmp_path / "quote.csv"
    path.write_text('id,text\na,"This quote never closes.\n', encoding="utf-8")
    articles, errors = collect([path])
    assert articles == [] and errors and errors[0].line == 2


def test_parquet_rows_are_articles(tmp_path):
    pa = pytest.importorskip("pyarrow")
    import datetime as dt

    import pyarrow.parquet as pq

    table = pa.table({"id": ["p1", "p2"], "title": ["T1", "T2"], "text": ["Parquet text one.", None],
                      "published": [dt.datetime(2024, 3, 1, 12, 0), None]})  # fmt: skip
    path = tmp_path / "news.parquet"
    pq.write_table(table, path)
    (article,), errors = collect([path])
    assert (article.id, article.title, article.published) == ("p1", "T1", "2024-03-01T12:00:00")
    assert errors[0].line == 2 and "no article text" in errors[0].reason
    bogus = tmp_path / "bogus.parquet"
    bogus.write_text("not parquet")
    assert "not a Parquet file" in collect([bogus])[1][0].reason


def test_the_example_csv():
    articles, errors = collect([EXAMPLES / "archive.csv"])
    assert errors == [] and [a.id for a in articles] == ["archive-0101", "archive-0102"]
    assert articles[1].published == "2024-12-05" and articles[0].authors == ("Hana Kowalski",)
