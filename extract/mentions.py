"""spaCy entity spans → clean mention candidates, each with the clues that later decide its type.

The small model's spans are often a token off: "the White House", "Boston University 's", "Calling
Calais", "Marine Le" + "Pen", "The National Front (FN". These rules trim and repair the span and
record what the words around it say (an honorific, a preposition of place, a verb of speaking), so
that the type can be voted per entity in ``extract.aliases``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from extract.gazetteer import lookup
from extract.model import NAMED_TYPES
from extract.person_names import is_family_name

#: Words before a surname that make it a person and are part of how the person is named in the text.
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "rev", "reverend"})
#: Titles of nobility and royalty: "Lord Butler" is how the man is known when no first name is given.
NOBILITY = frozenset({
    "sir", "dame", "lord", "lady", "baroness", "baron", "earl", "countess", "duke", "duchess", "king",
    "queen", "prince", "princess",
})  # fmt: skip
#: Honorifics that tell a woman from a man: "Mr Howard" and "Mrs Howard" in one article are two people.
FEMALE_TITLES = frozenset({"mrs", "ms", "miss", "lady", "dame", "baroness", "countess", "duchess", "queen", "princess"})
MALE_TITLES = frozenset({"mr", "sir", "lord", "baron", "earl", "duke", "king", "prince"})


def gender(honorific: str) -> str:
    """"f", "m" or "" (unknown) for a bare honorific."""
    return "f" if honorific in FEMALE_TITLES else "m" if honorific in MALE_TITLES else ""


#: Titles that make a person of whatever follows ("Lord Butler", even when tagged ORG).
PEERAGE = frozenset({"sir", "dame", "lord", "lady", "baroness", "baron"})
#: Job and rank titles that spaCy sometimes puts inside a PERSON span; they are roles, not the name.
TITLES = frozenset({
    "president", "vice", "prime", "minister", "secretary", "chancellor", "senator", "sen", "rep", "gov",
    "governor", "gen", "general", "col", "colonel", "lt", "capt", "captain", "maj", "sgt", "adm", "admiral",
    "judge", "justice", "officer", "chairman", "chairwoman", "mayor", "premier", "ambassador", "commissioner",
    "inspector", "detective", "sheriff", "bishop", "archbishop", "cardinal", "pope",
    "rabbi", "imam", "ayatollah", "chief", "deputy", "coach", "president-elect", "spokesman", "spokeswoman",
})  # fmt: skip
#: Occupations written like titles before a name ("Soprano Mirela Dantes", "Composer Ivo Maren").
OCCUPATIONS = frozenset({
    "composer", "soprano", "tenor", "baritone", "pianist", "violinist", "conductor", "actor", "actress",
    "singer", "author", "writer", "novelist", "poet", "playwright", "producer", "presenter", "photographer",
    "painter", "sculptor", "astronaut", "comedian", "naturalist", "dancer", "choreographer", "filmmaker",
    "historian", "economist", "analyst", "correspondent", "reporter", "striker", "goalkeeper", "midfielder",
})  # fmt: skip
#: Abbreviated ranks that end an organisation's span when a name follows ("Fire Department Capt. Hugh …").
RANK_ABBREVIATIONS = frozenset({"lt", "capt", "col", "sgt", "maj", "gen", "adm", "cmdr", "cpl", "pvt", "sen", "rep", "gov"})
#: Government portfolios: "Interior" in "Interior Minister X" is part of a title, not an organisation.
PORTFOLIOS = frozenset({
    "interior", "foreign", "home", "defence", "defense", "finance", "justice", "health", "education", "trade",
    "industry", "environment", "transport", "culture", "energy", "agriculture", "economy", "economics",
    "culture", "sports", "communities", "development", "housing", "immigration", "security", "work", "pensions",
    "mines", "mining", "fisheries", "tourism", "affairs", "water", "planning", "science", "technology", "digital",
    "equality", "shadow", "regional",
})  # fmt: skip
#: Lower-case words inside names that join their neighbours ("Marine Le Pen", "Ludwig van Beethoven").
NAME_PARTICLES = frozenset({
    "le", "la", "de", "du", "des", "da", "di", "del", "della", "van", "von", "der", "den", "ter", "ten", "bin",
    "ibn", "al", "el", "ben", "abu", "st", "mac", "dos", "das", "y",
})  # fmt: skip
#: Last words that make a name an organisation ("Atlantico Shipping", "Port of Rotterdam Authority").
ORG_HEADS = frozenset({
    "party", "front", "movement", "league", "alliance", "union", "congress", "council", "commission",
    "committee", "authority", "agency", "ministry", "department", "office", "bureau", "service", "services",
    "university", "college", "school", "institute", "institution", "academy", "foundation", "trust", "fund",
    "association", "federation", "confederation", "society", "organisation", "organization", "group",
    "company", "corporation", "corp", "inc", "ltd", "plc", "llc", "co", "holdings", "bank", "airlines",
    "airways", "motors", "shipping", "industries", "systems", "technologies", "partners", "capital",
    "investments", "securities", "enterprises", "insurance", "network", "television", "radio", "press",
    "news", "times", "post", "journal", "herald", "tribune", "gazette", "watch", "court", "parliament",
    "assembly", "senate", "police", "army", "navy", "force", "forces", "guard", "brigade", "club", "team",
    "board", "church", "government", "administration", "cabinet", "exchange", "chambers", "commons", "lords",
})  # fmt: skip
#: Last words of natural places ("English Channel", "Mediterranean Sea").
LOC_HEADS = frozenset({
    "channel", "sea", "ocean", "river", "lake", "mountains", "mountain", "mount", "valley", "gulf", "bay",
    "island", "islands", "peninsula", "strait", "straits", "desert", "coast", "basin", "delta", "region",
    "forest", "wilderness", "falls", "canyon", "glacier", "reef", "beach",
})  # fmt: skip
#: Last words of buildings and structures.
FAC_HEADS = frozenset({
    "airport", "bridge", "stadium", "street", "road", "avenue", "square", "palace", "tower", "station",
    "terminal", "harbour", "harbor", "prison", "cathedral", "hall", "arena", "highway", "motorway", "tunnel",
    "building", "penitentiary", "plant", "site", "base", "depot", "memorial", "monument", "statue", "dam",
    "plaza", "mosque", "temple", "castle",
})
#: Buildings named for their owner or patron with a possessive ("Ford's Theatre", "St Paul's Cathedral").
POSSESSIVE_BUILDINGS = frozenset({"theatre", "theater", "cathedral", "chapel", "castle", "palace", "tower"})  # fmt: skip
#: AP-style state abbreviations, written after a town ("Kinderhook, N.Y."): the town is a place.
STATE_ABBREVIATIONS = frozenset({
    "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan", "kans", "ky", "la",
    "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nebr", "nev", "nh", "nj", "nm", "ny", "nc",
    "nd", "okla", "ore", "pa", "ri", "sc", "sd", "tenn", "tex", "vt", "va", "wash", "wva", "wis", "wyo", "dc",
})  # fmt: skip
#: Prepositions after which a name is a place ("in Calais", "near the border town of X").
PLACE_PREPOSITIONS = frozenset({
    "in", "at", "near", "outside", "across", "around", "throughout", "into", "inside", "within", "towards",
    "toward", "via", "over", "along", "through", "beyond", "off",
})  # fmt: skip
#: Verbs after which "to X" or "from X" is a place ("sent officers to Calais").
MOTION_VERBS = frozenset({
    "go", "come", "travel", "fly", "return", "move", "send", "deploy", "drive", "sail", "head", "flee",
    "bring", "take", "transfer", "deport", "extradite", "evacuate", "march", "walk", "ship", "export",
    "import", "emigrate", "immigrate", "relocate", "escape", "commute", "arrive", "leave",
})  # fmt: skip
#: Nouns after which "of X" is a place ("the mayor of Calais", "the north of France").
PLACE_OF_NOUNS = frozenset({
    "mayor", "city", "town", "village", "capital", "people", "residents", "citizens", "north", "south",
    "east", "west", "centre", "center", "outskirts", "suburbs", "port", "region", "province", "governor",
    "streets", "state", "county", "district", "area", "heart", "coast", "border", "government", "parts",
    "northeast", "northwest", "southeast", "southwest",
})  # fmt: skip
#: Nouns a place name modifies ("a Fargo native", "the Calais mayor", "an Austin policeman").
PLACE_COMPOUND_NOUNS = frozenset({
    "native", "natives", "resident", "residents", "suburb", "suburbs", "area", "district", "neighbourhood",
    "neighborhood", "city", "town", "village", "port", "mayor", "policeman", "police", "airport", "region",
    "county", "province", "skyline", "outskirts", "streets", "harbour", "harbor",
})  # fmt: skip
#: Apposition heads that make a name a place ("Yerevan, the capital of Armenia").
PLACE_APPOSITIONS = frozenset({"capital", "city", "town", "village", "port", "province", "county", "suburb", "hometown"})
#: Languages of a wire-service header ("Havana Radio Reloj Network in Spanish").
HEADER_LANGUAGES = frozenset({
    "English", "Spanish", "French", "Arabic", "Russian", "Chinese", "German", "Portuguese", "Persian", "Turkish",
    "Japanese", "Korean", "Italian", "Hebrew", "Serbo-Croatian", "Mandarin", "Ukrainian", "Polish", "Czech",
    "Greek", "Thai", "Dutch", "Swedish", "Hindi", "Urdu", "Vietnamese", "Indonesian", "Romanian", "Hungarian",
})  # fmt: skip
#: Time zones the model tags as organisations ("2100 GMT").
TIME_ZONES = frozenset({"gmt", "utc", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "bst", "cet", "cest"})
#: Adjectives of direction before a region ("western Tovakha", "northern Israel").
COMPASS_WORDS = frozenset({
    "northern", "southern", "eastern", "western", "central", "northeastern", "northwestern", "southeastern",
    "southwestern", "north-eastern", "north-western", "south-eastern", "south-western", "coastal", "rural",
})  # fmt: skip
#: Verbs whose object is usually a place ("visited Calais").
PLACE_VERBS = frozenset({"visit", "tour", "reach", "enter", "invade", "bomb", "evacuate", "flee", "shell"})
#: Verbs whose object (or passive subject) is a person ("shot Lincoln", "Kennedy was assassinated").
VIOLENT_VERBS = frozenset({
    "kill", "shoot", "assassinate", "murder", "abduct", "kidnap", "wound", "stab", "execute", "behead",
    "strangle", "poison", "slay",
})  # fmt: skip
#: Verbs whose "at X" is a person aimed at, not a place ("fired at Kennedy").
AIMING_VERBS = frozenset({"fire", "shoot", "aim", "lunge", "swing", "stab", "throw", "hurl"})
#: Nouns a victim's name modifies ("the Kennedy assassination", "the Lincoln murder").
VIOLENT_NOUNS = frozenset({"assassination", "slaying", "killing", "murder", "kidnapping", "abduction", "shooting"})
#: Nouns a person's name modifies ("the Okuda administration", "the Delaney disappearance").
PERSON_COMPOUNDS = frozenset({"administration", "disappearance", "presidency", "biography", "funeral", "kidnapping"})
#: Nouns whose "of X" is a person ("the assassin of Lincoln").
VICTIM_NOUNS = frozenset({"assassin", "killer", "murderer", "kidnapper", "widow", "victim"})
#: Staff a name can employ ("Veltrax spokesman Mara Quinn"); offices of state are left out ("Texas Gov.").
STAFF_NOUNS = frozenset({
    "spokesman", "spokeswoman", "spokesperson", "executive", "executives", "employee", "employees", "chairman",
    "chairwoman", "manager", "managers", "worker", "workers", "engineer", "engineers", "shareholder",
    "shareholders", "vice", "analyst", "analysts", "boss", "bosses", "staff",
})  # fmt: skip
#: Kinds of body a name can be ("the Lindqvist company", "Tolvan's savings bank").
KIND_OF_BODY = frozenset({
    "company", "firm", "bank", "airline", "carrier", "newspaper", "network", "chain", "maker", "manufacturer",
    "corporation", "group", "agency", "charity", "union", "party", "broadcaster", "retailer", "insurer",
})  # fmt: skip
#: What only a body has ("Veltrax's shareholders", "Veltrax's subsidiary").
OWNED_BY_BODIES = frozenset({
    "shareholder", "shareholders", "shares", "stock", "profit", "profits", "subsidiary", "subsidiaries",
    "headquarters", "employee", "employees", "workforce", "board", "takeover", "revenue", "revenues",
})  # fmt: skip
#: Nouns a person's name owns ("Trump's behalf", "Lincoln's killer").
PERSONAL_NOUNS = frozenset({
    "wife", "husband", "son", "daughter", "mother", "father", "brother", "sister", "widow", "widower",
    "family", "killer", "assassin", "assassination", "murderer", "lawyer", "attorney", "aide", "behalf",
    "funeral", "birthday", "career", "life", "death", "girlfriend", "boyfriend", "parents", "children",
    "grandson", "granddaughter", "biography", "memoirs", "spokesman", "spokeswoman", "bodyguard",
})  # fmt: skip
#: What only a person has ("Pellworth's home"): the possessive makes the owner a person.
OWNED_BY_PEOPLE = PERSONAL_NOUNS | frozenset({
    "home", "estimate", "wedding", "trial", "lawyers", "supporters", "followers", "resignation", "arrest",
})  # fmt: skip
#: Apposition heads that make a name a person ("Tidwell, a retired CIA officer").
PERSON_NOUNS = TITLES | PERSONAL_NOUNS | frozenset({
    "officer", "official", "reporter", "journalist", "spy", "actor", "actress", "singer", "writer", "author",
    "director", "executive", "manager", "leader", "member", "student", "teacher", "professor", "doctor",
    "nurse", "soldier", "trader", "farmer", "worker", "businessman", "businesswoman", "candidate", "lawmaker",
    "politician", "economist", "analyst", "scientist", "researcher", "poet", "artist", "painter", "player",
    "man", "woman", "boy", "girl", "suspect", "victim", "founder", "owner", "head", "chairman", "ceo",
    "president", "activist", "campaigner", "priest", "widow", "veteran", "envoy", "diplomat", "adviser",
    "advisor", "negotiator", "correspondent", "editor", "photographer", "historian", "novelist",
    "designer", "citizen", "native", "resident", "nun", "monk", "pastor", "musician", "composer", "dancer", "athlete", "coach", "pilot", "driver", "engineer", "architect", "physician",
    "surgeon", "banker", "investor", "entrepreneur", "commentator", "columnist", "critic", "donor", "refugee",
    "prisoner", "defendant", "plaintiff", "witness", "hostage", "gunman",
})  # fmt: skip
#: Verbs whose subject is usually a person ("Lincoln said").
SPEECH_VERBS = frozenset({
    "say", "tell", "add", "ask", "claim", "deny", "insist", "argue", "believe", "think", "admit", "explain",
    "reply", "recall", "write", "testify", "plead", "resign", "marry", "die", "smile", "laugh",
})  # fmt: skip
_LEADING_JUNK_POS = frozenset({"DET", "PRON", "ADP", "CCONJ", "SCONJ", "PART", "PUNCT", "SPACE", "SYM", "INTJ"})
_SENTENCE_JUNK_TAGS = frozenset({"VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "RB", "RBR", "RBS", "IN", "MD", "UH", "WRB"})
_TRAILING_JUNK = frozenset({"'s", "’s", "'", "’", "s"})
_PARENS = frozenset({"(", ")", "[", "]"})
#: spaCy labels worth reading: the named types, plus LANGUAGE for "English" + "Channel".
_READ_LABELS = frozenset(NAMED_TYPES) | {"LANGUAGE"}


@dataclass(slots=True)
class Candidate:
    """One mention: token span ``[start, end)``; the name proper starts at ``name_start`` (after "Mr")."""

    start: int
    end: int
    label: str
    name_start: int
    honorific: str = ""  # lower case, no dot: "mr", "lord"; "" when none
    fixed: bool = False  # the label comes from a rule, not from the model's guess
    place_context: bool = False  # "in X", "visited X", "X, N.Y.", a dateline
    place_evidence: bool = False  # "western X", "X, Alaska", "a X native", "X, the capital": a place
    org_evidence: bool = False  # "X spokesman Y", "X's shareholders", "the X company": a body
    person_context: bool = False  # "X said", an honorific: not a place
    person_evidence: bool = False  # "X, 45,", "killed X", "X's wife", "X, a spokesman": a person

    def name_span(self, doc: Doc) -> Span:
        return doc[self.name_start : self.end]

    def span(self, doc: Doc) -> Span:
        return doc[self.start : self.end]


def bare(token: Token) -> str:
    """Lower case without dots: "Mr." → "mr", "N.Y." → "ny"."""
    return token.lower_.replace(".", "")


def find_candidates(doc: Doc) -> list[Candidate]:
    """Clean, repaired, non-overlapping mention candidates, in text order."""
    owner: dict[int, int] = {}  # token → length of the spaCy entity it belongs to
    ents = [e for e in doc.ents if e.label_ in _READ_LABELS]
    for ent in doc.ents:
        for i in range(ent.start, ent.end):
            owner[i] = len(ent)
    wire = _wire_headers(doc)
    reserved = {i for c in wire for i in range(c.start, c.end)}
    cands: list[Candidate] = []
    for ent in ents:
        for start, end in _segments(doc, ent.start, ent.end):
            for begin, stop, label in _dateline_split(doc, start, end, ent.label_):
                cand = _clean(doc, begin, stop, label)
                if cand is not None:
                    cands.append(cand)
    taken: set[int] = set(reserved)
    result: list[Candidate] = list(wire)
    for cand in cands:
        if cand.start in taken:
            continue  # swallowed by an extension of the candidate before it
        _extend_left(doc, cand)
        if cand.start in taken:
            _give_back_honorific(cand, result, taken)
        _extend_right(doc, cand, owner)
        _take_name_before_head(doc, cand, taken)
        _join_possessive_building(doc, cand)
        if cand.label == "LANGUAGE" or any(i in reserved for i in range(cand.start, cand.end)):
            continue  # a LANGUAGE only kept when an extension made it a place or organisation
        taken.update(range(cand.start, cand.end))
        result.append(cand)
        state = _state_after(doc, cand)
        if state is not None and state.start not in taken:
            taken.add(state.start)
            result.append(state)
    result = _join_broken_organisations(doc, [c for c in result if not _is_portfolio(doc, c)])
    result = _styled_by_territory(doc, result, taken)
    result = _split_company_towns(doc, result)
    places = {i for c in result if c.label in ("GPE", "LOC") for i in range(c.start, c.end)}
    result.extend(_untagged_names(doc, taken, places))
    result.sort(key=lambda c: c.start)
    for cand in result:
        _take_split_dot(doc, cand)
        _state_abbreviation(doc, cand)
        _retype_by_head(doc, cand)
        _norp_as_organisation(doc, cand)
        _adjective_as_group(doc, cand)
        _read_context(doc, cand)
    return _without_overlaps([c for c in result if c.person_evidence or not _is_common_word(doc, c)])


def _without_overlaps(cands: list[Candidate]) -> list[Candidate]:
    """Where two repairs reached the same tokens ("Lt Col Eric Schnaible" and a lone "Eric"), the longer wins.

    Mentions must not share a token: the Doc's entities are rebuilt from them.
    """
    kept: list[Candidate] = []
    for cand in sorted(cands, key=lambda c: (c.start, -c.end)):
        if kept and cand.start < kept[-1].end:
            if cand.end - cand.start > kept[-1].end - kept[-1].start:
                kept[-1] = cand
            continue
        kept.append(cand)
    return kept


#: Titles held "of" a place that name their holder ("the Duke of Edinburgh", "the Archbishop of Canterbury").
TERRITORIAL_TITLES = NOBILITY - {"sir", "dame"} | {
    "marquess", "marchioness", "viscount", "viscountess", "archduke", "archduchess", "bishop", "archbishop",
}  # fmt: skip


def _styled_by_territory(doc: Doc, cands: list[Candidate], taken: set[int]) -> list[Candidate]:
    """"the Duke of Edinburgh", "Britain's Duchess of York": a title held of a place is one person, where
    the model made a person of the title and a place of the rest, or a place of the whole."""
    found = []
    for tok in doc:
        if not (tok.is_title and tok.lower_ in TERRITORIAL_TITLES and tok.i + 2 < len(doc) and doc[tok.i + 1].lower_ == "of"):
            continue
        end = tok.i + 2
        while end < len(doc) and doc[end].is_title and doc[end].pos_ == "PROPN":
            end += 1
        named_after = end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].is_title and doc[end + 1].pos_ == "PROPN"
        if end > tok.i + 2 and not named_after:  # "the King of Tavora, Ambrosio": a role, its holder named
            found.append(Candidate(tok.i, end, "PERSON", tok.i, fixed=True, person_evidence=True))
    if not found:
        return cands
    covered = {i for c in found for i in range(c.start, c.end)}
    taken.update(covered)
    kept = [c for c in cands if not any(i in covered for i in range(c.start, c.end))]
    return sorted(kept + found, key=lambda c: c.start)


#: Legal forms that end a company's name ("Cox Packing Co.", "Becton Dickinson Co.").
LEGAL_FORMS = frozenset({"co", "corp", "inc", "ltd", "plc", "llc", "sa", "ag", "nv", "gmbh"})


def _split_company_towns(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """"Brill Haulage Co. of Tolvan", "Harlow-Vance Corp. of Dunmore": after a company's legal
    form, "of X" is the town it is based in — a place of its own, not part of the name."""
    result: list[Candidate] = []
    for cand in cands:
        words = doc[cand.start : cand.end]
        cut = next((t.i for t in words if bare(t) in LEGAL_FORMS and t.i + 2 < cand.end and doc[t.i + 1].lower_ == "of"), None)
        if cand.label == "ORG" and cut is not None:
            result.append(Candidate(cand.start, cut + 1, "ORG", cand.name_start, fixed=True))
            result.append(Candidate(cut + 2, cand.end, "GPE", cut + 2, place_context=True, place_evidence=True))
            continue
        prev = result[-1] if result else None
        after_firm = prev is not None and prev.label == "ORG" and bare(doc[prev.end - 1]) in LEGAL_FORMS
        if after_firm and cand.start == prev.end + 1 and doc[prev.end].lower_ == "of" and cand.end - cand.start <= 3:
            cand.place_context = cand.place_evidence = True  # "Brill Haulage Co. of Tolvan" tagged as two names
        result.append(cand)
    return result


_LINKS = frozenset({"for", "on", "of"})


def _join_broken_organisations(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """One body's name the model cut in two: "United States Agency for" + "International Development",
    "Senate Committee" + "on" + "Veterans Affairs", "Carnegie Foundation" + "for the" + "Advancement of
    Teaching". The first part ends on a linking word, or on an organisation's head word before one."""
    cands = sorted(cands, key=lambda c: c.start)
    joined: list[Candidate] = []
    for cand in cands:
        prev = joined[-1] if joined else None
        if prev is not None and prev.label == "ORG" and cand.label in ("ORG", "PERSON", "NORP") and not cand.honorific:
            gap = [t.lower_ for t in doc[prev.end : cand.start]]
            last = doc[prev.end - 1].lower_
            dangling = not gap and last in _LINKS
            linked = last in ORG_HEADS and gap in (["for"], ["on"], ["of"], ["for", "the"], ["on", "the"], ["of", "the"])
            if (dangling or linked) and all(t.is_title or t.is_upper or t.lower_ in _NAME_JOINERS for t in doc[cand.start : cand.end]):
                prev.end, prev.fixed = cand.end, True
                continue
        joined.append(cand)
    return joined


