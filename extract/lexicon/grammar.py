"""Function words the rules read: prepositions, joiners inside names, pronouns.

Data only.
"""

from __future__ import annotations

#: Words that link the two parts of a body's name the model cut in two ("Senate Committee" + "on" + …).
LINK_WORDS = frozenset({"for", "on", "of"})
#: Lower-case words a name may hold between its capitalised words ("Advancement of Teaching").
NAME_JOINERS = LINK_WORDS | frozenset({"and", "the", "in", "at", "to", "&"})
#: Words a body's name may hold and a person's never does ("Reporters Without Borders", "Friends of the Earth").
NOT_IN_PERSON_NAMES = NAME_JOINERS | frozenset({"without"})
#: Words an acronym skips: "Confederation of British Industry" → CBI.
FUNCTION_WORDS = NAME_JOINERS | frozenset({"de", "du", "des", "la", "le", "et", "a", "an"})
#: Relative pronouns whose verb takes the noun they follow as subject or object.
WH_WORDS = frozenset({"who", "which", "that"})
#: Prepositions that introduce an object of the verb rather than a circumstance ("met with", "voted against").
OBJECT_PREPS = frozenset({"with", "against", "to", "for", "on", "about", "into", "from", "over", "at", "in", "by", "through"})
#: Prepositions that merely mark the object: "met with X" is MEET X.
LIGHT_PREPS = frozenset({("meet", "with"), ("visit", "with"), ("consult", "with"), ("talk", "with"), ("speak", "with")})
#: Prepositions that attach an affiliation to a role noun, and what they may attach ("spokesman for the union").
AFFILIATION_PREPS = {"of": "any", "for": "any", "at": "org", "with": "org", "from": "org"}
#: Pronoun speakers and the type of actor each stands for ("…," he added).
PRONOUNS = {"he": "PERSON", "she": "PERSON", "they": None, "it": "ORG"}
