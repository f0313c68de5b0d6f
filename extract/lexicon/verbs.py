"""Verbs (as lemmas) whose subject, object or prepositions say what a name is, or that carry a relation.

Data only.
"""

from __future__ import annotations

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
