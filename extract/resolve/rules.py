"""A user's merges file: forced and forbidden merges of actors, read and checked line by line."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from extract.errors import MergeRulesError
from extract.model import ENTITY_TYPES, NAMED_TYPES, entity_id, normalize_name


@dataclass(frozen=True)
class MergeRule:
    """One line of a merges file: ``kind`` is "merge", "never" or "type"; ``names`` are names or entity ids
    (for "type": the name, then the type it must have)."""

    kind: str
    names: tuple[str, ...]
    line: int


@dataclass(frozen=True)
class MergeRules:
    """A user's forced and forbidden merges (see ``load_merge_rules`` for the file format)."""

    rules: tuple[MergeRule, ...] = ()
    source: str = ""

    def where(self, rule: MergeRule) -> str:
        return f"{self.source}:{rule.line}" if self.source else f"line {rule.line}"


MERGES_FORMAT = (
    "one rule per line, fields separated by TABs: 'merge<TAB>Name kept<TAB>Other name[<TAB>…]', "
    "'never<TAB>Name A<TAB>Name B' or 'type<TAB>Name<TAB>ORG'; names are matched ignoring case, accents "
    "and punctuation, or given as entity ids (person:marine-le-pen); blank lines and lines starting with # "
    "are ignored"
)


def parse_merge_rules(text: str, source: str = "") -> MergeRules:
    """Parse the merges file format (``MERGES_FORMAT``); a bad line raises ``MergeRulesError``."""
    rules = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        fields = [f.strip() for f in raw.rstrip("\r\n").split("\t")]
        kind = fields[0].lower()
        names = tuple(f for f in fields[1:] if f)
        if len(fields) == 1:
            raise MergeRulesError(source, number, f"no TAB found in {line!r}; {MERGES_FORMAT}")
        if kind not in ("merge", "never", "type"):
            raise MergeRulesError(source, number, f"unknown rule {fields[0]!r} (expected 'merge', 'never' or 'type')")
        if len(names) != len(fields) - 1:
            raise MergeRulesError(source, number, "empty name (two TABs in a row or a TAB at the end)")
        if kind == "type":
            if len(names) != 2 or names[1].upper() not in NAMED_TYPES:
                raise MergeRulesError(source, number, f"'type' needs a name and one of {', '.join(NAMED_TYPES)}, got {list(names)}")
            rules.append(MergeRule(kind, (names[0], names[1].upper()), number))
            continue
        if len(names) < 2 or (kind == "never" and len(names) != 2):
            need = "at least two names" if kind == "merge" else "exactly two names"
            raise MergeRulesError(source, number, f"'{kind}' needs {need}, got {len(names)}")
        if len({normalize_name(n) or n for n in names}) != len(names):
            raise MergeRulesError(source, number, "the same name is given twice")
        rules.append(MergeRule(kind, names, number))
    _check_agreement(rules, source)
    return MergeRules(tuple(rules), source)


_ID = re.compile(rf"^(?:{'|'.join(t.lower() for t in ENTITY_TYPES)}):[0-9a-z-]+$")


def _actor(name: str) -> tuple[str, str | None]:
    """(slug, type) of a name or entity id in a rule; a name (type None) matches every type with its slug."""
    if _ID.match(name):
        type_, slug = name.split(":", 1)
        return slug, type_
    return entity_id(name, "x").split(":", 1)[1], None


def _same(a: tuple[str, str | None], b: tuple[str, str | None]) -> bool:
    return a[0] == b[0] and (a[1] is None or b[1] is None or a[1] == b[1])


def _check_agreement(rules: list[MergeRule], source: str) -> None:
    """The file must not contradict itself: a name in two 'merge' lines (``merge A B``, ``merge B A``), one
    name given two types, or a 'never' that keeps apart two names one 'merge' line joins. Whether a name matches any entity is only
    known after extraction (``resolve`` notes those that match none)."""
    groups: dict[str, list[tuple[tuple[str, str | None], MergeRule]]] = {}  # slug → (actor, merge line naming it)
    for rule in (r for r in rules if r.kind == "merge"):
        for name in rule.names:
            actor = _actor(name)
            other = next((r for a, r in groups.get(actor[0], ()) if r is not rule and _same(a, actor)), None)
            if other is not None:
                raise MergeRulesError(source, rule.line, f"{name!r} is already merged by line {other.line} ({', '.join(map(repr, other.names))}); "
                                      "put every name of one actor on one 'merge' line")  # fmt: skip
            groups.setdefault(actor[0], []).append((actor, rule))
    typed: dict[str, list[tuple[tuple[str, str | None], MergeRule]]] = {}  # slug → (actor, type line naming it)
    for rule in (r for r in rules if r.kind == "type"):
        actor = _actor(rule.names[0])
        other = next((r for a, r in typed.get(actor[0], ()) if _same(a, actor) and r.names[1] != rule.names[1]), None)
        if other is not None:
            raise MergeRulesError(source, rule.line, f"{rule.names[0]!r} is typed {rule.names[1]} here but {other.names[1]} by line {other.line}; keep one")
        typed.setdefault(actor[0], []).append((actor, rule))
    for rule in (r for r in rules if r.kind == "never"):
        sides = [{id(r): r for a, r in groups.get(actor[0], ()) if _same(a, actor)} for actor in map(_actor, rule.names)]
        both = [sides[0][key] for key in sides[0].keys() & sides[1].keys()]
        if both:
            raise MergeRulesError(source, rule.line, f"'never' keeps {rule.names[0]!r} and {rule.names[1]!r} apart, but line {both[0].line} "
                                  "merges them; remove one of the two rules")  # fmt: skip


def load_merge_rules(path: str | Path) -> MergeRules:
    """Read a merges file; unreadable files and bad lines raise ``MergeRulesError`` naming file and line."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise MergeRulesError(str(path), None, "no such file") from None
    except UnicodeDecodeError:
        raise MergeRulesError(str(path), None, "not UTF-8 text") from None
    except OSError as error:
        raise MergeRulesError(str(path), None, f"cannot be read ({error.strerror or error})") from None
    return parse_merge_rules(text, str(path))
