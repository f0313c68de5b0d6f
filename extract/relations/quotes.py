"""Quotes: who said what, and to whom. Speaker ``SAID`` the quotation (a QUOTE node named by its words);
the quotation ``TOLD_TO`` its audience ("told AFP", "told reporters", "speaking to the BBC"), so one
quote told to a news outlet keeps both the speaker and the outlet.

Direct quotations are found by ``marks.quotations`` (curly, straight and guillemet marks, quotes inside
quotes, quotes over several paragraphs, stray marks ignored); each takes its speaker from the first rule
of ``ATTRIBUTIONS`` that reads one:

- ``in_reporting_clause``: the quote sits in the clause of a reporting verb, or of "according to X"
  (``'"…," Hochart said'``, ``'said it was "disappointed but not surprised"'``, ``'«rigged», according to
  Berthou'``, ``'called it "a shambles"'``);
- ``verb_after``: a reporting verb after the quote in its sentence (``'"…," said Martin Okafor, 58, …'``);
- ``verb_before``: one just before it, or before a colon (``'Mr Halloran said: "…"'``, ``'told the BBC: "…"'``);
- ``introduced_by_colon``: a clause whose subject is an actor, then a colon (``'Her deputy, X, was blunter: «…»'``);
- ``credit_line``: a dash and a name after it (``'"…" — Commissioner Elsa Marrant'``, ``'- X, Verlinde chief
  executive'``), with the body named on that line;
- ``continued``: the quote right after one already attributed, or the next paragraph of a quote left open;
- ``introduced_before``: a quote standing alone after a sentence whose subject is a person ("Morag Lindsay
  runs the only bakery. … \\n\\n "…"").

A rule that finds the attribution but cannot tell who the speaker is stops the search: the quote is then
left without a speaker rather than given to someone else. Speakers are read by ``referents.Referents``
(names, pronouns by salience and sex, "the company", "the minister", unnamed sources as SOURCE nodes
with the body they speak for). Reported speech is read by ``REPORTED``: a reporting verb's clause ("X said
(that) …", "warned that …", split at "and that …"), what is denied or admitted ("denied the allegations"),
"accused X of …", and "…, according to X". A clause that holds a direct quotation is left to the direct
rules.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from extract.entities.table import EntityTable
from extract.lexicon.grammar import WH_WORDS
from extract.lexicon.sources import SPEAKER_PRONOUNS
from extract.lexicon.verbs import (
    ACCUSING_VERBS,
    ADDRESSING_VERBS,
    DESCRIBING_VERBS,
    MODALS,
    REPORTING_VERBS,
    STATEMENT_NOUNS,
    STATEMENT_OBJECT_VERBS,
)
from extract.model import Mention, Relation
from extract.nlp.text import doc_text
from extract.relations.kit import NAMED, End, entity_type, in_reported_tense, make_relation, named_end, np_entity, quotations, thing_end
from extract.relations.marks import Quotation
from extract.relations.referents import Referents
from extract.relations.roles import affiliation_predicate

#: Quotations of fewer words are scare quotes, not speech ("called the plan "reckless"").
MIN_WORDS = 2
#: A reported clause has at least this many words ("it would appeal").
MIN_CLAUSE_WORDS = 3
#: Words that open a reported question, not a statement ("asked whether …", "did not say when …").
QUESTION_WORDS = frozenset({"whether", "if", "which", "what", "when", "where", "who", "whom", "why", "how"})
#: Nouns after "according to" that stand for whoever wrote them ("according to a report by HRW").
DOCUMENT_NOUNS = frozenset({"report", "study", "statement", "survey", "analysis", "figure", "data", "estimate", "document", "filing", "poll", "count", "tally", "memo", "letter"})
_DASHES = frozenset({"—", "–", "-", "--", "―"})
_SUBJECTS = ("nsubj", "nsubjpass")
_SPEAKING = REPORTING_VERBS | DESCRIBING_VERBS
#: Prepositions that end what was denied or admitted ("admitted 14 breaches [at Gloucester crown court]").
_CIRCUMSTANCES = frozenset({"at", "in", "on", "during", "after", "before"})


@dataclass
class Quoted:
    """A direct quotation as tokens: the quoted words, and the words with their marks."""

    index: int
    quotation: Quotation
    words: Span
    marks: Span
    text: str


@dataclass
class Attribution:
    """Who said a quotation, to whom, read by which rule (``speakers`` empty: said by someone unknown)."""

    speakers: list[End]
    audiences: list[End] = field(default_factory=list)
    tokens: list[int] = field(default_factory=list)  # tokens outside the quote that the attribution reads
    rule: str = ""
    confidence: float = 0.0


@dataclass
class Reading:
    """One document's quotes being read: the parse, the register, who stands for what, what was found."""

    doc: Doc
    table: EntityTable
    referents: Referents
    quotes: list[Quoted] = field(default_factory=list)
    found: dict[int, Attribution] = field(default_factory=dict)  # quote index → attribution
    innermost: dict[int, int] = field(default_factory=dict)  # token → index of the innermost quote holding it
    credits: list[tuple[End, End, str, list[int]]] = field(default_factory=list)  # (person, body, predicate, line tokens)
    statements: list[tuple[int, Attribution]] = field(default_factory=list)  # (sentence index, attribution) so far

    def quote_of(self, token: Token | int) -> int | None:
        return self.innermost.get(token if isinstance(token, int) else token.i)