#: Lower-case words the second part of such a name may hold ("Advancement of Teaching").
_NAME_JOINERS = frozenset({"of", "and", "for", "the", "on", "in", "at", "to", "&"})


def _untagged_names(doc: Doc, taken: set[int], places: set[int]) -> list[Candidate]:
    """Names the model missed where the sentence is clear: towns after a preposition of place ("between
    Lyon and Grenoble"), speakers ("Okafor said"), killers and victims ("Ruby shot Oswald"), titled
    people ("President Moi")."""
    found: list[Candidate] = _untagged_datelines(doc, taken)
    found.extend(_untagged_bodies(doc, taken))
    for tok in doc:
        if tok.i in taken or not tok.is_title or _is_era(tok):
            continue
        if tok.pos_ != "PROPN" and not (tok.is_alpha and _described_as_a_person(doc, tok)):
            continue  # a common noun, unless "Winter , 53 ," or "Pellow , who …" says otherwise
        if _in_a_persons_slot(doc, tok) and lookup(tok.text) is None and tok.lower_ not in ORG_HEADS | PERSON_NOUNS:
            start = min((c.i for c in tok.children if c.dep_ in ("compound", "flat") and c.i < tok.i), default=tok.i)
            if all(t.is_title and (t.pos_ == "PROPN" or t.i == tok.i) and t.i not in taken for t in doc[start : tok.i + 1]):
                speaker = Candidate(start, tok.i + 1, "PERSON", start, person_context=True)
                if tok.i > start and bare(doc[start]) in HONORIFICS | PEERAGE:
                    speaker.honorific, speaker.name_start = bare(doc[start]), start + 1  # "Mr Balls told …"
                found.append(speaker)
            continue  # "Okafor said …": the model missed a speaker
        if tok.i < 2:
            continue
        prev = doc[tok.i - 1]
        after_place = prev.lower_ in ("and", "or", ",") and tok.i - 2 in places
        if not (prev.lower_ in PLACE_PREPOSITIONS or prev.lower_ == "between" or after_place):
            continue
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if nxt is not None and (nxt.is_title and nxt.pos_ == "PROPN" or nxt.text in _TRAILING_JUNK):
            continue  # part of a longer name, or "in Lyon's …" (may be a person's)
        place = lookup(tok.text)
        if place is not None:
            found.append(Candidate(tok.i, tok.i + 1, place.label, tok.i, fixed=True, place_context=True))
            places.add(tok.i)
    return found


