"""``newsgraph view``: a saved graph (or a Cypher query's result) → an offline HTML snapshot."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from graph.cli.common import (
    Neo4jOptions,
    ParamOpt,
    SelectionOptions,
    fail_cleanly,
    invocation,
    parse_params,
    say,
    with_options,
)


@with_options(selection=SelectionOptions, neo4j=Neo4jOptions)
def view(
    ctx: typer.Context,
    selection: SelectionOptions,
    neo4j: Neo4jOptions,
    graph_file: Annotated[
        Path | None, typer.Argument(help="A graph.json written by `newsgraph build` (leave out with --cypher).", exists=True, dir_okay=False)
    ] = None,
    out: Annotated[Path | None, typer.Option("--out", "-o", help="HTML file to write (default: beside GRAPH_FILE with .html; snapshot.html with --cypher).")] = None,
    title: Annotated[str, typer.Option(help="Page title.")] = "newsgraph snapshot",
    cypher: Annotated[
        str | None, typer.Option("--cypher", help='Draw what this read-only Cypher query returns (paths, nodes, relationships), e.g. "MATCH p=(:Person)-[]->() RETURN p LIMIT 200".', show_default=False)
    ] = None,
    param: ParamOpt = None,
) -> None:
    """Render an offline HTML snapshot of a saved graph or of a Cypher query's result, optionally filtered, focused and capped."""
    from extract.io.files import check_output_file
    from graph.view.page import write_snapshot

    if (graph_file is None) == (cypher is None):
        raise typer.BadParameter("give either GRAPH_FILE or --cypher (one of them)", param_hint="GRAPH_FILE / --cypher")
    with fail_cleanly():
        selection.check()
        target = out or (Path("snapshot.html") if graph_file is None else graph_file.with_suffix(".html"))
        check_output_file(target)  # before reading the graph or asking the server
        if cypher is not None:
            from graph.store.connection import translate_errors
            from graph.store.records import graph_from_cypher

            params = parse_params(param or [])
            with neo4j.driver() as driver, translate_errors(neo4j.uri, neo4j.user):
                graph = graph_from_cypher(driver, cypher, parameters=params, database=neo4j.database)
        else:
            from graph.formats import read_graph

            graph = read_graph(graph_file)  # a bad file raises GraphFileError, naming it and what is wrong
        chosen = selection.select(graph)
        path = write_snapshot(chosen, target, title=title, command=invocation(ctx))
    for note in chosen.notes:
        say(note)
    say(f"snapshot: {path} ({chosen.graph.number_of_nodes()} nodes, {chosen.graph.number_of_edges()} edges)")