# --- speakers and audiences of a verb --------------------------------------------------------


def _subjects(verb: Token, reading: Reading) -> list[Token]:
    """The subject tokens of a verb (with conjuncts), inherited from the verb it hangs on when it has none.

    A quotation the parser made the subject ('«…», she added') and stray punctuation are not subjects.
    """
    node = verb
    own = reading.quote_of(verb)
    for _ in range(4):
        subjects = [c for c in node.children if c.dep_ in _SUBJECTS and not c.is_punct and reading.quote_of(c) == own]
        if subjects:
            first = subjects[0]
            if first.lower_ in WH_WORDS and node.dep_ == "relcl":  # "Tasker, who has denied wrongdoing"
                first = node.head
            return [first, *first.conjuncts]
        if node.dep_ == "relcl" and node.head.pos_ in ("NOUN", "PROPN"):
            return [node.head, *node.head.conjuncts]
        if node.dep_ == "ROOT" and node.i > 0 and _misparsed_subject(node.doc[node.i - 1], reading):
            return [node.doc[node.i - 1]]  # "In a letter to Alan Whitlock, Ms Thorne wrote:" parsed as Whitlock's apposition
        if node.dep_ not in ("conj", "advcl", "xcomp", "parataxis") or node.head == node:
            return []
        node = node.head  # "…, saying …", "said … and warned …"
    return []


def _misparsed_subject(token: Token, reading: Reading) -> bool:
    """A name right before a main verb that has no subject, which the parser hung elsewhere (as an apposition
    or a conjunct of an earlier name): the verb's subject all the same."""
    return token.pos_ == "PROPN" and token.dep_ in ("appos", "conj") and reading.table.at(token) is not None


def _speakers(verb: Token, reading: Reading) -> tuple[list[End], float]:
    """Who is the subject of a reporting verb, and how sure that is."""
    found, confidence = [], 0.85
    for subject in _subjects(verb, reading):
        if subject.pos_ == "PRON" and subject.lower_ in SPEAKER_PRONOUNS:
            outer = reading.quote_of(verb)
            if outer is not None and outer in reading.found and reading.found[outer].speakers:  # "I told him" inside a quote
                found.extend(reading.found[outer].speakers)
                confidence = 0.6
            continue
        end = reading.referents.speaker(subject)
        if end is None:
            continue
        if subject.pos_ == "PRON":
            confidence = min(confidence, 0.7)
        elif entity_type(reading.table, end.id) == "SOURCE":
            confidence = min(confidence, 0.75)
        if end not in found:
            found.append(end)
    return found, confidence


