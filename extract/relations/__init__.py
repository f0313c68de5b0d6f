"""Doc + entities → relations, each with the sentence and offsets that support it.

The rules live in small modules: ``roles`` (HAS_ROLE and affiliations), ``actions`` (subject–verb–object),
``typed`` (the five CoNLL04 relation types, a small trained classifier) and ``quotes`` (SAID). Each is a
generator over one sentence (quotes: over the document, as quotations cross sentence ends) that
registers the non-named ends (ROLE, THING, QUOTE) in the article's ``EntityTable`` and yields
``Relation``s. Nothing here parses again: every rule reads the one spaCy parse.
"""

from __future__ import annotations

from spacy.tokens import Doc

from extract.entities.table import EntityTable
from extract.model import Relation
from extract.relations import actions, quotes, roles, typed
from extract.relations.referents import Referents

#: Sentence rules, in order: roles first so a role noun is a ROLE before actions look at it, and "the
#: minister" can be read as the person named with that role.
SENTENCE_RULES = (*roles.RULES, *actions.RULES, *typed.RULES)


def find_relations(doc: Doc, table: EntityTable, article_id: str) -> list[Relation]:
    """Run every rule over every sentence; the same edge from the same evidence is kept once."""
    seen: set[tuple] = set()
    relations: list[Relation] = []

    def keep(rel: Relation) -> None:
        key = (rel.source, rel.predicate, rel.target, rel.evidence.source_span, rel.evidence.target_span)
        if key not in seen:
            seen.add(key)
            relations.append(rel)

    referents = Referents.of(doc, table, relations)  # reads the roles found so far as it is asked
    for number in range(referents.sentence_count):
        sent = referents.sentence(number)
        for rule in SENTENCE_RULES:
            for rel in rule(sent, table, article_id):
                keep(rel)
    for rel in quotes.quotes(doc, table, article_id, referents):
        keep(rel)
    return _drop_redundant(relations)


#: Affiliations that imply working for the organisation (a member of a party does not work for it).
EMPLOYMENT = frozenset({"LEADS", "SPOKESPERSON_FOR", "WORKS_FOR"})


def _drop_redundant(relations: list[Relation]) -> list[Relation]:
    """A classifier WORKS_FOR adds nothing where a rule already read the affiliation in that sentence."""
    by_rule = {
        (r.source, r.target, r.evidence.sentence)
        for r in relations
        if r.predicate in EMPLOYMENT and not r.evidence.rule.startswith("model:")
    }
    return [
        r
        for r in relations
        if not (r.evidence.rule.startswith("model:") and r.predicate == "WORKS_FOR" and (r.source, r.target, r.evidence.sentence) in by_rule)
    ]