def _untagged_bodies(doc: Doc, taken: set[int]) -> list[Candidate]:
    """"Human Rights Watch published a report": capitalised proper nouns the model left untagged, ending
    on a word that says what they name ("Watch", "Council", "River"), are that organisation or place."""
    found = []
    i = 0
    while i < len(doc):
        if not _name_word(doc[i]) or i in taken:
            i += 1
            continue
        end = i + 1
        while end < len(doc) and end not in taken and (
            _name_word(doc[end])
            or doc[end].lower_ in ("of", "for", "and") and end + 1 < len(doc) and _name_word(doc[end + 1]) and end + 1 not in taken
        ):
            end += 1
        head = doc[end - 1].lower_
        first = bare(doc[i])
        if end - i >= 2 and head in ORG_HEADS | LOC_HEADS | FAC_HEADS and first not in TITLES | HONORIFICS | PEERAGE:
            label = "ORG" if head in ORG_HEADS else "LOC" if head in LOC_HEADS else "FAC"
            found.append(Candidate(i, end, label, i, fixed=True))
            taken.update(range(i, end))
        i = end
    return found


def _name_word(tok: Token) -> bool:
    return tok.pos_ == "PROPN" and tok.is_title and tok.is_alpha


_WIRE_ID = re.compile(r"^(?:[A-Z]{2}\d{10}|\d{2}[A-Z]{2}\d{4}[A-Z])$")
_AGENCY = re.compile(r"^[A-Z][A-Za-z]*(?:-[A-Z][A-Za-z]*)?$")


