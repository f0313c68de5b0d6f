"""extract.lexicon.gazetteer: the place list."""

from __future__ import annotations

import pytest

from extract.lexicon.gazetteer import lookup


def test_gazetteer_knows_countries_states_and_towns_but_not_names():
    assert lookup("CALAIS").kind == "city"
    assert lookup("Texas").kind == "state" and lookup("France").kind == "country"
    assert lookup("Europe").label == "LOC"
    assert not lookup("Kennedy").major  # a big city somewhere, but cities alone never outvote a person
    assert lookup("Hochart") is None and lookup("the") is None
    assert lookup("Kiev").kind == "city"  # the name news archives use for Kyiv


@pytest.mark.parametrize(
    ("name", "code"),
    [("Britain", "GB"), ("UK", "GB"), ("U.S.", "US"), ("America", "US"), ("Holland", "NL"), ("Korea", "KR"),
     ("London", None), ("Yorkshire", None), ("German", None), ("European Union", None), ("England", None)],
)  # fmt: skip
def test_country_codes_come_from_the_country_data_but_only_for_countries(name, code):
    from extract.lexicon.gazetteer import country_code

    assert country_code(name) == code


def test_cities_are_known_by_their_other_names():
    from extract.lexicon.gazetteer import city_name, is_big_city

    assert city_name("bombay") == city_name("mumbai") and is_big_city("frankfurt") and not is_big_city("toyota")
