"""Actions: who did what to whom, read off the dependency parse.

"HRW published a report" → HRW PUBLISH report; "Calais has been governed by the UMP" → UMP GOVERN
Calais; "Cazeneuve met with the mayor" → Cazeneuve MEET mayor; "Le Pen appealed to voters" →
Le Pen APPEAL_TO voter; "a video, filmed by the CMS group, shows …" → CMS FILM video (a reduced
relative); "the party pulled out of the talks" → PULL_OUT_OF talks. The predicate is the verb's lemma
in upper case (with its particle and, for prepositional objects, the preposition); a negated verb gets
NOT_. Coordinated subjects, objects and verbs each give their own edge, and so do the names an
apposition lists ("Two chains, Harwell's and FreshWay, suspended orders"; "the PS and its ally, the
PCF, walked out").

The subject is an actor (``referents.Referents.actor``): a name, a pronoun's antecedent ("She relies
on the ferry"), the body "the company" refers to, or an unnamed group as a THING ("councillors voted",
"the jury convicted"); never a wire dateline ("GENEVA, April 2 (AFP) -"). An object that is not a
named entity becomes a THING node named by its head-noun phrase ("two of his assistants" → assistant).

Only what was done is an action (``is_event``): not a clause inside quotation marks, not what reported
speech claims ("critics claimed he had handed them a blank cheque"; a deed a speaker tells in the past,
"police said officers had arrested a man", and a fact told first and attributed after, "X agreed to buy Y,
the firms announced", stay), not a plan or a possibility ("will take
office", "could cost jobs"), not a condition ("if …"), not a state ("still owes him"), not an idiom
("kicked the can down the road", ``lexicon.verbs.IDIOMS``), nothing done to "no" object ("showed no
emotion"). A subject is inherited by a verb joined to the one that has it ("declared … and requested
…"), by a participle clause ("…, voting 3-2 against a plan") and by what its subject committed to do
("agreed to buy", "voted to close"); never by another infinitive or a gerund ("plans to sell", "meant
giving the sheriff a blank check").

``alliances`` reads "X and its ally, Y" and "Y, an ally of X" as X ALLY_OF Y (not an action).
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from extract.entities.table import EntityTable
from extract.lexicon.grammar import LIGHT_PREPS, OBJECT_PREPS, WH_WORDS
from extract.lexicon.kinds import CURRENCIES
from extract.lexicon.roles import ROLE_WORDS
from extract.lexicon.sources import ALLY_NOUNS, PARTITIVES
from extract.lexicon.verbs import (
    COMMITMENT_VERBS,
    IDIOMS,
    MODALS,
    NOT_ACTIONS,
    NOUN_LEMMAS,
    PREPOSITIONAL_VERBS,
    REPORTING_VERBS,
    STATEMENT_OBJECT_VERBS,
    STATIVE_VERBS,
    TELLING_VERBS,
)
from extract.model import Relation
from extract.relations.kit import NAMED, End, entity_type, governor, make_relation, named_end, np_entity, quoted_tokens, thing_end
from extract.relations.referents import Referents

#: Prepositions whose object is the verb's object whatever it is ("met with campaigners", "voted against the bid").
CORE_PREPS = frozenset({"with", "against", "to"})
#: Prepositions after which a place is where something happened, not what it was done to ("met Solheim in Oslo").
PLACE_PREPS = frozenset({"in", "at", "on", "from", "near", "across", "outside", "inside"})
_SUBJECTS = ("nsubj", "nsubjpass")
PEOPLE = frozenset({"PERSON"})
BODY_OR_PERSON = frozenset({"PERSON", "ORG"})


#: Adverbial particles the parser may read as a preposition before "of"/"from" ("walked out of", "backed away from").
PARTICLES = frozenset({"out", "away", "off", "back", "down"})


def _particles(verb: Token) -> list[str]:
    found = [c.lower_ for c in verb.children if c.dep_ == "prt"]
    return found + [c.lower_ for c in verb.children if c.dep_ == "prep" and c.lower_ in PARTICLES and _particle_prep(c) is not None]


def _particle_prep(token: Token) -> Token | None:
    """The "of" of "out of", read by the parser as a preposition on a preposition."""
    return next((c for c in token.children if c.dep_ == "prep" and c.lower_ in ("of", "from")), None)


def verb_lemma(verb: Token) -> str:
    """The verb's lemma, mended where the model took it for a noun's ("fined" → "fin", "staged" → "stag")."""
    lemma = verb.lemma_.lower()
    fixed = NOUN_LEMMAS.get(lemma)
    return fixed if fixed and verb.lower_.startswith(fixed) else lemma


def _predicate(verb: Token, prep: str | None = None) -> str:
    parts = [verb_lemma(verb)]
    parts += _particles(verb)
    if prep and (verb.lemma_.lower(), prep) not in LIGHT_PREPS:
        parts.append(prep)
    if any(c.dep_ == "neg" for c in verb.children):
        parts.insert(0, "not")
    return "_".join(parts).upper().replace("-", "_")


def _done(verb: Token) -> bool:
    """Told as done: a past ("arrested") or a perfect ("had boarded"), not a present, a plan or a guess."""
    return verb.tag_ == "VBD" or verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ in ("had", "has", "have") for c in verb.children)


def is_event(verb: Token) -> bool:
    """Whether the verb tells something that was done (see the module docstring), not said, planned or supposed."""
    if verb.i in quoted_tokens(verb.doc) or verb.lemma_.lower() in STATIVE_VERBS | STATEMENT_OBJECT_VERBS:
        return False
    if any(c.dep_ == "aux" and c.lower_ in MODALS for c in verb.children):
        return False
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in verb.children):
        return False
    node = verb
    while node.head != node and node.dep_ not in ("relcl", "acl"):  # inside the clause of a reporting verb: said, not done
        head = governor(node, REPORTING_VERBS)  # (a relative clause there is the reporter's: "the council, which approved …")
        reported = head == node.head and node.dep_ == "ccomp" and head.lemma_.lower() in REPORTING_VERBS and node.i > head.i
        if reported and not (head.lemma_.lower() in TELLING_VERBS and _done(node)):
            return False  # "critics claimed he had …" (but "police said officers had arrested a man" is a deed told);
            # a fact told first ("X agreed to buy Y, the firms announced") stays
        if node.dep_ in ("conj", "ccomp", "advcl") and any(c.dep_ == "aux" and c.lower_ in MODALS for c in head.children):
            return False  # "would have meant giving…", "will … and …"
        node = head
    return True


def _subjects(verb: Token) -> tuple[list[Token], list[Token], bool]:
    """Active subjects, passive subjects (which become objects) and whether they were inherited."""
    active = [c for c in verb.children if c.dep_ == "nsubj"]
    passive = [c for c in verb.children if c.dep_ == "nsubjpass"]
    inherited = False
    if verb.dep_ == "relcl" and active and active[0].lower_ in WH_WORDS:
        active = [_antecedent(verb, active[0])]
    if verb.dep_ == "relcl" and passive and passive[0].lower_ in WH_WORDS:
        passive = [_antecedent(verb, passive[0])]
    node = verb
    while not active and not passive and _inherits(node):
        node = governor(node, REPORTING_VERBS)
        active = [c for c in node.children if c.dep_ in _SUBJECTS]  # "was hired by X … and led the Badgers"
        if node.dep_ == "relcl" and active and active[0].lower_ in WH_WORDS:
            active = [node.head]
        inherited = True
    return _with_conjuncts(active), _with_conjuncts(passive), inherited


def _antecedent(clause: Token, wh: Token) -> Token:
    """What a relative clause is about: the noun it hangs on, but for "which" the body named right before its
    comma when the parser hung the clause on a person ("Romero, president of the Teachers Federation, which
    had lobbied …": the federation lobbied)."""
    head = clause.head
    doc = clause.doc
    if wh.lower_ != "which" or head.ent_type_ != "PERSON" or wh.i < 2 or doc[wh.i - 1].text != ",":
        return head
    before = doc[wh.i - 2]
    while before.dep_ in ("compound", "flat") and before.head.i > before.i:
        before = before.head
    own = next((e for e in doc.ents if e.start <= head.i < e.end), None)
    if own is not None and own.start <= before.i < own.end:
        return head  # the clause is about the name itself
    return before if before.ent_type_ == "ORG" else head  # only a body named there ("… the Teachers Federation, which")


def _inherits(verb: Token) -> bool:
    """A verb joined to another ("declared … and requested …"), a participle clause ("…, voting against a
    plan") or what a subject committed to do ("agreed to buy", "voted to close")."""
    if verb.head == verb:
        return False
    if verb.dep_ == "xcomp":
        return verb.head.lemma_.lower() in COMMITMENT_VERBS and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    return verb.dep_ == "conj" or verb.dep_ == "advcl" and verb.tag_ == "VBG" and not any(c.dep_ == "mark" for c in verb.children)


def _with_conjuncts(tokens: list[Token]) -> list[Token]:
    """The tokens, their conjuncts, and the names an apposition of theirs lists ("two chains, Harwell's and FreshWay")."""
    out: list[Token] = []
    for token in tokens:
        for member in (token, *token.conjuncts):
            if member not in out:
                out.append(member)
            for child in member.children:
                if child.dep_ == "appos":
                    out.extend(c for c in child.conjuncts if c not in out)
    return out


def _object_end(token: Token, table: EntityTable, referents: Referents, subject: End) -> End | None:
    """What an object stands for: a name, "him" or "his coach" (a person named before), the body "the
    company" refers to (never the subject's own), else a THING ("two of his assistants" → assistant)."""
    if token.pos_ == "PRON":
        return referents.pronoun(token) if token.lower_ in ("him", "her") else None
    named = np_entity(token, table)
    if named:
        return named
    if token.lower_ in ROLE_WORDS:  # "a new director of midwifery, Grace Achebe"
        named_after_comma = (t for t in token.subtree if t.dep_ in ("appos", "conj") and t.doc[min(x.i for x in t.subtree) - 1].text == ",")
        person = next((e for t in named_after_comma if (e := named_end(t, table, PEOPLE))), None)
        if person:
            return person
    own = {subject.id} | referents.bodies_of(subject)
    found = referents.role_holder(token) or referents.definite_body(token, avoid=own) or _named_right_after(token, table)
    if found:
        return found
    if token.lower_ in PARTITIVES or token.like_num:
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    return np_entity(pobj, table) or thing_end(pobj, table)
    return thing_end(token, table)


def _named_right_after(token: Token, table: EntityTable) -> End | None:
    """ "beat league leaders Ashby Vale", "stunned world number one Elena Marchetti": a common noun written right
    before a name, with no comma, is what the name is (the parser often hangs the name elsewhere); not the subject
    of a clause of its own ("told reporters Smith had …")."""
    if token.pos_ != "NOUN" or token.ent_type_:
        return None
    after = max(t.i for t in token.subtree) + 1
    if after >= len(token.doc):
        return None
    first = token.doc[after]
    if first.ent_iob_ != "B":
        return None
    name = next(e for e in token.doc.ents if e.start == after)
    if name.root.dep_ in _SUBJECTS:
        return None
    return named_end(first, table, BODY_OR_PERSON)


def _amount(token: Token) -> bool:
    """"412 million euros", "£4m": a sum (whose own modifier may name whom it was charged, "fined Kestrel Shipping
    4 million euros" read as one phrase)."""
    if not any(c.dep_ == "nummod" or c.like_num for c in token.children):
        return False  # "three factories" is a count of things, not a sum
    return token.ent_type_ == "MONEY" or token.lemma_.lower() in CURRENCIES or any(c.ent_type_ == "MONEY" for c in token.children)


def _objects(verb: Token) -> list[tuple[Token, str | None]]:
    """Direct objects, and prepositional objects that name what the verb acts on."""
    direct = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    if verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN"):  # "the accord, which Senegal signed": the accord
        direct = [verb.head if c.lower_ in WH_WORDS and c.dep_ == "dobj" else c for c in direct]
    direct = [next((c for c in t.children if c.dep_ == "nmod" and c.pos_ == "PROPN"), t) if _amount(t) else t for t in direct]
    if len(direct) > 1:  # "fined the chipmaker 412 million euros": the sum is what it cost, not whom it hit
        direct = [t for t in direct if not _amount(t)] or direct
    if len(direct) > 1 and any(t.dep_ == "dobj" for t in direct):  # "offered staff a bonus": the bonus is what is offered
        direct = [t for t in direct if t.dep_ == "dobj"]
    objects: list[tuple[Token, str | None]] = [(t, None) for t in _with_conjuncts(direct)]
    particle = any(c.dep_ == "prt" for c in verb.children)
    preps = []
    for prep in verb.children:
        inner = _particle_prep(prep) if prep.dep_ == "prep" and prep.lower_ in PARTICLES else None
        preps.append(inner if inner is not None else prep)
        particle = particle or inner is not None
    for prep in preps:
        word = prep.lower_
        if prep.dep_ != "prep" or not (word in OBJECT_PREPS or particle and word == "of"):
            continue
        if direct and word != "against":
            continue  # with a direct object, "in Portsmouth" is where it happened and "with a hammer" how, not what
        for pobj in prep.children:
            if pobj.dep_ == "pobj":
                objects.extend((obj, word) for obj in _with_conjuncts([pobj]))
    if not direct and verb.dep_ == "relcl" and not any(c.dep_ in ("prep", "xcomp", "ccomp") for c in verb.children):
        if verb.head.pos_ in ("NOUN", "PROPN") and not any(c.lower_ in WH_WORDS for c in verb.children):
            objects.append((verb.head, None))  # "the permits Tasker issued"
    return objects


def _kept(verb: Token, obj: Token, prep: str | None, target: End, named: End | None, table: EntityTable) -> bool:
    """Whether an object is what the verb acted on, not a circumstance, an idiom or nothing at all."""
    lemma = verb.lemma_.lower()
    if (lemma, obj.lemma_.lower()) in IDIOMS or any(c.dep_ == "det" and c.lower_ == "no" for c in obj.children):
        return False
    if prep is None or prep in CORE_PREPS or (lemma, prep) in PREPOSITIONAL_VERBS or prep == "of":
        return True
    if named is None:
        return False  # circumstances ("on Tuesday", "in the morning") only count when they name something
    return not (prep in PLACE_PREPS and entity_type(table, target.id) == "GPE")


def actions(sent: Span, table: EntityTable, article_id: str) -> Iterator[Relation]:
    """Subject–verb–object edges of one sentence (active, passive with agent, prepositional)."""
    referents = Referents.of(sent.doc, table)
    for verb in referents.tokens(sent):
        if verb.pos_ != "VERB" or verb.lemma_.lower() in NOT_ACTIONS or not is_event(verb):
            continue
        active, passive, inherited = _subjects(verb)
        objects: list[tuple[Token, str | None]] = []
        if passive:  # "Calais has been governed by the UMP": the agent acts on the passive subject
            agents = [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
            active = _with_conjuncts(agents)
            objects = [(t, None) for t in passive]
        else:
            objects = _objects(verb)
        if not active or not objects:
            continue
        rule = "passive" if passive else None
        yield from _edges(sent, verb, active, objects, table, referents, article_id, rule, inherited)


def _edges(
    sent: Span, verb: Token, subjects: list[Token], objects: list[tuple[Token, str | None]], table: EntityTable,
    referents: Referents, article_id: str, rule: str | None, inherited: bool,
) -> Iterator[Relation]:  # fmt: skip
    for subj in subjects:
        source = referents.actor(subj)
        if source is None:
            continue
        for obj, prep in objects:
            named = np_entity(obj, table)
            target = _object_end(obj, table, referents, source)
            if target is None or target.id == source.id or not _kept(verb, obj, prep, target, named, table):
                continue
            named = named or (target if entity_type(table, target.id) in NAMED else None)
            confidence = (0.7 if named else 0.6) - (0.1 if inherited else 0.0) - (0.05 if prep else 0.0)
            kind = rule or ("prep_object" if prep else "svo")
            yield make_relation(article_id, sent, source, _predicate(verb, prep), target, kind, confidence)


def reduced_relatives(sent: Span, table: EntityTable, article_id: str) -> Iterator[Relation]:
    """ "a video, filmed by the campaign group Clean Lenn, showed …" → Clean Lenn FILM video; "X, backed by Y" → Y BACK X."""
    referents = Referents.of(sent.doc, table)
    if " by " not in referents.words(sent):
        return
    for verb in referents.tokens(sent):
        if verb.dep_ != "acl" or verb.tag_ != "VBN" or verb.lemma_.lower() in NOT_ACTIONS or not is_event(verb):
            continue
        agents = [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
        if not agents:
            continue
        head = verb.head
        if head.dep_ == "appos" and np_entity(head, table) is None and np_entity(head.head, table):
            head = head.head  # "Maria Delgado-Reyes, a former teacher backed by the unions"
        yield from _edges(sent, verb, _with_conjuncts(agents), [(head, None)], table, referents, article_id, "reduced_relative", False)


def alliances(sent: Span, table: EntityTable, article_id: str) -> Iterator[Relation]:
    """ "the PS and its ally, the PCF" and "the PCF, an ally of the PS" → PS ALLY_OF PCF."""
    bodies = frozenset({"ORG", "NORP", "GPE"})
    referents = Referents.of(sent.doc, table)
    words = referents.words(sent)
    if "ally" not in words and "allies" not in words and "partner" not in words:
        return
    for token in referents.tokens(sent):
        if token.lemma_.lower() not in ALLY_NOUNS:
            continue
        ally = np_entity(token, table, bodies)
        other = None
        if token.dep_ == "conj" and any(c.tag_ == "PRP$" for c in token.children):  # "X and its ally, Y"
            other = np_entity(token.head, table, bodies)
        elif token.dep_ == "appos":  # "Y, an ally of X"
            ally = np_entity(token.head, table, bodies)
            of = next((p for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"), None)
            other = np_entity(of, table, bodies) if of is not None else None
        if ally and other and ally.id != other.id:
            yield make_relation(article_id, sent, other, "ALLY_OF", ally, "alliance", 0.7)


RULES = (actions, reduced_relatives, alliances)
#: The ``rule`` names of the action edges these rules give (what ``newsgraph eval quotes`` scores as actions).
ACTION_RULES = frozenset({"svo", "passive", "prep_object", "reduced_relative"})
