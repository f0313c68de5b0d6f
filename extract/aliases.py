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
The type of a cluster is then voted by its mentions, corrected by the place gazetteer.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from spacy.tokens import Doc

from extract.gazetteer import place_of
from extract.mentions import (
    FAC_HEADS,
    HONORIFICS,
    LOC_HEADS,
    NAME_PARTICLES,
    ORG_HEADS,
    PEERAGE,
    PEOPLE_ENDINGS,
    PLACE_COMPOUND_NOUNS,
    Candidate,
    bare,
    gender,
)
from extract.model import normalize_name
from extract.person_names import is_family_name, is_given_name

#: Generic last words a company or party is often named without ("Atlantico Shipping" → "Atlantico").
CORPORATE_SUFFIXES = frozenset({
    "party", "group", "company", "co", "corp", "corporation", "inc", "ltd", "plc", "llc", "holdings",
    "shipping", "airlines", "airways", "motors", "industries", "international", "systems", "technologies",
    "enterprises", "partners", "bank", "foundation", "sa", "ag", "nv", "gmbh",
})  # fmt: skip
#: Words an acronym skips: "Confederation of British Industry" → CBI.
_FUNCTION_WORDS = frozenset({"of", "and", "for", "the", "on", "in", "at", "to", "de", "du", "des", "la", "le", "et", "&", "a", "an"})
#: Last words that are never a family name shared by two people ("Dan Sai District", "Lomsak District").
_NOT_FAMILY = ORG_HEADS | LOC_HEADS | FAC_HEADS | PLACE_COMPOUND_NOUNS
_ACRONYM_SHAPE = re.compile(r"^[A-Z][A-Za-z0-9&.\-]{1,9}$")
_BRACKETED = re.compile(r"\(\s*([A-Z][A-Za-z0-9&.\-]{1,9})\s*\)")


@dataclass
class Cluster:
    """Mentions of one actor in one article, with the name and type they are registered under."""

    members: list[Candidate]
    name: str
    type: str


def acronym_letters(text: str) -> str:
    """"U.S." → "US", "HRW" → "HRW"; "" when the word does not look like an acronym."""
    if not _ACRONYM_SHAPE.match(text):
        return ""
    letters = [c for c in text if c.isalpha()]
    upper = [c for c in letters if c.isupper()]
    if len(upper) < 2 or len(upper) < 0.6 * len(letters):
        return ""
    return "".join(upper)


def initials(words: list[str], *, split_hyphens: bool = False) -> str:
    """Initials of the content words: ["Human", "Rights", "Watch"] → "HRW"."""
    if split_hyphens:
        words = [part for word in words for part in word.split("-") if part]
    return "".join(w[0].upper() for w in words if w.lower() not in _FUNCTION_WORDS and w[:1].isalnum())


class _Links:
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


class _Article:
    """Working state of one article's clustering."""

    def __init__(self, doc: Doc, cands: list[Candidate]):
        self.doc = doc
        self.cands: list[Candidate] = []
        self.keys: list[str] = []
        self.words: list[list[str]] = []
        self.acronyms: list[str] = []
        self.split_by_gender: set[int] = set()  # "Mr X" and "Mrs X" both occur: neither joins a full name
        self.links = _Links()
        self.by_start: dict[int, int] = {}
        self.covered: set[int] = set()
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

    def candidate_at(self, start: int, end: int) -> int | None:
        i = self.by_start.get(start)
        return i if i is not None and self.cands[i].end == end else None


def cluster_mentions(doc: Doc, cands: list[Candidate]) -> list[Cluster]:
    """Group the candidates into actors; returns clusters in order of first mention."""
    art = _Article(doc, cands)
    defined = _link_definitions(art)
    defined.update(_link_spelled_after(art))
    _link_same_names(art)
    defined.update(_link_initials(art))
    _link_other_uses(art, defined)
    _link_surnames(art)
    _link_short_org_names(art)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(art.cands)):
        groups[art.links.find(i)].append(i)
    clusters = [_make_cluster(art, members) for members in groups.values()]
    clusters.sort(key=lambda c: c.members[0].start)
    return clusters


def _link_definitions(art: _Article) -> dict[str, int]:
    """"Long Name (LN)": link both sides, creating whichever the model missed. Returns acronym → anchor."""
    doc, defined = art.doc, {}
    for match in _BRACKETED.finditer(doc.text):
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
    return defined