def _audience_end(token: Token, reading: Reading) -> list[End]:
    if token.pos_ == "PRON" and token.lower_ in SPEAKER_PRONOUNS:
        outer = reading.quote_of(token)
        return list(reading.found[outer].speakers) if outer is not None and outer in reading.found else []
    if token.pos_ == "PRON":
        end = reading.referents.pronoun(token)
        return [end] if end else []
    end = np_entity(token, reading.table, NAMED) or thing_end(token, reading.table)
    return [end] if end else []


def _audiences(verb: Token, reading: Reading) -> list[End]:
    """Whom a verb of saying addresses: "told AFP", "said to reporters", "speaking to the BBC", "in an interview with X"."""
    found: list[End] = []

    def add(token: Token) -> None:
        for end in _audience_end(token, reading):
            if end not in found:
                found.append(end)
        for conj in token.conjuncts:
            for end in _audience_end(conj, reading):
                if end not in found:
                    found.append(end)

    for node in [verb, *(c for c in verb.children if c.dep_ == "advcl" and c.lemma_.lower() in ADDRESSING_VERBS)]:
        lemma = node.lemma_.lower()
        for child in node.children:
            if lemma == "tell" and child.dep_ in ("dative", "dobj") and child.pos_ in ("NOUN", "PROPN", "PRON"):
                add(child)
            elif child.dep_ == "prep" and (child.lower_ == "to" and lemma in ADDRESSING_VERBS or child.lower_ == "with" and lemma in ("speak", "talk")):
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        add(pobj)
            elif child.dep_ == "prep" and child.lower_ == "in":
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and pobj.lemma_.lower() in STATEMENT_NOUNS:
                        for prep in pobj.children:
                            if prep.dep_ == "prep" and prep.lower_ in ("with", "to"):
                                for target in prep.children:
                                    if target.dep_ == "pobj":
                                        add(target)
    return found


def _from_verb(verb: Token, reading: Reading, rule: str) -> Attribution:
    speakers, confidence = _speakers(verb, reading)
    audiences = _audiences(verb, reading)
    if not audiences and verb.lemma_.lower() in ("add", "continue"):  # "…," the sources added: to whom they told it
        number = reading.referents.sentence_index(verb)
        for at, earlier in reversed(reading.statements):
            if number - 2 <= at <= number and {s.id for s in earlier.speakers} & {s.id for s in speakers}:
                audiences = list(earlier.audiences)
                break
    return Attribution(speakers, audiences, [verb.i], rule, confidence)


def _according_to(token: Token) -> Token | None:
    """The object of "according to" among ``token``'s children."""
    for child in token.children:
        if child.lower_ == "according":
            for prep in child.children:
                if prep.lower_ == "to":
                    return next((p for p in prep.children if p.dep_ == "pobj"), None)
    return None


def _according_speaker(pobj: Token, reading: Reading) -> list[End]:
    """ "according to X" → X; "according to a report by X" → X."""
    if pobj.lemma_.lower() in DOCUMENT_NOUNS and named_end(pobj, reading.table) is None:
        for prep in pobj.children:
            if prep.dep_ == "prep" and prep.lower_ in ("by", "from", "of"):
                pobj = next((p for p in prep.children if p.dep_ == "pobj"), pobj)
                break
        else:
            return []
    ends = [reading.referents.speaker(t) for t in (pobj, *pobj.conjuncts)]
    return [e for e in ends if e is not None]


# --- who said a direct quotation: the rules, in order ----------------------------------------


