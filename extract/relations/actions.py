"""Actions: who did what to whom, read off the dependency parse.

"HRW published a report" → HRW PUBLISH report; "Calais has been governed by the UMP" → UMP GOVERN
Calais; "Cazeneuve met with the mayor" → Cazeneuve MEET mayor; "Le Pen appealed to voters" →
Le Pen APPEAL_TO voter. The predicate is the verb's lemma in upper case (with its particle and, for
prepositional objects, the preposition); a negated verb gets NOT_. The subject must be a named actor;
an object that is not a named entity becomes a THING node named by its head-noun phrase.
Coordinated subjects, objects and verbs each give their own edge.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from extract.entities.table import EntityTable
from extract.lexicon.grammar import LIGHT_PREPS, OBJECT_PREPS, WH_WORDS
from extract.lexicon.verbs import NOT_ACTIONS
from extract.model import Relation
from extract.relations.kit import ACTOR_TYPES, End, make_relation, np_entity, thing_end


def _predicate(verb: Token, prep: str | None = None) -> str:
    parts = [verb.lemma_.lower()]
    parts += [c.lower_ for c in verb.children if c.dep_ == "prt"]
    if prep and (verb.lemma_.lower(), prep) not in LIGHT_PREPS:
        parts.append(prep)
    if any(c.dep_ == "neg" for c in verb.children):
        parts.insert(0, "not")
    return "_".join(parts).upper().replace("-", "_")


def _subjects(verb: Token) -> tuple[list[Token], list[Token], bool]:
    """Active subjects, passive subjects (which become objects) and whether they were inherited."""
    active = [c for c in verb.children if c.dep_ == "nsubj"]
    passive = [c for c in verb.children if c.dep_ == "nsubjpass"]
    inherited = False
    if verb.dep_ == "relcl" and active and active[0].lower_ in WH_WORDS:
        active = [verb.head]
    if verb.dep_ == "relcl" and passive and passive[0].lower_ in WH_WORDS:
        passive = [verb.head]
    node = verb
    while not active and not passive and node.dep_ in ("conj", "xcomp") and node.head != node:
        node = node.head
        active = [c for c in node.children if c.dep_ == "nsubj"]
        inherited = True
    return _with_conjuncts(active), _with_conjuncts(passive), inherited


def _with_conjuncts(tokens: list[Token]) -> list[Token]:
    out = []
    for token in tokens:
        out.append(token)
        out.extend(token.conjuncts)
    return out


def _end(token: Token, table: EntityTable, *, actor: bool) -> End | None:
    if actor:
        return np_entity(token, table, ACTOR_TYPES)
    return np_entity(token, table) or thing_end(token, table)


def actions(sent: Span, table: EntityTable, article_id: str) -> Iterator[Relation]:
    """Subject–verb–object edges of one sentence (active, passive with agent, prepositional)."""
    for verb in sent:
        if verb.pos_ != "VERB" or verb.lemma_.lower() in NOT_ACTIONS:
            continue
        active, passive, inherited = _subjects(verb)
        objects: list[tuple[Token, str | None]] = []
        if passive:  # "Calais has been governed by the UMP": the agent acts on the passive subject
            agents = [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
            active = _with_conjuncts(agents)
            objects = [(t, None) for t in passive]
        else:
            direct = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
            objects = [(t, None) for t in _with_conjuncts(direct)]
            for prep in verb.children:
                if prep.dep_ != "prep" or prep.lower_ not in OBJECT_PREPS:
                    continue
                if direct and prep.lower_ not in ("with", "against"):
                    continue  # with a direct object, "in Portsmouth" is where it happened, not what
                for pobj in prep.children:
                    if pobj.dep_ == "pobj":
                        for obj in _with_conjuncts([pobj]):
                            objects.append((obj, prep.lower_))
        if not active or not objects:
            continue
        for subj in active:
            source = _end(subj, table, actor=True)
            if source is None:
                continue
            for obj, prep in objects:
                named = np_entity(obj, table)
                # circumstances ("on Tuesday", "in the morning") only count when they name something
                if prep is not None and prep not in ("with", "against", "to") and named is None:
                    continue
                target = named or _end(obj, table, actor=False)
                if target is None or target.id == source.id:
                    continue
                confidence = (0.7 if named else 0.6) - (0.1 if inherited else 0.0) - (0.05 if prep else 0.0)
                rule = "passive" if passive else ("prep_object" if prep else "svo")
                yield make_relation(article_id, sent, source, _predicate(verb, prep), target, rule, confidence)


RULES = (actions,)
#: The ``rule`` names of the action edges these rules give (what ``newsgraph eval quotes`` scores as actions).
ACTION_RULES = frozenset({"svo", "passive", "prep_object"})
