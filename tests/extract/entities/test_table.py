"""extract.entities.table: the per-article register."""

from __future__ import annotations

from extract.entities import EntityTable
from extract.model import Mention, entity_id


def test_entity_table_api_is_unchanged():
    table = EntityTable()
    first = table.add("Bernard Cazeneuve", "PERSON", Mention(0, 17, "Bernard Cazeneuve"), range(0, 2))
    again = table.add("Bernard Cazeneuve", "PERSON", Mention(30, 39, "Cazeneuve"), range(6, 7))
    assert first == again == entity_id("Bernard Cazeneuve", "PERSON")
    assert table.at(1) == first and table.at(6) == first and table.at(3) is None
    assert table.get(first).type == "PERSON"
    (entity,) = table.entities()
    assert entity.aliases == ("Cazeneuve",) and len(entity.mentions) == 2
