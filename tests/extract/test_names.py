"""extract.names: acronyms and initials."""

from __future__ import annotations

import pytest

from extract.names import acronym_letters, initials


@pytest.mark.parametrize(
    ("word", "letters"), [("HRW", "HRW"), ("U.S.", "US"), ("FN", "FN"), ("Calais", ""), ("A", ""), ("NATO", "NATO")]
)
def test_acronym_letters(word, letters):
    assert acronym_letters(word) == letters


def test_initials_skip_function_words():
    assert initials(["Confederation", "of", "British", "Industry"]) == "CBI"
    assert initials(["UNSA-Police", "Union"], split_hyphens=True) == "UPU"
