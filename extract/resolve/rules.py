"""A user's merges file: forced and forbidden merges of actors, read and checked line by line."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from extract.errors import MergeRulesError
from extract.model import NAMED_TYPES, normalize_name


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
    return MergeRules(tuple(rules), source)


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
