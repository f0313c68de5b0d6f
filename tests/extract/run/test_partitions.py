"""extract.run.partitions: the input cut so that workers read it themselves, with one process's names."""

from __future__ import annotations

import json

import pytest

from extract.io.ingest import ReadOptions, read_articles
from extract.run.partitions import Files, Lines, Pages, partitions, read_partition
from tests.conftest import EXAMPLES, REPO


def jsonl(path, lines: list[str | dict]) -> None:
    path.write_text("".join((json.dumps(x) if isinstance(x, dict) else x) + "\n" for x in lines), encoding="utf-8")


def read_all(paths, cwd, options=None, **kwargs):
    """What workers read from every partition, in order, and what the client reported itself."""
    reported = []
    parts = partitions(paths, reported.append, options=options, **kwargs)
    items = [item for part in parts for _, _, item in read_partition(part, str(cwd), options=options)]
    return items, reported


def one_process(paths, options=None):
    errors = []
    articles = list(read_articles(paths, on_error=errors.append, options=options))
    return articles, errors


@pytest.mark.parametrize("target", [1, 7, 40, 10_000])
def test_line_ranges_cover_the_file_on_line_boundaries_with_their_line_numbers(tmp_path, target):
    path = tmp_path / "a.jsonl"
    path.write_bytes(b'{"text": "one"}\n\n{"text": "two"}\r\n{"text": "three, a longer line"}\n{"text": "four"}')
    data = path.read_bytes()
    ranges = list(partitions([path], pytest.fail, target=target))
    assert all(isinstance(r, Lines) for r in ranges)
    assert ranges[0].start == 0 and ranges[-1].end == len(data)
    assert all(a.end == b.start for a, b in zip(ranges, ranges[1:]))
    for r in ranges:
        assert r.start == 0 or data[r.start - 1 : r.start] == b"\n"
        assert r.first_line == data[: r.start].count(b"\n") + 1
        assert r.end - r.start >= target or r is ranges[-1]


def test_a_jsonl_file_read_in_ranges_gives_what_one_process_reads(tmp_path):
    path = tmp_path / "feed.jsonl"
    jsonl(path, [{"id": "a", "text": "Alpha."}, "not json", {"text": "No id: named after its line."}, "",
                 {"id": "a", "text": "Alpha again (a duplicate in the same range)."}, {"title": "no text"},
                 {"id": "b", "text": "Beta.", "source": "wire"}])  # fmt: skip
    articles, errors = one_process([path])
    for target in (1, 30, 1 << 20):
        items, reported = read_all([path], tmp_path, target=target)
        assert reported == []
        got = [i for i in items if not isinstance(i, Exception)]
        # Repeated ids are the client's to find, across all inputs (extract.run.cluster).
        first = {}
        for article in got:
            first.setdefault(article.id, article)
        assert list(first.values()) == articles
        assert {str(e) for e in items if isinstance(e, Exception)} <= {str(e) for e in errors}


def test_files_are_grouped_in_order_and_a_jsonl_file_stands_alone(tmp_path):
    for name in ("a.txt", "b.txt", "c.txt", "e.txt"):
        (tmp_path / name).write_text("A short article about the harbour.\n" * 3)
    jsonl(tmp_path / "d.jsonl", [{"text": "x"}])
    parts = list(partitions([tmp_path], pytest.fail, target=250))
    assert [type(p).__name__ for p in parts] == ["Files", "Files", "Lines", "Files"]
    assert [p.paths for p in parts if isinstance(p, Files)][:2] == [(str(tmp_path / "a.txt"), str(tmp_path / "b.txt")), (str(tmp_path / "c.txt"),)]


def test_missing_inputs_are_reported_by_the_client_as_in_one_process(tmp_path):
    missing, empty = tmp_path / "nope.txt", tmp_path / "empty"
    empty.mkdir()
    _, reported = read_all([missing, empty], tmp_path)
    assert [str(e) for e in reported] == [str(e) for e in one_process([missing, empty])[1]]


def test_a_worker_elsewhere_gives_the_ids_and_messages_of_the_client(tmp_path, monkeypatch):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe not UTF-8")
    lines = tmp_path / "lines.jsonl"
    jsonl(lines, [{"text": "An article without an id."}, "{broken"])
    inputs = ["examples", str(bad), str(lines), "examples/calais-visit.txt"]
    monkeypatch.chdir(REPO)
    articles, errors = one_process(inputs)
    assert all(a.source.startswith("examples/") for a in articles[:3])  # relative to the client's working directory
    client_parts = list(partitions(inputs, pytest.fail))
    monkeypatch.chdir(tmp_path)  # the worker runs somewhere else
    read = [item for part in client_parts for _, _, item in read_partition(part, str(REPO))]
    assert [i for i in read if not isinstance(i, Exception)] == articles
    assert [str(e) for e in read if isinstance(e, Exception)] == [str(e) for e in errors]


def test_a_file_the_worker_cannot_see_is_reported_with_what_to_do(tmp_path):
    part = Files(("examples/calais-visit.txt",), ("examples/calais-visit.txt",), (True,))
    ((_, _, error),) = read_partition(part, str(tmp_path))  # the worker's storage has no examples/
    assert str(error).startswith("examples/calais-visit.txt: not found on the Dask worker") and "same path" in str(error)


def test_partitions_of_the_examples_read_back_every_article(tmp_path):
    items, reported = read_all([EXAMPLES], tmp_path, target=3000)
    assert reported == [] and items == one_process([EXAMPLES])[0]


def test_folder_globs_and_tables_are_read_as_in_one_process(tmp_path):
    options = ReadOptions(exclude=("*.jsonl",))
    items, reported = read_all([EXAMPLES], tmp_path, options)
    articles, errors = one_process([EXAMPLES], options)
    assert reported == errors == [] and items == articles
    assert any(a.source.endswith("examples/archive.csv") for a in articles) and not any(a.id.startswith("wire-") for a in articles)


def test_pages_from_the_web_are_fetched_by_the_client_in_order(tmp_path, web, fetch_settings):
    links = tmp_path / "reading.txt"
    links.write_text(f"{web.url('/article.html')}\n{web.url('/missing')}\n", encoding="utf-8")
    found = tmp_path / "folder"
    found.mkdir()
    (found / "links.txt").write_text(web.url("/second.html") + "\n", encoding="utf-8")  # in a folder: not fetched
    options = ReadOptions(feeds=(web.url("/feed.xml"),), fetch=fetch_settings)
    expected = one_process([links, found, EXAMPLES / "harbour-deal.md"], options)
    reported = []
    parts = list(partitions([links, found, EXAMPLES / "harbour-deal.md"], reported.append, options=options))
    assert [type(p) for p in parts] == [Pages, Files, Pages]  # the list's pages, the two files, the feed's new pages
    items = [item for part in parts for _, _, item in read_partition(part, str(REPO), options=options)]
    assert [i for i in items if not isinstance(i, Exception)] == expected[0]
    assert sorted(str(e) for e in reported + [i for i in items if isinstance(i, Exception)]) == sorted(str(e) for e in expected[1])


def test_a_utf16_jsonl_file_is_one_range_read_as_in_one_process(tmp_path):
    path = tmp_path / "wide.jsonl"
    path.write_text('{"id": "a", "text": "Alpha."}\n{"id": "b", "text": "Beta."}\n', encoding="utf-16")
    parts = list(partitions([path], pytest.fail, target=1))
    assert len(parts) == 1 and (parts[0].start, parts[0].first_line) == (0, 1)
    assert read_all([path], tmp_path, target=1) == (one_process([path])[0], [])
