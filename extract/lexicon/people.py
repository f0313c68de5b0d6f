"""Words about people: how they are addressed, titled, described and related.

Data only. Lower case, each word once per list; lists built from other lists say so.
"""

from __future__ import annotations

from extract.lexicon.roles import TITLES

#: Words before a surname that make it a person and are part of how the person is named in the text.
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "rev", "reverend"})
#: Titles that make a person of whatever follows ("Lord Butler", even when tagged ORG).
PEERAGE = frozenset({"sir", "dame", "lord", "lady", "baroness", "baron"})
#: Titles of nobility and royalty: "Lord Butler" is how the man is known when no first name is given.
NOBILITY = PEERAGE | frozenset({"earl", "countess", "duke", "duchess", "king", "queen", "prince", "princess"})
#: Titles held "of" a place that name their holder ("the Duke of Edinburgh", "the Archbishop of Canterbury").
TERRITORIAL_TITLES = NOBILITY - {"sir", "dame"} | frozenset({
    "marquess", "marchioness", "viscount", "viscountess", "archduke", "archduchess", "bishop", "archbishop",
})  # fmt: skip
#: Honorifics that tell a woman from a man: "Mr Howard" and "Mrs Howard" in one article are two people.
FEMALE_TITLES = frozenset({"mrs", "ms", "miss", "lady", "dame", "baroness", "countess", "duchess", "queen", "princess"})
MALE_TITLES = frozenset({"mr", "sir", "lord", "baron", "earl", "duke", "king", "prince"})
#: Lower-case words inside names that join their neighbours ("Marine Le Pen", "Ludwig van Beethoven").
NAME_PARTICLES = frozenset({
    "le", "la", "de", "du", "des", "da", "di", "del", "della", "van", "von", "der", "den", "ter", "ten", "bin",
    "ibn", "al", "el", "ben", "abu", "st", "mac", "dos", "das", "y",
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
#: Apposition heads that make a name a person ("Tidwell, a retired CIA officer"): titles, what a person
#: has, and the words below (some occupations among them).
PERSON_NOUNS = TITLES | PERSONAL_NOUNS | frozenset({
    "actor", "actress", "analyst", "author", "composer", "correspondent", "dancer", "economist", "historian",
    "novelist", "painter", "photographer", "poet", "reporter", "singer", "writer",
    "official", "journalist", "spy", "director", "executive", "manager", "leader", "member", "student",
    "teacher", "doctor", "nurse", "soldier", "trader", "farmer", "worker", "businessman", "businesswoman",
    "candidate", "lawmaker", "politician", "scientist", "researcher", "artist", "player", "man", "woman",
    "boy", "girl", "suspect", "victim", "founder", "owner", "head", "ceo", "activist", "campaigner", "priest",
    "veteran", "envoy", "diplomat", "adviser", "advisor", "negotiator", "editor", "designer", "citizen",
    "native", "resident", "nun", "monk", "pastor", "musician", "athlete", "pilot", "driver", "engineer",
    "architect", "physician", "surgeon", "banker", "investor", "entrepreneur", "commentator", "columnist",
    "critic", "donor", "refugee", "prisoner", "defendant", "plaintiff", "witness", "hostage", "gunman", "professor",
})  # fmt: skip
#: Nouns whose "of X" is a person ("the assassin of Lincoln").
#: People of the stage and screen the role lists do not hold: their plurals describe a person among them ("stars such as X").
PERFORMER_NOUNS = frozenset({"star", "celebrity", "legend", "icon", "idol", "diva", "crooner"})
VICTIM_NOUNS = frozenset({"assassin", "killer", "murderer", "kidnapper", "widow", "victim"})
#: Nouns a person's name modifies ("the Okuda administration", "the Delaney disappearance").
PERSON_COMPOUNDS = frozenset({"administration", "disappearance", "presidency", "biography", "funeral", "kidnapping"})
#: Given names that are also everyday words or name firms more often than people in news text.
NOT_GIVEN_NAMES = frozenset({
    "young", "king", "prince", "major", "royal", "grant", "will", "rich", "art", "hope", "faith", "joy",
    "grace", "may", "june", "april", "summer", "mercy", "page", "chase", "christian", "santa", "ivory",
    "crystal", "amber", "pearl", "ruby", "rose", "iris", "lily", "olive", "sterling", "hunter", "carter",
    "mason", "miles", "general", "guy", "sunny", "dusty", "rusty", "early", "love", "star", "lucky",
    "saint", "north", "west", "east", "south", "van", "del", "sol", "don", "ray",
})  # fmt: skip
#: Words written before a person's name that are no part of it: a party, a side, a standing
#: ("Tory Liam Fox", "Democrat John Kerry", "Senior Ann Bell").
NAME_MODIFIERS = frozenset({
    "tory", "labour", "conservative", "liberal", "libdem", "democrat", "republican", "socialist", "communist",
    "nationalist", "unionist", "ukip", "snp", "senior", "junior", "veteran", "rebel", "independent",
})  # fmt: skip
