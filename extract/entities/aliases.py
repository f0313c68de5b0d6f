"""Mention candidates of one article → clusters that name the same actor, each with a name and a type.

Links, each a rule a journalist would apply when reading:
- the same name twice ("Calais" … "Calais");
- an acronym defined in brackets, "Human Rights Watch (HRW)", also when the model missed either side,
  and every later or earlier use of that acronym ("FN leader …");
- an acronym whose initials spell exactly one named organisation in the article ("CBI");
- a surname or shorter name that ends exactly one full name ("Cazeneuve", "Ms Hewitt", "Le Pen"),
  whatever type the model gave the short form; two full names sharing it make it ambiguous, so no link;
- a first-and-last name without the middle initial ("George Bush" / "George W. Bush");
- a company or party named without its generic last word ("Atlantico" / "Atlantico Shipping").
The name and type of each cluster are then voted (``extract.entities.voting``).
"""

from __future__ import annotations

import re
from collections import defaultdict

from spacy.tokens import Doc

from extract.entities.candidate import Candidate, bare
from extract.lexicon.bodies import CORPORATE_SUFFIXES, ORG_HEADS
from extract.lexicon.gazetteer import country_code, place_of
from extract.lexicon.grammar import FUNCTION_WORDS
from extract.lexicon.people import HONORIFICS, NAME_PARTICLES, PEERAGE
from extract.lexicon.person_names import is_given_name
from extract.lexicon.places import FAC_HEADS, LOC_HEADS, PLACE_COMPOUND_NOUNS
from extract.model import normalize_name
from extract.names import acronym_letters, gender, initials
from extract.nlp.text import doc_text, standalone

_BRACKETED = re.compile(r"\(\s*([A-Z][A-Za-z0-9&.\-]{1,9})\s*\)")


#: Last words that are never a family name shared by two people ("Dan Sai District", "Lomsak District").
_NOT_FAMILY = ORG_HEADS | LOC_HEADS | FAC_HEADS | PLACE_COMPOUND_NOUNS


class Links:
    """Union-find over candidate indices; a dependent's own label does not vote."""

    def __init__(self) -> None:
        self.parent: list[int] = []
        self.dependent: set[int] = set()

    def add(self) -> int:
        self.parent.append(len(self.parent))
        return len(self.parent) - 1

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def link(self, dependent: int, anchor: int, *, votes: bool = False) -> None:
        if not votes:
            self.dependent.add(dependent)
        a, b = self.find(dependent), self.find(anchor)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


class ArticleMentions:
    """Working state of one article's clustering."""

    def __init__(self, doc: Doc, cands: list[Candidate]):
        self.doc = doc
        self.cands: list[Candidate] = []
        self.keys: list[str] = []
        self.words: list[list[str]] = []
        self.acronyms: list[str] = []
        self.split_by_gender: set[int] = set()  # "Mr X" and "Mrs X" both occur: neither joins a full name
        self.links = Links()
        self.by_start: dict[int, int] = {}
        self.covered: set[int] = set()
        self.defined: dict[str, int] = {}  # acronym → the candidate it abbreviates
        for cand in cands:
            self.add(cand)

    def add(self, cand: Candidate) -> int:
        i = self.links.add()
        self.cands.append(cand)
        text = cand.name_span(self.doc).text
        self.keys.append(normalize_name(text))
        self.words.append([t.text for t in cand.name_span(self.doc) if not t.is_punct or t.text == "&"])
        self.acronyms.append(acronym_letters(text.replace(" ", "")))
        self.by_start[cand.start] = i
        self.covered.update(range(cand.start, cand.end))
        return i

    def acronym(self, i: int) -> str:
        return self.acronyms[i]

    def groups(self) -> list[list[int]]:
        """Indices of the linked candidates, one list per actor, in order of first link root."""
        groups: dict[int, list[int]] = defaultdict(list)
        for i in range(len(self.cands)):
            groups[self.links.find(i)].append(i)
        return list(groups.values())

    def candidate_at(self, start: int, end: int) -> int | None:
        i = self.by_start.get(start)
        return i if i is not None and self.cands[i].end == end else None


