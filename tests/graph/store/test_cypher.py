"""Query texts: only validated labels and types ever reach them, and templates name their parameters."""

from __future__ import annotations

import re

import pytest

from graph.store import cypher


@pytest.mark.parametrize(
    ("predicate", "expected"),
    [
        ("VISIT", "VISIT"),
        ("has_role", "HAS_ROLE"),
        ("co-operate", "CO_OPERATE"),
        ("réélire", "REELIRE"),
        ("  spaced out  ", "SPACED_OUT"),
        ("X`]->(n) DETACH DELETE n //", "X_N_DETACH_DELETE_N"),
        ("42", None),
        ("1ST", None),
        ("", None),
        ("`", None),
        ("MENTIONS", None),  # newsgraph's own bookkeeping type
        ("A" * 64, "A" * 64),
        ("A" * 65, None),
    ],
)
def test_relationship_type_is_normalised_then_validated(predicate, expected):
    assert cypher.relationship_type(predicate) == expected


def test_every_accepted_type_matches_the_strict_pattern():
    hostile = ["a'b", 'a"b', "a`b", "a\nb", "a;b", "a}b", "ünïcödé", "a-b-c", "{x}", "$param", "a//b"]
    for text in hostile:
        result = cypher.relationship_type(text)
        assert result is None or re.fullmatch(r"[A-Z][A-Z0-9_]{0,63}", result), text


def test_relationship_types_and_labels_travel_as_parameters():
    for text in (cypher.CREATE_RELATIONSHIPS, cypher.FIND_RELATIONSHIPS):
        assert "-[r:$(row.type)]->" in text and "`" not in text
    assert "MERGE (s)-" not in cypher.CREATE_RELATIONSHIPS, "a MERGE on a parameter type scans every relationship of both ends"
    assert "e:$($labels)" in cypher.REFRESH_ENTITIES and "e:$(coalesce($label_of[coalesce(type, e.type, '')], 'Entity'))" in cypher.REFRESH_ENTITIES


def test_the_evidence_lists_are_kept_and_ordered_together():
    for name in cypher.EVIDENCE_LISTS:
        assert f"r.{name} = [i IN idx | {name}[i]]" in cypher.ADD_EVIDENCE
        assert f"r.{name} = [i IN keep | " in cypher.STRIP_EVIDENCE
    assert "ORDER BY articles[i], i" in cypher.ADD_EVIDENCE


def test_every_model_type_has_a_label():
    from extract.model import ENTITY_TYPES

    assert set(ENTITY_TYPES) <= set(cypher.ENTITY_LABELS)


def _parameters(text: str) -> set[str]:
    return set(re.findall(r"\$([A-Za-z_]\w*)", text))


@pytest.mark.parametrize("name", sorted(cypher.TEMPLATES))
def test_templates_declare_exactly_the_parameters_they_use(name):
    template = cypher.TEMPLATES[name]
    assert template.description.strip()
    assert _parameters(template.cypher) == set(template.params) | set(template.defaults)


def test_template_parameters_overlay_defaults_and_name_the_missing_one():
    template = cypher.TEMPLATES["comentions"]
    assert template.parameters({"name": "HRW"}) == {"name": "HRW", "limit": 25}
    assert template.parameters({"name": "HRW", "limit": 3})["limit"] == 3
    with pytest.raises(KeyError, match="name"):
        template.parameters({})


def test_writer_queries_take_values_only_as_parameters():
    writer_queries = [
        cypher.LOCK, cypher.CLAIM, cypher.MARK_DIRTY, cypher.MARK_RESOLVED, cypher.STATE, cypher.STORED_ARTICLES, cypher.STORED_FOR_WRITE,
        cypher.ALL_SIGHTINGS, cypher.STORED_EXTRACTIONS, cypher.MERGE_ENTITIES, cypher.WRITE_ARTICLES, cypher.FIND_RELATIONSHIPS,
        cypher.CREATE_RELATIONSHIPS, cypher.ADD_EVIDENCE,
        cypher.STRIP_EVIDENCE, cypher.DELETE_EMPTIED, cypher.DELETE_MENTIONS, cypher.DELETE_ARTICLES, cypher.DELETE_ORPHANS, cypher.REFRESH_ENTITIES,
    ]  # fmt: skip
    for text in writer_queries:
        assert _parameters(text) <= {"ids", "rows", "eids", "force", "merges", "limit", "labels", "label_of", "writer"}, text
        assert "{labels}" not in text and "{type}" not in text
