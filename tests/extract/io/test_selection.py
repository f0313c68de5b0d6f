"""extract.io.selection: which files of a folder are read."""

from __future__ import annotations

import pytest

from extract.io.selection import wanted


@pytest.mark.parametrize(
    ("path", "include", "exclude", "read"),
    [
        ("business/001.txt", (), (), True),
        ("README.TXT", (), (), False),  # the BBC data set's README
        ("LICENSE.md", (), (), False),
        ("sub/.hidden/a.txt", (), (), False),
        (".notes.txt", (), (), False),
        ("README.TXT", ("README*",), (), True),  # an --include naming it overrides the defaults
        ("business/001.txt", ("tech/*",), (), False),
        ("tech/001.txt", ("tech/*",), (), True),
        ("tech/001.txt", (), ("*/001.txt",), False),
        ("tech/DRAFT-1.txt", (), ("draft*",), False),  # globs match the file name too, ignoring case
    ],
)
def test_wanted(path, include, exclude, read):
    assert wanted(path, include, exclude) is read
