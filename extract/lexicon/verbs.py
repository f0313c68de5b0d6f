"""Verbs (as lemmas) whose subject, object or prepositions say what a name is, or that carry a relation.

Data only.
"""

from __future__ import annotations

#: Lemmas the model gives verbs as if they were nouns, and the verb's ("fined" → "fin": "fine").
NOUN_LEMMAS = {"fin": "fine", "stag": "stage", "rat": "rate"}
#: Verbs of saying that both the entity clues and the quote rule read.
SAYING_VERBS = frozenset({
    "say", "tell", "add", "ask", "claim", "deny", "insist", "argue", "admit", "explain", "reply", "recall", "write",
})  # fmt: skip
#: Verbs whose subject is usually a person ("Lincoln said", "Ruvola resigned").
SPEECH_VERBS = SAYING_VERBS | frozenset({"believe", "think", "testify", "plead", "resign", "marry", "die", "smile", "laugh"})
#: Verbs that report what someone said: their subject is a quote's speaker.
REPORTING_VERBS = SAYING_VERBS | frozenset(
    "warn acknowledge announce declare state note observe remark respond answer suggest stress emphasise "
    "emphasize caution complain concede confirm predict promise vow tweet continue conclude urge agree comment "
    "testify appeal plead assert contend maintain allege reveal disclose report estimate".split()
)
#: Reporting verbs that tell rather than claim: a deed in their clause told in the past is an action ("police said
#: officers had arrested a man"); "claimed", "alleged", "warned" report what may not be so.
TELLING_VERBS = frozenset({"say", "tell", "confirm", "announce", "add", "report", "state", "disclose", "reveal"})
#: Verbs whose complement in quotation marks is the subject's words ("called it "a shambles"").
DESCRIBING_VERBS = frozenset({"call", "describe", "dub", "label", "brand", "term", "hail", "condemn"})
#: Reporting verbs whose object is what was said ("denied the allegations", "admitted 14 breaches").
STATEMENT_OBJECT_VERBS = frozenset({"deny", "admit", "acknowledge", "concede"})
#: Verbs of accusing: their "of" clause is what was said ("accused the company of refusing to negotiate").
ACCUSING_VERBS = frozenset({"accuse", "charge"})
#: Verbs of saying whose "to X" (or "with X") is the audience ("said to reporters", "spoke to journalists").
ADDRESSING_VERBS = SAYING_VERBS | frozenset({"speak", "talk", "appeal", "complain", "write", "explain", "confess"})
#: Nouns whose "in an interview with X", "in a statement to X" give the audience.
STATEMENT_NOUNS = frozenset({"interview", "statement", "letter", "email", "call", "message", "speech", "briefing"})
#: Verbs after which "to X" or "from X" is a place ("sent officers to Calais").
MOTION_VERBS = frozenset({
    "go", "come", "travel", "fly", "return", "move", "send", "deploy", "drive", "sail", "head", "flee",
    "bring", "take", "transfer", "deport", "extradite", "evacuate", "march", "walk", "ship", "export",
    "import", "emigrate", "immigrate", "relocate", "escape", "commute", "arrive", "leave",
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
#: Words of killing: CoNLL04's killings nearly all read "X shot Y", so KILLED is only believed where one is.
KILL_WORDS = frozenset(
    "kill murder assassinate shoot slay execute stab strangle behead lynch poison slaughter massacre "
    "assassin killer murderer gunman assassination killing slaying shooting death die".split()
)
#: Verbs that name the role as their object ("appointed X chairman").
NAMING_VERBS = frozenset({"appoint", "name", "elect", "make", "install"})
#: Verbs that link a person to a role ("X is the chief executive of Y", "was appointed chairman").
COPULAS = NAMING_VERBS | frozenset({"be", "become", "remain", "serve", "work"})
#: Verbs whose clause is what was said (the quote rule reads them) or that carry no action of their own.
NOT_ACTIONS = frozenset({"be", "say", "have", "do", "seem", "appear", "become", "remain", "get", "tell"})
#: Verbs of states, not events: nothing is done to their object ("still owes him $3m", "needs a partner").
STATIVE_VERBS = frozenset(
    "owe need want like love hate know believe think mean deserve lack cost weigh resemble contain consist "
    "matter wish hope expect fear doubt understand".split()
)
#: Verbs whose "to" infinitive is what the subject committed to or went on to do ("agreed to buy", "voted to close").
COMMITMENT_VERBS = frozenset({"agree", "decide", "vote", "move", "pledge", "vow", "commit", "opt", "choose", "begin", "start", "continue", "manage", "resolve"})
#: Auxiliaries that make a verb a plan, a possibility or a condition, not something done ("will take office").
MODALS = frozenset({"will", "would", "could", "may", "might", "should", "must", "can", "shall", "'ll", "wo", "ca"})
#: Verb + preposition whose object is what the verb acts on, even a common noun ("called on retailers",
#: "relies on the ferry"); other prepositions only give an object when it is named ("in Portsmouth").
PREPOSITIONAL_VERBS = frozenset({
    ("call", "on"), ("call", "for"), ("rely", "on"), ("depend", "on"), ("vote", "for"), ("vote", "on"),
    ("look", "for"), ("look", "at"), ("focus", "on"), ("invest", "in"), ("insist", "on"), ("agree", "on"),
    ("deal", "with"), ("ask", "for"), ("search", "for"), ("press", "for"), ("bid", "for"), ("apply", "for"),
    ("campaign", "for"), ("lobby", "for"), ("fight", "for"), ("pay", "for"), ("wait", "for"), ("care", "for"),
    ("rule", "on"), ("comment", "on"), ("report", "on"), ("spend", "on"), ("crack", "on"), ("clamp", "on"),
    ("withdraw", "from"), ("resign", "from"), ("retire", "from"), ("step", "from"), ("benefit", "from"),
    ("recover", "from"), ("swim", "in"), ("live", "in"), ("work", "on"), ("work", "for"), ("sit", "on"),
    ("act", "on"), ("approve", "of"), ("dispose", "of"), ("hear", "about"), ("talk", "about"), ("learn", "about"),
    ("protest", "against"), ("protest", "over"), ("break", "into"), ("look", "into"), ("inquire", "into"),
})  # fmt: skip
#: Verb + object that say nothing was done to the object: idioms of news writing ("kicked the can down the
#: road", "dealt a blow", "broke the news", "took office"). The object as its head lemma.
IDIOMS = frozenset({
    ("kick", "can"), ("deal", "blow"), ("strike", "blow"), ("break", "news"), ("break", "ice"), ("break", "rank"),
    ("hold", "key"), ("tighten", "belt"), ("open", "can"), ("open", "door"), ("close", "door"), ("take", "office"),
    ("take", "place"), ("take", "part"), ("take", "toll"), ("take", "stand"), ("take", "step"), ("take", "aim"),
    ("hand", "cheque"), ("hand", "check"), ("give", "cheque"), ("give", "check"), ("write", "cheque"),
    ("play", "politics"), ("play", "role"), ("play", "part"), ("play", "game"), ("put", "brake"), ("slam", "brake"),
    ("draw", "line"), ("cross", "line"), ("toe", "line"), ("scratch", "surface"), ("start", "game"),
    ("start", "match"), ("pave", "way"), ("lead", "way"), ("set", "stage"), ("set", "tone"), ("turn", "page"),
    ("turn", "tide"), ("turn", "eye"), ("bite", "bullet"), ("foot", "bill"), ("pay", "price"), ("pay", "tribute"),
    ("pay", "attention"), ("raise", "eyebrow"), ("raise", "bar"), ("ring", "bell"), ("sound", "alarm"),
    ("make", "headline"), ("hit", "headline"), ("grab", "headline"), ("make", "history"), ("make", "sense"),
    ("make", "way"), ("make", "point"), ("keep", "eye"), ("lose", "ground"), ("gain", "ground"), ("miss", "mark"),
    ("move", "goalpost"), ("pull", "plug"), ("pull", "string"), ("rock", "boat"), ("throw", "towel"),
    ("tip", "balance"), ("tip", "scale"), ("call", "shot"), ("face", "music"), ("lift", "lid"), ("fan", "flame"),
    ("add", "fuel"), ("cut", "corner"), ("fill", "gap"), ("bridge", "gap"), ("level", "field"), ("hedge", "bet"),
    ("weather", "storm"), ("blow", "whistle"), ("bear", "brunt"), ("show", "sign"), ("show", "emotion"),
    ("shed", "light"), ("stand", "chance"), ("stand", "ground"), ("hold", "breath"), ("hold", "fire"),
    ("buy", "time"), ("spend", "time"), ("waste", "time"), ("kill", "time"), ("save", "face"), ("lose", "face"),
    ("win", "heart"), ("steal", "show"), ("steal", "limelight"), ("land", "punch"), ("pack", "punch"),
})  # fmt: skip
