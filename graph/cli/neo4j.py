"""``newsgraph load``, ``remove`` and ``query``: the graph in Neo4j."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from graph.cli.ask import answer_from_file
from graph.cli.common import (
    EncodingErrors,
    EncodingOpt,
    FormatOpt,
    InputOptions,
    ListTemplatesOpt,
    MergesOpt,
    ModelOpt,
    Neo4jOptions,
    ParamOpt,
    Problems,
    RowFormat,
    fail_cleanly,
    parse_params,
    print_rows,
    print_templates,
    progress_bar,
    say,
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
    batch_rows: Annotated[
        int | None,
        typer.Option("--batch-rows", min=1, help="Rows (mentions, pieces of evidence, articles) written per transaction; an article is never split (default: 10000)."),
    ] = None,
    bulk: Annotated[
        bool,
        typer.Option(
            "--bulk",
            help="First load into an empty database, through neo4j-admin database import: stops the local server "
            "(scripts/neo4j-local.sh, home NEWSGRAPH_NEO4J_HOME), imports, starts it again. Later loads work on top as usual. "
            "Not with --database, --batch-rows or --force.",
        ),
    ] = False,
) -> None:
    """Load into Neo4j: new articles added, changed ones replaced, unchanged ones skipped.

    Entities are resolved over everything stored, so loading in several runs, in any order, ends in the same database as one load; a load that was interrupted (even by the server dying) is finished by running it again.
    """
    from extract.resolve import load_merge_rules
    from graph.store.sources import gather

    paths = inputs.check(paths)
    problems = Problems()
    with fail_cleanly():
        rules = load_merge_rules(merges) if merges is not None else None  # a bad file stops before any work
    if bulk:
        given = [name for name, value in (("--database", neo4j.database), ("--batch-rows", batch_rows), ("--force", force)) if value]
        if given:
            raise typer.BadParameter(
                f"{', '.join(given)} cannot be used with --bulk: the import writes the local server's default database "
                "(neo4j) in one go, and only into an empty one", param_hint="--bulk",
            )  # fmt: skip
        _bulk(paths, neo4j, inputs, model, encoding_errors, rules, problems)
        return
    from extract.collector import rare_cycle_collection

    with fail_cleanly(), rare_cycle_collection(), neo4j.store(**({} if batch_rows is None else {'batch_rows': batch_rows})) as store, progress_bar() as progress:
        reading = progress.add_task("reading", total=None)
        gathered = gather(
            paths, store=store, model=model, force=force, on_error=problems,
            on_article=lambda n: progress.advance(reading, n), encoding_errors=encoding_errors.value,
            read_options=inputs.read_options(),
        )  # fmt: skip
        with gathered:
            loading = progress.add_task("loading", total=gathered.count)
            summary = store.load(gathered, force=force, merge_rules=rules, on_progress=lambda n: progress.advance(loading, n))
    s = summary
    say(f"articles: {s.articles_loaded} loaded, {s.articles_replaced} replaced, {s.articles_skipped + gathered.unchanged} skipped (unchanged)")
    say(f"entities: {s.nodes_created} created, {s.nodes_updated} updated, {s.nodes_deleted} deleted")
    say(f"relationships: {s.relationships_created} created, {s.relationships_updated} updated, {s.relationships_deleted} deleted")
    if s.articles_refolded:
        say(f"{s.articles_refolded} stored articles folded again (their entities now resolve differently)")
    if s.relations_skipped:
        say(f"{s.relations_skipped} relations skipped (predicate not usable as a type)")
    if s.articles_unfoldable:
        say(f"{s.articles_unfoldable} stored articles were loaded by an older newsgraph and cannot be resolved with the rest; "
            "load them again with --force", style="yellow")  # fmt: skip
    if problems.count:
        say(f"{problems.count} inputs skipped", style="yellow")
        raise typer.Exit(1)


def _bulk(paths, neo4j: Neo4jOptions, inputs: InputOptions, model: str | None, encoding_errors: EncodingErrors, rules, problems: Problems) -> None:
    from graph.store.bulk import bulk_load
    from graph.store.connection import Settings
    from graph.store.sources import gather

    with fail_cleanly(), progress_bar() as progress:
        reading = progress.add_task("reading", total=None)
        with gather(
            paths, store=None, model=model, force=True, on_error=problems,
            on_article=lambda n: progress.advance(reading, n), encoding_errors=encoding_errors.value,
            read_options=inputs.read_options(),
        ) as gathered:  # fmt: skip
            progress.add_task("importing (server stopped)", total=None)
            report = bulk_load(gathered, settings=Settings(neo4j.uri, neo4j.user, neo4j.password), merge_rules=rules)
    say(f"articles: {report.articles} imported")
    say(f"entities: {report.entities} created")
    say(f"relationships: {report.relationships} created (CSV {report.csv_seconds:.1f} s, import {report.import_seconds:.1f} s)")
    if report.relations_skipped:
        say(f"{report.relations_skipped} relations skipped (predicate not usable as a type)")
    if problems.count:
        say(f"{problems.count} inputs skipped", style="yellow")
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
        say(missing, label="not found", style="yellow")
    say(f"{summary.articles_removed} articles removed; {summary.nodes_deleted} entities and {summary.relationships_deleted} relationships deleted")
    if summary.missing:
        raise typer.Exit(1)


@with_options(neo4j=Neo4jOptions)
def query(
    neo4j: Neo4jOptions,
    cypher_text: Annotated[str | None, typer.Argument(metavar="CYPHER", help="A Cypher query; pass values with --param.")] = None,
    param: ParamOpt = None,
    template: Annotated[str | None, typer.Option("--template", "-t", help="Run a named query instead of CYPHER (see --list-templates).")] = None,
    graph_file: Annotated[
        Path | None,
        typer.Option("--graph", "-g", help="Answer --template from this graph.json (or build folder) with networkx instead of Neo4j, as `newsgraph ask` does.", show_default=False),
    ] = None,
    list_templates: ListTemplatesOpt = False,
    format: FormatOpt = RowFormat.table,
) -> None:
    """Run Cypher (or a named template) against Neo4j and print the rows; --graph answers a template from a graph file."""
    from graph import results
    from graph.ask import template_parameters
    from graph.store.cypher import TEMPLATES

    if list_templates:
        print_templates()
        return
    if (cypher_text is None) == (template is None):
        raise typer.BadParameter("give either CYPHER or --template NAME", param_hint="CYPHER / --template")
    if graph_file is not None and template is None:
        raise typer.BadParameter("--graph answers only --template NAME; Cypher needs a server", param_hint="--graph")
    params = parse_params(param or [])
    if graph_file is not None:
        return answer_from_file(template, graph_file, params, format)
    with fail_cleanly():
        if template is not None:
            params = template_parameters(template, params)
            cypher_text = TEMPLATES[template].cypher
        with neo4j.store() as store:
            result = store.query(cypher_text, params)
    print_rows(result.keys, results.rows(result.keys, result.records), format)
