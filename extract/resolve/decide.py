"""Each merged actor's type and name, decided from the whole corpus, each with its reason.

The type starts from the articles' own votes and is then corrected by what the corpus knows:
- the place lists: a country, a US state or a continent is a place unless nearly every article says
  otherwise; a "place" no place list knows, that some articles call a body or that people work for, is
  a body ("Gazprom", "Verizon");
- the shape of the name: a body's last word ("Shipping", "Party") makes a body; a plural group noun
  ("Democrats", "Tories") or an acronym is never a person; a common given and family name is a person;
- what it takes part in: only people hold roles, lead, work for or speak for; people lead, work for and
  speak for bodies;
- a group (NORP) that is no nationality and no plural is a body ("Investec");
- a one-word "person" never called Mr or Ms, that articles also call a body, is a body ("Dell").
The name shown is the most complete clean form the corpus uses often: "United States" over "US",
"Bernie Ebbers" over "Ebbers"; never a modifier ("ex-Yukos" shows as "Yukos").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from extract.lexicon.bodies import BODY_DESCRIPTIONS, CORPORATE_SUFFIXES, ORG_HEADS
from extract.lexicon.gazetteer import country_code, is_big_city, is_city, lookup, place_in_country
from extract.lexicon.people import FEMALE_TITLES, HONORIFICS, MALE_TITLES, PERSON_NOUNS
from extract.lexicon.person_names import is_family_name, is_given_name
from extract.lexicon.places import ADMIN_HEADS, FAC_HEADS, LOC_HEADS, PLACE_APPOSITIONS
from extract.lexicon.roles import ROLE_WORDS
from extract.model import entity_id
from extract.resolve.merger import MODIFIERS, Candidate, Known, clean_key

#: Relations only a person takes part in as the source.
PERSON_ROLES = frozenset({"HAS_ROLE>", "LEADS>", "WORKS_FOR>", "MEMBER_OF>", "SPOKESPERSON_FOR>", "KILLED>", ">KILLED", "LIVES_IN>"})
#: Relations whose target is a body (or a place a person serves).
BODY_ROLES = frozenset({">WORKS_FOR", ">LEADS", ">MEMBER_OF", ">SPOKESPERSON_FOR", "BASED_IN>"})
#: Relations whose target is a place.
PLACE_ROLES = frozenset({">LIVES_IN", ">BASED_IN", ">LOCATED_IN"})
#: Heads of roles only a person holds ("chief executive", "former banker").
PERSON_WORDS = ROLE_WORDS | PERSON_NOUNS


def _describes_a_body(role: str) -> bool:
    """"investment bank", "sole bookrunners" (a plural is no one person's role), "derivatives market"."""
    words = role.split()
    if not words:
        return False
    head = words[-1]
    return head in BODY_DESCRIPTIONS or head in ("market", "broker", "bookrunner") or (
        head.endswith("s") and not head.endswith("ss") and head not in PERSON_WORDS
    )
#: A type decided by fewer than this share of the evidence goes to ``newsgraph review``.
SURE = 0.75
#: Names the display name is chosen from: used in at least this share of the actor's articles.
COMMON_NAME_SHARE = 0.1
_ACRONYM = re.compile(r"^[A-Z0-9&.\-]{2,8}$")
_TITLES = {t for t in HONORIFICS | FEMALE_TITLES | MALE_TITLES}


def _counters(known: dict[str, Known], ids: Iterable[str]):
    votes, names, relations, aliases, roles = Counter(), Counter(), Counter(), Counter(), Counter()
    for eid in ids:
        info = known[eid]
        votes.update(info.types)
        names.update(info.names)
        relations.update(info.relations)
        aliases.update(info.aliases)
        roles.update(info.roles)
    return votes, names, relations, aliases, roles


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


def decide_type(
    name: str, votes: Counter[str], relations: Counter[str], aliases: Counter[str], roles: Counter[str] | None = None
) -> tuple[str, str, float]:
    """(type, reason, certainty in 0–1) of one actor from its corpus evidence."""
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
    titled = sum(n for a, n in aliases.items() if a and a.split()[0] in _TITLES)
    person_acts = titled + sum(as_person.values())
    body_acts = sum(as_body.values()) + sum(n for r, n in relations.items() if r in BODY_ROLES)
    place_acts = sum(as_place.values()) + sum(n for r, n in relations.items() if r in PLACE_ROLES)
    if person_acts:
        score["PERSON"] += person_acts
        example = next(iter(as_person), "Mr or Ms")
        because.append(f'a person\'s role or title {person_acts}× ("{example}")')
    if body_acts:
        score["ORG"] += body_acts
        example = next(iter(as_body), "people work for it")
        because.append(f'a body by its description or staff {body_acts}× ("{example}")')
    if place_acts:
        score["GPE"] += 0.5 * place_acts
        because.append(f"a place by its description or what is in it {place_acts}×")
    if place is not None and place.major or code and votes["NORP"] * 2 <= total:
        label = place.label if place is not None else "GPE"
        score[label] += 2 * total
        because.append("a country, state or continent on the place list")
    elif is_big_city(key) and not (2 <= len(words) <= 3 and is_given_name(words[0])) and not person_acts:
        score["GPE"] += 2 * total
        because.append("a big city's name")
    elif place_in_country(key) and not is_given_name(words[0]) and not person_acts:
        score["GPE"] += total
        because.append("a place in a country, by the country data")
    elif words and words[-1] in ORG_HEADS | CORPORATE_SUFFIXES and len(words) >= 2 and place is None:
        score["ORG"] += 2 * total
        because.append(f'a body\'s last word ("{words[-1]}")')
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
        and bool(votes["NORP"] or votes["ORG"])
    )  # "Democrats", "Tories"; not "McManus" or "Ebbers"
    if plural and score["PERSON"] and not any(a.split()[0] in _TITLES for a in aliases if a):
        score["PERSON"] = 0
        because.append("a plural group noun is no person")
    if _ACRONYM.match(name) and score["PERSON"]:
        score["PERSON"] = 0
        because.append("an acronym is no person")
    if 2 <= len(words) <= 3 and is_given_name(words[0]) and is_family_name(words[-1]) and words[-1] not in ORG_HEADS:
        score["PERSON"] += 0.5 * total
        because.append("a common given and family name")
    best = max(score, key=lambda t: (score[t], votes[t], t)) if score else "ORG"
    known_place = place is not None or code is not None or is_city(key)
    if best in ("GPE", "LOC") and not known_place and (votes["ORG"] or body_acts):
        best = "ORG"
        because.append("no place list knows it, and it is called a body")
    if best == "NORP" and not plural and code is None and not place_in_country(key) and len(words) <= 2:
        best = "ORG"
        because.append("a group that is no nationality and no plural is a body")
    if best == "PERSON" and body_acts >= person_acts and (body_acts or not person_acts and votes["ORG"] * 5 >= total):
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
    typed: dict[str, tuple[str, str]] | None = None,
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
        votes, names, relations, aliases, roles = _counters(known, ids)
        name = (forced or {}).get(root) or display_name(names)
        type_, why, sure = decide_type(name, votes, relations, aliases, roles)
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
