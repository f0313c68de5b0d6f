"""The CoNLL04 schema (Roth & Yih 2004), written once: its types, and how newsgraph's map onto them.

The typed-relation classifier (``extract.relations.typed``) emits exactly these relations, the trainer
(``train``) learns them and the scorer (``evaluate``) scores them.
"""

from __future__ import annotations

ENTITY_TYPES = ("Peop", "Org", "Loc")
#: Relation → (head type, tail type, the newsgraph predicate that states it).
RELATIONS = {
    "Work_For": ("Peop", "Org", "WORKS_FOR"),
    "Kill": ("Peop", "Peop", "KILLED"),
    "OrgBased_In": ("Org", "Loc", "BASED_IN"),
    "Live_In": ("Peop", "Loc", "LIVES_IN"),
    "Located_In": ("Loc", "Loc", "LOCATED_IN"),
}
RELATION_TYPES = tuple(RELATIONS)
#: Relation → its (head type, tail type): CoNLL04 defines each between one pair of types.
SIGNATURES = {relation: (head, tail) for relation, (head, tail, _) in RELATIONS.items()}
#: Relation → the newsgraph predicate.
LABEL = {relation: predicate for relation, (_, _, predicate) in RELATIONS.items()}
#: (head type, tail type) → the predicate the classifier gives a pair of those types.
PAIR_PREDICATE = {(head, tail): predicate for head, tail, predicate in RELATIONS.values()}
#: newsgraph entity type → CoNLL04 type. NORP is not scored: CoNLL04 files nationalities, religions
#: and parties under Other, which is outside the Peop/Org/Loc score.
TYPE_MAP = {"PERSON": "Peop", "ORG": "Org", "GPE": "Loc", "LOC": "Loc", "FAC": "Loc"}
#: CoNLL04 type → the newsgraph type a gold entity stands for in training.
GOLD_TYPE = {"Peop": "PERSON", "Org": "ORG", "Loc": "GPE"}
#: newsgraph predicate → the relation it is scored as: CoNLL04 annotates leaders and spokespeople as
#: working for their organisation.
PREDICATE_MAP = {**{predicate: relation for relation, predicate in LABEL.items()}, "LEADS": "Work_For", "SPOKESPERSON_FOR": "Work_For"}