def _foreign_acronym(art: _Article, long_i: int, acronym: str) -> bool:
    """"National Central Organization of Panamanian Workers (CNTP)": capitals in brackets right after a
    body's name abbreviate it, even when they spell its name in another language."""
    return art.cands[long_i].label == "ORG" and len(art.words[long_i]) >= 2 and acronym.isupper() and 2 <= len(acronym) <= 6


def _link_spelled_after(art: _Article) -> dict[str, int]:
    """"the IAEA (International Atomic Energy Agency)": an acronym, then its name in brackets."""
    doc, defined = art.doc, {}
    for i, cand in enumerate(list(art.cands)):
        letters = art.acronym(i)
        close = next((j for j in range(cand.end + 2, min(cand.end + 14, len(doc))) if doc[j].text == ")"), None)
        if not letters or cand.end >= len(doc) or doc[cand.end].text != "(" or close is None:
            continue
        inside = doc[cand.end + 1 : close]
        words = [t.text for t in inside]
        if len(words) < 2 or not all(t.is_title or t.is_upper or t.lower_ in _FUNCTION_WORDS for t in inside):
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
    return defined


def _loosely_spells(letters: str, words: list[str]) -> bool:
    """A tagged name before brackets: the acronym's letters all start its words, in any order ("FN")."""
    heads = {w[0].upper() for w in words if w[:1].isalpha()}
    exact = {initials(words), initials(words, split_hyphens=True)}
    return letters in exact or (set(letters) <= heads and len(letters) <= len(words) + 1)


def _spelled_out(art: _Article, paren: int, letters: str) -> int | None:
    """The capitalised words before "(" whose initials are exactly the acronym, as a new candidate."""
    doc = art.doc
    start = paren
    while start > 0:
        tok = doc[start - 1]
        if tok.is_sent_start and start - 1 != paren - 1 and not tok.is_title:
            break
        if not (tok.is_title or tok.is_upper or tok.lower_ in _FUNCTION_WORDS) or tok.i in art.covered:
            break
        start -= 1
        if doc[start].is_sent_start:
            break
    for begin in range(paren - 1, start - 1, -1):
        if doc[begin].lower_ in _FUNCTION_WORDS:
            continue
        words = [t.text for t in doc[begin:paren]]
        if initials(words) == letters or initials(words, split_hyphens=True) == letters:
            if len(words) < 2:
                return None
            return art.add(Candidate(begin, paren, "ORG", begin, fixed=True))
    return None


def _link_same_names(art: _Article) -> None:
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


def _link_initials(art: _Article) -> dict[str, int]:
    """An acronym whose letters are the initials of exactly one multi-word organisation or place."""
    spelled: dict[str, set[str]] = defaultdict(set)
    anchor: dict[str, int] = {}
    for i, cand in enumerate(art.cands):
        words = art.words[i]
        if cand.label in ("ORG", "GPE", "LOC", "FAC") and len(words) >= 2 and not art.acronym(i):
            for form in {initials(words), initials(words, split_hyphens=True)}:
                if len(form) >= 2:
                    spelled[form].add(art.keys[i])
                    anchor.setdefault(form, i)
    found: dict[str, int] = {}
    for i, cand in enumerate(art.cands):
        letters = art.acronym(i)
        if letters and not cand.honorific and len(spelled.get(letters, ())) == 1 and i not in art.links.dependent:
            art.links.link(i, anchor[letters])
            found[cand.name_span(art.doc).text] = anchor[letters]
    return found


def _link_other_uses(art: _Article, acronyms: dict[str, int]) -> None:
    """Every use of a known acronym is a mention, also where the model missed it ("FN leader …")."""
    doc = art.doc
    for text, anchor in acronyms.items():
        for match in re.finditer(r"(?<![\w\-])" + re.escape(text) + r"(?![\w\-]|\.\w)", doc.text):
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


def _link_surnames(art: _Article) -> None:
    """Shorter names that end exactly one full personal name in the article become that person."""
    _share_family_names(art)
    full = {art.keys[i] for i, c in enumerate(art.cands) if c.label == "PERSON" and len(art.keys[i].split()) >= 2}
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
    for i, cand in enumerate(art.cands):
        key = art.keys[i]
        if key in full or not key or art.acronym(i) or i in art.split_by_gender:
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
    _add_untagged_surnames(art, {n: owner[n] for n in full}, by_suffix)