def in_reporting_clause(quote: Quoted, reading: Reading) -> Attribution | None:
    """The quote is part of the clause of a reporting verb (or of "according to X") outside it."""
    inside = range(quote.marks.start, quote.marks.end)
    roots = [t for t in quote.words if t.head.i not in inside]
    for root in roots:
        node = root
        for _ in range(12):
            if node.i not in inside and _outside_quotes(node, reading, quote):
                if node.lemma_.lower() in _SPEAKING and node.pos_ == "VERB":
                    return _from_verb(node, reading, "quote")
                pobj = _according_to(node)
                if pobj is not None:
                    return Attribution(_according_speaker(pobj, reading), [], [pobj.i], "quote_according_to", 0.8)
            if node.head == node:
                break
            node = node.head
    return None


def _outside_quotes(token: Token, reading: Reading, quote: Quoted) -> bool:
    """The token stands where the quote stands: in no quotation, or in the one that holds the quote."""
    return reading.quote_of(token) == quote.quotation.parent


def verb_after(quote: Quoted, reading: Reading) -> Attribution | None:
    """A reporting verb after the quote in its last sentence: '"…," said Martin Okafor'."""
    sent = reading.referents.sentence_of(quote.marks[-1])
    for token in reading.doc[quote.marks.end : sent.end]:
        if token.lemma_.lower() in REPORTING_VERBS and token.pos_ == "VERB" and _outside_quotes(token, reading, quote):
            return _from_verb(token, reading, "quote")
    return None


def verb_before(quote: Quoted, reading: Reading) -> Attribution | None:
    """A reporting verb before the quote in its first sentence, right before it or before a colon: 'X said: "…"'."""
    doc = reading.doc
    start = quote.marks.start
    sent = reading.referents.sentence_of(start)
    verbs = [
        t for t in doc[sent.start : start]
        if t.lemma_.lower() in REPORTING_VERBS and t.pos_ == "VERB" and _outside_quotes(t, reading, quote)
    ]  # fmt: skip
    if verbs and (start > 0 and doc[start - 1].text in (":", ",", "—") or start - verbs[-1].i <= 3):
        return _from_verb(verbs[-1], reading, "quote")
    return None


def introduced_by_colon(quote: Quoted, reading: Reading) -> Attribution | None:
    """ "Her deputy, Jean-Marc Ouellet, was blunter: «…»": the subject of the clause before the colon."""
    doc = reading.doc
    start = quote.marks.start
    if start == 0 or doc[start - 1].text != ":":
        return None
    root = reading.referents.sentence_of(start - 1).root
    if root.i >= start or reading.quote_of(root) is not None:
        return None
    speakers, confidence = _speakers(root, reading)
    speakers = [s for s in speakers if entity_type(reading.table, s.id) in ("PERSON", "ORG")]
    return Attribution(speakers, [], [root.i], "quote_introduced", confidence - 0.1) if speakers else None


def credit_line(quote: Quoted, reading: Reading) -> Attribution | None:
    """ '"…" — Commissioner Elsa Marrant', '"…" - Laura Benn, spokeswoman, Northstar Copper Corp'."""
    doc = reading.doc
    i = quote.marks.end
    while i < len(doc) and doc[i].is_space and "\n" not in doc[i].text:
        i += 1
    if i >= len(doc) or doc[i].text not in _DASHES:
        return None
    line = []
    for token in doc[i + 1 :]:
        if "\n" in token.text or "\n" in token.whitespace_:
            if "\n" in token.whitespace_:
                line.append(token)
            break
        line.append(token)
    person = next((named_end(t, reading.table, frozenset({"PERSON"})) for t in line[:4] if named_end(t, reading.table, frozenset({"PERSON"}))), None)
    if person is None:
        return None
    after = [t for t in line if t.idx >= person.span[1]]
    for token in after:
        body = named_end(token, reading.table, frozenset({"ORG", "GPE"}))
        if body is None or body.id == person.id:
            continue
        role = " ".join(t.lower_ for t in after if t.is_alpha and reading.table.at(t) is None)
        predicate = affiliation_predicate(role, entity_type(reading.table, body.id)) if role else "WORKS_FOR"
        if predicate:
            reading.credits.append((person, body, predicate, [t.i for t in line]))
        break
    return Attribution([person], [], [t.i for t in line], "quote_credit", 0.85)


