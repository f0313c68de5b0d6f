"""Doc + entities → relations, each with the sentence and offsets that support it.

Every rule is a generator over a sentence that yields ``Relation``s; ends that are not named entities
(roles, things) are registered in the article's ``EntityTable`` as ROLE or THING entities.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from extract.entities import EntityTable
from extract.model import Evidence, Mention, Relation

SUBJECT_DEPS = {"nsubj", "nsubjpass"}
OBJECT_DEPS = {"dobj", "attr", "oprd"}
TITLE_DEPS = {"compound", "amod", "nmod"}
#: Role words that may stand before a name in lower case ("party leader", "relief coordinator").
ROLE_HEADS = {
    "minister", "secretary", "president", "leader", "chairman", "chairwoman", "chair", "director",
    "spokesman", "spokeswoman", "spokesperson", "chief", "executive", "coordinator", "mayor", "governor",
    "senator", "chancellor", "ambassador", "general", "commissioner", "judge", "editor", "founder",
    "manager", "head", "officer", "prosecutor", "premier", "king", "queen", "prince", "pope", "bishop",
    "co-leader", "coach", "captain", "analyst", "economist", "correspondent", "mp", "lawyer", "adviser",
}  # fmt: skip


def _evidence(article_id: str, sent: Span, source: tuple[int, int], target: tuple[int, int], rule: str) -> Evidence:
    return Evidence(article_id, sent.text.strip(), source, target, rule)


def _span_of(doc: Doc, start: int, end: int) -> tuple[int, int]:
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1])


def title_roles(sent: Span, table: EntityTable, article_id: str) -> Iterator[Relation]:
    """"Interior Minister Bernard Cazeneuve" → Cazeneuve HAS_ROLE Interior Minister."""
    doc = sent.doc
    for ent in sent.ents:
        if ent.label_ != "PERSON":
            continue
        person = table.at(ent.start)
        if person is None:
            continue
        end = ent.start
        start = end
        while start > sent.start:
            prev = doc[start - 1]
            if prev.dep_ not in TITLE_DEPS or not start - 1 < prev.head.i < ent.end:
                break
            if table.at(prev) not in (None, person):
                break
            start -= 1
        if start == end or doc[end - 1].lower_ not in ROLE_HEADS:
            continue
        role_span = _span_of(doc, start, end)
        role_text = doc.text[role_span[0] : role_span[1]]
        role = table.add(role_text.lower(), "ROLE", Mention(*role_span, role_text, "ROLE"), range(start, end))
        yield Relation(
            person, "HAS_ROLE", role, _evidence(article_id, sent, (ent.start_char, ent.end_char), role_span, "title"), 0.8
        )


def svo(sent: Span, table: EntityTable, article_id: str) -> Iterator[Relation]:
    """Subject–verb–object with a named subject: "HRW published a report" → HRW PUBLISHED report."""
    doc = sent.doc
    for verb in sent:
        if verb.pos_ not in ("VERB", "AUX") or verb.dep_ == "aux":
            continue
        subjects = [t for t in verb.children if t.dep_ == "nsubj" and table.at(t)]
        objects = [t for t in verb.children if t.dep_ in OBJECT_DEPS]
        for subj in subjects:
            for obj in objects:
                target = _object_entity(obj, table)
                if target is None or target == table.at(subj):
                    continue
                src_span = _entity_span(doc, subj, table)
                tgt_span = _entity_span(doc, obj, table)
                yield Relation(
                    table.at(subj),  # type: ignore[arg-type]
                    verb.lemma_.upper().replace("-", "_"),
                    target,
                    _evidence(article_id, sent, src_span, tgt_span, "svo"),
                    0.6,
                )


def _entity_span(doc: Doc, token: Token, table: EntityTable) -> tuple[int, int]:
    eid = table.at(token)
    if eid is None:
        return token.idx, token.idx + len(token)
    start = end = token.i
    while start > 0 and table.at(start - 1) == eid:
        start -= 1
    while end + 1 < len(doc) and table.at(end + 1) == eid:
        end += 1
    return _span_of(doc, start, end + 1)


def _object_entity(obj: Token, table: EntityTable) -> str | None:
    """The entity an object token belongs to; a common noun becomes a THING named by its lemma."""
    eid = table.at(obj)
    if eid is not None:
        return eid
    if obj.pos_ != "NOUN":
        return None
    text = obj.text
    return table.add(obj.lemma_.lower(), "THING", Mention(obj.idx, obj.idx + len(text), text, "THING"), range(obj.i, obj.i + 1))


RULES = (title_roles, svo)


def find_relations(doc: Doc, table: EntityTable, article_id: str) -> list[Relation]:
    """Run every rule over every sentence; the same edge from the same evidence is kept once."""
    seen: set[tuple] = set()
    relations: list[Relation] = []
    for sent in doc.sents:
        for rule in RULES:
            for rel in rule(sent, table, article_id):
                key = (rel.source, rel.predicate, rel.target, rel.evidence.source_span, rel.evidence.target_span)
                if key not in seen:
                    seen.add(key)
                    relations.append(rel)
    return relations
