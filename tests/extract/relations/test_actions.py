"""extract.relations.actions: who did what to whom."""

from __future__ import annotations

import pytest

from tests.helpers import extract, triples

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Human Rights Watch (HRW) published a report on the camps near the port.", {("Human Rights Watch", "PUBLISH", "report")}),
        ("Bernard Cazeneuve visited Calais on Tuesday.", {("Bernard Cazeneuve", "VISIT", "Calais")}),
        ("Calais has been governed by the UMP since 2008.", {("UMP", "GOVERN", "Calais")}),
        ("Bernard Cazeneuve met with Natacha Bouchart in the town hall.", {("Bernard Cazeneuve", "MEET", "Natacha Bouchart")}),
        (
            "Amnesty International and Greenpeace condemned the decision.",
            {("Amnesty International", "CONDEMN", "decision"), ("Greenpeace", "CONDEMN", "decision")},
        ),
        (
            "Gordon Brown visited the factory and praised the workers.",
            {("Gordon Brown", "VISIT", "factory"), ("Gordon Brown", "PRAISE", "worker")},
        ),
        ("Gordon Brown did not approve the budget.", {("Gordon Brown", "NOT_APPROVE", "budget")}),
        ("The police officers lifted the blockade.", {("police officer", "LIFT", "blockade")}),  # an unnamed group acts
        ("The decision put the brakes on the project.", set()),  # a decision is no actor (and the brakes an idiom)
    ],
)
def test_actions(nlp, text, expected):
    found = {t for t in triples(nlp, text) if t[1] not in ("HAS_ROLE", "SAID") and t[1].isupper()}
    actions = {t for t in found if t[1] not in ("WORKS_FOR", "KILLED", "BASED_IN", "LIVES_IN", "LOCATED_IN", "LEADS")}
    assert expected <= actions
    if not expected:
        assert not actions


def test_thing_nodes_are_normalised_head_phrases(nlp):
    extraction = extract(nlp, "Bernard Cazeneuve promised two hundred more police officers.")
    things = {e.name for e in extraction.entities if e.type == "THING"}
    assert things == {"police officer"}