def continued(quote: Quoted, reading: Reading) -> Attribution | None:
    """The quote right after an attributed one (its sentence or the next), or the next paragraph of one left open."""
    if quote.index == 0 or quote.quotation.depth:
        return None
    previous = next((q for q in reversed(reading.quotes[max(0, quote.index - 8) : quote.index]) if not q.quotation.depth), None)
    if previous is None or previous.index not in reading.found or not reading.found[previous.index].speakers:
        return None
    before = reading.found[previous.index]
    gap = reading.referents.sentence_index(quote.marks[0]) - reading.referents.sentence_index(previous.marks[-1])
    if previous.quotation.continues and gap <= 1 or gap <= 1 and not _someone_else_between(previous, quote, before, reading):
        return Attribution(list(before.speakers), list(before.audiences), [], "quote_continued", before.confidence - 0.15)
    return None


def _someone_else_between(previous: Quoted, quote: Quoted, before: Attribution, reading: Reading) -> bool:
    """Someone other than the last speaker is the subject of a clause between two quotes: the second may be theirs."""
    speakers = {s.id for s in before.speakers}
    for token in reading.doc[previous.marks.end : quote.marks.start]:
        if token.dep_ in _SUBJECTS:
            end = named_end(token, reading.table)
            if end is not None and end.id not in speakers:
                return True
    return False


def introduced_before(quote: Quoted, reading: Reading) -> Attribution | None:
    """A quote standing alone as its sentence(s), after a sentence whose subject is a person."""
    doc = reading.doc
    first = reading.referents.sentence_of(quote.marks[0])
    if quote.marks.start != first.start or quote.quotation.depth:
        return None
    last = reading.referents.sentence_of(quote.marks[-1])
    if any(not t.is_punct and not t.is_space for t in doc[quote.marks.end : last.end]):
        return None
    number = reading.referents.sentence_index(quote.marks[0])
    if number == 0:
        return None
    previous = reading.referents.sentence(number - 1)
    if any(reading.quote_of(t) is not None for t in previous):
        return None
    root = previous.root
    speakers = [s for s in _speakers(root, reading)[0] if entity_type(reading.table, s.id) == "PERSON"]
    if not speakers:
        return None
    return Attribution(speakers, _audiences(root, reading), [root.i], "quote_introduced", 0.6)


#: The rules for a direct quote's speaker, in the order they are tried (see the module docstring).
ATTRIBUTIONS: tuple[Callable[[Quoted, Reading], Attribution | None], ...] = (
    in_reporting_clause,
    verb_after,
    verb_before,
    introduced_by_colon,
    credit_line,
    continued,
    introduced_before,
)


# --- reported speech ---------------------------------------------------------------------------


def _clause_parts(clause: Token) -> list[list[Token]]:
    """A reported clause, split where "and that …" or a clause with its own subject in the reported tense
    joins it ("… said the group would launch an appeal, and that two firms had promised donations"). A
    clause with its own subject in the plain past is the reporter's ("Hewitt said …, but Pollard rejected
    his comments") and is left out."""
    joined = [
        c for c in clause.children
        if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and any(g.dep_ in (*_SUBJECTS, "mark") for g in c.children)
    ]  # fmt: skip
    rest = {t.i for c in joined for t in c.subtree}
    parts = [[t for t in clause.subtree if t.i not in rest]]
    for conj in joined:
        if any(g.dep_ == "mark" for g in conj.children) or in_reported_tense(conj):
            parts.extend(_clause_parts(conj))
    return parts


