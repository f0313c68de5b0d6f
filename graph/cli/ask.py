"""``newsgraph ask``: the named questions answered from a graph file with networkx, no Neo4j needed."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from graph.cli.common import FormatOpt, ListTemplatesOpt, ParamOpt, RowFormat, fail_cleanly, parse_params, print_rows, print_templates


def answer_from_file(template: str, graph_file: Path, params: dict[str, Any], format: RowFormat) -> None:
    """Read ``graph_file``, answer ``template`` and print the rows (``ask`` and ``query --graph``)."""
    from graph.ask import StoredGraph, template_parameters
    from graph.formats import read_graph

    with fail_cleanly():
        template_parameters(template, params)  # a bad question fails before a large file is read
        answer = StoredGraph(read_graph(graph_file)).ask(template, params)
    print_rows(answer.keys, answer.rows, format)


def ask(
    template: Annotated[str | None, typer.Argument(metavar="TEMPLATE", help="A named question: roles, members, connection, comentions, about (see --list-templates).", show_default=False)] = None,
    graph_file: Annotated[Path, typer.Argument(metavar="GRAPH", help="A graph.json written by `newsgraph build`, or the build folder.")] = Path("out"),
    param: ParamOpt = None,
    list_templates: ListTemplatesOpt = False,
    format: FormatOpt = RowFormat.table,
) -> None:
    """Answer a named question from a graph.json, without Neo4j: the same rows as `query --template` on the same articles.

    Example: newsgraph ask roles --param name="Bernard Cazeneuve" out/graph.json
    """
    if list_templates:
        print_templates()
        return
    if template is None:
        raise typer.BadParameter("name a question (see --list-templates)", param_hint="TEMPLATE")
    answer_from_file(template, graph_file, parse_params(param or []), format)
