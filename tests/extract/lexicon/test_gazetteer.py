"""extract.lexicon.gazetteer: the place list."""

from __future__ import annotations

from extract.lexicon.gazetteer import lookup


def test_gazetteer_knows_countries_states_and_towns_but_not_names():
    assert lookup("CALAIS").kind == "city"
    assert lookup("Texas").kind == "state" and lookup("France").kind == "country"
    assert lookup("Europe").label == "LOC"
    assert not lookup("Kennedy").major  # a big city somewhere, but cities alone never outvote a person
    assert lookup("Hochart") is None and lookup("the") is None
    assert lookup("Kiev").kind == "city"  # the name news archives use for Kyiv