def _trimmed(tokens: list[Token]) -> list[Token]:
    tokens = sorted(tokens, key=lambda t: t.i)
    while tokens and (tokens[0].dep_ in ("mark", "cc") or tokens[0].is_punct or tokens[0].is_space):
        tokens = tokens[1:]
    while tokens and (tokens[-1].dep_ == "cc" or tokens[-1].is_punct or tokens[-1].is_space):
        tokens = tokens[:-1]
    return tokens


def _clear_of_quotes(tokens: list[Token], verb: Token, reading: Reading) -> bool:
    """No token of a direct quotation other than the one the verb itself stands in."""
    own = reading.quote_of(verb)
    return all(reading.quote_of(t) == own for t in tokens)


#: Dependents that modify a clause rather than make it: a quotation inside one leaves the rest reported.
_MODIFIERS = frozenset({"relcl", "acl", "advcl", "appos", "parataxis"})


def _clear_parts(part: list[Token], verb: Token, reading: Reading) -> list[list[Token]]:
    """The reported words of a clause that holds a direct quotation, if any are left.

    A quotation in a modifier ("… a 4% offer, which it described as "an insult"") is cut off with it; a
    quotation in the clause's own words ("had "no regrets" and was proud of his players") leaves only
    the verbs joined to it ("was proud of his players").
    """
    if _clear_of_quotes(part, verb, reading):
        return [part]
    own = reading.quote_of(verb)
    inside = {t.i for t in part}
    cut: set[int] = set()
    in_modifiers = True
    for token in part:
        if reading.quote_of(token) == own or token.i in cut or token.is_punct:
            continue
        node = token
        while node.dep_ not in _MODIFIERS and node.head.i in inside and node.head != node:
            node = node.head
        if node.dep_ not in _MODIFIERS or node.i not in inside:
            in_modifiers = False
            break
        cut |= {t.i for t in node.subtree}
    head = min(part, key=lambda t: len(list(t.ancestors)))
    if in_modifiers and head.i not in cut and reading.quote_of(head) == own and head.pos_ in ("VERB", "AUX"):
        kept = _trimmed([t for t in part if t.i not in cut])  # what is left is a clause of its own
        if kept and _clear_of_quotes(list(reading.doc[kept[0].i : kept[-1].i + 1]), verb, reading):
            return [kept]
    joined = [c for c in head.children if c.dep_ == "conj" and c.i in inside and in_reported_tense(c)]
    return [list(c.subtree) for c in joined if _clear_of_quotes(list(c.subtree), verb, reading)]


def _not_said(verb: Token) -> bool:
    """ "did not say when …", "declined to say whether …", "fans should note …": nothing was said."""
    if any(c.dep_ == "neg" or c.dep_ == "aux" and c.lower_ in MODALS for c in verb.children):
        return True
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in ("decline", "refuse")


def _reported(verb: Token, clause: list[Token], reading: Reading, rule: str, confidence: float) -> Iterator[tuple[list[Token], Attribution]]:
    if verb.pos_ != "VERB" or _not_said(verb):
        return
    if reading.quote_of(verb) is not None and any(s.pos_ == "PRON" for s in _subjects(verb, reading)):
        return  # "we said we would…" inside a quote: the quote already says it
    parts = [_trimmed(p) for p in _clear_parts(clause, verb, reading)]
    parts = [p for p in parts if p]
    if not parts:
        return
    attribution = _from_verb(verb, reading, rule)
    attribution.confidence = min(attribution.confidence, confidence)
    if attribution.speakers:
        for part in parts:
            yield part, attribution


