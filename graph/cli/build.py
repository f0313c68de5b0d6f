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

#: What ``--formats`` can name: the graph files (``graph.formats.FORMATS``) and the HTML snapshot.
BUILD_FORMATS = ("json", "graphml", "gexf", "csv", "html")


def chosen_formats(values: list[str] | None) -> list[str]:
    """``--formats`` values (repeated or comma-separated) → formats in the order given; a usage error if unknown."""
    if not values:
        return list(BUILD_FORMATS)
    chosen = list(dict.fromkeys(v.strip().lower() for value in values for v in value.split(",") if v.strip()))
    unknown = [f for f in chosen if f not in BUILD_FORMATS]
    if unknown or not chosen:
        raise typer.BadParameter(f"unknown format {', '.join(unknown) or '(none given)'}; choose from {','.join(BUILD_FORMATS)}", param_hint="--formats")
    return chosen


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
    formats: Annotated[
        list[str] | None,
        typer.Option(
            "--formats",
            help="Files to write, comma-separated: json (graph.json), graphml, gexf (Gephi, with time), csv (nodes.csv, edges.csv, "
            "evidence.csv), html (graph.html) [default: all of them].",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Articles → extraction.jsonl, and in OUT the graph as graph.json, graph.graphml, graph.gexf, CSV tables and an offline graph.html.

    The graph files hold everything; the selection options shape only graph.html. --formats picks the files.
    """
    from extract.io.jsonl import merge_into_file
    from extract.resolve import load_merge_rules
    from graph.build import build_graph_from_file
    from graph.formats import FILES, write_graph_files
    from graph.view.page import write_snapshot

    wanted = chosen_formats(formats)
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
        written = list(write_graph_files(graph, out, [f for f in wanted if f != "html"]).values())
        if "html" in wanted:
            chosen = selection.select(graph)
            written.append(write_snapshot(chosen, out / "graph.html", title=f"newsgraph: {total} articles", command=invocation(ctx)))
    err.print(
        f"{added} articles extracted ({total} in {out}); graph: {graph.number_of_nodes()} nodes, "
        f"{graph.number_of_edges()} edges\n  " + "\n  ".join(map(str, [store, *written])),
        highlight=False,
    )
    stale = [out / name for fmt, names in {**FILES, "html": ("graph.html",)}.items() if fmt not in wanted for name in names]
    for path in (p for p in stale if p.exists()):
        err.print(f"[yellow]note:[/] {path} is from an earlier build (not in --formats), so it may not show every article", highlight=False)
    if problems.count:
        err.print(f"[yellow]{problems.count} inputs skipped[/]")
        raise typer.Exit(1)
