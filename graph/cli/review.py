"""``newsgraph review``: the merges and types the resolver was least sure of, with the line that settles each."""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from extract.errors import NewsgraphError
from graph.cli.common import MergesOpt, fail_cleanly, say


class ReviewFormat(str, Enum):
    table = "table"
    json = "json"
    tsv = "tsv"


def review(
    out: Annotated[Path, typer.Argument(help="A `newsgraph build` output folder (or its extraction.jsonl).", exists=True)],
    merges: MergesOpt = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="Show at most this many, highest impact first.")] = 30,
    kind: Annotated[str, typer.Option("--kind", help="merge, type or all.")] = "all",
    format: Annotated[ReviewFormat, typer.Option("--format", help="table for people; tsv = ready-made --merges lines; json.")] = ReviewFormat.table,
) -> None:
    """List the merges the resolver did not take and the types it was least sure of, by articles affected.

    Each comes with its evidence and the exact --merges line that settles it: paste the lines you agree
    with into your merges file and build again — the decision then holds on every rebuild.
    """
    from extract.io.jsonl import ExtractionFile
    from extract.resolve import load_merge_rules, resolve

    if kind not in ("merge", "type", "all"):
        raise typer.BadParameter(f"unknown kind {kind!r}; allowed: merge, type, all", param_hint="--kind")
    store = out / "extraction.jsonl" if out.is_dir() else out
    with fail_cleanly():
        if not store.is_file():
            raise NewsgraphError(f"{out}: no extraction.jsonl; pass a folder written by `newsgraph build`")
        rules = load_merge_rules(merges) if merges is not None else None
        resolution = resolve(ExtractionFile(store), rules)
    chosen = [c for c in resolution.candidates if kind in ("all", c.kind)][:limit]
    if format is ReviewFormat.json:
        rows = [{"kind": c.kind, "articles": c.articles, "why": c.why, "line": c.line, "ids": list(c.ids), "examples": list(c.examples)} for c in chosen]
        sys.stdout.write(json.dumps(rows, indent=2, ensure_ascii=False) + "\n")
        return
    if format is ReviewFormat.tsv:
        for c in chosen:
            sys.stdout.write(f"# {c.articles} articles: {c.why}\n" + (f"{c.line}\n" if c.line else "# (no line settles this)\n"))
        return
    console = Console(highlight=False)
    for number, c in enumerate(chosen, start=1):
        say(f"{number}. [{c.kind}] {c.articles} articles — {c.why}", console=console)
        if c.examples:
            say(f"     e.g. {', '.join(c.examples)}", console=console)
        if c.line:
            say("     accept with: " + c.line.replace("\t", "<TAB>"), console=console)
    say(f"{len(chosen)} of {len(resolution.candidates)} open decisions shown")