def said_that(sent: Span, reading: Reading) -> Iterator[tuple[list[Token], Attribution]]:
    """ "X said (that) …", "warned that …", "told AFP that …"; "Her first act, she said, will be …"; and a
    clause joined to the reporting verb in the reported tense ("said that A, but B had not …")."""
    for verb in reading.referents.tokens(sent):
        if verb.lemma_.lower() not in REPORTING_VERBS:
            continue
        clauses = [c for c in verb.children if c.dep_ == "ccomp"]
        if not clauses and verb.dep_ == "parataxis" and not any(c.dep_ in ("dobj", "xcomp") for c in verb.children):
            inner = {t.i for t in verb.subtree}
            yield from _reported(verb, [t for t in verb.head.subtree if t.i not in inner], reading, "reported_speech", 0.7)
            continue
        parts = [part for clause in clauses for part in _clause_parts(clause)]
        if len(clauses) > 1 and not any(c.dep_ == "cc" for c in verb.children if clauses[0].i < c.i < clauses[-1].i):
            # two clauses on one verb with no "and" between: one clause the parser cut ("denied that the group
            # planned to sell the Mill Lane | ground for housing")
            parts = [[t for c in clauses for t in c.subtree]]
        for part in parts:
            words = [t for t in sorted(part, key=lambda t: t.i) if t.is_alpha]
            if len(words) < MIN_CLAUSE_WORDS or words[0].lower_ in QUESTION_WORDS:
                continue  # not "the judge said she must:", nor a question ("revealed which nominees …")
            yield from _reported(verb, part, reading, "reported_speech", 0.75)
        if clauses and verb.tag_ == "VBD":
            for conj in verb.children:
                if (
                    conj.dep_ == "conj" and conj.lemma_.lower() not in REPORTING_VERBS
                    and any(c.dep_ in _SUBJECTS for c in conj.children) and in_reported_tense(conj) and conj.lemma_.lower() != "be"
                ):  # fmt: skip
                    yield from _reported(verb, list(conj.subtree), reading, "reported_speech", 0.65)


def said_object(sent: Span, reading: Reading) -> Iterator[tuple[list[Token], Attribution]]:
    """ "Northstar denied the allegations", "admitted 14 breaches", "accused the company of refusing to negotiate",
    "described the move as a costly mistake"."""
    for verb in reading.referents.tokens(sent):
        lemma = verb.lemma_.lower()
        if lemma in STATEMENT_OBJECT_VERBS and not any(c.dep_ == "ccomp" for c in verb.children):
            for obj in verb.children:
                if obj.dep_ == "dobj" and obj.pos_ in ("NOUN", "PROPN"):
                    cut = min((c.i for c in obj.children if c.dep_ == "prep" and c.lower_ in _CIRCUMSTANCES), default=len(reading.doc))
                    yield from _reported(verb, [t for t in obj.subtree if t.i < cut], reading, "reported_speech", 0.7)
        elif lemma in ACCUSING_VERBS or lemma in DESCRIBING_VERBS:
            wanted = "of" if lemma in ACCUSING_VERBS else "as"
            for prep in verb.children:
                if prep.dep_ == "prep" and prep.lower_ == wanted:
                    for clause in prep.children:
                        if clause.dep_ in ("pcomp", "pobj"):
                            yield from _reported(verb, list(clause.subtree), reading, "reported_speech", 0.7)


def according_to(sent: Span, reading: Reading) -> Iterator[tuple[list[Token], Attribution]]:
    """ "Turnout reached 66 percent, according to Elections Quebec": the clause is X's."""
    if "according" not in reading.referents.words(sent):
        return
    for token in reading.referents.tokens(sent):
        if token.lower_ != "according" or token.dep_ != "prep":
            continue
        pobj = _according_to(token.head)
        if pobj is None:
            continue
        speakers = _according_speaker(pobj, reading)
        if not speakers:
            continue
        left_out = {t.i for t in token.subtree}
        clause = _trimmed([t for t in token.head.subtree if t.i not in left_out])
        if clause and _clear_of_quotes(clause, token, reading):
            yield clause, Attribution(speakers, [], [pobj.i], "according_to", 0.7)


#: Rules for reported speech, each over one sentence.
REPORTED = (said_that, said_object, according_to)


