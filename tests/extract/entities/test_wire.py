"""extract.entities.wire: datelines and wire-service credits."""

from __future__ import annotations

import pytest

from tests.helpers import by_name, entities


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("BANGKOK, Thailand (AP) Floods closed schools across the north.", {"BANGKOK": "GPE", "Thailand": "GPE"}),
        ("MEXICO CITY (AP) The central bank raised rates.", {"MEXICO CITY": "GPE"}),
        ("Strike Ends AU0202111694 Paris AFP in English 0107 GMT 2 Feb 94", {"Paris": "GPE", "AFP": "ORG"}),
        ("Moscow March 5 (ITAR-TASS) -- Newspapers covered the budget debate.", {"Moscow": "GPE", "ITAR-TASS": "ORG"}),
        ("Bangkok THE NATION", {"Bangkok": "GPE", "THE NATION": "ORG"}),  # a paper in capitals after its city
        ("Buenos Aires LA VOZ", {"Buenos Aires": "GPE", "LA VOZ": "ORG"}),  # the whole city, from the first word
        ("Sofia NOVINAR", {"Sofia": "GPE", "NOVINAR": "ORG"}),  # a city the model does not tag here
    ],
)
def test_datelines_and_wire_credits(nlp, text, expected):
    ents = by_name(entities(nlp, text))
    assert {name: ents[name].type for name in expected if name in ents} == expected, sorted(ents)
    assert not any("GMT" in name for name in ents)
