"""Small helpers shared by test modules: run the pipeline on a sentence and look at what came out."""

from __future__ import annotations

import os
from contextlib import contextmanager

from extract.entities import EntityTable, find_entities
from extract.model import Article, ArticleExtraction, Entity, Mention, entity_id
from extract.run.serial import extract_doc


def entities(nlp, text: str) -> list[Entity]:
    """The named entities the entity passes find in ``text`` (ROLE, THING and QUOTE left out)."""
    table = EntityTable()
    find_entities(nlp(text), table)
    return [e for e in table.entities() if e.type not in ("ROLE", "THING", "QUOTE")]


def by_name(ents: list[Entity]) -> dict[str, Entity]:
    return {e.name: e for e in ents}


def typed_as(nlp, text: str, name: str, label: str) -> dict[str, str]:
    """Entities of ``text`` after forcing the model's label on ``name`` (the small model's slips vary)."""
    from spacy.tokens import Span

    doc = nlp(text)
    words = name.split()
    i = next(t.i for t in doc if [w.text for w in doc[t.i : t.i + len(words)]] == words)
    doc.ents = [Span(doc, i, i + len(words), label=label)]
    table = EntityTable()
    find_entities(doc, table)
    return {e.name: e.type for e in table.entities()}


def extract(nlp, text: str):
    """The whole extraction of one text."""
    return extract_doc(nlp(text), Article(id="t", text=text))


def triples(nlp, text: str) -> set[tuple[str, str, str]]:
    """(source name, predicate, target name) of every relation extracted from ``text``."""
    extraction = extract(nlp, text)
    names = {e.id: e.name for e in extraction.entities}
    return {(names[r.source], r.predicate, names[r.target]) for r in extraction.relations}


def article(doc_id: str, *entities: tuple) -> ArticleExtraction:
    """``("Name", "TYPE", "alias", …)`` per entity, one mention each."""
    ents = tuple(
        Entity(entity_id(name, type_), name, type_, tuple(aliases), (Mention(0, len(name), name, type_),))
        for name, type_, *aliases in entities
    )
    return ArticleExtraction(Article(doc_id, "text"), ents)


#: A folder name rich would read as a closing tag, and a file name with a newline and an ESC sequence
#: (a forged "skipped" line, a terminal colour change) — as a careless or hostile corpus may hold.
HOSTILE_FOLDER = "x[/b]"
HOSTILE_FILE = "bad\nskipped forged.txt[/i]\x1b[31m.txt"


def hostile_corpus(root, good: str = "") -> tuple:
    """A folder ``x[/b]`` with an empty file under a hostile name (always skipped) and, if ``good`` is
    given, an article ``[/u]ok.txt`` with that text. Returns (folder, hostile file)."""
    folder = root / HOSTILE_FOLDER  # "/" separates: the folder "x[" holds "b]"; printed, it reads x[/b]
    bad = folder / HOSTILE_FILE
    bad.parent.mkdir(parents=True)
    bad.write_text("")
    if good:
        (folder / "[/u]ok.txt").parent.mkdir(parents=True, exist_ok=True)
        (folder / "[/u]ok.txt").write_text(good)
    return folder, bad


def assert_plain(stderr: str, *names: str) -> None:
    """Each name printed as text: markup-like brackets kept, control characters escaped, nothing raw."""
    assert "Traceback" not in stderr and "MarkupError" not in stderr
    assert "\x1b" not in stderr, "an ESC character reached the terminal"
    flat = "".join(stderr.splitlines())  # rich wraps long lines; escapes are what must be there
    for name in names:
        shown = "".join(c if c.isprintable() else c.encode("unicode_escape").decode() for c in name)
        assert shown in flat, shown
    assert not any(line.startswith("skipped forged") for line in stderr.splitlines()), "a newline in a name forged a line"


@contextmanager
def read_only_folder(path):
    """A new folder at ``path`` this process may not write to; skips the test where it still can (root may
    write anywhere: a path under a file is what forces the error there)."""
    import pytest

    path.mkdir()
    path.chmod(0o555)
    try:
        if os.access(path, os.W_OK):
            pytest.skip("running as root: a read-only folder is still writable (the 'under a file' case covers the error)")
        yield path
    finally:
        path.chmod(0o755)
