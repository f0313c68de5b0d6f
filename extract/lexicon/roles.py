"""Words for what people are: titles, ranks, occupations, offices, and what each implies.

Data only. ``ROLE_WORDS`` (what can head a role) is built from the lists above it.
"""

from __future__ import annotations

#: Offices and ranks written in full, as a title before a name ("Judge Ito", "Chancellor Gordon Brown").
OFFICE_TITLES = frozenset({
    "president", "minister", "secretary", "chancellor", "senator", "governor", "general", "colonel", "captain",
    "admiral", "judge", "justice", "officer", "chairman", "chairwoman", "mayor", "premier", "ambassador",
    "commissioner", "inspector", "detective", "bishop", "archbishop", "cardinal", "pope", "rabbi", "imam",
    "chief", "deputy", "coach", "president-elect", "spokesman", "spokeswoman", "councillor", "councilor",
    "councilman", "councilwoman", "alderman", "congressman", "congresswoman",
})  # fmt: skip
#: Abbreviated titles ("Sen. Kennedy", "Gov. Davis", "Lt Col Eric Schnaible").
TITLE_ABBREVIATIONS = frozenset({"lt", "capt", "col", "sgt", "maj", "gen", "adm", "sen", "rep", "gov"})
#: What an abbreviated title stands for, as the role it names ("Gov. Teresa Lindgren" → HAS_ROLE governor).
TITLE_EXPANSIONS = {
    "lt": "lieutenant", "capt": "captain", "col": "colonel", "sgt": "sergeant", "maj": "major", "gen": "general",
    "adm": "admiral", "sen": "senator", "rep": "representative", "gov": "governor", "cmdr": "commander",
    "supt": "superintendent", "insp": "inspector", "det": "detective",
}  # fmt: skip
#: Abbreviated ranks that end an organisation's span when a name follows ("Fire Department Capt. Hugh …");
#: "Cpl" and the like are no titles, as they spell acronyms too ("the CPL").
RANK_ABBREVIATIONS = TITLE_ABBREVIATIONS | frozenset({"cmdr", "cpl", "pvt"})
#: Job and rank titles that spaCy sometimes puts inside a PERSON span; they are roles, not the name.
#: "Vice" and "Prime" only ever begin one; "Sheriff" and "Ayatollah" are not (yet) read as roles.
TITLES = OFFICE_TITLES | TITLE_ABBREVIATIONS | frozenset({"vice", "prime", "sheriff", "ayatollah"})
#: Occupations written like titles before a name ("Soprano Mirela Dantes", "Composer Ivo Maren").
OCCUPATIONS = frozenset({
    "composer", "soprano", "tenor", "baritone", "pianist", "violinist", "conductor", "actor", "actress",
    "singer", "author", "writer", "novelist", "poet", "playwright", "producer", "presenter", "photographer",
    "painter", "sculptor", "astronaut", "comedian", "naturalist", "dancer", "choreographer", "filmmaker",
    "historian", "economist", "analyst", "correspondent", "reporter", "striker", "goalkeeper", "midfielder",
    "comic", "rocker", "rapper", "guitarist", "drummer", "bassist", "vocalist", "songwriter", "musician", "designer",
})  # fmt: skip
#: Government portfolios: "Interior" in "Interior Minister X" is part of a title, not an organisation.
PORTFOLIOS = frozenset({
    "interior", "foreign", "home", "defence", "defense", "finance", "justice", "health", "education", "trade",
    "industry", "environment", "transport", "culture", "energy", "agriculture", "economy", "economics",
    "sports", "communities", "development", "housing", "immigration", "security", "work", "pensions",
    "mines", "mining", "fisheries", "tourism", "affairs", "water", "planning", "science", "technology", "digital",
    "equality", "shadow", "regional",
})  # fmt: skip
#: Offices of state that lead the place named with them ("the mayor of Calais").
STATE_LEAD = frozenset({"mayor", "governor", "president", "premier", "king", "queen", "ruler", "leader"})
#: Role heads that make their holder lead the organisation named with them.
LEAD_HEADS = STATE_LEAD | frozenset(
    "co-leader head chief chairman chairwoman chair chairperson founder co-founder boss ceo commander owner "
    "director-general secretary-general general-secretary editor-in-chief".split()
)
#: Role phrases that lead ("chief executive of Acme").
LEAD_PHRASES = (
    "chief executive", "chief executive officer", "director general", "managing director", "general secretary",
    "secretary general", "prime minister", "first minister", "executive director", "chief operating officer",
    "party leader", "head coach", "editor in chief",
)  # fmt: skip
#: Role heads that make their holder a member of the body named with them.
MEMBER_HEADS = frozenset(
    "member members mp mep senator congressman congresswoman councillor councilman councilwoman lawmaker "
    "legislator deputy activist candidate delegate representative backbencher".split()
)
#: Role heads of people who speak for a body.
SPOKES = frozenset({"spokesman", "spokeswoman", "spokesperson", "spokesmen", "spokeswomen", "mouthpiece"})
#: Offices of state that serve a place named with them ("US ambassador").
STATE_SERVE = frozenset({"minister", "secretary", "ambassador", "envoy", "official", "diplomat", "consul", "senator", "mp"})
#: Portfolio heads: an ORG-tagged word before them is the portfolio ("Interior Minister"), not an employer.
PORTFOLIO_HEADS = frozenset({"minister", "secretary"})
#: Words before a role that end it ("former chairman"): a role, but no affiliation today.
PAST = frozenset({"former", "ex", "ex-", "late", "then", "erstwhile", "outgoing"})
#: Words that make a role another office than its head alone: "the chancellor" is not the shadow chancellor.
ROLE_QUALIFIERS = PAST | frozenset({"shadow", "deputy", "vice", "assistant", "junior", "acting", "opposition", "associate"})
#: Words that are titles even when capitalised and tagged as proper nouns ("Chancellor Gordon Brown"):
#: offices, occupations, and the role nouns below.
ROLE_WORDS = OFFICE_TITLES | OCCUPATIONS | frozenset(
    "vice-president leader co-leader chair chairperson director spokesperson executive coordinator "
    "envoy major lieutenant sergeant commander editor founder co-founder manager head prosecutor king "
    "queen prince princess sheikh superintendent constable professor dean mp mep lawyer attorney adviser "
    "advisor boss ceo treasurer secretary-general director-general governor-general defender campaigner activist "
    "official spokesmen member".split()
)
#: Common nouns that stand in the title or apposition slot but are not roles.
NOT_ROLES = frozenset(
    "mother father son daughter wife husband brother sister grandmother grandfather uncle aunt cousin "
    "friend boyfriend girlfriend partner widow widower child baby man woman people resident native citizen "
    "fan victim survivor "
    "year years age time day week month one".split()
)