def _wire_headers(doc: Doc) -> list[Candidate]:
    """Wire-service credits: "PA0302025694 Panama City ACAN in Spanish" (a monitoring header: place,
    then the source, then its language), "Moscow IZVESTIYA" (a place, then a paper in capitals) and
    "Moscow March 5 (ITAR-TASS) --" (the agency in brackets before a dash). They name a place and an
    organisation the model often runs together or misses."""
    found: list[Candidate] = []
    for tok in doc:
        wire_id = len(tok.text) in (9, 12) and _WIRE_ID.match(tok.text) is not None
        if wire_id or tok.i == 0 and tok.is_title:
            first = tok.i + 1 if wire_id else 0
            cut = next((c for c in range(first + 3, first, -1) if c < len(doc) and lookup(doc[first:c].text) is not None), None)
            if cut is None:
                continue
            stop = _caps_run(doc, cut)  # "Moscow IZVESTIYA", "Bangkok THE NATION": place, then the paper
            if stop is None and wire_id:
                stop = next((j for j in range(cut + 1, min(tok.i + 10, len(doc) - 1)) if doc[j].lower_ == "in" and doc[j + 1].text in HEADER_LANGUAGES), None)
            if stop is not None:
                found.append(Candidate(first, cut, "GPE", first, fixed=True, place_context=True))
                found.append(Candidate(cut, stop, "ORG", cut, fixed=True))
        elif tok.text == "(":
            close = next((j for j in range(tok.i + 2, min(tok.i + 5, len(doc) - 1)) if doc[j].text == ")"), None)
            if close is None or doc[close + 1].text not in ("--", "-", "—", "–"):
                continue
            agency = doc[tok.i + 1 : close]
            if _AGENCY.match(agency.text) and sum(c.isupper() for c in agency.text) >= 2 or agency.text == "Reuters":
                found.append(Candidate(agency.start, agency.end, "ORG", agency.start, fixed=True))
    return found


