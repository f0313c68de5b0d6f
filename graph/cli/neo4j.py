"""``newsgraph load``, ``remove`` and ``query``: the graph in Neo4j."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from graph.cli.common import (
    EncodingErrors,
    EncodingOpt,
    InputOptions,
    MergesOpt,
    ModelOpt,
    Neo4jOptions,
    ParamOpt,
    Problems,
    err,
    fail_cleanly,
    parse_params,
    progress_bar,
    with_options,
)


@with_options(neo4j=Neo4jOptions, inputs=InputOptions)
def load(
    neo4j: Neo4jOptions,
    inputs: InputOptions,
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="Articles, folders, JSON Lines (articles or `newsgraph extract` output), tables, link lists "
                            "or a `build` output folder.", show_default=False),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Reload articles even when stored unchanged (e.g. after upgrading newsgraph).")] = False,
    model: ModelOpt = None,
    encoding_errors: EncodingOpt = EncodingErrors.strict,
    merges: MergesOpt = None,
) -> None:
    """Load into Neo4j: new articles added, changed ones replaced, unchanged ones skipped."""
    from extract.resolve import load_merge_rules
    from graph.store.sources import gather

    paths = inputs.check(paths)
    problems = Problems()
    with fail_cleanly():
        rules = load_merge_rules(merges) if merges is not None else None  # a bad file stops before any work
    with fail_cleanly(), neo4j.store() as store, progress_bar() as progress:
        reading = progress.add_task("reading", total=None)
        gathered = gather(
            paths, store=store, model=model, force=force, on_error=problems,
            on_article=lambda n: progress.advance(reading, n), encoding_errors=encoding_errors.value,
            read_options=inputs.read_options(),
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


@with_options(neo4j=Neo4jOptions)
def remove(
    article_ids: Annotated[list[str], typer.Argument(help="Article ids as loaded (a file path, or the JSON Lines `id`).")],
    neo4j: Neo4jOptions,
) -> None:
    """Remove articles and their evidence; delete entities and relationships no other article supports."""
    with fail_cleanly(), neo4j.store() as store:
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


@with_options(neo4j=Neo4jOptions)
def query(
    neo4j: Neo4jOptions,
    cypher_text: Annotated[str | None, typer.Argument(metavar="CYPHER", help="A Cypher query; pass values with --param.")] = None,
    param: ParamOpt = None,
    template: Annotated[str | None, typer.Option("--template", "-t", help="Run a named query instead of CYPHER (see --list-templates).")] = None,
    list_templates: Annotated[bool, typer.Option("--list-templates", help="Show the named queries and their parameters.")] = False,
    format: Annotated[QueryFormat, typer.Option("--format", "-f", help="table for people; json (a list of row objects) or csv for tools.")] = QueryFormat.table,
) -> None:
    """Run Cypher (or a named template) against Neo4j and print the rows."""
    from graph import results
    from graph.errors import QueryTemplateError
    from graph.store.cypher import TEMPLATES

    if list_templates:
        for t in TEMPLATES.values():
            needs = ", ".join([*t.params, *(f"{k}={v}" for k, v in t.defaults.items())])
            sys.stdout.write(f"{t.name}  ({needs})\n    {t.description}\n")
        return
    if (cypher_text is None) == (template is None):
        raise typer.BadParameter("give either CYPHER or --template NAME", param_hint="CYPHER / --template")
    params = parse_params(param or [])
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
        with neo4j.store() as store:
            result = store.query(cypher_text, params)
    data = results.rows(result.keys, result.records)
    if format is QueryFormat.json:
        sys.stdout.write(results.to_json(data) + "\n")
    elif format is QueryFormat.csv:
        sys.stdout.write(results.to_csv(result.keys, data))
    else:
        Console().print(results.to_table(result.keys, data))
        err.print(f"{len(data)} rows", highlight=False)