def _share_family_names(art: _Article) -> None:
    """"Jean-Marie Le Pen" tagged ORG beside "Marine Le Pen" PERSON: a full name ending in a person's
    family name is a person too (unless a rule typed it, e.g. by an organisation's last word)."""
    family = {art.keys[i].split()[-1] for i, c in enumerate(art.cands) if c.label == "PERSON" and len(art.keys[i].split()) >= 2}
    for i, cand in enumerate(art.cands):
        words = art.keys[i].split()
        if cand.label != "PERSON" and not cand.fixed and 2 <= len(words) <= 4 and words[-1] in family - _NOT_FAMILY and "of" not in words:
            cand.label, cand.fixed = "PERSON", True


def _add_untagged_surnames(art: _Article, full: dict[str, int], by_suffix: dict[str, set[str]]) -> None:
    """A surname the model did not tag at all, later in an article that names the person in full."""
    doc = art.doc
    for name, anchor in sorted(full.items(), key=lambda item: item[1]):  # text order, not set order
        surname_tokens = [t for t in art.cands[anchor].name_span(doc) if t.is_alpha]
        if not surname_tokens:
            continue
        surname = surname_tokens[-1].text
        if len(surname) < 3 or not surname[0].isupper() or by_suffix.get(surname.lower()) != {name}:
            continue  # the surname must end this name and no other ("Roddick 30-0" is no second Roddick)
        for match in re.finditer(r"(?<![\w\-'’])" + re.escape(surname) + r"(?![\w\-])", doc.text):
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


def _link_short_org_names(art: _Article) -> None:
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
        if cand.label in ("GPE", "LOC") and place_of(art.keys[i]) is not None:
            continue
        (name,) = names
        if art.links.find(i) != art.links.find(owner[name]):
            art.links.link(i, owner[name])


def _make_cluster(art: _Article, members: list[int]) -> Cluster:
    doc, cands = art.doc, art.cands
    members.sort(key=lambda i: cands[i].start)
    voters = [i for i in members if i not in art.links.dependent] or members
    votes: Counter[str] = Counter()
    for i in voters:
        votes[cands[i].label] += 2 if cands[i].fixed else 1
    best = max(votes.values())
    type_ = next(cands[i].label for i in voters if votes[cands[i].label] == best)
    named = [i for i in members if not art.acronym(i)] or members
    longest = max(len(art.words[i]) for i in named)
    head = next(i for i in named if len(art.words[i]) == longest)
    if type_ != "PERSON" and (
        _looks_personal(art, members, longest)
        or _named_like_a_person(art, members, head)
        or _surname_speaking(art, members, head, type_)
    ):
        type_ = "PERSON"
    if type_ != "ORG" and _named_like_a_body(art, members, head):
        type_ = "ORG"
    multiword_person = type_ == "PERSON" and longest >= 2
    if not multiword_person and not any(cands[i].honorific for i in members):
        place = place_of(art.keys[head])
        if place is not None:
            type_ = _place_type(type_, place, [cands[i] for i in members], art.keys[head])
        elif _unknown_place_speaking(art, members, head, type_):
            type_ = "PERSON"
        elif _unknown_place(art, members, type_):
            type_ = "GPE"
    name = " ".join(doc[cands[head].name_start : cands[head].end].text.split())
    if type_ == "PERSON" and longest == 1:
        split = any(i in art.split_by_gender for i in members)
        titled = next((cands[i] for i in members if cands[i].honorific and (split or cands[i].honorific not in HONORIFICS)), None)
        if titled is not None:
            name = " ".join(titled.span(doc).text.split())
    return Cluster([cands[i] for i in members], name, type_)


def _looks_personal(art: _Article, members: list[int], longest: int) -> bool:
    """A short name the model typed otherwise, but the sentence treats as a person ("shot Lincoln")."""
    cands = [art.cands[i] for i in members]
    if longest > 3 or any(c.fixed for c in cands) or any(art.acronym(i) for i in members):
        return False
    if not any(c.person_evidence for c in cands):
        return False
    place = place_of(art.keys[members[0]])
    return place is None or place.kind == "city" and not any(c.place_context for c in cands)


