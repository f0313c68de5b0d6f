"""extract.lexicon: every word list lower case, each word written once, every overlap declared.

The lists are read from the modules' source, so a repeated word inside one literal is caught even
though ``frozenset`` would silently drop it.
"""

from __future__ import annotations

import ast
import itertools
from pathlib import Path

import pytest

from extract import lexicon

LEXICON = Path(lexicon.__file__).parent
DATA_MODULES = sorted(p for p in LEXICON.glob("*.py") if p.stem not in ("__init__", "overlaps", "gazetteer", "person_names"))


def literal_words(node: ast.AST) -> list[list[str]]:
    """The groups of string literals a list is written with: set and tuple literals, "a b c".split(), dict keys.

    A set of pairs (``{("meet", "with"), …}``) is one group of "meet with" items.
    """
    groups: list[list[str]] = []

    def strings(elts: list[ast.expr]) -> list[str] | None:
        if all(isinstance(e, ast.Constant) and isinstance(e.value, str) for e in elts):
            return [e.value for e in elts]
        if all(isinstance(e, ast.Tuple) and strings(e.elts) is not None for e in elts):
            return [" ".join(strings(e.elts)) for e in elts]
        return None

    def visit(sub: ast.AST) -> None:
        if isinstance(sub, (ast.Set, ast.Tuple)) and sub.elts and strings(sub.elts) is not None:
            groups.append(strings(sub.elts))
            return
        if isinstance(sub, ast.Call) and isinstance(sub.func, ast.Attribute) and sub.func.attr == "split":
            target = sub.func.value
            if isinstance(target, ast.Constant) and isinstance(target.value, str):
                groups.append(target.value.split())
                return
        if isinstance(sub, ast.Dict) and sub.keys and all(isinstance(k, ast.Constant) and isinstance(k.value, str) for k in sub.keys):
            groups.append([k.value for k in sub.keys])
        for child in ast.iter_child_nodes(sub):
            visit(child)

    visit(node)
    return groups


def word_lists() -> dict[str, list[list[str]]]:
    """``module.NAME`` → the literal word groups of that assignment, for every list in the data modules."""
    found: dict[str, list[list[str]]] = {}
    for path in DATA_MODULES:
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
                groups = literal_words(node.value)
                if groups:
                    found[f"{path.stem}.{node.targets[0].id}"] = groups
    return found


LISTS = word_lists()


def test_the_data_modules_hold_the_lists():
    assert len(LISTS) > 50 and "roles.ROLE_WORDS" in LISTS and "verbs.REPORTING_VERBS" in LISTS


@pytest.mark.parametrize("name", sorted(LISTS))
def test_each_list_is_lower_case_without_repeats(name):
    words = [w for group in LISTS[name] for w in group]
    assert all(w == w.lower() for w in words), [w for w in words if w != w.lower()]
    repeated = sorted({w for w in words if words.count(w) > 1})
    assert not repeated, f"{name} writes {repeated} twice"


def overlaps() -> dict[frozenset[str], set[str]]:
    words = {name: {w for g in groups for w in g} for name, groups in LISTS.items()}
    # a phrase ("northern ireland") overlaps where one list writes the same phrase
    found = {}
    for a, b in itertools.combinations(sorted(words), 2):
        shared = words[a] & words[b]
        if shared:
            found[frozenset({a, b})] = shared
    return found


def test_every_overlap_between_lists_is_declared_word_for_word():
    from extract.lexicon.overlaps import OVERLAPS

    declared = {frozenset(pair): set(text.split()) for pair, text in OVERLAPS.items()}
    found = {pair: {w for item in shared for w in item.split()} for pair, shared in overlaps().items()}
    undeclared = {tuple(sorted(p)): sorted(w) for p, w in found.items() if declared.get(p) != w}
    stale = sorted(tuple(sorted(p)) for p in declared if p not in found)
    assert not undeclared, f"overlaps not declared in extract/lexicon/overlaps.py (or declared with other words): {undeclared}"
    assert not stale, f"OVERLAPS declares pairs that no longer overlap: {stale}"


def test_the_lexicon_imports_no_spacy():
    import subprocess
    import sys

    code = "import sys, extract.lexicon.gazetteer, extract.lexicon.person_names, extract.lexicon.roles; print('spacy' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip() == "False"