def link_mentions(doc: Doc, cands: list[Candidate]) -> ArticleMentions:
    """Link the candidates that name the same actor: every rule of ``LINKS``, in order."""
    art = ArticleMentions(doc, cands)
    for link in LINKS:
        link(art)
    return art


def _link_definitions(art: ArticleMentions) -> None:
    """"Long Name (LN)": link both sides, creating whichever the model missed. Returns acronym → anchor."""
    doc, defined = art.doc, {}
    for match in _BRACKETED.finditer(doc_text(doc)):
        acr_span = doc.char_span(match.start(1), match.end(1))
        letters = acronym_letters(match.group(1))
        if acr_span is None or not letters or acr_span.start == 0:
            continue
        paren = acr_span.start - 1
        long_i = next((j for j, c in enumerate(art.cands) if c.end == paren and c.start < paren), None)
        if long_i is not None and not _loosely_spells(letters, art.words[long_i]) and not _foreign_acronym(art, long_i, match.group(1)):
            long_i = None
        if long_i is None:
            long_i = _spelled_out(art, paren, letters)
        if long_i is None:
            continue
        acr_i = art.candidate_at(acr_span.start, acr_span.end)
        if acr_i is None:
            if any(i in art.covered for i in range(acr_span.start, acr_span.end)):
                continue
            long_cand = art.cands[long_i]
            acr_i = art.add(Candidate(acr_span.start, acr_span.end, long_cand.label, acr_span.start, fixed=True))
        art.links.link(acr_i, long_i)
        defined[match.group(1)] = long_i
    art.defined.update(defined)


def _foreign_acronym(art: ArticleMentions, long_i: int, acronym: str) -> bool:
    """"National Central Organization of Panamanian Workers (CNTP)": capitals in brackets right after a
    body's name abbreviate it, even when they spell its name in another language."""
    if (len(acronym_letters(acronym)) == 2 or acronym == "USA") and country_code(acronym) is not None:
        # "Taylor Dent (US)" in a results list: his country, not his initials
        return False
    return art.cands[long_i].label == "ORG" and len(art.words[long_i]) >= 2 and acronym.isupper() and 2 <= len(acronym) <= 6


def _link_spelled_after(art: ArticleMentions) -> None:
    """"the IAEA (International Atomic Energy Agency)": an acronym, then its name in brackets."""
    doc, defined = art.doc, {}
    for i, cand in enumerate(list(art.cands)):
        letters = art.acronym(i)
        close = next((j for j in range(cand.end + 2, min(cand.end + 14, len(doc))) if doc[j].text == ")"), None)
        if not letters or cand.end >= len(doc) or doc[cand.end].text != "(" or close is None:
            continue
        inside = doc[cand.end + 1 : close]
        words = [t.text for t in inside]
        if len(words) < 2 or not all(t.is_title or t.is_upper or t.lower_ in FUNCTION_WORDS for t in inside):
            continue
        if letters not in (initials(words), initials(words, split_hyphens=True)):
            continue
        long_i = art.candidate_at(inside.start, inside.end)
        if long_i is None:
            if any(t in art.covered for t in range(inside.start, inside.end)):
                continue
            long_i = art.add(Candidate(inside.start, inside.end, "ORG", inside.start, fixed=True))
        art.links.link(i, long_i)
        defined[cand.name_span(doc).text] = long_i
    art.defined.update(defined)


def _loosely_spells(letters: str, words: list[str]) -> bool:
    """A tagged name before brackets: the acronym's letters all start its words, in any order ("FN")."""
    heads = {w[0].upper() for w in words if w[:1].isalpha()}
    exact = {initials(words), initials(words, split_hyphens=True)}
    return letters in exact or (set(letters) <= heads and len(letters) <= len(words) + 1)


