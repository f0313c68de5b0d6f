"""Words that say a name or noun is not an actor: events, works, laws, times, languages, vague nouns.

Data only.
"""

from __future__ import annotations

#: Last words of names that are events, works or laws, not actors ("Pan-American Exposition", "Brit Awards",
#: "Davis Cup", "London Marathon", "Australian Open").
EVENT_HEADS = frozenset({
    "exposition", "exhibition", "festival", "olympics", "games", "championship", "championships", "war",
    "revolution", "crisis", "summit", "conference", "election", "elections", "awards", "cup", "marathon",
    "open", "prix", "slam", "trophy", "tournament",
})  # fmt: skip
WORK_HEADS = frozenset({"show", "report", "shuttle", "award", "prize"})  # not "Programme": the WFP
LAW_HEADS = frozenset({"act", "treaty", "agreement", "accord", "accords", "convention", "bill"})
NOT_ACTOR_HEADS = {
    **dict.fromkeys(EVENT_HEADS, "EVENT"),
    **dict.fromkeys(WORK_HEADS, "WORK_OF_ART"),
    **dict.fromkeys(LAW_HEADS, "LAW"),
}
#: Time zones the model tags as organisations ("2100 GMT").
TIME_ZONES = frozenset({"gmt", "utc", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "bst", "cet", "cest"})
#: Languages of a wire-service header ("Havana Radio Reloj Network in Spanish"), lower case.
HEADER_LANGUAGES = frozenset({
    "english", "spanish", "french", "arabic", "russian", "chinese", "german", "portuguese", "persian", "turkish",
    "japanese", "korean", "italian", "hebrew", "serbo-croatian", "mandarin", "ukrainian", "polish", "czech",
    "greek", "thai", "dutch", "swedish", "hindi", "urdu", "vietnamese", "indonesian", "romanian", "hungarian",
})  # fmt: skip
#: Endings of a singular name for a people that is also written before a noun ("Guatemalan", "Roman").
PEOPLE_ENDINGS = ("an", "ese", "ish")
#: Endings of names for peoples and their members ("Kenyans", "Israelis", "Democrats").
DEMONYM_ENDINGS = PEOPLE_ENDINGS + ("ans", "ch", "i", "is", "ic", "ics", "er", "ers", "ist", "ists", "s")
#: Nouns that are never useful THING ends (times, amounts, vague placeholders).
NON_THINGS = frozenset(
    "day week month year time today yesterday tomorrow morning afternoon evening night hour minute "
    "weekend decade century moment period percent per cent lot number way thing something one".split()
)
#: Words for money a sum is counted in ("412 million euros").
CURRENCIES = frozenset({
    "euro", "dollar", "pound", "yen", "yuan", "franc", "crown", "krona", "krone", "rupee", "rouble", "ruble", "peso",
    "real", "rand", "lira", "shekel", "won", "dinar", "dirham", "riyal", "sterling", "cent", "penny", "pence",
})  # fmt: skip
#: Days and months: the model sometimes starts a name with one ("Tuesday Mr Ebbers").
DATE_WORDS = frozenset({
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
    "march", "april", "june", "july", "august", "september", "october", "november", "december",
})  # fmt: skip
