"""``newsgraph eval``: score extraction against a benchmark."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from graph.cli.common import ModelOpt, fail_cleanly, progress_bar

eval_app = typer.Typer(help="Score extraction against a benchmark.", no_args_is_help=True)


class EvalFormat(str, Enum):
    table = "table"
    json = "json"


@eval_app.command("conll04")
def eval_conll04(
    split: Annotated[Path, typer.Argument(help="A CoNLL04 split in SpERT JSON format, e.g. ../shared/data/conll04/conll04_dev.json.")],
    model: ModelOpt = None,
    format: Annotated[EvalFormat, typer.Option("--format", help="table for people, json for machines.")] = EvalFormat.table,
    limit: Annotated[int | None, typer.Option("--limit", min=1, help="Score only the first N sentences (quick checks).")] = None,
    spans_as_extracted: Annotated[
        bool,
        typer.Option(
            "--spans-as-extracted",
            help='Score person mentions exactly as extracted, without taking in a "President" before them as CoNLL04 mostly does.',
        ),
    ] = False,
) -> None:
    """Entity and relation precision/recall/F1 (strict, micro, per type) on a CoNLL04 split."""
    import json

    from extract.conll04.evaluate import evaluate_conll04, load_conll04, report_dict
    from extract.nlp import default_model_name, load_pipeline

    with fail_cleanly():
        sentences = load_conll04(split)[:limit]
        nlp = load_pipeline(model)
        with progress_bar() as progress:
            task = progress.add_task("scoring", total=len(sentences))
            result = evaluate_conll04(
                sentences, nlp=nlp, progress=lambda: progress.advance(task), title_convention=not spans_as_extracted
            )
    report = report_dict(result, split=str(split), sentences=len(sentences), model=model or default_model_name())
    if format is EvalFormat.json:
        sys.stdout.write(json.dumps(report, indent=2) + "\n")
        return
    from rich.table import Table

    out = Console()
    for part in ("entities", "relations"):
        table = Table(title=f"{part} on {split.name} ({len(sentences)} sentences, strict micro)")
        for column in ("type", "P", "R", "F1", "tp", "fp", "fn"):
            table.add_column(column, justify="left" if column == "type" else "right")
        for label, row in report[part].items():
            table.add_row(label, *(f"{row[k]:.3f}" for k in ("precision", "recall", "f1")), *(str(row[k]) for k in ("tp", "fp", "fn")))
        out.print(table)
