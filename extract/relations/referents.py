"""Who a noun phrase or a pronoun stands for: the speaker or actor behind "she", "the company", "the
minister", "police sources" or "a spokesman for the bank".

One ``Referents`` per article (``Referents.of``, kept on the Doc), built on the one parse and read by the
quote and action rules:
- a name: the named entity (``kit.np_entity``; an apposition "The trust's chief executive, Paul
  Merriman" is the person; not after "a": "An MSP has called…"), or a surname the model missed that ends
  one person's name; a subject in a wire dateline ("GENEVA, April 2 (AFP) - The agency …") stands for
  what follows the dash;
- a pronoun: "he"/"she" is the nearest main-clause subject of that sex (honorific, census given name or
  a noun such as "spokeswoman"; unknown fits), sentence by sentence back, through earlier pronouns and
  unnamed voices; "it" is the nearest body that is a main-clause subject. Never the subject of its own
  verb ("Tasker told him"), never a mention inside quotation marks, never past a subject that is a name
  the model did not tag, never a guess between two fitting people, never simply the last person named;
- a definite description: "the minister", "his coach" is the person last named with that role (not the
  shadow or deputy one); "the company" (a generic word) the last organisation named before it, "the bank"
  the last one with "Bank" in its name; an object "the company" is never the subject's own body;
- an unnamed speaker: a noun for people or bodies (``lexicon.sources``) gives a SOURCE node named by
  the phrase ("police sources", "sources familiar with the matter", "spokesman for Verlinde",
  "Romania's transport ministry"), and the body it speaks for when the text names it ("a Fjellstad
  spokesman", "analysts at Brandt Capital", "a spokesman for the company"). "The sources" later in the
  article is the same SOURCE;
- an unnamed actor: a noun for people or bodies gives a THING ("councillors", "the jury"), a part of a
  named body is named with it ("the Dunmore Rovers board"), "an American investment group" nothing.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence

from spacy.tokens import Doc, Span, Token

from extract.entities.table import EntityTable
from extract.lexicon.bodies import ORG_NOUNS
from extract.lexicon.people import FEMALE_TITLES, HONORIFICS, MALE_TITLES, NOBILITY
from extract.lexicon.person_names import given_name_gender
from extract.lexicon.roles import ROLE_QUALIFIERS, ROLE_WORDS
from extract.lexicon.sources import (
    ACTOR_NOUNS,
    ALLY_NOUNS,
    BODY_PARTS,
    GENERIC_BODIES,
    GROUP_VOICES,
    NAMED_BODY_WORDS,
    NOUN_SEX,
    PARTITIVES,
    PRONOUN_KINDS,
    UNNAMED_BODIES,
    VOICE_NOUNS,
)
from extract.model import Mention, Relation
from extract.names import gender
from extract.nlp.text import doc_text
from extract.relations.kit import (
    ACTOR_TYPES,
    NAMED,
    End,
    char_span,
    dateline_end,
    entity_type,
    named_end,
    np_entity,
    quoted_tokens,
    run_bounds,
    thing_end,
)
from extract.relations.roles import affiliation_predicate

#: How many sentences back a pronoun or "the company" looks for what it stands for; "the bank" looks further
#: for a name with "Bank" in it.
LOOK_BACK = 4
LONG_LOOK_BACK = 40
BODY_TYPES = frozenset({"ORG"})
PLACE_TYPES = frozenset({"GPE", "LOC", "NORP"})
_SUBJECTS = ("nsubj", "nsubjpass")
_DETERMINERS = frozenset({"a", "an", "the", "another", "some", "this", "that", "these", "those", "its", "their", "his", "her", "our"})
_AFFILIATION_PREPS = frozenset({"for", "at", "from", "with", "of", "in"})
_KEY = "newsgraph.referents"
_AFFILIATIONS = frozenset({"LEADS", "WORKS_FOR", "MEMBER_OF", "SPOKESPERSON_FOR"})
_POST_MODIFIERS = frozenset({"familiar", "close", "involved", "briefed", "knowledgeable", "speaking", "based", "working"})


def _counted(token: Token) -> bool:
    """A modifier that counts ("nine-member", "five-judge"): it says how big the body is, not which it is."""
    return any(c.like_num or c.tag_ == "HYPH" for c in token.children)


class Referents:
    """What noun phrases and pronouns of one article stand for (see the module docstring)."""

    def __init__(self, doc: Doc, table: EntityTable, relations: Sequence[Relation] = ()) -> None:
        self.doc = doc
        self.table = table
        self.quoted = quoted_tokens(doc)
        self._sentences = list(doc.sents)
        self._starts = [sent.start for sent in self._sentences]
        self._tokens: dict[int, list[Token]] = {}
        self._relations = relations  # read as it grows: the roles of earlier sentences
        self._sources: dict[str, End] = {}  # head lemma → the last SOURCE with that head
        self._genders: dict[str, str] = {}
        self._resolved: dict[int, End | None] = {}  # pronoun token → what it stands for
        self._surnames: dict[str, list[str]] | None = None
        self._bodies: dict[str, set[str]] = {}  # person → the bodies read as theirs so far
        self._read = 0  # relations read into _bodies
        #: (SOURCE, predicate, body) edges of the unnamed speakers made so far
        self.affiliations: list[tuple[End, str, End]] = []

    # --- the public questions -------------------------------------------------------------------

    def speaker(self, token: Token) -> End | None:
        """Who a speaking noun phrase headed by ``token`` is: a name, a pronoun's antecedent, an unnamed source."""
        token = self._past_dateline(token)
        if token is None:
            return None
        if token.pos_ == "PRON":
            return self.pronoun(token)
        body = self._body_of_place(token)
        if body:
            return body
        if _definite(token, ("the",)) and token.tag_ in ("NNP", "JJ") and entity_type(self.table, self.table.at(token)) == "NORP":
            return None  # "said the American": a person the text named before, not the people
        return (
            self.named(token, ACTOR_TYPES)
            or self.named(token, NAMED)
            or self.surname(token)
            or self.role_holder(token)
            or self.definite_body(token)
            or self.voice(token)
        )

    def actor(self, token: Token, *, avoid: Iterable[str] = ()) -> End | None:
        """Who an acting noun phrase (a subject) is: a name, a pronoun's antecedent, the body "the company"
        refers to, or an unnamed group as a THING ("councillors", "the jury")."""
        token = self._past_dateline(token)
        if token is None:
            return None
        if token.pos_ == "PRON":
            return self.pronoun(token) if token.lower_ in PRONOUN_KINDS else None
        return (
            self._body_part(token)
            or self.named(token, ACTOR_TYPES)
            or (self.named(token, NAMED) if token.lemma_.lower() in ACTOR_NOUNS | ALLY_NOUNS | GENERIC_BODIES else None)
            or self.apposed_person(token)
            or self.short_body(token)
            or self.role_holder(token)
            or self.definite_body(token, avoid=avoid)
            or self._unnamed_actor(token)
        )

    def short_body(self, token: Token) -> End | None:
        """ "Rovers signed …" after "Harrowgate Rovers": a capitalised word the model left untagged that ends the
        name of exactly one body named before it in the article."""
        if token.pos_ not in ("NOUN", "PROPN") or not token.text[:1].isupper() or self.table.at(token) is not None:
            return None
        if any(c.dep_ in ("compound", "amod", "poss", "nmod") for c in token.lefts):
            return None
        found = {
            end.id: end for end in self._mentions_before(token, BODY_TYPES, sentences=LONG_LOOK_BACK)
            if len(words := self.table.get(end.id).name.split()) >= 2 and words[-1] == token.text
        }  # fmt: skip
        return next(iter(found.values())) if len(found) == 1 else None

    def apposed_person(self, token: Token) -> End | None:
        """ "an auditor from the comptroller's office, Priya Vandermeer,": the person named after a comma in the
        phrase of a common noun (not a body's: "the company, Harwell Ltd, …" is no person)."""
        if token.pos_ != "NOUN" or token.ent_type_ or token.lemma_.lower() in GENERIC_BODIES | NAMED_BODY_WORDS | ORG_NOUNS:
            return None
        for t in token.subtree:
            if t.dep_ == "appos" and t.i > token.i and t.doc[min(x.i for x in t.subtree) - 1].text == ",":
                person = named_end(t, self.table, frozenset({"PERSON"}))
                if person is not None:
                    return person
        return None

    def bodies_of(self, end: End) -> set[str]:
        """The bodies a person is read to lead, work for or speak for so far in the article."""
        for rel in self._relations[self._read : len(self._relations)]:  # only the relations found since last asked
            if rel.predicate in _AFFILIATIONS:
                self._bodies.setdefault(rel.source, set()).add(rel.target)
        self._read = len(self._relations)
        return self._bodies.get(end.id, set())

    def named(self, token: Token, types: frozenset[str]) -> End | None:
        """The named entity of the phrase; with an indefinite article only a name in apposition ("A spokesman,
        Troy Abernathy, said"; but "An MSP has called…" is nobody named)."""
        if any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in token.children):
            return next((e for c in token.children if c.dep_ == "appos" and c.i > token.i and (e := named_end(c, self.table, types))), None)
        return np_entity(token, self.table, types)

    def _past_dateline(self, token: Token) -> Token | None:
        """A subject in a wire dateline ("GENEVA, April 2 (AFP) - The agency …") stands for what follows the dash."""
        dash = dateline_end(token, self.sentence_of(token))
        if dash is None:
            return token
        return next((c for c in token.children if c.i > dash and c.dep_ in ("appos", "npadvmod", "dep", "conj") and c.pos_ in ("NOUN", "PROPN")), None)

    def surname(self, token: Token) -> End | None:
        """The one person already named whose last name is this untagged proper noun ("…," Lund said)."""
        if not (token.pos_ == "PROPN" or token.is_title and token.pos_ == "NOUN") or self.table.at(token) is not None:
            return None
        if self._surnames is None:  # the people are all named before any relation rule runs
            self._surnames = {}
            for e in self.table.entities():
                if e.type == "PERSON":
                    self._surnames.setdefault(e.name.split()[-1].casefold(), []).append(e.id)
        people = self._surnames.get(token.text.casefold(), [])
        if len(people) != 1:
            return None
        return End(people[0], (token.idx, token.idx + len(token)))

    def pronoun(self, token: Token) -> End | None:
        """The antecedent of "he", "she", "him", "her" (a person) or "it" (a body); None for others."""
        kind = PRONOUN_KINDS.get(token.lower_)
        if kind is None or token.i in self.quoted:
            return None
        if kind == "body":
            return self._antecedent(token, BODY_TYPES, "")
        return self._antecedent(token, frozenset({"PERSON"}), kind)

    def role_holder(self, token: Token) -> End | None:
        """ "the minister", "his coach": the person last named before with that role (not a "shadow" or "deputy" one)."""
        word = token.lower_
        if word not in ROLE_WORDS or not _definite(token, ("the", "his", "her", "their", "its")):
            return None
        holder = None
        for rel in self._relations:
            role = self.table.get(rel.target)
            words = role.name.split() if role else []
            if rel.predicate != "HAS_ROLE" or rel.evidence.target_span[0] >= token.idx or words[-1:] != [word]:
                continue
            if not ROLE_QUALIFIERS.isdisjoint(words):
                continue  # "the chancellor" is not the shadow chancellor
            if holder is None or rel.evidence.source_span[0] > holder.span[0]:
                holder = End(rel.source, rel.evidence.source_span)
        return holder

    def definite_body(self, token: Token, *, avoid: Iterable[str] = ()) -> End | None:
        """ "the company" (the last organisation named before it), "the bank" (the last one called a bank)."""
        word = token.lemma_.lower()
        if not (token.pos_ == "NOUN" or token.pos_ == "PROPN" and token.is_lower) or not _definite(token) or word not in GENERIC_BODIES | NAMED_BODY_WORDS:
            return None
        avoid = set(avoid)
        for end in self._mentions_before(token, BODY_TYPES, sentences=LOOK_BACK if word in GENERIC_BODIES else LONG_LOOK_BACK):
            if end.id in avoid or word in GENERIC_BODIES and self._audience(end):
                continue  # "told BBC Radio Kelmsford …. The company has suspended …": not the broadcaster
            if word in GENERIC_BODIES:
                owner, of_a_thing = self._clause_owner(end)
                if owner is not None and owner.id not in avoid:
                    if entity_type(self.table, owner.id) in BODY_TYPES:
                        return owner  # the body the clause is about
                    if of_a_thing:
                        return None  # "Pellham, which …" that the model took for a person: nobody, not the wrong body
                return end
            name = self.table.get(end.id).name.lower().split()
            if word in name and all(c.lower_ in name for c in token.children if c.dep_ == "compound" and not _counted(c)):
                return end  # "the bank", "the nine-member court"; but "the parish council" is no "Harwood County Council"
        if word in GENERIC_BODIES:  # further back, the body the article described so: "supermarket chain Brightwell's"
            for end in self._mentions_before(token, BODY_TYPES, sentences=LONG_LOOK_BACK):
                if end.id not in avoid and self._described_as(end, word):
                    return end
        return None

    def _described_as(self, end: End, word: str) -> bool:
        """The mention is written with ``word`` for what it is: before it in its noun phrase ("supermarket chain
        Brightwell's") or in apposition ("Brightwell's, the supermarket chain")."""
        span = self.doc.char_span(*end.span, alignment_mode="expand")
        if span is None:
            return False
        root = span.root
        around = [t for t in root.children if t.i < span.start and t.dep_ in ("compound", "amod", "nmod")]
        around += [t for t in root.children if t.dep_ == "appos"] + ([root.head] if root.dep_ == "appos" else [])
        return any(t.lemma_.lower() == word and not t.ent_type_ for t in around)

    def _audience(self, end: End) -> bool:
        """A name someone spoke to ("told the BBC", "speaking to Reuters"): the audience, not the story's body."""
        span = self.doc.char_span(*end.span, alignment_mode="expand")
        if span is None:
            return False
        root = span.root
        while root.dep_ == "compound" and root.head.i != root.i:  # "told BBC Radio Kelmsford", "Kelmsford" read apart
            root = root.head
        if root.dep_ in ("dobj", "dative") and root.head.lemma_.lower() == "tell":
            return True
        return root.dep_ == "pobj" and root.head.lower_ == "to" and root.head.head.lemma_.lower() in ("speak", "talk", "write")

    def _clause_owner(self, end: End) -> tuple[End | None, bool]:
        """The name whose relative clause or apposition names ``end`` ("Pellham, which is owned by Brightwater
        Capital, said …. The company …" is about Pellham, not its owner), and whether that clause is one of a
        thing ("which", "that"; not "who")."""
        span = self.doc.char_span(*end.span, alignment_mode="expand")
        node = span.root if span is not None else None
        while node is not None and node.head.i != node.i:
            if node.dep_ in ("relcl", "acl", "appos"):
                owner = named_end(node.head, self.table)
                if owner is not None and owner.id != end.id:
                    return owner, node.dep_ == "relcl" and any(c.lower_ in ("which", "that") for c in node.children)
            if node.dep_ in ("ROOT", "ccomp", "conj"):
                break
            node = node.head
        return None, False

    def voice(self, token: Token) -> End | None:
        """A SOURCE node for an unnamed speaker ("police sources", "a spokesman for X"), or None.

        Not a person whose name the model missed ("his wife, Sharon,", "the Austrian").
        """
        head = self._partitive_head(token)
        lemma = head.lemma_.lower()
        if head.pos_ not in ("NOUN", "PROPN") or lemma not in VOICE_NOUNS | UNNAMED_BODIES:
            return None
        if any(c.dep_ in ("appos", "compound", "flat") and c.pos_ == "PROPN" and not c.is_lower and self.table.at(c) is None for c in head.children):
            return None  # (the tagger's PROPN on a lower-case word, "the parish council", is no name)
        if _definite(token) and head == token and not self._has_modifiers(head) and lemma in self._sources:
            return self._sources[lemma]  # "the sources added": the sources named before
        tokens, body, prep = self._phrase(token, head)
        words = []
        for t in tokens:
            if body is not None and t.i in body[1] or t.i == tokens[0].i and t.lower_ in _DETERMINERS:
                continue
            if t.tag_ == "PRP$" or t.dep_ == "nummod" or t.is_punct and t.text not in ("'s", "’s", "-"):
                continue
            words.append(t.text if named_end(t, self.table) else t.lower_)
        if body is not None:
            words += [prep, self.table.get(body[0].id).name]
        name = " ".join(words).replace(" 's", "'s").replace(" ’s", "’s").replace(" - ", "-")
        span = char_span(self.doc, tokens[0].i, tokens[-1].i + 1)
        source_id = self.table.add(name, "SOURCE", Mention(*span, doc_text(self.doc)[span[0] : span[1]], "SOURCE"))
        source = End(source_id, span)
        self._sources[lemma] = source
        predicate = affiliation_predicate(lemma, entity_type(self.table, body[0].id)) if body else None
        if body is not None and predicate:
            self.affiliations.append((source, predicate, body[0]))
        return source

    @classmethod
    def of(cls, doc: Doc, table: EntityTable, relations: Sequence[Relation] = ()) -> Referents:
        """The one ``Referents`` of ``doc`` (made on first use, then kept on the Doc for every rule)."""
        found = doc.user_data.get(_KEY)
        if found is None or found.table is not table:
            found = doc.user_data[_KEY] = cls(doc, table, relations)
        return found

    def sentence_index(self, token: Token | int) -> int:
        return bisect_right(self._starts, token if isinstance(token, int) else token.i) - 1

    def sentence(self, number: int) -> Span:
        return self._sentences[number]

    @property
    def sentence_count(self) -> int:
        return len(self._sentences)

    def tokens(self, sent: Span) -> list[Token]:
        """The tokens of a sentence, made once for every rule that reads them."""
        found = self._tokens.get(sent.start)
        if found is None:
            found = self._tokens[sent.start] = list(sent)
        return found

    def words(self, sent: Span) -> str:
        """A sentence's text in lower case, to see at once whether a rule has anything to read in it."""
        return doc_text(self.doc)[sent.start_char : sent.end_char].lower()

    def sentence_of(self, token: Token | int) -> Span:
        """The sentence of a token (``token.sent`` walks the document every time it is asked)."""
        return self._sentences[self.sentence_index(token)]

    # --- pieces -----------------------------------------------------------------------------------

    def _body_part(self, token: Token) -> End | None:
        """ "the Dunmore Rovers board", "Fjellstad's board", "the board of the Danube Bank": a THING named with its body."""
        if token.lemma_.lower() not in BODY_PARTS or token.pos_ != "NOUN":
            return None
        owner = next((e for c in token.lefts if c.dep_ in ("compound", "poss") and (e := named_end(c, self.table))), None)
        if owner is None:
            of = [p for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
            owner = np_entity(of[0], self.table) if of else None
        if owner is None:
            return None
        name = f"{self.table.get(owner.id).name} {token.lower_}"
        span = char_span(self.doc, token.i, token.i + 1)
        return End(self.table.add(name, "THING", Mention(*span, token.text, "THING"), range(token.i, token.i + 1)), span)

    def _unnamed_actor(self, token: Token) -> End | None:
        lemma = token.lemma_.lower()
        if lemma not in ACTOR_NOUNS or self._has_named_modifier(token):
            return None
        if token.pos_ != "NOUN" and not (token.pos_ == "PROPN" and self.table.at(token) is None):
            return None  # a common noun the parser took for a name ("Police in Morvia arrested …") still acts
        if lemma in GENERIC_BODIES | NAMED_BODY_WORDS and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in token.lefts):
            return None  # "an American investment group" is named later: not a node of its own
        return thing_end(token, self.table)

    def _has_named_modifier(self, token: Token) -> bool:
        return any(named_end(c, self.table) for c in token.lefts if c.dep_ in ("compound", "poss", "nmod"))

    def _body_of_place(self, token: Token) -> End | None:
        """ "Romania's transport ministry", "the French government": a body named by its place, not the place."""
        if token.lemma_.lower() not in ORG_NOUNS or self.table.at(token) is not None:
            return None
        places = [c for c in token.lefts if c.dep_ in ("poss", "compound", "amod", "nmod") and named_end(c, self.table, PLACE_TYPES)]
        if not places or any(named_end(c, self.table, BODY_TYPES) for c in token.lefts):
            return None
        return self.voice(token)

    def _has_modifiers(self, head: Token) -> bool:
        return any(c.dep_ in ("compound", "amod", "poss", "nmod", "prep", "acl") for c in head.children)

    @staticmethod
    def _partitive_head(token: Token) -> Token:
        """ "One of the interviewees" → "interviewees"; else the token."""
        if token.lower_ in PARTITIVES:
            for prep in token.children:
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    for pobj in prep.children:
                        if pobj.dep_ == "pobj":
                            return pobj
        return token

    def _phrase(self, token: Token, head: Token) -> tuple[list[Token], tuple[End, set[int]] | None, str]:
        """The words of an unnamed speaker's phrase, the named body it speaks for (with its tokens) and the
        preposition that links them ("for" when the body is a modifier: "a Fjellstad spokesman")."""
        keep = {token.i, head.i}
        body: tuple[End, set[int]] | None = None
        prep = "for"
        if head != token:  # "one of the interviewees"
            keep |= {t.i for t in token.subtree if t.i <= head.i}
        for child in head.lefts:
            if child.dep_ in ("compound", "amod", "nmod", "poss", "det", "case"):
                sub = {t.i for t in child.subtree}
                end = named_end(child, self.table, BODY_TYPES)
                if end and body is None:
                    body = (end, sub)
                keep |= sub
        for child in head.rights:
            if child.dep_ == "prep" and child.lower_ in _AFFILIATION_PREPS and body is None:
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is None:
                    continue
                end = np_entity(pobj, self.table, BODY_TYPES) or self.definite_body(pobj)
                if end:
                    body, prep = (end, {child.i} | {t.i for t in pobj.subtree}), child.lower_
                    keep |= body[1]
                elif pobj.lemma_.lower() in UNNAMED_BODIES | NAMED_BODY_WORDS | GENERIC_BODIES and len(list(pobj.subtree)) <= 4:
                    keep |= {child.i} | {t.i for t in pobj.subtree}  # "a spokesman for the interior ministry"
            elif child.dep_ in ("amod", "acl") and child.lower_ in _POST_MODIFIERS and len(list(child.subtree)) <= 7:
                keep |= {t.i for t in child.subtree}
        low, high = min(keep), max(keep)
        return [t for t in self.doc[low : high + 1] if not t.is_space], body, prep

    def _antecedent(self, token: Token, types: frozenset[str], sex: str) -> End | None:
        """The nearest fitting main-clause subject, sentence by sentence back from ``token``: a name, a pronoun
        already read, or an unnamed voice ("A spokeswoman said …. "…," she said"); never the subject of the
        pronoun's own verb, and never past a subject that is a name the model did not tag."""
        if token.i in self._resolved:
            return self._resolved[token.i]
        self._resolved[token.i] = None  # a chain of pronouns never loops
        own_subjects = set()
        if token.dep_ not in _SUBJECTS:  # "Tasker told him": him is not Tasker
            own_subjects = {t.i for c in token.head.children if c.dep_ in _SUBJECTS for t in c.subtree}
        number = self.sentence_index(token)
        found = None
        for back in range(0, LOOK_BACK + 1):
            if number - back < 0:
                break
            sent = self._sentences[number - back]
            limit = token.i if back == 0 else sent.end
            subjects = [
                (tok.i, end) for end, tok in self._entities_in(sent, limit, types)
                if tok.i not in own_subjects and self._fits(end, sex) and _is_main_subject(tok)
            ]  # fmt: skip
            unknown = False
            for tok in sent:
                if tok.i >= limit or tok.i in own_subjects or tok.i in self.quoted or tok.dep_ not in _SUBJECTS or not _is_main_subject(tok):
                    continue
                end = self._subject_referent(tok, token, types, sex)
                if end is not None:
                    subjects.append((tok.i, end))
                unknown = unknown or tok.pos_ == "PROPN" and self.table.at(tok) is None
            subjects.sort(key=lambda item: item[0])
            if len({end.id for _, end in subjects}) > 1 and back > 0:
                break  # two people it could be ("Hewitt said …, but Pollard rejected …"): do not guess
            if subjects:
                found = subjects[-1][1]
                break
            if unknown:
                break  # the subject is a name the model did not tag: whoever it is, do not look past it
        self._resolved[token.i] = found
        return found

    def _subject_referent(self, subject: Token, pronoun: Token, types: frozenset[str], sex: str) -> End | None:
        """A pronoun or an unnamed voice as the subject of an earlier clause, when it fits ``pronoun``."""
        if subject.pos_ == "PRON":
            same = PRONOUN_KINDS.get(subject.lower_)
            return self.pronoun(subject) if same and same == PRONOUN_KINDS.get(pronoun.lower_) and subject.i < pronoun.i else None
        if self.table.at(subject) is not None:
            return None  # a name: read by _entities_in
        if any(c.dep_ == "appos" and self.table.at(c) is not None for c in subject.children):
            return None  # "Sarkis's wife, Dana Sarkis, …": the name in apposition, read by _entities_in
        lemma = self._partitive_head(subject).lemma_.lower()
        many = subject.tag_ in ("NNS", "NNPS") or subject.lemma_.lower() in GROUP_VOICES  # "the staff": not "he"
        if "PERSON" in types and lemma in VOICE_NOUNS and (not sex or NOUN_SEX.get(lemma, sex) == sex and not many):
            return self.voice(subject)
        if "ORG" in types and lemma in UNNAMED_BODIES:
            return self.definite_body(subject) or self.voice(subject)  # "The nine-member court ruled …. It ordered …"
        return None

    def _entities_in(self, sent: Span, limit: int, types: frozenset[str]) -> Iterator[tuple[End, Token]]:
        """(entity end, its head token) of each mention of ``types`` in ``sent`` before ``limit``, outside quotes."""
        i = sent.start
        while i < min(sent.end, limit):
            eid = self.table.at(i)
            if eid is None or i in self.quoted or entity_type(self.table, eid) not in types:
                i += 1
                continue
            start, end = run_bounds(self.doc, self.table, i)
            head = max(self.doc[start:end], key=lambda t: t.dep_ not in ("compound", "flat"))  # the mention's syntactic head
            head = next((t for t in self.doc[start:end] if t.head.i < start or t.head.i >= end or t.head == t), head)
            yield End(eid, char_span(self.doc, start, end)), head
            i = end

    def _mentions_before(self, token: Token, types: frozenset[str], *, sentences: int) -> Iterator[End]:
        """Mentions of ``types`` before ``token``, nearest first, within ``sentences`` sentences, outside quotes and brackets."""
        number = self.sentence_index(token)
        for back in range(0, sentences + 1):
            if number - back < 0:
                return
            sent = self._sentences[number - back]
            found = [end for end, head in self._entities_in(sent, token.i if back == 0 else sent.end, types) if not _in_brackets(head)]
            yield from reversed(found)

    def _fits(self, end: End, sex: str) -> bool:
        if not sex:
            return True
        known = self._gender(end.id)
        return not known or known == sex

    def _gender(self, eid: str) -> str:
        if eid not in self._genders:
            record = self.table.get(eid)
            found = ""
            for mention in record.mentions if record else ():
                first = mention.text.split()[0].rstrip(".").lower() if mention.text.split() else ""
                if first in HONORIFICS | NOBILITY | FEMALE_TITLES | MALE_TITLES:
                    found = gender(first)
                    if found:
                        break
            if not found and record and len(record.name.split()) > 1:
                found = given_name_gender(record.name.split()[0])
            self._genders[eid] = found
        return self._genders[eid]


def _definite(token: Token, words: tuple[str, ...] = ("the", "its", "their", "this", "that")) -> bool:
    """ "the company", "its board", "their union": a noun that refers back."""
    return any(c.dep_ in ("det", "poss") and c.lower_ in words for c in token.lefts)


def _is_main_subject(token: Token) -> bool:
    """The subject of a sentence's main verb (or a verb joined to it), through appositions."""
    while token.dep_ == "appos" or token.dep_ == "conj" and token.head.dep_ in _SUBJECTS:
        token = token.head
    if token.dep_ not in _SUBJECTS:
        return False
    verb = token.head
    while verb.dep_ == "conj":
        verb = verb.head
    if verb.dep_ in ("ccomp", "parataxis") and verb.head.dep_ == "ROOT" and verb.head.lemma_ in ("say", "add"):
        return True  # "Hewitt said he had …, but Pollard rejected …" and "X did Y, officials said": both count
    return verb.dep_ == "ROOT"


def _in_brackets(token: Token) -> bool:
    """A credit such as "(AP)" or "(Reuters)": not what a later "the company" refers to."""
    doc = token.doc
    return token.i > 0 and doc[token.i - 1].text == "(" and token.i + 1 < len(doc) and doc[token.i + 1].text == ")"