def _caps_run(doc: Doc, start: int) -> int | None:
    """End of a run of capitals from ``start`` that is the rest of its line ("ITAR-TASS", "THE NATION")."""
    end = start
    while end < len(doc) and (doc[end].is_upper and any(c.isalpha() for c in doc[end].text) or doc[end].text == "-"):
        end += 1
    letters = sum(c.isalpha() for c in doc[start:end].text)
    at_line_end = end == len(doc) or doc[end].is_space and "\n" in doc[end].text or doc[end].like_num
    if end == start or letters < 3 or not at_line_end or doc[end - 1].text == "-":
        return None
    return end


def _untagged_datelines(doc: Doc, taken: set[int]) -> list[Candidate]:
    """"BANGKOK, Thailand (AP)", "MEXICO CITY (AP)": capitals at the start of a line, then a comma,
    bracket or dash, are the place the story was filed from."""
    found = []
    for tok in doc:
        if not (tok.i == 0 or (doc[tok.i - 1].is_space and "\n" in doc[tok.i - 1].text)):
            continue
        end = tok.i
        while end < len(doc) and end - tok.i < 3 and doc[end].is_upper and doc[end].is_alpha and len(doc[end]) >= 2:
            end += 1
        if end == tok.i or end >= len(doc) or doc[end].text not in (",", "(", "-", "—", "_"):
            continue
        if any(i in taken for i in range(tok.i, end)):
            continue
        found.append(Candidate(tok.i, end, "GPE", tok.i, fixed=True, place_context=True))
        taken.update(range(tok.i, end))
    return found


def _in_a_persons_slot(doc: Doc, tok: Token) -> bool:
    """A word only a person fills: the subject of "said", either side of "shot", "the slaying of X",
    "killed by X", or after a capitalised title."""
    verb = tok.head
    if tok.dep_ == "nsubj" and verb.lemma_ in SPEECH_VERBS | VIOLENT_VERBS:
        return True
    if tok.dep_ in ("dobj", "nsubjpass") and verb.lemma_ in VIOLENT_VERBS:
        return True
    if tok.dep_ == "pobj" and verb.lower_ in ("of", "by") and verb.head.lemma_ in VIOLENT_NOUNS | VIOLENT_VERBS:
        return True
    if tok.dep_ == "nsubjpass" and verb.lower_ == "born" and verb.i - tok.i <= 3:
        return True  # "Aldrin was born in …"
    if _described_as_a_person(doc, tok):
        return True
    alone = not any(c.dep_ in ("compound", "flat") for c in tok.children)
    if tok.dep_ == "nsubj" and verb.pos_ == "VERB" and alone and is_family_name(tok.text) and tok.is_alpha and not tok.is_upper:
        return True  # "Garrick sneaked into the box": a common family name the model missed, acting
    if tok.is_alpha and any(c.dep_ == "appos" and c.lemma_.lower() in PERSON_NOUNS and c.i > tok.i for c in tok.children):
        return True  # "Tal , a senior official"
    return tok.i > 0 and doc[tok.i - 1].is_title and bare(doc[tok.i - 1]) in TITLES


def _described_as_a_person(doc: Doc, tok: Token) -> bool:
    """"Pellow , who runs …", "Winter , 53 , a retired judge": only people take "who" or an age."""
    return _who_follows(doc, tok.i + 1) or tok.is_alpha and _aged(doc, tok.i + 1)


