"""extract.resolve.rules: the merges file, read and checked."""

from __future__ import annotations

import pytest

from extract.errors import MergeRulesError
from extract.resolve import load_merge_rules


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