def _spelled_out(art: ArticleMentions, paren: int, letters: str) -> int | None:
    """The capitalised words before "(" whose initials are exactly the acronym, as a new candidate."""
    doc = art.doc
    start = paren
    while start > 0:
        tok = doc[start - 1]
        if tok.is_sent_start and start - 1 != paren - 1 and not tok.is_title:
            break
        if not (tok.is_title or tok.is_upper or tok.lower_ in FUNCTION_WORDS) or tok.i in art.covered:
            break
        start -= 1
        if doc[start].is_sent_start:
            break
    for begin in range(paren - 1, start - 1, -1):
        if doc[begin].lower_ in FUNCTION_WORDS:
            continue
        words = [t.text for t in doc[begin:paren]]
        if initials(words) == letters or initials(words, split_hyphens=True) == letters:
            if len(words) < 2:
                return None
            return art.add(Candidate(begin, paren, "ORG", begin, fixed=True))
    return None


def _link_same_names(art: ArticleMentions) -> None:
    """The same name twice is one actor, unless honorifics say a woman and a man ("Mrs Howard", "Mr Howard")."""
    genders: dict[str, set[str]] = defaultdict(set)
    for i, cand in enumerate(art.cands):
        if gender(cand.honorific):
            genders[art.keys[i]].add(gender(cand.honorific))
    first: dict[str, int] = {}
    for i, key in enumerate(art.keys):
        if len(genders.get(key, ())) > 1:
            art.split_by_gender.add(i)
            key = f"{key}#{gender(art.cands[i].honorific)}"  # bare "Howard" goes with neither
        if key in first:
            art.links.link(i, first[key], votes=True)
        else:
            first[key] = i


def _link_initials(art: ArticleMentions) -> None:
    """An acronym whose letters are the initials of exactly one multi-word organisation or place."""
    spelled: dict[str, set[str]] = defaultdict(set)
    anchor: dict[str, int] = {}
    for i, cand in enumerate(art.cands):
        words = [w for w in art.words[i] if not w.islower()]  # "Aceh province" spells no "AP"
        if cand.label in ("ORG", "GPE", "LOC", "FAC") and len(words) >= 2 and not art.acronym(i):
            for form in {initials(words), initials(words, split_hyphens=True)}:
                if len(form) >= 2:
                    spelled[form].add(art.keys[i])
                    anchor.setdefault(form, i)
    found: dict[str, int] = {}
    for i, cand in enumerate(art.cands):
        letters = art.acronym(i)
        if letters and country_code(cand.name_span(art.doc).text) and art.cands[anchor.get(letters, i)].label not in ("GPE", "LOC"):
            continue  # "US" is the country, not "UBS Securities" or "Universal Studio"
        if letters and not cand.honorific and len(spelled.get(letters, ())) == 1 and i not in art.links.dependent:
            art.links.link(i, anchor[letters])
            found[cand.name_span(art.doc).text] = anchor[letters]
    art.defined.update(found)


def _link_other_uses(art: ArticleMentions) -> None:
    """Every use of a known acronym is a mention, also where the model missed it ("FN leader …")."""
    doc = art.doc
    for text, anchor in art.defined.items():
        for match in standalone(doc, text, re.compile(r"(?<![\w\-])" + re.escape(text) + r"(?![\w\-]|\.\w)")):
            span = doc.char_span(match.start(), match.end())
            if span is None:
                continue
            i = art.candidate_at(span.start, span.end)
            if i is None:
                if any(t in art.covered for t in range(span.start, span.end)):
                    continue
                i = art.add(Candidate(span.start, span.end, art.cands[anchor].label, span.start, fixed=True))
            if art.links.find(i) != art.links.find(anchor):
                art.links.link(i, anchor)