# --- the document pass -------------------------------------------------------------------------


def _quoted(doc: Doc) -> list[Quoted]:
    found = []
    for quotation in quotations(doc):
        words = doc.char_span(quotation.start, quotation.end, alignment_mode="expand")
        close = min(quotation.close_mark + 1, len(doc_text(doc)))
        marks = doc.char_span(quotation.open_mark, close, alignment_mode="expand")
        if words is None or marks is None or len(words) == 0:
            continue
        text = doc_text(doc)[quotation.start : quotation.end].strip().rstrip(",")
        found.append(Quoted(len(found), quotation, words, marks, text))
    return found


def _context(reading: Reading, tokens: list[int]) -> Span:
    """The sentences that hold all ``tokens``."""
    first, last = reading.referents.sentence_of(min(tokens)), reading.referents.sentence_of(max(tokens))
    return reading.doc[first.start : last.end]


def _emit(reading: Reading, article_id: str, span: tuple[int, int], text: str, tokens: list[int], found: Attribution) -> Iterator[Relation]:
    quote_id = reading.table.add(text, "QUOTE", Mention(span[0], span[1], doc_text(reading.doc)[span[0] : span[1]], "QUOTE"))
    quote = End(quote_id, span)
    context = _context(reading, tokens + found.tokens)
    for speaker in found.speakers:
        yield make_relation(article_id, context, speaker, "SAID", quote, found.rule, found.confidence)
    for audience in found.audiences:
        if audience.id not in {s.id for s in found.speakers}:
            yield make_relation(article_id, context, quote, "TOLD_TO", audience, found.rule, found.confidence - 0.05)


def quotes(doc: Doc, table: EntityTable, article_id: str, referents: Referents | None = None) -> Iterator[Relation]:
    """Every attributed quotation of the document, direct and reported, with its speakers and audience."""
    reading = Reading(doc, table, referents or Referents.of(doc, table))
    reading.quotes = _quoted(doc)
    for quote in sorted(reading.quotes, key=lambda q: -len(q.marks)):  # the inner quote wins
        for i in range(quote.marks.start, quote.marks.end):
            reading.innermost[i] = quote.index
    for number in range(reading.referents.sentence_count):
        sent = reading.referents.sentence(number)
        for rule in REPORTED:
            for clause, found in rule(sent, reading):
                start, end = clause[0].idx, clause[-1].idx + len(clause[-1])
                reading.statements.append((number, found))
                yield from _emit(reading, article_id, (start, end), doc_text(doc)[start:end], [t.i for t in clause], found)
    for quote in reading.quotes:
        if len(quote.text.split()) < MIN_WORDS:
            continue
        for rule in ATTRIBUTIONS:
            found = rule(quote, reading)
            if found is not None:
                break
        if found is None or not found.speakers:
            continue
        reading.found[quote.index] = found
        reading.statements.append((reading.referents.sentence_index(quote.words[0]), found))
        span = (quote.quotation.start, quote.quotation.start + len(quote.text))
        yield from _emit(reading, article_id, span, quote.text, list(range(quote.words.start, quote.words.end)), found)
    yield from _affiliations(reading, article_id)


def _affiliations(reading: Reading, article_id: str) -> Iterator[Relation]:
    """Unnamed speakers and credited ones with the body they speak for ("a spokesman for X", "— Y, X")."""
    doc = reading.doc
    for source, predicate, body in reading.referents.affiliations:
        tokens = [t.i for t in doc.char_span(*source.span, alignment_mode="expand") or ()] + [
            t.i for t in doc.char_span(*body.span, alignment_mode="expand") or ()
        ]
        if tokens:
            yield make_relation(article_id, _context(reading, tokens), source, predicate, body, "quote_source", 0.7)
    for person, body, predicate, tokens in reading.credits:
        yield make_relation(article_id, _context(reading, tokens), person, predicate, body, "quote_credit", 0.7)
