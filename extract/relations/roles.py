"""Roles and affiliations: who holds which title, and for which organisation or place.

Three shapes cover most of news writing:
- a title before a name: "Interior Minister Bernard Cazeneuve", "FN leader Marine Le Pen";
- an apposition: "Ludovic Hochart, a spokesman for the UNSA-Police union", "the mayor, Natacha Bouchart";
- a copula: "John Smith is the chief executive of Acme", "Jane Doe was appointed chairman of Acme".
Each gives Person HAS_ROLE role (a ROLE node with a normalised name: lower case, no determiners, no
named organisation in it), and, when an organisation (or a place, for offices of state) is named,
an affiliation edge whose predicate follows from the role: LEADS, SPOKESPERSON_FOR, MEMBER_OF or
WORKS_FOR.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Span, Token

from extract.entities.table import EntityTable
from extract.lexicon.grammar import AFFILIATION_PREPS
from extract.lexicon.roles import (
    LEAD_HEADS,
    LEAD_PHRASES,
    MEMBER_HEADS,
    NOT_ROLES,
    PAST,
    PORTFOLIO_HEADS,
    RANK_ABBREVIATIONS,
    ROLE_WORDS,
    SPOKES,
    STATE_LEAD,
    STATE_SERVE,
    TITLE_EXPANSIONS,
)
from extract.lexicon.verbs import COPULAS, NAMING_VERBS
from extract.model import Mention, Relation
from extract.nlp.text import doc_text
from extract.relations.kit import End, char_span, entity_type, make_relation, named_end, np_entity, run_bounds

TITLE_DEPS = frozenset({"compound", "amod", "nmod", "poss"})
ORG_TYPES = frozenset({"ORG"})
PLACE_TYPES = frozenset({"GPE"})
AFFILIATE_TYPES = frozenset({"ORG", "GPE", "NORP"})


def affiliation_predicate(role: str, target_type: str | None) -> str | None:
    """The person→target predicate a role implies, or None ("former" roles and most place links)."""
    words = role.split()
    if not words or words[0] in PAST:
        return None
    head = words[-1]
    leads = (head in LEAD_HEADS or any(role.endswith(p) for p in LEAD_PHRASES)) and words[0] not in (
        "deputy", "vice", "assistant", "vice-president",
    )  # fmt: skip
    if target_type == "GPE":
        if head in STATE_LEAD or role.endswith("prime minister"):
            return "LEADS"
        return "WORKS_FOR" if head in STATE_SERVE else None
    if head in SPOKES:
        return "SPOKESPERSON_FOR"
    if leads:
        return "LEADS"
    if head in MEMBER_HEADS:
        return "MEMBER_OF"
    return "WORKS_FOR"


def is_role_head(token: Token) -> bool:
    word = token.lower_
    if word in NOT_ROLES or token.like_num:
        return False
    if word in ROLE_WORDS or word.rstrip(".") in TITLE_EXPANSIONS and token.is_title:
        return True
    return token.pos_ == "NOUN" and token.ent_type_ == "" and token.is_alpha and not token.is_stop


class _Role:
    """A role phrase being read: its tokens, and the named entities found inside or attached to it."""

    def __init__(self, head: Token) -> None:
        self.head = head
        self.tokens: list[Token] = []
        self.affiliates: list[End] = []


def _role_from_tokens(tokens: Iterable[Token], head: Token, table: EntityTable) -> _Role:
    """Split a title/apposition phrase into role words and named affiliates."""
    role = _Role(head)
    portfolio = head.lower_ in PORTFOLIO_HEADS
    seen: set[str] = set()
    for token in tokens:
        if token.dep_ == "det" or token.tag_ in ("PRP$", "POS", "WP$") or token.lower_ in ("'s", "’s"):
            continue
        if token.is_punct and token.text not in ("-", "–"):
            continue
        ent = named_end(token, table)
        etype = entity_type(table, ent.id) if ent else None
        if ent and not (portfolio and etype == "ORG" and token.i < head.i):
            if etype in AFFILIATE_TYPES and ent.id not in seen:
                seen.add(ent.id)
                role.affiliates.append(ent)
            continue
        if token.ent_type_ in ("NORP", "GPE") and token.i < head.i:
            continue  # "French" in "French President": a nationality, not part of the role
        role.tokens.append(token)
    return role


def _phrase_tokens(head: Token) -> list[Token]:
    """A role noun with its left modifiers (stopping at a determiner) and hyphenated right parts."""
    left = []
    for child in reversed(list(head.lefts)):
        if child.dep_ in ("det", "predet") and child.tag_ != "PRP$":
            break
        if child.dep_ in TITLE_DEPS or child.dep_ in ("det", "punct", "cc", "conj", "case"):
            left = list(child.subtree) + left
        else:
            break
    right = [c for c in head.rights if c.dep_ in ("compound", "amod") and c.i == head.i + 1]
    return sorted({*left, head, *right}, key=lambda t: t.i)


def _attached_affiliates(head: Token, table: EntityTable) -> list[End]:
    """Organisations or places attached to a role noun by a preposition ("spokesman for the union")."""
    found = []
    for child in head.children:
        if child.dep_ != "prep" or child.lower_ not in AFFILIATION_PREPS:
            continue
        types = AFFILIATE_TYPES if AFFILIATION_PREPS[child.lower_] == "any" else ORG_TYPES
        for pobj in child.children:
            if pobj.dep_ == "pobj":
                end = np_entity(pobj, table, types)
                if end:
                    found.append(end)
                    found.extend(e for c in pobj.conjuncts if (e := np_entity(c, table, types)))
    return found


def _emit(
    role: _Role, person: End, table: EntityTable, sent: Span, article_id: str, rule: str, confidence: float
) -> Iterator[Relation]:
    words = [t for t in role.tokens]
    if not words or not is_role_head(role.head) or role.head not in words:
        return
    # the role's own span: the contiguous run of role words ending at the head
    start = role.head.i
    while start - 1 >= words[0].i and sent.doc[start - 1] in words:
        start -= 1
    end = role.head.i + 1
    while end < len(sent.doc) and sent.doc[end] in words:
        end += 1
    doc = sent.doc
    span = char_span(doc, start, end)
    text = doc_text(doc)[span[0] : span[1]]
    name = " ".join(TITLE_EXPANSIONS.get(w.rstrip("."), w) for w in text.lower().replace("’s", "").replace("'s", "").split())
    role_id = table.add(name, "ROLE", Mention(*span, text, "ROLE"), range(start, end))
    role_end = End(role_id, span)
    yield make_relation(article_id, sent, person, "HAS_ROLE", role_end, rule, confidence)
    for affiliate in role.affiliates:
        if affiliate.id == person.id:
            continue
        predicate = affiliation_predicate(name, entity_type(table, affiliate.id))
        if predicate:
            yield make_relation(article_id, sent, person, predicate, affiliate, rule, confidence - 0.1)


def _name_unnamed_org(title: list[Token], head: Token, table: EntityTable) -> None:
    """Proper nouns the NER missed before a role word are the organisation: "FN leader", "Barclays chief executive".

    Not before portfolio titles ("Interior Minister") nor capitalised role words ("Chancellor").
    """
    if head.lower_ in PORTFOLIO_HEADS:
        return
    words = [t for t in title if t.i < head.i]
    run = []
    for token in words:
        if token.pos_ == "PROPN" and table.at(token) is None and token.lower_ not in ROLE_WORDS | RANK_ABBREVIATIONS and token.is_alpha:
            run.append(token)
        elif run and token.text == "-" and not token.whitespace_ and not run[-1].whitespace_:
            run.append(token)  # "ITAR-TASS correspondent": one name the tokenizer split at the hyphen
        elif run:
            break
    while run and run[-1].text == "-":
        run.pop()
    if run:
        start, end = run[0].i, run[-1].i + 1
        span = char_span(head.doc, start, end)
        text = doc_text(head.doc)[span[0] : span[1]]
        table.add(text, "ORG", Mention(*span, text, "ORG"), range(start, end))


def title_roles(sent: Span, table: EntityTable, article_id: str) -> Iterator[Relation]:
    """A title before a name: "FN leader Marine Le Pen" → HAS_ROLE leader, LEADS FN."""
    doc = sent.doc
    done: set[int] = set()
    for token in sent:
        person = named_end(token, table, frozenset({"PERSON"}))
        if person is None:
            continue
        start, end = run_bounds(doc, table, token.i)
        if start in done:
            continue
        done.add(start)
        name_head = doc[end - 1]
        while name_head.dep_ in ("compound", "flat") and name_head.head.i > name_head.i and name_head.head.pos_ == "PROPN":
            name_head = name_head.head  # "Marine Le" cut from "Marine Le Pen": the name's head is "Pen"
        title = []
        for t in reversed(list(name_head.subtree)):
            if t.i >= start:
                continue
            if t.i != (title[-1].i - 1 if title else start - 1) or t.dep_ in ("det", "predet") or t.text in (",", "(", ":"):
                break
            if t.pos_ in ("VERB", "AUX") and not t.text.istitle():
                break  # "have sacked manager X" (a misparse): the verb is no part of the title
            title.append(t)
        # titles swallowed into the name span ("President Lincoln" tagged as one PERSON); not when a title
        # stands before the name already ("Prime Minister Sheikh Hasina": "Sheikh" is then part of the name)
        inner = [t for t in doc[start : end - 1] if t.lower_.rstrip(".") in ROLE_WORDS and t.is_title]
        titled = any(t.lower_.rstrip(".") in ROLE_WORDS for t in title)
        if inner and inner[0].i == start and not titled:
            title.extend(t for t in doc[start : inner[-1].i + 1])
        title = [t for t in sorted(set(title), key=lambda t: t.i) if t.i < end]
        if not title:
            continue
        role_head = max((t for t in title if t.i < start or t in inner), key=lambda t: t.i, default=None)
        if role_head is None or role_head.i != max(t.i for t in title):
            continue
        _name_unnamed_org(title, role_head, table)
        role = _role_from_tokens(title, role_head, table)
        role.affiliates = [a for a in role.affiliates if a.id != person.id]
        yield from _emit(role, person, table, sent, article_id, "title", 0.85)


def apposition_roles(sent: Span, table: EntityTable, article_id: str) -> Iterator[Relation]:
    """ "Ludovic Hochart, a spokesman for the UNSA-Police union" and "the mayor, Natacha Bouchart"."""
    person_types = frozenset({"PERSON"})
    for token in sent:
        if token.dep_ != "appos":
            continue
        head = token.head
        person = named_end(head, table, person_types)
        role_token = token
        if person is None:  # role first: "the mayor, Natacha Bouchart"
            person = named_end(token, table, person_types)
            role_token = head
        if person is None or table.at(role_token) is not None or not is_role_head(role_token):
            continue
        role = _role_from_tokens(_phrase_tokens(role_token), role_token, table)
        role.affiliates.extend(a for a in _attached_affiliates(role_token, table) if a not in role.affiliates)
        yield from _emit(role, person, table, sent, article_id, "apposition", 0.8)


def copular_roles(sent: Span, table: EntityTable, article_id: str) -> Iterator[Relation]:
    """ "X is the chief executive of Y", "X was appointed chairman of Y", "X serves as mayor of Y"."""
    for verb in sent:
        if verb.lemma_.lower() not in COPULAS:
            continue
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if verb.dep_ == "relcl" and not subjects:
            continue
        if verb.dep_ == "relcl" and subjects and subjects[0].tag_ in ("WP", "WDT"):
            subjects = [verb.head]
        complements = [c for c in verb.children if c.dep_ in ("attr", "oprd", "acomp")]
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ == "as":
                complements.extend(c for c in prep.children if c.dep_ == "pobj")
        if verb.lemma_.lower() in NAMING_VERBS:
            complements.extend(c for c in verb.children if c.dep_ in ("dobj", "xcomp") and c.pos_ == "NOUN")
        for subj in subjects:
            person = np_entity(subj, table, frozenset({"PERSON"}))
            if person is None:
                continue
            for comp in complements:
                if table.at(comp) is not None or not is_role_head(comp):
                    continue
                role = _role_from_tokens(_phrase_tokens(comp), comp, table)
                role.affiliates.extend(a for a in _attached_affiliates(comp, table) if a not in role.affiliates)
                yield from _emit(role, person, table, sent, article_id, "copula", 0.75)


RULES = (title_roles, apposition_roles, copular_roles)