def _link_surnames(art: ArticleMentions) -> None:
    """Shorter names that end exactly one full personal name in the article become that person."""
    _share_family_names(art)
    _headline_descriptions(art)
    # not "BBC Sport Wales", a body the model called a person: a name opening on an acronym is nobody's full name
    full = {
        art.keys[i] for i, c in enumerate(art.cands)
        if c.label == "PERSON" and len(art.keys[i].split()) >= 2 and len(acronym_letters((art.words[i] or [""])[0])) < 3
    }  # fmt: skip
    full = {k for k in full if not any(o != k and o.endswith(" " + k) for o in full)}
    owner = {art.keys[i]: i for i, c in enumerate(art.cands) if art.keys[i] in full}
    by_suffix: dict[str, set[str]] = defaultdict(set)
    by_ends: dict[tuple[str, str], set[str]] = defaultdict(set)
    for name in full:
        words = name.split()
        for n in range(1, len(words)):
            if words[n] not in NAME_PARTICLES or n < len(words) - 1:  # never a lone "le" or "van"
                by_suffix[" ".join(words[n:])].add(name)
        by_ends[words[0], words[-1]].add(name)
    # "Ford said its sales rose", "Ford, the US car company": the company, not Bill Ford, in every mention
    bodies = {art.keys[i] for i, cand in enumerate(art.cands) if cand.org_evidence or cand.label == "ORG" and _its(art, cand)}
    for i, cand in enumerate(art.cands):
        key = art.keys[i]
        if key in full or not key or art.acronym(i) or i in art.split_by_gender or key in bodies:
            continue
        if cand.fixed and cand.label != "PERSON":
            continue  # a rule already knows this is an organisation or a place
        if cand.label in ("GPE", "LOC") and place_of(key) is not None:
            continue
        names = by_suffix.get(key)
        if not names:
            words = key.split()
            if len(words) >= 2 and cand.label == "PERSON":
                names = {n for n in by_ends.get((words[0], words[-1]), ()) if set(words) <= set(n.split())}
        if names and len(names) == 1:
            (name,) = names
            art.links.link(i, owner[name])
    _add_untagged_surnames(art, {n: owner[n] for n in full}, by_suffix, bodies)


def _headline_descriptions(art: ArticleMentions) -> None:
    """"Classy Henman", "Sprinter Walker" in the headline over "Tim Henman", "Dougie Walker" in the text: a word
    that is no given name before the surname of the one person the text names in full describes him; his name
    proper starts after it (as after "Mr"), so it is no namesake's full name that leaves "Henman" unlinked."""
    text = art.doc.text
    headline_end = text.find("\n")
    if headline_end <= 0 or headline_end > 200:
        return
    in_headline: dict[str, list[int]] = defaultdict(list)
    elsewhere: set[str] = set()
    for i, cand in enumerate(art.cands):
        if art.doc[cand.end - 1].idx < headline_end:
            in_headline[art.keys[i]].append(i)
        else:
            elsewhere.add(art.keys[i])
    given: dict[str, set[str]] = defaultdict(set)  # surname → the text's full names of people ending in it
    for i, cand in enumerate(art.cands):
        words = art.keys[i].split()
        if cand.label == "PERSON" and len(words) >= 2 and art.keys[i] in elsewhere and is_given_name(words[0]):
            given[words[-1]].add(art.keys[i])
    for key, indices in in_headline.items():
        words = key.split()
        if len(words) != 2 or key in elsewhere or is_given_name(words[0]) or len(given.get(words[-1], ())) != 1:
            continue
        for i in indices:
            cand = art.cands[i]
            if cand.name_start == cand.start and cand.end - cand.start == 2 and not (cand.fixed and cand.label != "PERSON"):
                cand.name_start = cand.start + 1
                art.keys[i], art.words[i] = words[1], art.words[i][1:]


def _its(art: ArticleMentions, cand: Candidate) -> bool:
    return art.doc.has_annotation("SENT_START") and any(t.lower_ == "its" for t in art.doc[cand.start].sent)


