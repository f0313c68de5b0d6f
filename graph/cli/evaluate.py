"""``newsgraph eval``: score extraction against a benchmark."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from graph.cli.common import ModelOpt, fail_cleanly, plain_text, progress_bar, say

eval_app = typer.Typer(help="Score extraction against a benchmark.", no_args_is_help=True)


class EvalFormat(str, Enum):
    table = "table"
    json = "json"


EvalFormatOpt = Annotated[EvalFormat, typer.Option("--format", help="table for people, json for machines.")]


@eval_app.command("conll04")
def eval_conll04(
    split: Annotated[Path, typer.Argument(help="A CoNLL04 split in SpERT JSON format, e.g. ../shared/data/conll04/conll04_dev.json.")],
    model: ModelOpt = None,
    format: EvalFormatOpt = EvalFormat.table,
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
        table = Table(title=plain_text(f"{part} on {split.name} ({len(sentences)} sentences, strict micro)"))
        for column in ("type", "P", "R", "F1", "tp", "fp", "fn"):
            table.add_column(column, justify="left" if column == "type" else "right")
        for label, row in report[part].items():
            table.add_row(label, *(f"{row[k]:.3f}" for k in ("precision", "recall", "f1")), *(str(row[k]) for k in ("tp", "fp", "fn")))
        out.print(table)


@eval_app.command("actors")
def eval_actors(
    graph_file: Annotated[Path, typer.Argument(help="A graph.json written by `newsgraph build`.", exists=True, dir_okay=False)],
    gold: Annotated[list[Path], typer.Argument(help="Corpus gold files (tests/data/GOLD-FORMAT.md), e.g. tests/data/actors/business.json.")],
    format: EvalFormatOpt = EvalFormat.table,
    hubs: Annotated[int, typer.Option("--hubs", min=1, help="How many of the most-connected actor nodes to judge.")] = 100,
    errors: Annotated[int, typer.Option("--errors", min=0, help="How many errors of each kind to list in the table.")] = 15,
) -> None:
    """Actors on one node with the right type, fragments, false merges, junk nodes and top-hub precision."""
    import json

    from extract.errors import NewsgraphError
    from graph.actors import score_files
    from graph.formats import read_graph

    with fail_cleanly():
        try:
            graph = read_graph(graph_file)
        except (ValueError, KeyError) as error:
            raise NewsgraphError(f"{graph_file}: not a newsgraph graph.json ({error})") from None
        reports = score_files(graph, gold, hubs=hubs)
    if format is EvalFormat.json:
        sys.stdout.write(json.dumps([r.to_dict() for r in reports], indent=2, ensure_ascii=False) + "\n")
        return
    out = Console(highlight=False)
    for report in reports:
        s, e = report.summary(), report.to_dict()["errors"]
        say(f"{s['actors']} gold actors", label=f"{s['gold']}:", style="bold", console=out)
        say(f"  right (one node, right type): {s['right']} ({s['right_share']:.1%})   not found: {s['not_found']}   "
            f"wrong type: {s['wrong_type']}", console=out)  # fmt: skip
        say(f"  fragments: {s['fragments']} ({s['fragment_share']:.1%} of actors)   false merges: {s['false_merges']}   "
            f"junk nodes: {s['junk_nodes']}", console=out)  # fmt: skip
        say(f"  top-{s['hubs']} hubs: precision {s['hub_precision']:.3f} ({s['hubs_right']} of {s['hubs_judged']} judged; "
            f"{s['hubs_not_in_gold']} not in gold)", console=out)  # fmt: skip
        for kind, rows in e.items():
            if rows:
                say(f"  {kind.replace('_', ' ')}:", console=out)
                for row in rows[:errors]:
                    say("    " + (row if isinstance(row, str) else json.dumps(row, ensure_ascii=False)), console=out)
        wrong = [h for h in report.hubs if h["verdict"] not in ("right",)]
        if wrong:
            say("  hubs not right or not in gold:", console=out)
            for h in wrong[:errors]:
                say(f"    #{h['rank']} {h['node']} ({h['type']}, {h['degree']} edges): {h['verdict']}", console=out)


@eval_app.command("quotes")
def eval_quotes(
    gold: Annotated[Path, typer.Argument(help="Gold quotes and actions, JSON Lines (tests/data/GOLD-FORMAT.md), e.g. tests/data/quotes_actions/dev.jsonl.")],
    model: ModelOpt = None,
    format: EvalFormatOpt = EvalFormat.table,
    errors: Annotated[bool, typer.Option("--errors", help="Also list every missed quote, wrong speaker, missed and wrong action.")] = False,
) -> None:
    """Quote speaker, audience and action precision/recall on hand-written gold articles, with a breakdown by case tag."""
    import json

    from extract.nlp import default_model_name, load_pipeline
    from extract.relations.evaluate import evaluate_quotes, load_gold, report_dict

    with fail_cleanly():
        articles = load_gold(gold)
        nlp = load_pipeline(model)
        with progress_bar() as progress:
            task = progress.add_task("scoring", total=len(articles))
            result = evaluate_quotes(articles, nlp=nlp, progress=lambda: progress.advance(task))
    report = report_dict(result, gold=str(gold), model=model or default_model_name(), errors=errors)
    if format is EvalFormat.json:
        sys.stdout.write(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
        return
    _print_quote_report(report, Console())


def _print_quote_report(report: dict, out: Console) -> None:
    from rich.markup import escape
    from rich.table import Table

    def rate(tp: int, n: int) -> str:
        return f"{tp / n:.3f}" if n else "-"

    table = Table(title=f"quotes and actions on {escape(report['gold'])} ({report['articles']} articles)")
    for column in ("what", "P", "R", "tp", "fp", "fn"):
        table.add_column(column, justify="left" if column == "what" else "right")
    for name in ("speaker", "audience", "speaks_for"):
        row = report[name]
        table.add_row(f"quote {name}", f"{row['precision']:.3f}", f"{row['recall']:.3f}", str(row["tp"]), str(row["fp"]), str(row["fn"]))
    actions = report["actions"]
    table.add_row(
        "action (subject, verb, object)", f"{actions['precision']:.3f}", f"{actions['recall']:.3f}", str(actions["found"]),
        str(actions["scored_predictions"] - actions["right_predictions"]), str(actions["gold"] - actions["found"]),
    )  # fmt: skip
    out.print(table)
    quotes, nots = report["quotes"], report["not_actions"]
    out.print(
        f"quotes found (any speaker) {quotes['found']}/{quotes['gold']}; predicted quotes meeting no gold quote (not scored): "
        f"{quotes['unlisted_predictions']}; actions on unlisted verbs (not scored): {actions['unlisted_predictions']}; "
        f"not-actions extracted: {nots['false_positives']}/{nots['gold']}",
        highlight=False,
    )
    cases = Table(title="by case tag (speaker P = right / (right + wrong); R = right / gold)")
    for column in ("case", "gold", "found", "right", "wrong", "P", "R", "not-act FP"):
        cases.add_column(column, justify="left" if column == "case" else "right", no_wrap=column == "case")
    for tag, row in report["cases"].items():
        right = row.get("right", row.get("found", 0))
        cases.add_row(
            escape(tag), str(row.get("gold", 0)), str(row.get("found", "")), str(row.get("right", "")), str(row.get("wrong", "")),
            rate(row.get("right", 0), row.get("right", 0) + row.get("wrong", 0)) if "right" in row else "",
            rate(right, row.get("gold", 0)) if "false_positive" not in row else "", str(row.get("false_positive", "")),
        )  # fmt: skip
    out.print(cases)
    for error in report.get("errors", ()):
        detail = "; ".join(f"{key}: {error[key]}" for key in ("gold", "predicted", "quote") if key in error)
        out.print(f"{escape(error['article'])}  {escape(error['kind'])}  {escape(detail)}", highlight=False, soft_wrap=True)
