"""extract.lexicon.person_names: census given and family names."""

from __future__ import annotations


def test_given_and_family_name_lists():
    from extract.lexicon.person_names import is_family_name, is_given_name

    assert is_given_name("Andrew") and is_given_name("buddy") and is_family_name("Holly")
    assert not is_given_name("China") and not is_given_name("Royal")  # rare or an everyday word
    assert not is_family_name("Congress")  # in the census tail, left out