def _share_family_names(art: ArticleMentions) -> None:
    """"Jean-Marie Le Pen" tagged ORG beside "Marine Le Pen" PERSON: a full name ending in a person's
    family name is a person too (unless a rule typed it, e.g. by an organisation's last word)."""
    family = {art.keys[i].split()[-1] for i, c in enumerate(art.cands) if c.label == "PERSON" and len(art.keys[i].split()) >= 2}
    for i, cand in enumerate(art.cands):
        words = art.keys[i].split()
        if cand.label != "PERSON" and not cand.fixed and 2 <= len(words) <= 4 and words[-1] in family - _NOT_FAMILY and "of" not in words:
            cand.label, cand.fixed = "PERSON", True


def _add_untagged_surnames(art: ArticleMentions, full: dict[str, int], by_suffix: dict[str, set[str]], bodies: set[str]) -> None:
    """A surname the model did not tag at all, later in an article that names the person in full (and
    that names no body so: "Ford" the carmaker beside Bill Ford)."""
    doc = art.doc
    for name, anchor in sorted(full.items(), key=lambda item: item[1]):  # text order, not set order
        surname_tokens = [t for t in art.cands[anchor].name_span(doc) if t.is_alpha]
        if not surname_tokens:
            continue
        surname = surname_tokens[-1].text
        if len(surname) < 3 or not surname[0].isupper() or by_suffix.get(surname.lower()) != {name} or normalize_name(surname) in bodies:
            continue  # the surname must end this name and no other ("Roddick 30-0" is no second Roddick)
        for match in standalone(doc, surname, re.compile(r"(?<![\w\-'’])" + re.escape(surname) + r"(?![\w\-])")):
            span = doc.char_span(match.start(), match.end())
            if span is None or len(span) != 1 or span.start in art.covered or span[0].pos_ != "PROPN":
                continue
            cand = Candidate(span.start, span.end, "PERSON", span.start, fixed=True)
            prev = doc[span.start - 1] if span.start > 0 else None
            if prev is not None and bare(prev) in HONORIFICS | PEERAGE and prev.i not in art.covered:
                cand.start, cand.honorific = prev.i, bare(prev)  # "Mr Booth"
            elif prev is not None and prev.is_title and prev.pos_ == "PROPN":
                continue  # another person's full name: "Wilkes Booth" vs "Edwin Booth"
            art.links.link(art.add(cand), anchor)


def _link_short_org_names(art: ArticleMentions) -> None:
    """"Atlantico" for "Atlantico Shipping", "Labour" for "the Labour Party", "the Commission" for "the
    Electoral Commission" (a generic last word standing for the one organisation that ends with it)."""
    by_prefix: dict[str, set[str]] = defaultdict(set)
    owner: dict[str, int] = {}
    for i, cand in enumerate(art.cands):
        words = art.keys[i].split()
        if cand.label != "ORG" or len(words) < 2:
            continue
        owner.setdefault(art.keys[i], i)
        if words[-1] in ORG_HEADS:
            by_prefix[words[-1]].add(art.keys[i])
        for n in range(len(words) - 1, 0, -1):
            if words[n] not in CORPORATE_SUFFIXES:
                break
            by_prefix[" ".join(words[:n])].add(art.keys[i])
    for i, cand in enumerate(art.cands):
        names = by_prefix.get(art.keys[i])
        if not names or len(names) != 1 or cand.label == "PERSON" and cand.honorific:
            continue
        if cand.label in ("GPE", "LOC") and place_of(art.keys[i]) is not None or country_code(cand.name_span(art.doc).text):
            continue  # "US" is no short name of "US Airways"
        (name,) = names
        if art.links.find(i) != art.links.find(owner[name]):
            art.links.link(i, owner[name])


#: Links between mentions, in the order they are tried: definitions first, so the acronyms they give
#: are known when their other uses are looked for.
LINKS = (
    _link_definitions,
    _link_spelled_after,
    _link_same_names,
    _link_initials,
    _link_other_uses,
    _link_surnames,
    _link_short_org_names,
)
