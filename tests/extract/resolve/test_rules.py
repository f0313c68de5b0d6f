"""extract.resolve.rules: the merges file, read and checked."""

from __future__ import annotations

import pytest

from extract.errors import MergeRulesError
from extract.resolve import load_merge_rules, parse_merge_rules


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("merge Human Rights Watch HRW\n", 1, "no TAB"),
        ("# ok\n\nfuse\tA\tB\n", 3, "unknown rule"),
        ("merge\tA\n", 1, "at least two names"),
        ("never\tA\tB\tC\n", 1, "exactly two names"),
        ("merge\tA\t\tB\n", 1, "empty name"),
        ("never\tHRW\thrw\n", 1, "same name"),
    ],
)
def test_malformed_merges_file_names_file_and_line(tmp_path, text, line, message):
    path = tmp_path / "merges.tsv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(MergeRulesError, match=message) as caught:
        load_merge_rules(path)
    assert caught.value.line == line and str(caught.value).startswith(f"{path}:{line}:")


def test_unreadable_merges_file(tmp_path):
    with pytest.raises(MergeRulesError, match="no such file"):
        load_merge_rules(tmp_path / "missing.tsv")
    binary = tmp_path / "binary.tsv"
    binary.write_bytes(b"merge\t\xff\xfe\tB\n")
    with pytest.raises(MergeRulesError, match="not UTF-8"):
        load_merge_rules(binary)


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("merge\tA\tB\nmerge\tB\tA\n", 2, r"'B' is already merged by line 1"),
        ("merge\tHRW\tHuman Rights Watch\n\nmerge\tAmnesty\thrw\n", 3, r"'hrw' is already merged by line 1"),
        ("merge\tperson:ann-lee\tAnn\nmerge\tAnn Lee\tDr Lee\n", 2, r"'Ann Lee' is already merged by line 1"),
        ("merge\tA Corp\tB Corp\nnever\tB Corp\ta corp\n", 2, r"'never' keeps 'B Corp' and 'a corp' apart, but line 1 merges them"),
        ("never\torg:a-corp\tB Corp\nmerge\tA Corp\tB Corp\n", 1, r"line 2 merges them"),
        ("type\tMorgan Stanley\tORG\ntype\tmorgan stanley\tPERSON\n", 2, r"typed PERSON here but ORG by line 1"),
    ],
)
def test_a_merges_file_that_contradicts_itself_is_refused_before_any_work(tmp_path, text, line, message):
    path = tmp_path / "merges.tsv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(MergeRulesError, match=message) as caught:
        load_merge_rules(path)
    assert str(caught.value).startswith(f"{path}:{line}:")


def test_rules_that_do_not_contradict_each_other_are_accepted():
    rules = parse_merge_rules("merge\tA\tB\nnever\tA\tC\nmerge\torg:x\tD\nmerge\tperson:x\tE\nnever\tB\tE\ntype\tA\tORG\ntype\tA\tORG\n")
    assert [r.line for r in rules.rules] == [1, 2, 3, 4, 5, 6, 7]
