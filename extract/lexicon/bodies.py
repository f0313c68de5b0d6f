"""Words about organisations: how their names end, what they are called, what only they have.

Data only.
"""

from __future__ import annotations

#: Legal forms that end a company's name ("Cox Packing Co.", "Becton Dickinson Co.").
LEGAL_FORMS = frozenset({"co", "corp", "inc", "ltd", "plc", "llc"})
#: The same abroad ("Siemens AG"); short enough to be parts of other names ("Bin-Sa"), so they end no name.
FOREIGN_LEGAL_FORMS = frozenset({"sa", "ag", "nv", "gmbh"})
#: Last words that say a name is a company's ("Atlantico Shipping", "Delta Airlines").
COMPANY_WORDS = frozenset({
    "party", "group", "company", "corporation", "holdings", "shipping", "airlines", "airways", "motors",
    "industries", "systems", "technologies", "enterprises", "partners", "bank", "foundation",
})  # fmt: skip
#: Generic last words a company or party is often named without ("Atlantico Shipping" → "Atlantico").
CORPORATE_SUFFIXES = COMPANY_WORDS | LEGAL_FORMS | FOREIGN_LEGAL_FORMS | {"international"}
#: Kinds of body that both end a body's name and name it by a modifier ("the Labour Party", "the
#: UNSA-Police union").
BODY_NOUNS = frozenset({
    "party", "movement", "union", "council", "commission", "committee", "agency", "ministry", "department",
    "university", "college", "institute", "association", "federation", "organisation", "organization", "group",
    "company", "bank", "network", "court", "police", "army", "club", "team", "board", "government",
})  # fmt: skip
#: Last words that make a name an organisation ("Atlantico Shipping", "Port of Rotterdam Authority").
ORG_HEADS = BODY_NOUNS | COMPANY_WORDS | LEGAL_FORMS | frozenset({
    "front", "league", "alliance", "congress", "authority", "office", "bureau", "service", "services",
    "school", "institution", "academy", "trust", "fund", "confederation", "society", "insurance", "capital",
    "investments", "securities", "television", "radio", "press", "news", "times", "post", "journal", "herald",
    "tribune", "gazette", "watch", "parliament", "assembly", "senate", "navy", "force", "forces", "guard",
    "brigade", "church", "administration", "cabinet", "exchange", "chambers", "commons", "lords",
    "labs", "laboratories", "studios", "records", "networks", "communications", "electronics", "software",
    "entertainment", "pictures", "interactive",
})  # fmt: skip
#: Nouns that name an organisation by their modifier: "the UNSA-Police union" is the union itself.
ORG_NOUNS = BODY_NOUNS | frozenset({"firm", "newspaper", "paper", "charity", "campaign", "channel", "broadcaster"})
#: Kinds of body a name can be ("the Lindqvist company", "Tolvan's savings bank").
KIND_OF_BODY = frozenset({
    "company", "firm", "bank", "airline", "carrier", "newspaper", "network", "chain", "maker", "manufacturer",
    "corporation", "group", "agency", "charity", "union", "party", "broadcaster", "retailer", "insurer",
})  # fmt: skip
#: Staff a name can employ ("Veltrax spokesman Mara Quinn"); offices of state are left out ("Texas Gov.").
STAFF_NOUNS = frozenset({
    "spokesman", "spokeswoman", "spokesperson", "executive", "executives", "employee", "employees", "chairman",
    "chairwoman", "manager", "managers", "worker", "workers", "engineer", "engineers", "shareholder",
    "shareholders", "vice", "analyst", "analysts", "boss", "bosses", "staff",
})  # fmt: skip
#: What a team has, after a place's name ("England captain X", "Liverpool's striker", "Sale fans"): the place
#: names its side. The corpus-level type reads them (a city's name that mostly names its club is a body).
TEAM_NOUNS = frozenset({
    "coach", "manager", "captain", "skipper", "boss", "striker", "strikers", "midfielder", "midfielders",
    "defender", "defenders", "goalkeeper", "keeper", "winger", "wingers", "fly-half", "scrum-half", "full-back", "flanker", "hooker", "forward", "forwards", "squad", "team",
    "side", "fans", "supporters", "player", "players", "team-mate", "teammate", "batsman",
    "bowler", "selectors", "debutant", "prop", "lock", "game", "match", "clash", "fixture", "derby",
})  # fmt: skip
#: Verbs a player does "for" a team ("playing for Gloucester", "signed for Sale").
PLAY_VERBS = frozenset({"play", "sign", "start", "score", "appear", "debut", "star", "feature"})
#: A band's people, after its name ("Keane singer Tom Chaplin", "Snow Patrol frontman"): the name is a band's.
BAND_NOUNS = frozenset({"frontman", "frontwoman", "singer", "guitarist", "drummer", "bassist", "keyboardist", "vocalist"})
#: People "at" or "with" a body who make it one ("analysts at Morgan Stanley", "an economist with Barclays").
STAFF_AT = STAFF_NOUNS | frozenset({"economist", "strategist", "trader"})
#: What only a body has ("Veltrax's shareholders", "Veltrax's subsidiary").
OWNED_BY_BODIES = frozenset({
    "shareholder", "shareholders", "shares", "stock", "profit", "profits", "subsidiary", "subsidiaries",
    "headquarters", "employee", "employees", "workforce", "board", "takeover", "revenue", "revenues",
})  # fmt: skip
#: Words a body is described by in apposition ("Liffe, the futures exchange", "Merrill Lynch, the
#: investment bank"): a role with one of these heads says its holder is a body, not a person.
BODY_DESCRIPTIONS = KIND_OF_BODY | ORG_NOUNS | frozenset({
    "giant", "carmaker", "automaker", "lender", "exchange", "regulator", "watchdog", "operator",
    "subsidiary", "conglomerate", "publisher", "supplier", "brewer", "miner", "telecom", "utility", "outfit",
    "house", "studio", "label", "developer", "organiser", "body", "side", "consortium", "portal", "website", "engine",
})  # fmt: skip
#: Words that describe a body without naming it, dropped in its short name ("BBC" for "BBC News",
#: "Jupiter" for "Jupiter Research", "Apple" for "Apple Computer"); not the words of a division with a
#: life of its own ("Sony Pictures", "BT Retail").
GENERIC_BODY_WORDS = CORPORATE_SUFFIXES | frozenset({
    "computer", "computers", "electronics", "software", "communications", "labs", "research", "networks",
    "news", "online", "com", "worldwide",
})  # fmt: skip
