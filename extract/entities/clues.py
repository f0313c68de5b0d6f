"""Clues from the words around a mention: "in X" (a place), "X said" or "Mr X" (a person), "X
spokesman Y" (a body). They are recorded on the candidate; voting decides the type from them.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from extract.entities.candidate import TRAILING_JUNK, Candidate, bare
from extract.lexicon.bodies import BAND_NOUNS, KIND_OF_BODY, OWNED_BY_BODIES, PLAY_VERBS, STAFF_AT, STAFF_NOUNS, TEAM_NOUNS
from extract.lexicon.gazetteer import lookup
from extract.lexicon.people import OWNED_BY_PEOPLE, PERSON_COMPOUNDS, PERSON_NOUNS, VICTIM_NOUNS
from extract.lexicon.person_names import is_given_name
from extract.lexicon.places import (
    COMPASS_WORDS,
    PLACE_APPOSITIONS,
    PLACE_COMPOUND_NOUNS,
    PLACE_OF_NOUNS,
    PLACE_PREPOSITIONS,
)
from extract.lexicon.roles import TITLES
from extract.lexicon.verbs import AIMING_VERBS, MOTION_VERBS, PLACE_VERBS, SPEECH_VERBS, VIOLENT_NOUNS, VIOLENT_VERBS


def read_context(doc: Doc, cand: Candidate) -> None:
    """Clues from the words around the mention: "in X" (a place), "X said" or "Mr X" (a person)."""
    if cand.honorific:
        cand.person_context = True
    before = cand.start - 1
    if before >= 0 and doc[before].lower_ in ("the",):
        before -= 1
    possessive = cand.end < len(doc) and doc[cand.end].text in TRAILING_JUNK
    if before >= 0 and not possessive:
        prep = doc[before]
        if prep.lower_ == "at" and prep.head.lemma_ in AIMING_VERBS:
            cand.person_evidence = True  # "fired at Kennedy"
        elif prep.lower_ == "by" and prep.head.lemma_ in VIOLENT_VERBS:
            cand.person_evidence = True  # "stabbed by Quill"
        elif prep.is_title and bare(prep) in TITLES and not cand.honorific:
            cand.person_evidence = True  # "President Tavu"
        elif prep.lower_ == "for" and prep.head.lemma_.lower() in PLAY_VERBS:
            cand.team_evidence = True  # "playing for Gloucester", "signed for Sale"
        elif prep.lower_ in ("at", "with") and prep.head.lemma_.lower() in STAFF_AT:
            cand.org_evidence = True  # "analysts at Morgan Stanley", "an economist with Barclays"
        elif prep.lower_ in PLACE_PREPOSITIONS:
            cand.place_context = True
            # people are rarely "in" or "near" anything: the model's PERSON after "in" is a town
            cand.place_evidence = cand.label == "PERSON" and prep.lower_ in ("in", "near", "outside") and not cand.honorific
        elif prep.lower_ in COMPASS_WORDS and prep.tag_ == "JJ":
            cand.place_context = cand.place_evidence = True  # "western Tovakha"
        elif prep.lower_ in ("to", "from") and prep.head.lemma_ in MOTION_VERBS:
            cand.place_context = True
        elif prep.lower_ == "of" and prep.head.lower_ in PLACE_OF_NOUNS:
            cand.place_context = True
        elif prep.lower_ == "of" and {prep.head.lower_, prep.head.lemma_.lower()} & (VIOLENT_NOUNS | VICTIM_NOUNS):
            cand.person_evidence = True  # "the assassination of Kennedy", "the assassin of Lincoln"
        elif prep.lower_ == "of" and _is_persons_name(prep.head) or prep.lower_ == "from" and prep.head.lemma_.lower() in PERSON_NOUNS:
            cand.place_context = True  # "Daniel Brooks of Oxford", "a delegate from Sevastopol": a hometown
    head = doc[cand.end - 1]
    while head.head.i != head.i and cand.start <= head.head.i < cand.end:
        head = head.head
    verb = head.head
    if head.dep_ in ("compound", "nmod") and cand.end < len(doc) and doc[cand.end].lower_ in PLACE_COMPOUND_NOUNS:
        cand.place_context = cand.place_evidence = True  # "a Fargo native", "Rotterdam port operator"
    if head.dep_ == "dobj" and verb.lemma_ in PLACE_VERBS:
        cand.place_context = True
    if head.dep_ in ("nsubj", "nsubjpass") and verb.lemma_ in SPEECH_VERBS:
        cand.person_context = True
    if head.dep_ in ("dobj", "nsubjpass", "nsubj") and verb.lemma_ in VIOLENT_VERBS:
        cand.person_evidence = True  # "shot Lincoln", "Kennedy was assassinated", "Sirhan shot Kennedy"
    if head.dep_ == "poss" and verb.lemma_ in OWNED_BY_PEOPLE:
        cand.person_evidence = True
    if head.dep_ == "compound" and {verb.lower_, verb.lemma_} & (VIOLENT_NOUNS | PERSON_COMPOUNDS):
        cand.person_evidence = True  # "the Kennedy assassination", "the Okuda administration"
    if head.dep_ == "compound" and verb.lemma_.lower() in STAFF_NOUNS or head.dep_ == "poss" and verb.lemma_.lower() in OWNED_BY_BODIES:
        cand.org_evidence = True  # "Veltrax spokesman Mara Quinn", "Veltrax's shareholders"
    if _takes_a_plural_verb(head, verb):
        cand.group_evidence = True  # "Snow Patrol are touring", "Duran Duran have split": a group, never one person
    if head.dep_ == "compound" and verb.lower_ in BAND_NOUNS and cand.label == "PERSON":
        cand.org_evidence = True  # "Keane singer Tom Chaplin": a band, not a person
    if head.dep_ in ("compound", "poss") and verb.lower_ in TEAM_NOUNS:
        cand.team_evidence = True  # "England captain Ama Okoro", "Harbourton's striker"
    if _club_after_player(doc, cand):
        cand.team_evidence = True  # a team sheet: "M Davies (Gloucester)", "F Pelous (Stade Toulousain, capt)"
    if head.dep_ == "compound" and verb.lemma_.lower() in KIND_OF_BODY and is_place_name(doc, cand) is None:
        cand.org_evidence = True  # "the Lindqvist company"; but "a Phoenix newspaper" is a paper in Phoenix
    if head.dep_ == "appos" and head.head.lemma_.lower() in PERSON_NOUNS and not cand.start <= head.head.i < cand.end:
        cand.person_evidence = True  # "his son and representative, Prince Norodom Ranariddh"
    for child in head.children:
        if child.dep_ == "appos" and not (cand.start <= child.i < cand.end):
            a_people = child.ent_type_ == "NORP" and any(d.lower_ in ("a", "an") for d in child.children)
            if child.lemma_.lower() in PERSON_NOUNS or (child.like_num and child.i == cand.end + 1) or a_people:
                cand.person_evidence = True  # "Warner, 70,", "Tidwell, a retired CIA officer", "X, a Serb"
            elif child.lemma_.lower() in KIND_OF_BODY:
                cand.org_evidence = True  # "Ford, the US car company"
            elif child.lemma_.lower() in PLACE_APPOSITIONS:
                cand.place_context = cand.place_evidence = True  # "Yerevan, the capital of Armenia"
    if aged(doc, cand.end):
        cand.person_evidence = True  # "Jacobs , 20 , and …" even when the parse missed the apposition
    if who_follows(doc, cand.end):
        cand.person_evidence = True  # "Campbell , who …": organisations take "which"
    elif cand.label in ("PERSON", "ORG") and which_follows(doc, cand) and not is_given_name(doc[cand.name_start].text):
        cand.org_evidence = True  # "Pellham, which is owned by …": no person
    cand.person_context = cand.person_context or cand.person_evidence
    if cand.start == 0 or (doc[cand.start - 1].is_space and "\n" in doc[cand.start - 1].text):
        if doc[cand.start : cand.end].text.isupper() and cand.end < len(doc) and doc[cand.end].text in (",", "(", "-", "—"):
            cand.place_context = True  # a dateline: "MEMPHIS, Tenn. (AP)"
    after = cand.end
    if after + 1 < len(doc) and doc[after].text == ",":
        nxt = doc[after + 1]
        longer = after + 2 < len(doc) and doc[after + 2].is_title  # "Shakespeare, Tennessee Williams"
        place = lookup(nxt.text) if nxt.is_title and not longer else None
        if place is not None and place.kind in ("country", "state"):
            cand.place_context = cand.place_evidence = True  # "Calais, France"


def _takes_a_plural_verb(head: Token, verb: Token) -> bool:
    """A singular name as the subject of "are", "were" or "have" ("Snow Patrol are touring", "have split"): British
    news writes bands, teams and firms so; one person never. Not a list of names ("Ant and Dec are"), and not
    other verbs the tagger reads as plural ("Agassi win" in a headline)."""
    if head.dep_ != "nsubj" or head.tag_ != "NNP" or head.conjuncts or any(c.dep_ == "cc" for c in head.children):
        return False
    forms = [verb, *(c for c in verb.children if c.dep_ in ("aux", "auxpass"))]
    finite = next((t for t in forms if t.tag_ in ("VBP", "VBZ", "VBD", "MD")), None)
    return finite is not None and (finite.tag_ == "VBP" and finite.lower_ in ("are", "have") or finite.lower_ == "were")


def _is_persons_name(token: Token) -> bool:
    return token.ent_type_ == "PERSON" and token.pos_ == "PROPN"


def is_place_name(doc: Doc, cand: Candidate):
    """The gazetteer entry of the candidate's name, if any."""
    return lookup(cand.name_span(doc).text)