def _surname_speaking(art: _Article, members: list[int], head: int, type_: str) -> bool:
    """"Chapman said …" typed ORG: a lone word that is a common family name and no known place, acronym
    or capitals, and the subject of a speech verb, is the person — unless the sentence says "its" (a
    company: "Ford said its sales fell")."""
    words = art.words[head]
    if type_ != "ORG" or len(words) != 1 or any(art.cands[i].fixed or art.acronym(i) for i in members):
        return False
    word = words[0]
    if word.isupper() or not word[:1].isupper() or place_of(art.keys[head]) is not None:
        return False
    if not is_family_name(word):
        return False
    return any(art.cands[i].person_context and not _says_its(art, art.cands[i]) for i in members)


def _named_like_a_body(art: _Article, members: list[int], head: int) -> bool:
    """"Veltrax spokesman Mara Quinn", "the Lindqvist company": what the sentence says of a name the model
    took for a person or a town makes it a body — unless a rule fixed the type or the place list knows it."""
    cands = [art.cands[i] for i in members]
    if any(c.fixed or c.honorific or c.person_evidence for c in cands) or not any(c.org_evidence for c in cands):
        return False
    return place_of(art.keys[head]) is None  # "Chicago's school board" is the city's


def _unknown_place_speaking(art: _Article, members: list[int], head: int, type_: str) -> bool:
    """"Ruvola said …" typed as a place: places that speak are countries and cities the place list knows
    ("Iraq said"), so a one-word "place" it does not know that is the subject of a speech verb is a person."""
    if type_ not in ("GPE", "LOC") or len(art.words[head]) != 1:
        return False
    cands = [art.cands[i] for i in members]
    if any(c.fixed or c.place_context for c in cands) or any(art.acronym(i) for i in members):
        return False
    return any(c.person_context and not _says_its(art, c) for c in cands)


def _unknown_place(art: _Article, members: list[int], type_: str) -> bool:
    """"western Tovakha", "Norvale, Alaska", "near Dolgino" (typed a person): a town the place
    list is too small to know, where the sentence leaves no doubt and nothing says person or body."""
    cands = [art.cands[i] for i in members]
    if type_ not in ("PERSON", "ORG") or any(c.fixed or c.person_context or c.honorific for c in cands):
        return False
    if any(art.acronym(i) for i in members):
        return False
    return any(c.place_evidence for c in cands)


def _says_its(art: _Article, cand: Candidate) -> bool:
    """"Ford said its sales fell": the sentence speaks of the name as a thing, not a person."""
    return any(t.lower_ == "its" for t in art.doc[cand.start].sent)


def _named_like_a_person(art: _Article, members: list[int], head: int) -> bool:
    """"Andrew Hall", "Buddy Holly" typed as a place or organisation: a common given name, then (after
    at most one middle name or initial) a common family name, and no rule or place list says otherwise."""
    words = art.words[head]
    if not 2 <= len(words) <= 3 or any(art.cands[i].fixed or art.acronym(i) for i in members):
        return False
    if not all(w[:1].isupper() and not w.isupper() or len(w) <= 2 for w in words):
        return False  # "NEW YORK", lower-case words: not a personal name's shape
    last = words[-1].lower()
    if last in ORG_HEADS | LOC_HEADS | FAC_HEADS | PLACE_COMPOUND_NOUNS or place_of(art.keys[head]) is not None:
        return False
    cands = [art.cands[i] for i in members]
    if any(c.org_evidence for c in cands) or any(c.person_context and _says_its(art, c) for c in cands):
        return False  # "analysts at Morgan Stanley", "Merrill Lynch said its profits rose": a firm named for people
    return is_given_name(words[0]) and is_family_name(words[-1])


def _place_type(type_: str, place, members: list[Candidate], key: str = "") -> str:
    """Correct the model's guess for a name that is a real place."""
    if type_ in ("GPE", "LOC"):
        return type_ if type_ == "LOC" or place.label == "GPE" else place.label
    # "Vladivostok", "Yerevan": a city whose name is nobody's given or family name is the city
    unnamed_city = bool(key) and " " not in key and not is_given_name(key) and not is_family_name(key)
    if type_ == "PERSON":
        if any(c.person_context for c in members):
            return type_
        return place.label if place.major or unnamed_city or any(c.place_context for c in members) else type_
    if type_ == "ORG":
        if any(c.fixed for c in members):
            return type_
        return place.label if place.major or unnamed_city or any(c.place_context for c in members) else type_
    if type_ == "NORP" and place.kind == "city" and key.endswith(PEOPLE_ENDINGS):
        return type_  # "Roman Emperor": the people, though a town in Romania has the name
    return place.label  # NORP, FAC, EVENT… named exactly like a country or city
