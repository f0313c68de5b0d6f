"""extract.entities: the passes together, and the Doc they leave for the relation rules."""

from __future__ import annotations

import pytest

from extract.entities import EntityTable, find_entities


@pytest.mark.model
def test_doc_ents_are_rewritten_for_later_rules(nlp):
    doc = nlp("Interior Minister Bernard Cazeneuve visited Calais on Tuesday.")
    find_entities(doc, EntityTable())
    labels = {e.text: e.label_ for e in doc.ents}
    assert labels["Calais"] == "GPE" and labels["Bernard Cazeneuve"] == "PERSON"
    assert "Interior" not in labels and labels.get("Tuesday") == "DATE"  # other labels are kept