def who_follows(doc: Doc, i: int) -> bool:
    """", who" at ``i`` ("Campbell , who …"): organisations take "which"; ", WHO" is the health body."""
    return [t.text for t in doc[i : i + 2]] == [",", "who"]


def _club_after_player(doc: Doc, cand: Candidate) -> bool:
    """A name alone in brackets right after a name, in a sentence that does so three times or more: a team
    sheet's clubs ("M Davies (Gloucester), A Jones (Ospreys), …"), not one senator's state."""
    if not _bracketed_after_name(doc, cand.start, cand.end):
        return False
    sent = doc[cand.start].sent if doc.has_annotation("SENT_START") else doc[:]
    opens = [t.i + 1 for t in sent if t.text == "("]
    return sum(1 for i in opens if any(_bracketed_after_name(doc, i, j) for j in range(i + 1, min(i + 5, sent.end)))) >= 3


def _bracketed_after_name(doc: Doc, start: int, end: int) -> bool:
    if start < 2 or end >= len(doc) or doc[start - 1].text != "(" or doc[end].text not in (")", ","):
        return False
    return doc[start - 2].is_title and all(t.is_title or t.is_upper for t in doc[start:end])


def which_follows(doc: Doc, cand: Candidate) -> bool:
    """ ", which …" whose clause is about the name ("Pellham, which is owned by …"), not about what the
    sentence said before it ("He fired Lee, which surprised everyone")."""
    i = cand.end
    if i + 1 >= len(doc) or doc[i].text != "," or doc[i + 1].lower_ != "which":
        return False
    clause = doc[i + 1].head
    return clause.dep_ == "relcl" and cand.start <= clause.head.i < cand.end


def aged(doc: Doc, i: int) -> bool:
    """", 53 ," (or ", 10 _", ", 10 and") right after a name: an age, so the name is a person's."""
    if i + 2 >= len(doc) or doc[i].text != "," or not doc[i + 1].text.isdigit():
        return False
    return int(doc[i + 1].text) < 120 and doc[i + 2].text in (",", "_", "-", "--", "—", ")", ";", "and")
