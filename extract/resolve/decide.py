"""Each merged actor's type and name, decided from the whole corpus, each with its reason.

The type starts from the articles' own votes and is then corrected by what the corpus knows:
- the place lists: a country, a US state or a continent is a place unless nearly every article says
  otherwise; a "place" no place list knows, that some articles call a body or that people work for, is
  a body ("Gazprom", "Verizon");
- the shape of the name: a body's last word ("Shipping", "Party") makes a body; a plural group noun
  ("Democrats", "Tories") or an acronym is never a person; a common given and family name is a person;
- what it takes part in: only people hold roles, lead, work for or speak for; people lead, work for and
  speak for bodies; a name shaped like a person's with a person's role ("actor Keanu Reeves") is a person
  however often the tagger said ORG, unless a description says outright it is a body;
- a singular name before "are", "were" or "have" ("Snow Patrol are touring") is a guess that it is a group;
- a group (NORP) that is no nationality and no plural is a body ("Investec");
- a one-word "person" never called Mr or Ms, that articles also call a body, is a body ("Dell"), and so is
  one no sentence shows to be a person that is no known given or family name ("Earthlink");
- a "place" of one word that no place list knows and no sentence of two articles or more puts anything in
  is a body ("Blinkx");
- a name with a function word in it is no person's ("Reporters Without Borders");
- a country's people, by the country data, are a group ("Britons", "Europeans");
- a small town's name that nothing is ever in and that sentences call a body or have speak is a body
  ("Toyota", "Paramount");
- a place's name the articles often write before a team's people ("England captain X", "Liverpool's
  striker", "Sale fans") names the team, a body.
The name shown is the most complete clean form the corpus uses often: "United States" over "US",
"Bernie Ebbers" over "Ebbers"; never a modifier ("ex-Yukos" shows as "Yukos").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from extract.lexicon.bodies import BODY_DESCRIPTIONS, CORPORATE_SUFFIXES, ORG_HEADS
from extract.lexicon.gazetteer import country_code, is_big_city, is_city, lookup, place_in_country
from extract.lexicon.grammar import NOT_IN_PERSON_NAMES
from extract.lexicon.kinds import NOT_ACTOR_HEADS
from extract.lexicon.people import FEMALE_TITLES, HONORIFICS, MALE_TITLES, PERFORMER_NOUNS, PERSON_NOUNS
from extract.lexicon.person_names import is_family_name, is_given_name
from extract.lexicon.places import ADMIN_HEADS, FAC_HEADS, LOC_HEADS, PEOPLES, PLACE_APPOSITIONS
from extract.lexicon.roles import ROLE_WORDS
from extract.model import entity_id
from extract.names import singulars
from extract.resolve.merger import MODIFIERS, Candidate, Known, clean_key

#: Relations only a person takes part in as the source. Only the sentence rules' relations count: the
#: classifier's (``extract.relations.typed``: LIVES_IN, BASED_IN, KILLED …) read the types the article gave,
#: so ``sightings`` leaves them out.
PERSON_ROLES = frozenset({"HAS_ROLE>", "LEADS>", "WORKS_FOR>", "MEMBER_OF>", "SPOKESPERSON_FOR>"})
#: Relations whose target is a body (or a place a person serves).
BODY_ROLES = frozenset({">WORKS_FOR", ">LEADS", ">MEMBER_OF", ">SPOKESPERSON_FOR"})
#: Heads of roles only a person holds ("chief executive", "former banker").
PERSON_WORDS = ROLE_WORDS | PERSON_NOUNS


def _describes_a_body(role: str) -> bool:
    """"investment bank", "sole bookrunners" (a plural is no one person's role), "derivatives market"."""
    words = role.split()
    if not words:
        return False
    head = words[-1]
    return _names_a_body(head) or (head.endswith("s") and not head.endswith("ss") and head not in PERSON_WORDS and not _people(head))


def body_evidence(relations: Counter[str], roles: Counter[str], clues: Counter[str]) -> int:
    """How often the corpus shows a name to be a body: descriptions ("investment bank"), staff and
    leaders (``BODY_ROLES``), the words around it ("X spokesman Y", "X said its", "X are")."""
    return (
        sum(n for r, n in roles.items() if _describes_a_body(r)) + sum(n for r, n in relations.items() if r in BODY_ROLES)
        + clues["body"] + clues["group"]
    )  # fmt: skip


def _names_a_body(head: str) -> bool:
    """A description's head word that says outright it is a body ("bank", "market"), not a plural guessed at."""
    return head in BODY_DESCRIPTIONS or head in ("market", "broker", "bookrunner")


def _people(plural: str) -> bool:
    """A plural of a word for a person ("singers", "actresses", "stars such as X" read as "stars"): one of them."""
    return bool(singulars(plural) & (PERSON_WORDS | PERFORMER_NOUNS))

#: A name n articles type a person is a body only if guessed-at descriptions (plurals: "big winners") number
#: n / PLURAL_BODY_WEIGHT or more, or descriptions that say so outright ("the company", staff, "X said its")
#: n / OUTRIGHT_BODY_WEIGHT or more (one "its" is not enough against seventeen articles' PERSON).
PLURAL_BODY_WEIGHT = 2
OUTRIGHT_BODY_WEIGHT = 8
#: A place's name is its side's ("England beat Wales") when "X captain", "X's striker" and the like number
#: at least 1 / TEAM_SHARE of its articles, and MIN_TEAM times or more.
TEAM_SHARE = 5
MIN_TEAM = 3
#: A type decided by fewer than this share of the evidence goes to ``newsgraph review``.
SURE = 0.75
#: Names the display name is chosen from: used in at least this share of the actor's articles.
COMMON_NAME_SHARE = 0.1
_ACRONYM = re.compile(r"^[A-Z0-9&.\-]{2,8}$")
_TITLES = {t for t in HONORIFICS | FEMALE_TITLES | MALE_TITLES}


def people_of(key: str) -> str | None:
    """The country whose people the normalised name names ("chinese", "europeans", "britons"), if any."""
    if lookup(key.title()) is not None or is_city(key):
        return None  # a place's own name
    singular = key[:-1] if key.endswith("s") and not key.endswith("ss") else key
    return PEOPLES.get(singular) or (place_in_country(key) if singular == key else place_in_country(singular))


def _counters(known: dict[str, Known], ids: Iterable[str]):
    votes, names, relations, aliases, roles, clues = Counter(), Counter(), Counter(), Counter(), Counter(), Counter()
    for eid in ids:
        info = known[eid]
        votes.update(info.types)
        names.update(info.names)
        relations.update(info.relations)
        aliases.update(info.aliases)
        roles.update(info.roles)
        clues.update(info.clues)
    return votes, names, relations, aliases, roles, clues


def group_type(known: dict[str, Known], ids: Iterable[str], surnames: FamilyNames | None = None) -> str:
    """The type ``decide`` would give a group of ids now (its display name's, from all their evidence)."""
    votes, names, relations, aliases, roles, clues = _counters(known, ids)
    return decide_type(display_name(names), votes, relations, aliases, roles, clues, surnames or FamilyNames())[0]


def display_name(names: Counter[str]) -> str:
    """The most complete clean name among those used in at least ``COMMON_NAME_SHARE`` of the articles:
    more words first, not led by a title ("Robin Butler" over "Lord Butler"), then the most used."""
    clean: Counter[str] = Counter()
    for name, n in names.items():
        clean[_clean_form(name)] += n
    if not clean:
        return ""
    common = [n for n, c in clean.items() if c >= COMMON_NAME_SHARE * sum(clean.values())] or [max(clean, key=clean.get)]

    def rank(name: str):
        words = name.split()
        titled = len(words) > 1 and words[0].lower().rstrip(".") in _TITLES | {"lord", "sir", "lady", "dame"}
        return (len(words) - titled, not titled, clean[name], -len(name), name)

    return max(common, key=rank)


def _clean_form(name: str) -> str:
    """A name as written without a leading modifier or trailing possessive ("ex-Yukos" → "Yukos")."""
    words = name.split()
    while len(words) > 1 and words[0].lower().rstrip(".") in MODIFIERS:
        words = words[1:]
    text = " ".join(words)
    text = re.sub(r"^(?:ex|former)-(?=[A-Z])", "", text)
    return re.sub(r"['’]s?$", "", text).strip() or name


@dataclass(frozen=True)
class FamilyNames:
    """The corpus's family names: ``titled``, the one-word names articles write after "Mr" or "Ms" ("Ms
    Fiorina"); ``all``, those and the last words of names of two words or more that most of their articles
    give a person."""

    all: frozenset[str] = frozenset()
    titled: frozenset[str] = frozenset()
    alone: frozenset[str] = frozenset()  # one-word names most of their articles (two or more) type a person


def family_names(known: dict[str, Known]) -> FamilyNames:
    full = (
        words[-1] for info in known.values()
        if info.types["PERSON"] * 2 > info.articles and len(words := clean_key(info.name).split()) >= 2
    )  # fmt: skip
    titled = frozenset(
        clean_key(info.name) for info in known.values()
        if len(info.name.split()) == 1 and any(a and a.split()[0] in _TITLES for a in info.aliases)
    )  # fmt: skip
    alone = frozenset(
        clean_key(info.name) for info in known.values()
        if len(info.name.split()) == 1 and info.articles >= 2 and info.types["PERSON"] * 2 > info.articles
    )  # fmt: skip
    return FamilyNames(frozenset(full) | titled, titled, alone)


def decide_type(
    name: str, votes: Counter[str], relations: Counter[str], aliases: Counter[str], roles: Counter[str] | None = None,
    clues: Counter[str] | None = None, surnames: FamilyNames = FamilyNames(),
) -> tuple[str, str, float]:
    """(type, reason, certainty in 0–1) of one actor from its corpus evidence; ``surnames`` are the
    corpus's family names (``family_names``)."""
    total = sum(votes.values()) or 1
    score: Counter[str] = Counter({t: float(n) for t, n in votes.items()})
    because: list[str] = [", ".join(f"{t} in {n}" for t, n in sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))) + " articles"]
    key = clean_key(name)
    words = key.split()
    place = lookup(name)
    code = country_code(name)
    if code and name.replace(".", "").isupper() and (votes["GPE"] + votes["LOC"]) * 2 <= total:
        code = None  # "EC" is Ecuador's code, but here the European Commission
    roles = roles or Counter()
    as_body = {r: n for r, n in roles.items() if _describes_a_body(r)}
    as_place = {r: n for r, n in roles.items() if r.split() and r.split()[-1] in PLACE_APPOSITIONS}
    as_person = {r: n for r, n in roles.items() if r not in as_body and r not in as_place and r.split() and r.split()[-1] in PERSON_WORDS}
    clues = clues or Counter()
    titled = sum(n for a, n in aliases.items() if a and a.split()[0] in _TITLES)
    person_acts = 2 * titled + sum(as_person.values()) + clues["person"]  # "Mr Doctorow" is as good as it gets
    if 2 <= len(words) <= 3 and is_given_name(words[0]) and words[-1] in surnames.titled:
        person_acts += total  # "Carly Fiorina" where other articles write "Ms Fiorina"
    body_acts = body_evidence(relations, roles, clues)
    if 2 <= len(words) <= 3 and words[-1] in surnames.alone and not body_acts and words[-1] not in ORG_HEADS and not code and place is None:
        person_acts += total  # "Imanol Harinordoquy" (a team sheet's ORG) where other articles' "Harinordoquy" is a person
    place_acts = sum(as_place.values()) + clues["place"] + clues["in"] // 4
    person_shaped = (
        2 <= len(words) <= 3 and place is None and not code and not _ACRONYM.match(name) and not set(words) & NOT_IN_PERSON_NAMES
        and (words[-1] not in ORG_HEADS | CORPORATE_SUFFIXES or is_given_name(words[0]) and is_family_name(words[-1]))
    )  # fmt: skip
    if person_shaped and as_person and person_acts >= body_acts and not any(_names_a_body(r.split()[-1]) for r in as_body):
        person_acts += total  # "actor Keanu Reeves": a person's role outweighs a tagger that reads the name as a body
    if person_acts:
        score["PERSON"] += person_acts
        example = min(as_person, key=lambda r: (-as_person[r], r)) if as_person else "Mr or Ms" if titled else "what the sentence says of it"
        because.append(f'a person by a role, a title or the sentence {person_acts}× ("{example}")')
    if body_acts:
        score["ORG"] += body_acts
        example = min(as_body, key=lambda r: (-as_body[r], r)) if as_body else "people work for it, or the sentence says its"
        because.append(f'a body by its description, staff or the sentence {body_acts}× ("{example}")')
    if place_acts:
        score["GPE"] += 0.5 * place_acts
        because.append(f"a place by its description or what is in it {place_acts}×")
    if place is not None and place.major or code and votes["NORP"] * 2 <= total:
        label = place.label if place is not None else "GPE"
        score[label] += 2 * total
        because.append("a country, state or continent on the place list")
    elif people_of(key) and (votes["NORP"] * 2 >= total or key.endswith("s") and place_in_country(key) is None):
        score["NORP"] += 2 * total
        because.append(f"the people of a country, by the country data ({people_of(key)})")
    elif is_big_city(key) and not (2 <= len(words) <= 3 and is_given_name(words[0])) and not person_acts and not (
        body_acts and 3 * votes["ORG"] >= 2 * total
    ):  # not "Sale" the club, a body in most articles and by what the sentences say
        score["GPE"] += 2 * total
        because.append("a big city's name")
    elif place_in_country(key) and not is_given_name(words[0]) and not person_acts:
        score["GPE"] += (1.5 if total >= 2 else 1) * total  # over several articles it outweighs a tagger that reads "Yorkshire" as a person
        because.append("a place in a country, by the country data")
    elif words and words[-1] in ORG_HEADS | CORPORATE_SUFFIXES and len(words) >= 2 and place is None and not (
        (person_acts or votes["PERSON"]) and is_given_name(words[0]) and is_family_name(words[-1])
    ):  # "Guy Chambers", "Dwain Chambers": a given name before a family name that is also a body's word
        score["ORG"] += 2 * total
        because.append(f'a body\'s last word ("{words[-1]}")')
    elif words and words[-1] in NOT_ACTOR_HEADS and len(words) >= 2 and place is None:
        score[NOT_ACTOR_HEADS[words[-1]]] += 2 * total
        because.append(f'an event\'s, a work\'s or a law\'s last word ("{words[-1]}")')
    elif words and words[-1] in LOC_HEADS and len(words) >= 2:
        score["LOC"] += total
        because.append(f'a place\'s last word ("{words[-1]}")')
    elif words and words[-1] in FAC_HEADS and len(words) >= 2:
        score["FAC"] += total
        because.append(f'a building\'s last word ("{words[-1]}")')
    elif words and words[-1] in ADMIN_HEADS and len(words) >= 2:
        score["GPE"] += total
        because.append(f'an area\'s last word ("{words[-1]}")')
    plural = (
        1 <= len(words) <= 2 and words[-1].endswith("s") and not words[-1].endswith("ss") and not is_family_name(words[-1])
        and bool(votes["NORP"] or votes["ORG"]) and not (len(words) == 2 and is_given_name(words[0]))
    )  # "Democrats", "Tories"; not "McManus", "Ebbers" or "Fabien Pelous"
    if plural and score["PERSON"] and not any(a.split()[0] in _TITLES for a in aliases if a) and not (len(words) == 2 and sum(as_person.values()) >= 2):
        score["PERSON"] = 0
        because.append("a plural group noun is no person")
    if _ACRONYM.match(name) and score["PERSON"]:
        score["PERSON"] = 0
        because.append("an acronym is no person")
    named_like_a_person = (
        2 <= len(words) <= 3 and is_given_name(words[0]) and (is_family_name(words[-1]) or words[-1] in surnames.titled)
        and (words[-1] not in ORG_HEADS or bool(person_acts or votes["PERSON"]))
    )  # not "John Lewis Partnership"; "Dwain Chambers" when something says he is a person
    if named_like_a_person:
        score["PERSON"] += 0.5 * total
        because.append("a common given and family name")
    best = max(score, key=lambda t: (score[t], votes[t], t)) if score else "ORG"
    known_place = place is not None or code is not None or is_city(key)
    if best in ("GPE", "LOC") and not known_place and (votes["ORG"] or body_acts) and body_acts >= place_acts:
        best = "ORG"
        because.append("no place list knows it, and it is called a body")
    in_it = clues["in"] + clues["place"]
    if best in ("GPE", "LOC") and clues["team"] >= MIN_TEAM and TEAM_SHARE * clues["team"] >= total:
        best = "ORG"
        because.append(f'a place\'s name for its side ("X captain", "X\'s striker") {clues["team"]}×')
    if best == "GPE" and not known_place and len(words) == 1 and not in_it and not place_in_country(key) and total >= 2:
        best = "ORG"
        because.append(f"no place list knows it, and no sentence of its {total} articles puts anything in it")
    # a role it holds counts only by its words ("research" is no person's role): ``as_person`` has those
    acts_as_person = person_acts + sum(n for r, n in relations.items() if r in PERSON_ROLES and r != "HAS_ROLE>")
    if best == "PERSON" and len(words) == 1 and not acts_as_person and not (is_given_name(key) or is_family_name(key) or key in surnames.all):
        best = "ORG"
        because.append("a one-word name no sentence shows to be a person, and no person's name in the corpus or the name lists")
    small_town = place is not None and place.kind == "city" and not is_big_city(key)
    if best in ("GPE", "LOC") and small_town and not in_it and body_acts + clues["speaks"] >= (1 if best == "GPE" else 2):
        best = "ORG"
        because.append("a small town's name, but no sentence puts anything in it, and some call it a body or have it speak")
    if best == "PERSON" and not titled and set(words) & NOT_IN_PERSON_NAMES:
        best = "ORG"
        because.append(f'a person\'s name has no "{sorted(set(words) & NOT_IN_PERSON_NAMES)[0]}" in it')
    if best == "NORP" and not plural and code is None and not place_in_country(key) and len(words) <= 2 and not people_of(key):
        best = "ORG"
        because.append("a group that is no nationality and no plural is a body")
    # a body's description must weigh something against the articles that type it a person: one that says so
    # outright ("investment bank", staff, "the company"), or plural guesses in a good share of them ("songs" once
    # is not enough against four articles' PERSON)
    guessed = sum(n for r, n in as_body.items() if not _names_a_body(r.split()[-1])) + clues["group"]  # "X are": British news writes firms so too
    if best == "PERSON" and body_acts >= person_acts and (
        body_acts and (
            OUTRIGHT_BODY_WEIGHT * (body_acts - guessed) >= votes["PERSON"] > 0 and body_acts > guessed
            or (1 if named_like_a_person else PLURAL_BODY_WEIGHT) * body_acts >= votes["PERSON"]
        )
        or not person_acts and not named_like_a_person and votes["ORG"] * 5 >= total
    ):
        best = "ORG"
        because.append("described as a body at least as often as as a person")
    sure = score[best] / (sum(score.values()) or 1)
    return best, "; ".join(because) + f" → {best}", round(min(sure, 1.0), 3)