def _who_follows(doc: Doc, i: int) -> bool:
    """", who" at ``i`` ("Campbell , who …"): organisations take "which"; ", WHO" is the health body."""
    return [t.text for t in doc[i : i + 2]] == [",", "who"]


def _aged(doc: Doc, i: int) -> bool:
    """", 53 ," (or ", 10 _", ", 10 and") right after a name: an age, so the name is a person's."""
    if i + 2 >= len(doc) or doc[i].text != "," or not doc[i + 1].text.isdigit():
        return False
    return int(doc[i + 1].text) < 120 and doc[i + 2].text in (",", "_", "-", "--", "—", ")", ";", "and")


def _segments(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """Cut a span at brackets and line breaks: "The National Front (FN" → "The National Front", "FN"."""
    parts, begin = [], start
    for i in range(start, end):
        if doc[i].text in _PARENS or (doc[i].is_space and "\n" in doc[i].text):
            parts.append((begin, i))
            begin = i + 1
    parts.append((begin, end))
    return [(s, e) for s, e in parts if s < e]


def _dateline_split(doc: Doc, start: int, end: int, label: str) -> list[tuple[int, int, str]]:
    """"Moscow ITAR-TASS", "Havana Radio Reloj Network": a wire dateline, a place then a news agency."""
    if label != "ORG" or end - start < 2:
        return [(start, end, label)]
    for cut in range(start + 1, min(start + 4, end)):
        first = doc[cut]
        agency = (first.is_upper and sum(c.isalpha() for c in first.text) >= 3) or first.text in ("Radio", "Television", "TV")
        agency = agency or (end - cut >= 2 and end + 1 < len(doc) and doc[end].lower_ == "in" and doc[end + 1].text in HEADER_LANGUAGES)
        if agency and doc[start:cut].text[:1].isupper() and lookup(doc[start:cut].text) is not None:
            return [(start, cut, "GPE"), (cut, end, "ORG")]
    return [(start, end, label)]


def _clean(doc: Doc, start: int, end: int, label: str) -> Candidate | None:
    """Trim determiners, quotes, titles and sentence-initial verbs at the front; possessives at the back."""
    while end > start and (doc[end - 1].text in _TRAILING_JUNK or doc[end - 1].is_punct or doc[end - 1].is_space):
        if doc[end - 1].text == "." and end - 1 > start and _keeps_dot(doc[end - 2]):
            break
        end -= 1
    if label != "PERSON" and end > start and bare(doc[end - 1]) in RANK_ABBREVIATIONS:
        after = end + 1 if end < len(doc) and doc[end].text == "." else end
        if after < len(doc) and doc[after].is_title:
            end -= 1  # "Coast Guard Lt. Steve Hardy": the rank belongs to the person who follows
    while start < end:
        tok = doc[start]
        if tok.pos_ in _LEADING_JUNK_POS and not tok.is_title and not tok.is_upper or tok.is_punct or tok.is_space:
            start += 1
        elif tok.text == "The" and start + 1 < end and lookup(doc[start:end].text) is not None:
            break  # "The Hague": the article is part of the place's name
        elif tok.lower_ in ("the", "a", "an") or (
            _sentence_initial(tok) and tok.tag_ in _SENTENCE_JUNK_TAGS and tok.pos_ != "PROPN" and start + 1 < end
        ):
            start += 1
        elif label == "PERSON" and (bare(tok) in TITLES or tok.lower_ in OCCUPATIONS) and start + 1 < end and doc[start + 1].is_title:
            start += 1  # "President Moi", "Composer Philip Glass": the title is a role, not part of the name
        else:
            break
    words = [t for t in doc[start:end] if any(c.isalpha() for c in t.text)]
    if not words or all(t.is_lower for t in words):
        return None  # "lorry", "doesn": a common word, not a name
    if end - start == 1 and _is_era(doc[start]):
        return None  # "44 B.C.": an era, not British Columbia
    if bare(words[0]) in TIME_ZONES:
        return None  # "2100 GMT", "GMT 2 Feb 94": a time
    cand = Candidate(start, end, label, start)
    if end - start > 1 and _is_honorific(doc[start], label, doc[end - 1]):
        cand.honorific = bare(doc[start])
        cand.name_start = start + 1
    return cand


def _is_era(token: Token) -> bool:
    return token.text in ("B.C.", "BC", "A.D.", "AD", "BCE", "CE") and token.i > 0 and token.doc[token.i - 1].like_num


def _is_honorific(token: Token, label: str, last: Token) -> bool:
    """"Mr", "Lord" before a name; royal titles only where the model already saw a person."""
    word = bare(token)
    if not token.text[:1].isupper() or last.lower_ in LOC_HEADS | FAC_HEADS | ORG_HEADS:
        return False  # "Prince Edward Island", "Lord Chancellor's Department"
    return word in HONORIFICS or word in PEERAGE or (word in NOBILITY and label == "PERSON")


def _keeps_dot(token: Token) -> bool:
    """"Corp." and "N.Y." own their final dot."""
    return len(token.text) <= 4 and token.text[:1].isupper() and "." in token.text


def _sentence_initial(token: Token) -> bool:
    if token.is_sent_start or token.i == 0:
        return True
    prev = token.doc[token.i - 1]
    return prev.is_quote or (prev.is_space and "\n" in prev.text)


def _extend_left(doc: Doc, cand: Candidate) -> None:
    """Take in an honorific just before the span: "Mr" + "Blair"."""
    if not cand.honorific and cand.start > 0 and _is_honorific(doc[cand.start - 1], cand.label, doc[cand.end - 1]):
        cand.honorific = bare(doc[cand.start - 1])
        cand.start -= 1
    if cand.honorific and cand.label != "LANGUAGE":
        cand.label, cand.fixed = "PERSON", True


def _give_back_honorific(cand: Candidate, kept: list[Candidate], taken: set[int]) -> None:
    """The honorific a name took in already ends the mention before it ("The Times Mr" + "Campbell").

    It belongs to the name that follows: the earlier mention gives it up when it keeps other words,
    else the name does without it. Either way no two mentions share a token.
    """
    prev = next((c for c in reversed(kept) if c.start <= cand.start < c.end), None)
    if prev is not None and prev.end == cand.start + 1 and prev.end - prev.start > 1:
        prev.end -= 1
        taken.discard(cand.start)
    else:
        cand.start += 1


def _extend_right(doc: Doc, cand: Candidate, owner: dict[int, int]) -> None:
    """Repair names cut short: "Marine Le" + "Pen"; "English" + "Channel"."""
    while cand.end < len(doc):
        nxt, last = doc[cand.end], doc[cand.end - 1]
        if not nxt.is_title or nxt.pos_ != "PROPN" or owner.get(cand.end, 1) > 1:
            return  # never cut another multi-word entity in two
        if cand.label == "PERSON" and (last.lower_ in NAME_PARTICLES or (last.head.i == nxt.i and last.dep_ in ("compound", "flat"))):
            if nxt.lower_ in ORG_HEADS | LOC_HEADS | FAC_HEADS or bare(nxt) in TITLES:
                return
            cand.end += 1
            continue
        if last.head.i == nxt.i and last.dep_ in ("compound", "amod") and nxt.lower_ in LOC_HEADS | ORG_HEADS:
            cand.end += 1
            cand.label, cand.fixed = ("LOC" if nxt.lower_ in LOC_HEADS else "ORG"), True
            continue
        return


#: Buildings the model tags FAC when it sees the whole name ("the Belvedere Hotel").
_BUILDINGS = FAC_HEADS | {"hotel", "hospital", "museum", "theater", "theatre"}
#: Words that end a name of a place or body but are no one's name ("the Ambassador Hotel").
_HEAD_ONLY = ORG_HEADS | LOC_HEADS | _BUILDINGS | {"embassy"}


def _take_name_before_head(doc: Doc, cand: Candidate, taken: set[int]) -> None:
    """"the Ambassador Hotel" where the model read "Ambassador" as a title and "Hotel" as a person: a
    lone head word takes in the capitalised words before it, and is no person."""
    if cand.label != "PERSON" or cand.end - cand.start != 1 or doc[cand.start].lower_ not in _HEAD_ONLY:
        return
    start = cand.start
    while start > 0 and start - 1 not in taken and doc[start - 1].is_title and doc[start - 1].lower_ != "the" and not _sentence_initial(doc[start]):
        start -= 1
    if start == cand.start:
        return
    head = doc[cand.start].lower_
    cand.start = cand.name_start = start
    cand.label, cand.fixed = ("LOC" if head in LOC_HEADS else "FAC" if head in _BUILDINGS else "ORG"), True


def _join_possessive_building(doc: Doc, cand: Candidate) -> None:
    """"Ford 's Theatre", "St Paul's Cathedral": a name, a possessive and a building's word are one place."""
    i = cand.end
    if i + 1 < len(doc) and doc[i].text in ("'s", "’s") and doc[i + 1].is_title and doc[i + 1].lower_ in POSSESSIVE_BUILDINGS and not cand.honorific:
        cand.end = i + 2
        cand.label, cand.fixed = "FAC", True


def _state_after(doc: Doc, cand: Candidate) -> Candidate | None:
    """"Kinderhook , N.Y.": the town is a place; the abbreviation is a place too (returned if untagged)."""
    i = cand.end
    if i < len(doc) and doc[i].text == ",":
        i += 1
    if i >= len(doc) or bare(doc[i]) not in STATE_ABBREVIATIONS or not doc[i].text[:1].isupper():
        return None
    if cand.honorific or i == cand.end or (i + 1 < len(doc) and doc[i + 1].is_title):
        return None  # "Mr Smith, Miss Jones"; "Ms Ward, Ind" would need a comma and an abbreviation
    cand.place_context = True
    if cand.label in ("PERSON", "ORG", "NORP") and not cand.fixed:
        cand.label, cand.fixed = "GPE", True
    if any(e.start <= i < e.end for e in doc.ents):
        return None
    return Candidate(i, i + 1, "GPE", i, fixed=True, place_context=True)


_DOTTED_LETTERS = re.compile(r"^(?:[A-Z]\.)+[A-Z]$")


def _take_split_dot(doc: Doc, cand: Candidate) -> None:
    """"Minn ." and "U.S ." in pre-tokenised text: the detached dot ends the abbreviation."""
    if cand.end >= len(doc) or doc[cand.end].text != "." or not doc[cand.end - 1].whitespace_:
        return
    last = doc[cand.end - 1]
    if _DOTTED_LETTERS.match(last.text) or (bare(last) in STATE_ABBREVIATIONS and last.text[:1].isupper() and "." not in last.text):
        cand.end += 1


def _state_abbreviation(doc: Doc, cand: Candidate) -> None:
    """"Duluth, Minn." where the model tagged "Minn" alone as a person: after a comma and a name, a state
    abbreviation is the state."""
    last = doc[cand.start]
    if cand.end - cand.start > 2 or cand.start < 2 or cand.honorific or cand.end - cand.start == 2 and doc[cand.end - 1].text != ".":
        return
    if bare(last) not in STATE_ABBREVIATIONS or not last.text[:1].isupper() or doc[cand.start - 1].text != ",":
        return
    if doc[cand.start - 2].text[:1].isupper() and not (cand.end < len(doc) and doc[cand.end].is_title):
        cand.label, cand.fixed, cand.place_context = "GPE", True, True


def _is_portfolio(doc: Doc, cand: Candidate) -> bool:
    """"Interior" in "Interior Minister", "Prime": words of a title the model took for a name."""
    words = doc[cand.start : cand.end]
    if all(bare(t) in TITLES for t in words):
        return True
    before_title = cand.end < len(doc) and bare(doc[cand.end]) in TITLES | {"ministers", "secretaries"}
    return before_title and all(t.lower_ in PORTFOLIOS or bare(t) in TITLES or t.lower_ == "and" for t in words)


def _is_common_word(doc: Doc, cand: Candidate) -> bool:
    """"Lorry drivers …": a capitalised first word of a sentence that the text elsewhere writes in lower
    case, or that the tagger reads as a common noun, is not a name."""
    if cand.end - cand.start != 1 or not _sentence_initial(doc[cand.start]) or cand.fixed:
        return False
    tok = doc[cand.start]
    if tok.tag_ in ("NN", "NNS") and not tok.is_upper and tok.pos_ != "PROPN":
        return True
    return re.search(r"(?<![\w-])" + re.escape(tok.lower_) + r"(?![\w-])", doc.text) is not None


def _retype_by_head(doc: Doc, cand: Candidate) -> None:
    """The last word (or the word before "of") says what kind of thing a multi-word name is."""
    if cand.end - cand.name_start < 2 or cand.honorific:
        return
    place = lookup(cand.name_span(doc).text)
    if place is not None and place.major:
        return  # "Soviet Union" is the country, whatever its last word
    words = [t.lower_ for t in doc[cand.name_start : cand.end]]
    heads = {words[-1]}
    if "of" in words[1:]:
        heads.add(words[words.index("of", 1) - 1])
    if heads & ORG_HEADS and cand.label != "ORG":
        if cand.label == "NORP" or cand.label in ("PERSON", "GPE", "LOC", "FAC") and not heads & (LOC_HEADS | FAC_HEADS):
            cand.label, cand.fixed = "ORG", True
    elif words[-1] in LOC_HEADS and cand.label in ("ORG", "PERSON", "NORP"):
        cand.label, cand.fixed = "LOC", True
    elif words[-1] in FAC_HEADS and cand.label in ("ORG", "PERSON", "NORP"):
        cand.label, cand.fixed = "FAC", True
    elif words[-1] in ADMIN_HEADS and cand.label in ("PERSON", "NORP"):
        cand.label, cand.fixed = "GPE", True  # "Tallis Parish": nobody's name ends so
    elif words[-1] in NOT_ACTOR_HEADS and cand.label in ("PERSON", "ORG", "GPE", "NORP") and not heads & ORG_HEADS:
        cand.label, cand.fixed = NOT_ACTOR_HEADS[words[-1]], True


#: Last words of administrative areas ("Tallis Parish", "Orange County").
ADMIN_HEADS = frozenset({
    "parish", "county", "district", "province", "prefecture", "municipality", "township", "borough", "canton",
    "oblast", "governorate", "state", "territory",
})  # fmt: skip
#: Last words of names that are events, works or laws, not actors ("Pan-American Exposition").
NOT_ACTOR_HEADS = {
    **dict.fromkeys(("exposition", "exhibition", "festival", "olympics", "games", "championship", "championships",
                     "war", "revolution", "crisis", "summit", "conference", "election", "elections"), "EVENT"),
    **dict.fromkeys(("show", "report", "shuttle", "award", "prize"), "WORK_OF_ART"),  # not "Programme": the WFP
    **dict.fromkeys(("act", "treaty", "agreement", "accord", "accords", "convention", "bill"), "LAW"),
}  # fmt: skip


_DEMONYM_ENDINGS = ("an", "ans", "ese", "ish", "ch", "i", "is", "ic", "ics", "er", "ers", "ist", "ists", "s")
#: Endings of a singular name for a people that is also written before a noun ("Guatemalan", "Roman").
PEOPLE_ENDINGS = ("an", "ese", "ish")


def _adjective_as_group(doc: Doc, cand: Candidate) -> None:
    """"a Confederate spy", "any Guatemalan citizen", "the Allied invasion": a one-word ORG used as an
    adjective, or a demonym before a noun, names a people or side (NORP), not a body."""
    if cand.label != "ORG" or cand.fixed or cand.end - cand.start != 1:
        return
    tok = doc[cand.start]
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if nxt is None:
        return
    titled = bare(nxt) in TITLES or nxt.lower_ in PERSON_NOUNS  # "Labour leader", "Guatemalan President"
    demonym = tok.lower_.endswith(PEOPLE_ENDINGS) and lookup(tok.text) is None
    if tok.tag_ == "JJ" and tok.dep_ == "amod" and nxt.is_lower and not titled:
        cand.label = "NORP"  # "a Confederate spy" is a side's spy; "Labour leader" leads a party
    elif demonym and tok.dep_ in ("compound", "amod") and (nxt.is_lower and nxt.pos_ == "NOUN" or titled):
        cand.label = "NORP"


def _norp_as_organisation(doc: Doc, cand: Candidate) -> None:
    """"Oxfam urged donors …": a NORP that acts as a singular noun and is no demonym is an organisation
    (nationalities and groups are adjectives or plurals: "Kenyan officials", "the French", "Democrats")."""
    if cand.label != "NORP" or cand.fixed or cand.end - cand.start != 1:
        return
    tok = doc[cand.start]
    place = lookup(tok.text)
    if place is not None and tok.dep_ not in ("amod", "compound"):
        cand.label = place.label  # "a delegate from Sevastopol": a town the model took for a people; not "Roman Emperor"
    elif tok.tag_ == "NNP" and tok.dep_ in ("nsubj", "dobj", "pobj") and not tok.lower_.endswith(_DEMONYM_ENDINGS):
        cand.label, cand.fixed = "ORG", True


def _read_context(doc: Doc, cand: Candidate) -> None:
    """Clues from the words around the mention: "in X" (a place), "X said" or "Mr X" (a person)."""
    if cand.honorific:
        cand.person_context = True
    before = cand.start - 1
    if before >= 0 and doc[before].lower_ in ("the",):
        before -= 1
    possessive = cand.end < len(doc) and doc[cand.end].text in _TRAILING_JUNK
    if before >= 0 and not possessive:
        prep = doc[before]
        if prep.lower_ == "at" and prep.head.lemma_ in AIMING_VERBS:
            cand.person_evidence = True  # "fired at Kennedy"
        elif prep.lower_ == "by" and prep.head.lemma_ in VIOLENT_VERBS:
            cand.person_evidence = True  # "stabbed by Quill"
        elif prep.is_title and bare(prep) in TITLES and not cand.honorific:
            cand.person_evidence = True  # "President Tavu"
        elif prep.lower_ in ("at", "with") and prep.head.lemma_.lower() in STAFF_NOUNS | {"economist", "strategist", "trader"}:
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
    if head.dep_ == "compound" and verb.lemma_.lower() in KIND_OF_BODY and is_place_name(doc, cand) is None:
        cand.org_evidence = True  # "the Lindqvist company"; but "a Phoenix newspaper" is a paper in Phoenix
    if head.dep_ == "appos" and head.head.lemma_.lower() in PERSON_NOUNS and not cand.start <= head.head.i < cand.end:
        cand.person_evidence = True  # "his son and representative, Prince Norodom Ranariddh"
    for child in head.children:
        if child.dep_ == "appos" and not (cand.start <= child.i < cand.end):
            a_people = child.ent_type_ == "NORP" and any(d.lower_ in ("a", "an") for d in child.children)
            if child.lemma_.lower() in PERSON_NOUNS or (child.like_num and child.i == cand.end + 1) or a_people:
                cand.person_evidence = True  # "Warner, 70,", "Tidwell, a retired CIA officer", "X, a Serb"
            elif child.lemma_.lower() in PLACE_APPOSITIONS:
                cand.place_context = cand.place_evidence = True  # "Yerevan, the capital of Armenia"
    if _aged(doc, cand.end):
        cand.person_evidence = True  # "Jacobs , 20 , and …" even when the parse missed the apposition
    if _who_follows(doc, cand.end):
        cand.person_evidence = True  # "Campbell , who …": organisations take "which"
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


def _is_persons_name(token: Token) -> bool:
    return token.ent_type_ == "PERSON" and token.pos_ == "PROPN"


def is_place_name(doc: Doc, cand: Candidate):
    """The gazetteer entry of the candidate's name, if any."""
    return lookup(cand.name_span(doc).text)
