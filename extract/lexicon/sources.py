"""Words for the people and bodies a report does not name: who speaks ("police sources", "a spokesman",
"officials") and who acts ("councillors voted", "the jury convicted"), and how a report refers back to a
body it has named ("the company", "the bank").

Data only. Lower case lemmas, singular.
"""

from __future__ import annotations

from extract.lexicon.roles import SPOKES

#: People a report quotes without naming them: the head noun of an unnamed speaker.
VOICE_NOUNS = SPOKES | frozenset({
    "source", "official", "officer", "prosecutor", "investigator", "analyst", "critic", "resident", "campaigner",
    "activist", "protester", "protestor", "witness", "expert", "economist", "diplomat", "insider", "aide",
    "adviser", "advisor", "observer", "people", "person", "man", "woman", "mother", "father", "parent", "worker",
    "employee", "staff", "interviewee", "manager", "executive", "lawyer", "doctor", "nurse", "teacher", "student",
    "fan", "supporter", "opponent", "villager", "farmer", "leader", "member", "relative", "survivor", "victim",
    "voter", "shopper", "commuter", "passenger", "scientist", "researcher", "negotiator", "organiser", "organizer",
    "trader", "investor", "banker", "police", "authority", "colleague", "friend", "neighbour", "neighbor",
    "participant", "delegate", "owner", "customer", "user", "eyewitness", "bystander", "local", "islander",
    "girl", "boy", "daughter", "son", "wife", "husband", "widow", "teller", "clerk", "patient", "soldier", "rider",
    "player", "athlete", "pilot", "driver", "volunteer", "shopkeeper", "paramedic", "firefighter", "juror",
})  # fmt: skip
#: Voices that are many people even in the singular: never what "he" or "she" stands for.
GROUP_VOICES = frozenset({"staff", "police", "people", "authority", "crew", "family"})
#: Bodies a report names by their kind, not by a name ("the government", "the interior ministry").
UNNAMED_BODIES = frozenset({
    "government", "ministry", "department", "council", "court", "jury", "committee", "cabinet", "parliament",
    "administration", "regulator", "board", "panel", "agency", "office", "military", "army", "navy",
    "prosecution", "inquiry", "embassy", "consulate", "opposition",
})  # fmt: skip
#: Other people who act in news without a name ("firefighters battled", "councillors voted").
ACTOR_NOUNS = VOICE_NOUNS | UNNAMED_BODIES | frozenset({
    "councillor", "councilor", "rescuer", "troop", "militant", "rebel",
    "attacker", "gunman", "striker", "union", "group", "coalition", "alliance",
    # people who act in court, crime, politics and public life
    "detective", "auditor", "inspector", "lawmaker", "legislator", "magistrate", "coroner", "agent", "trooper",
    "guard", "ranger", "medic", "surgeon", "contractor", "engineer", "technician",
    "demonstrator", "rioter", "looter", "robber", "thief", "burglar", "hacker", "smuggler", "kidnapper",
    "hijacker", "insurgent", "fighter", "separatist", "mourner", "gang",
    # people of business, sport, culture and daily life
    "coach", "crew", "motorist", "musician", "artist", "journalist",
    "reporter", "editor", "photographer", "tourist", "visitor", "pupil", "tenant", "landlord", "homeowner",
    "buyer", "shareholder", "bidder", "creditor", "consumer", "refugee", "migrant", "family",
    "household", "crowd", "community",
    # bodies named by their kind
    "federation", "association", "management", "commission", "tribunal", "legislature", "assembly", "senate",
    "congress", "team", "squad", "club", "charity", "delegation", "militia", "coastguard", "watchdog",
    "inspectorate",
})  # fmt: skip
#: Parts of a body that act for it, named with it: "the Dunmore Rovers board", "Fjellstad's board".
BODY_PARTS = frozenset({"board", "management", "leadership", "shareholders", "executive", "directors", "trustees"})
#: Nouns for an ally: "the PS and its ally, the PCF" is an alliance of two parties.
ALLY_NOUNS = frozenset({"ally", "partner", "allies", "partners"})
#: Words that refer back to the last organisation named, whatever its name ("the company said").
GENERIC_BODIES = frozenset({
    "company", "firm", "group", "business", "carrier", "airline", "retailer", "operator", "maker",
    "manufacturer", "insurer", "lender", "chain", "miner", "developer", "startup", "corporation",
    "broadcaster", "newspaper", "supplier", "producer",
})  # fmt: skip
#: Words that refer back to an organisation named with that word in it ("the bank" → "Danube Investment Bank").
NAMED_BODY_WORDS = frozenset({
    "union", "party", "bank", "club", "university", "college", "school", "charity", "trust", "agency", "network",
    "council", "commission", "committee", "ministry", "department", "board", "authority", "association",
    "federation", "foundation", "institute", "court", "league", "alliance", "coalition", "movement", "fund",
    "programme", "program", "organisation", "organization", "service", "office", "society", "forum", "regulator",
})  # fmt: skip
#: The sex a noun for a person says ("A spokeswoman said …. "…," she added").
NOUN_SEX = {
    "spokeswoman": "f", "woman": "f", "mother": "f", "chairwoman": "f", "businesswoman": "f", "daughter": "f",
    "wife": "f", "sister": "f", "girl": "f", "widow": "f", "grandmother": "f",
    "spokesman": "m", "man": "m", "father": "m", "chairman": "m", "businessman": "m", "son": "m", "husband": "m",
    "brother": "m", "boy": "m", "widower": "m", "grandfather": "m",
}  # fmt: skip
#: Quantities before "of" that leave the head to the noun after ("one of the interviewees").
PARTITIVES = frozenset({"one", "two", "three", "some", "several", "many", "most", "none", "each", "both", "all", "few"})
#: Pronouns and the kind of antecedent each takes ("he" → a man, "it" → a body).
PRONOUN_KINDS = {
    "he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f", "it": "body", "its": "body",
}  # fmt: skip
#: Pronouns of the speaker of the quotation they stand in ("told me" inside a quote: whoever says it).
SPEAKER_PRONOUNS = frozenset({"i", "me", "we", "us", "my", "our"})