def _canonical_id(known: dict[str, Known], ids: list[str], name: str, type_: str, taken: set[str]) -> str:
    """The id a merged actor goes by: the id of its name and type if one of its ids is that, else the id of
    its type most articles use, else a new id made from its name and type. It depends only on the group,
    never on the order the ids were merged in."""
    made = entity_id(name, type_)
    if made in ids and made not in taken:
        return made
    prefix = type_.lower() + ":"
    typed = sorted((e for e in ids if e.startswith(prefix) and e not in taken), key=lambda e: (-known[e].articles, e))
    if typed:
        return typed[0]
    if made not in taken and made not in known:
        return made
    return min(e for e in ids if e not in taken) if any(e not in taken for e in ids) else made + "-" + min(ids).split(":", 1)[1]


def decide(
    known: dict[str, Known], groups: dict[str, list[str]], forced: dict[str, str] | None = None,
    typed: dict[str, tuple[str, str]] | None = None, surnames: FamilyNames = FamilyNames(),
) -> tuple[dict[str, str], dict[str, tuple[str, str]], dict[str, str], list[Candidate]]:
    """(id → canonical id, canonical id → (name, type), canonical id → type reason, unsure types) for the groups.

    A group's canonical id is made from its display name and type, so it does not depend on which id
    happened to be merged into which; an actor alone under its own name and type keeps its id.
    """
    canonical: dict[str, str] = {}
    display: dict[str, tuple[str, str]] = {}
    reasons: dict[str, str] = {}
    unsure: list[Candidate] = []
    taken: set[str] = set()
    for root in sorted(groups, key=lambda r: (-sum(known[e].articles for e in groups[r]), r)):
        ids = groups[root]
        votes, names, relations, aliases, roles, clues = _counters(known, ids)
        name = (forced or {}).get(root) or display_name(names)
        type_, why, sure = decide_type(name, votes, relations, aliases, roles, clues, surnames)
        fixed = next(((typed or {})[e] for e in ids if e in (typed or {})), None)
        if fixed is not None:
            type_, why, sure = fixed[0], f"{fixed[1]} (the corpus said: {why})", 1.0
        nid = _canonical_id(known, ids, name, type_, taken)
        taken.add(nid)
        for eid in ids:
            if eid != nid:
                canonical[eid] = nid
        display[nid] = (name, type_)
        reasons[nid] = why
        if sure < SURE and sum(votes.values()) >= 2:
            other = max((t for t in votes if t != type_), key=lambda t: votes[t], default="")
            line = f"type\t{name}\t{other}" if other else ""
            seen = sorted(set().union(*(known[e].seen_in for e in ids)))[:3]
            unsure.append(Candidate("type", tuple(ids), sum(votes.values()), f'"{name}" is {type_}: {why} (certainty {sure:.2f})', line, tuple(seen)))
    return canonical, display, reasons, unsure
