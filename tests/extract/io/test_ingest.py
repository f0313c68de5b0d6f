"""extract.io.ingest: files, folders and JSON Lines → articles; bad input reported."""

from __future__ import annotations

import json

import pytest

from extract.errors import InputError
from extract.io.ingest import MAX_ARTICLE_CHARS, ReadOptions, path_id, read_articles
from tests.conftest import EXAMPLES


def collect(paths, **kwargs):
    errors: list[InputError] = []
    articles = list(read_articles(paths, on_error=errors.append, **kwargs))
    return articles, errors


def test_examples_folder_reads_every_format():
    articles, errors = collect([EXAMPLES])
    assert errors == []
    ids = [a.id for a in articles]
    assert "wire-0412" in ids and "wire-0413" in ids and "archive-0101" in ids  # JSON Lines and CSV
    suffixes = {a.id.rsplit(".", 1)[-1] for a in articles if a.id.startswith(path_id(EXAMPLES))}
    assert {"txt", "md", "html"} <= suffixes
    assert len(articles) == 9


def test_a_data_sets_readme_and_license_are_not_articles(tmp_path):
    for name in ("README.TXT", "LICENSE", "business/001.txt", "tech/002.txt", ".cache/x.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("Some article text about the port.", encoding="utf-8")
    assert sorted(a.id.rsplit("/", 2)[-2] for a in collect([tmp_path])[0]) == ["business", "tech"]
    only_tech, _ = collect([tmp_path], options=ReadOptions(include=("tech/*",)))
    assert [a.id.rsplit("/", 1)[-1] for a in only_tech] == ["002.txt"]
    no_business, _ = collect([tmp_path], options=ReadOptions(exclude=("business/*",)))
    assert [a.id.rsplit("/", 1)[-1] for a in no_business] == ["002.txt"]
    _, errors = collect([tmp_path], options=ReadOptions(include=("*.md",)))
    assert "after --include/--exclude" in errors[0].reason
    assert len(collect([tmp_path / "README.TXT"])[0]) == 1  # named on the command line: read


def test_jsonl_dates_become_iso_and_authors_are_read(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text(
        json.dumps({"id": "a", "text": "Text.", "published": "12 April 2025", "authors": ["Ana Ruiz"], "site_name": "Bay News"}) + "\n"
        + json.dumps({"id": "b", "text": "Text.", "published": "not a date", "author": "X"}) + "\n"
        + json.dumps({"id": "c", "text": "Text.", "author": "Li Wei; Ana Ruiz"}) + "\n",
        encoding="utf-8",
    )  # fmt: skip
    (first, third), errors = collect([path])
    assert (first.published, first.authors, first.site_name) == ("2025-04-12", ("Ana Ruiz",), "Bay News")
    assert third.authors == ("Li Wei", "Ana Ruiz")
    assert errors[0].line == 2 and "'not a date' is not a date" in errors[0].reason


def test_saved_pages_without_an_article_are_reported_and_skipped(tmp_path):
    (tmp_path / "index.html").write_text('<html><head><meta property="og:type" content="website"></head><body><p>Menu</p></body></html>')
    (tmp_path / "story.html").write_text("<html><body><article><h1>Pier</h1><p>" + "The pier will be repaired soon. " * 12 + "</p></article></body></html>")
    articles, errors = collect([tmp_path])
    assert [a.id.rsplit("/", 1)[-1] for a in articles] == ["story.html"] and articles[0].title == "Pier"
    assert errors[0].path == str(tmp_path / "index.html") and "not an article" in errors[0].reason


def test_a_list_of_links_in_a_folder_is_not_fetched(tmp_path, web):
    (tmp_path / "links.txt").write_text(web.url("/article.html") + "\n", encoding="utf-8")
    articles, errors = collect([tmp_path])
    assert articles == [] and "a list of links" in errors[0].reason and web.requests == []


def test_a_named_list_of_links_is_fetched_and_failures_reported(tmp_path, web, fetch_settings):
    links = tmp_path / "urls.txt"
    links.write_text(f"# today's reading\n{web.url('/article.html')}\n\n{web.url('/missing')}\n{web.url('/index.html')}\n"
                     f"{web.url('/redirect')}\n{web.url('/article.html')}\n", encoding="utf-8")  # fmt: skip
    articles, errors = collect([links], options=ReadOptions(fetch=fetch_settings))
    assert [a.id for a in articles] == [web.url("/article.html"), web.url("/redirect")]
    first = articles[0]
    assert (first.title, first.published, first.authors, first.site_name, first.url) == (
        "Library opens on Sundays after volunteers step in", "2025-02-03T09:30:00+00:00", ("Ines Varga",),
        "Hillcrest Post", "https://www.hillcrestpost.example/news/library-sundays")  # fmt: skip
    assert "Top News" not in first.text and first.text.startswith("Hillcrest's central library")
    assert [(e.path, e.reason.split(" (")[0]) for e in errors] == [
        (web.url("/missing"), "HTTP 404 Not Found"),
        (web.url("/index.html"), "the page declares itself a 'website'"),
    ]
    sent = len(web.requests)
    assert [a.id for a in collect([links], options=ReadOptions(fetch=fetch_settings))[0]] == [a.id for a in articles]
    assert web.paths()[sent:] == ["/robots.txt", "/missing"]  # the cache: only what failed is asked for again


def test_urls_option_and_bad_lines(tmp_path, web, fetch_settings):
    links = tmp_path / "reading.list"
    links.write_text(f"{web.url('/second.html')}\nnot a link\n", encoding="utf-8")
    articles, errors = collect([], options=ReadOptions(urls=(links,), fetch=fetch_settings))
    assert [a.title for a in articles] == ["Bus depot plan withdrawn after objections"]
    assert articles[0].published == "2025-02-10" and errors[0].line == 2 and "not a web address" in errors[0].reason


def test_feeds_are_read_and_each_entry_fetched(web, fetch_settings, tmp_path):
    articles, errors = collect([], options=ReadOptions(feeds=(web.url("/feed.xml"), web.url("/atom.xml")), fetch=fetch_settings))
    assert [a.id for a in articles] == [web.url("/article.html"), web.url("/second.html")]  # atom's entry is the same page
    assert [e.path for e in errors] == [web.url("/missing")]
    feed_file = tmp_path / "feed.xml"
    feed_file.write_text("<html><body>no feed here</body></html>")
    _, errors = collect([], options=ReadOptions(feeds=(str(feed_file), "ftp://x/feed", web.url("/image.png")), fetch=fetch_settings))
    assert ["not an RSS or Atom feed" in errors[0].reason, "--feed takes" in errors[1].reason] == [True, True]
    assert "not a feed (Content-Type: image/png)" in errors[2].reason


def test_plain_text_title_is_short_first_line_and_offsets_stay_true(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Minister visits port\n\nThe minister visited the port.\n", encoding="utf-8")
    (article,) = collect([path])[0]
    assert article.title == "Minister visits port"
    assert article.text.startswith("Minister visits port")


def test_character_references_left_in_plain_text_are_decoded(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Lyon sign Gr&#233;goire Mart&#xED;n\n\nThe club paid &#163;2m; AT&T and R&D stay; &nosuch; too.\n")
    (article,) = collect([path])[0]
    assert article.title == "Lyon sign Grégoire Martín"
    assert "paid £2m; AT&T and R&D stay; &nosuch; too." in article.text


def test_markdown_keeps_its_references_so_offsets_index_the_file(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("# Caf&#233; owners\n\nThe caf&#233; opened.\n")
    (article,) = collect([path])[0]
    assert article.text == path.read_text()


def test_first_line_that_is_a_sentence_is_not_a_title(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("The minister visited the port on Monday.\n\nShe left.\n", encoding="utf-8")
    (article,) = collect([path])[0]
    assert article.title == ""


def test_jsonl_fields_and_default_id(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text(
        json.dumps({"id": "x1", "text": "Some text.", "title": "A", "url": "u", "published": "2024-01-01"})
        + "\n\n"
        + json.dumps({"text": "Other text."})
        + "\n",
        encoding="utf-8",
    )
    (first, second), errors = collect([path])
    assert errors == []
    assert (first.id, first.title, first.url, first.published) == ("x1", "A", "u", "2024-01-01")
    assert second.id == f"{path_id(path)}:3"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "empty"),
        (b"   \n\n  ", "empty"),
        (b"\x00\x01\x02binary\x00", "binary"),
        (b"caf\xe9 au lait", "not valid UTF-8"),
    ],
)
def test_bad_files_are_reported_and_skipped(tmp_path, content, expected):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    good = tmp_path / "good.txt"
    good.write_text("A fine article about the port.", encoding="utf-8")
    articles, errors = collect([bad, good])
    assert [a.id for a in articles] == [path_id(good)]
    assert len(errors) == 1 and errors[0].path == str(bad) and expected in errors[0].reason


def test_non_utf8_can_be_replaced_on_request(tmp_path):
    bad = tmp_path / "latin.txt"
    bad.write_bytes(b"Prices rose by \xa3300 in London.")
    (article,), errors = collect([bad], encoding_errors="replace")
    assert errors == [] and "\ufffd300" in article.text


def test_huge_article_is_refused_not_truncated(tmp_path):
    path = tmp_path / "huge.jsonl"
    path.write_text(json.dumps({"id": "big", "text": "a " * (MAX_ARTICLE_CHARS // 2 + 10)}) + "\n")
    articles, errors = collect([path])
    assert articles == [] and "limit" in errors[0].reason and errors[0].line == 1


def test_jsonl_bad_lines_name_the_line_and_the_rest_is_read(tmp_path):
    path = tmp_path / "mixed.jsonl"
    lines = [
        json.dumps({"id": "ok1", "text": "First good article."}),
        '{"id": "broken", "text": ',
        json.dumps({"id": "notext"}),
        json.dumps(["a", "list"]),
        json.dumps({"id": "ok1", "text": "Duplicate id."}),
        json.dumps({"id": "empty", "text": "  "}),
        json.dumps({"id": "ok2", "text": "Second good article."}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    articles, errors = collect([path])
    assert [a.id for a in articles] == ["ok1", "ok2"]
    assert [e.line for e in errors] == [2, 3, 4, 5, 6]
    assert "malformed JSON" in errors[0].reason and '"text"' in errors[1].reason
    assert all(str(path) in str(e) for e in errors)


def test_missing_path_and_empty_folder(tmp_path):
    (tmp_path / "empty").mkdir()
    articles, errors = collect([tmp_path / "nope.txt", tmp_path / "empty"])
    assert articles == []
    assert "no such file" in errors[0].reason and "folder has no" in errors[1].reason


def test_default_handler_raises(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        list(read_articles([tmp_path / "missing.txt"]))


def test_a_file_has_one_id_however_it_is_named(monkeypatch):
    monkeypatch.chdir(EXAMPLES.parent)
    spellings = ["examples/calais-visit.txt", "./examples/../examples/calais-visit.txt", str(EXAMPLES / "calais-visit.txt")]
    ids = {article.id for spelling in spellings for article in collect([spelling])[0]}
    via_folder = {a.id for a in collect(["examples"])[0] if a.id.endswith("calais-visit.txt")}
    assert ids == via_folder == {"examples/calais-visit.txt"}


def test_files_outside_the_working_directory_get_absolute_ids(tmp_path, monkeypatch):
    path = tmp_path / "a.txt"
    path.write_text("Some article text.")
    monkeypatch.chdir(EXAMPLES)
    assert collect([path])[0][0].id == path.resolve().as_posix()


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_files_with_a_byte_order_mark_are_read(tmp_path, encoding):
    text = "Le maire de Calais, Natacha Bouchart, a parlé à l'Élysée.\n"
    bom = {"utf-16-be": b"\xfe\xff"}.get(encoding, b"")
    (tmp_path / "a.txt").write_bytes(bom + text.encode(encoding))
    (tmp_path / "b.jsonl").write_bytes(bom + (json.dumps({"id": "b", "text": text}, ensure_ascii=False) + "\n").encode(encoding))
    articles, errors = collect([tmp_path])
    assert errors == [] and [a.text for a in articles] == [text, text]


def test_utf16_without_its_bom_or_broken_is_reported(tmp_path):
    (tmp_path / "nobom.txt").write_bytes("No mark here.".encode("utf-16-le"))
    (tmp_path / "cut.txt").write_bytes(b"\xff\xfe" + "Cut off".encode("utf-16-le")[:-1])
    articles, errors = collect([tmp_path])
    assert articles == [] and sorted(e.reason.split(" (")[0] for e in errors) == ["binary file", "not valid UTF-16"]


def test_the_same_id_in_two_files_is_reported_with_both_places_and_the_first_kept(tmp_path):
    (tmp_path / "a.jsonl").write_text(json.dumps({"id": "x", "text": "First version."}) + "\n")
    (tmp_path / "b.jsonl").write_text(json.dumps({"id": "y", "text": "Other."}) + "\n" + json.dumps({"id": "x", "text": "Second version."}) + "\n")
    articles, errors = collect([tmp_path])
    assert [(a.id, a.text) for a in articles] == [("x", "First version."), ("y", "Other.")]
    (error,) = errors
    assert (error.path, error.line) == (str(tmp_path / "b.jsonl"), 2)
    assert f"duplicate id 'x', first read at {tmp_path / 'a.jsonl'}:1" in error.reason and "kept" in error.reason


def test_symbolic_links_are_followed_loops_and_broken_links_reported(tmp_path):
    corpus = tmp_path / "corpus"
    (corpus / "sub").mkdir(parents=True)
    (corpus / "sub" / "a.txt").write_text("An article in a folder.")
    (corpus / "sub" / "back").symlink_to(corpus)  # a loop
    (corpus / "again").symlink_to(corpus / "sub")  # the same folder twice: read once
    (corpus / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    (corpus / "self.txt").symlink_to(corpus / "self.txt")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "b.txt").write_text("An article reached by a link.")
    (corpus / "linked").symlink_to(outside)
    articles, errors = collect([corpus])
    assert sorted(a.text for a in articles) == ["An article in a folder.", "An article reached by a link."]
    reasons = {e.path: e.reason for e in errors}
    assert reasons.keys() == {str(corpus / "again" / "back"), str(corpus / "gone.txt"), str(corpus / "self.txt")} or reasons.keys() == {
        str(corpus / "sub" / "back"), str(corpus / "gone.txt"), str(corpus / "self.txt")}  # fmt: skip
    assert [r for p, r in reasons.items() if p.endswith("back")][0].startswith("symbolic link loop: leads back to")
    assert "broken symbolic link" in reasons[str(corpus / "gone.txt")] and "symbolic link loop" in reasons[str(corpus / "self.txt")]


def test_an_unreadable_sub_folder_is_reported_and_the_rest_read(tmp_path, monkeypatch):
    import os

    (tmp_path / "closed").mkdir()
    (tmp_path / "closed" / "a.txt").write_text("Hidden.")
    (tmp_path / "b.txt").write_text("Visible.")
    real = os.listdir

    def listdir(path):  # root may read any folder, so the refusal is simulated where chmod would not do it
        if str(path).endswith("closed"):
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr("extract.io.ingest.os.listdir", listdir)
    articles, errors = collect([tmp_path])
    assert [a.text for a in articles] == ["Visible."]
    (error,) = errors
    assert error.path == str(tmp_path / "closed") and "cannot read this folder (Permission denied)" in error.reason


def test_an_unreadable_sub_folder_by_its_mode(tmp_path):
    import os

    closed = tmp_path / "closed"
    closed.mkdir()
    (closed / "a.txt").write_text("Hidden.")
    (tmp_path / "b.txt").write_text("Visible.")
    closed.chmod(0)
    try:
        if os.access(closed, os.R_OK):
            pytest.skip("running as root: mode 000 does not stop reading (the simulated case covers it)")
        articles, errors = collect([tmp_path])
        assert [a.text for a in articles] == ["Visible."] and "cannot read this folder" in errors[0].reason
    finally:
        closed.chmod(0o755)


def test_a_build_output_folder_is_never_read_as_articles(tmp_path):
    from extract.io.outdir import OutputFolder

    (tmp_path / "a.txt").write_text("An article.")
    out = OutputFolder(tmp_path / "out")
    with out.update():
        for name in ("extraction.jsonl", "graph.html", "nodes.csv"):
            out.staged(name).write_text('{"doc_id": "a", "text": "An article.", "entities": []}\n')
        out.commit()
    (tmp_path / "out" / "notes.txt").write_text("A user's own file beside the outputs.")
    articles, errors = collect([tmp_path])
    assert sorted(a.text for a in articles) == ["A user's own file beside the outputs.", "An article."] and errors == []
    articles, errors = collect([tmp_path / "out" / "extraction.jsonl"])
    assert articles == [] and "is an output of newsgraph build" in errors[0].reason
