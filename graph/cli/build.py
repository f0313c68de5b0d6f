"""``newsgraph build``: articles → extraction.jsonl, graph files and an offline snapshot in one folder."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from graph.cli.common import (
    EncodingErrors,
    EncodingOpt,
    InputOptions,
    MergesOpt,
    ModelOpt,
    PathsArg,
    Problems,
    SelectionOptions,
    WorkersOpt,
    err,
    extract_with_progress,
    fail_cleanly,
    invocation,
    with_options,
)


@with_options(selection=SelectionOptions, inputs=InputOptions)
def build(
    ctx: typer.Context,
    selection: SelectionOptions,
    inputs: InputOptions,
    paths: PathsArg = None,
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder; building again into it adds or replaces articles.")] = Path("out"),
    model: ModelOpt = None,
    encoding_errors: EncodingOpt = EncodingErrors.strict,
    workers: WorkersOpt = 1,
    merges: MergesOpt = None,
) -> None:
    """Articles → extraction.jsonl, graph.json, graph.graphml and an offline graph.html in OUT.

    The graph files hold everything; the selection options shape only graph.html.
    """
    from extract.io.jsonl import merge_into_file
    from extract.resolve import load_merge_rules
    from graph.build import build_graph_from_file, write_graph_files
    from graph.view.page import write_snapshot

    paths = inputs.check(paths)
    problems = Problems()
    with fail_cleanly():
        rules = load_merge_rules(merges) if merges is not None else None  # a bad file stops before any work
        store = out / "extraction.jsonl"
        # Streamed: extractions go to disk as they come and the graph is built by reading them back.
        added, total = merge_into_file(store, extract_with_progress(paths, model, encoding_errors, problems, workers, inputs))
        if not added:
            err.print("[red]error:[/] no article could be read; nothing written")
            raise typer.Exit(1)
        graph = build_graph_from_file(store, merges=rules)
        files = write_graph_files(graph, out)
        chosen = selection.select(graph)
        html = write_snapshot(chosen.graph, out / "graph.html", title=f"newsgraph: {total} articles", notes=chosen.notes,
                              command=invocation(ctx))  # fmt: skip
    err.print(
        f"{added} articles extracted ({total} in {out}); graph: {graph.number_of_nodes()} nodes, "
        f"{graph.number_of_edges()} edges\n  {store}\n  {files['json']}\n  {files['graphml']}\n  {html}",
        highlight=False,
    )
    if problems.count:
        err.print(f"[yellow]{problems.count} inputs skipped[/]")
        raise typer.Exit(1)
