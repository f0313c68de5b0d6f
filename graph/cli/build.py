"""``newsgraph build``: articles → extraction.jsonl, graph files and an offline snapshot in one folder."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Annotated

import typer

from graph.cli.common import (
    DaskOpt,
    EncodingErrors,
    EncodingOpt,
    InputOptions,
    MergesOpt,
    ModelOpt,
    PathsArg,
    Problems,
    SelectionOptions,
    WorkersOpt,
    check_parallelism,
    extract_with_progress,
    fail_cleanly,
    invocation,
    say,
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
    out: Annotated[
        Path, typer.Option("--out", "-o", help="Output folder; building again into it adds or replaces articles (one build at a time: a second one waits).")
    ] = Path("out"),
    model: ModelOpt = None,
    encoding_errors: EncodingOpt = EncodingErrors.strict,
    workers: WorkersOpt = 1,
    dask: DaskOpt = None,
    merges: MergesOpt = None,
    formats: Annotated[
        list[str] | None,
        typer.Option(
            "--formats",
            help="Files to write, comma-separated: json (graph.json), graphml, gexf (Gephi, with time), csv (nodes.csv, edges.csv, "
            "evidence.csv), html (graph.html) (default: all of them).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Articles → extraction.jsonl, and in OUT the graph as graph.json, graph.graphml, graph.gexf, CSV tables and an offline graph.html.

    The graph files hold everything; the selection options shape only graph.html. --formats picks the files.
    OUT is updated as a whole: a build that fails or is stopped leaves it as it was.
    """
    from extract.collector import rare_cycle_collection
    from extract.io.jsonl import ExtractionFile, merge_into_file
    from extract.io.outdir import OutputFolder
    from extract.resolve import load_merge_rules, resolve
    from graph.build import build_graph
    from graph.errors import SelectionError
    from graph.formats import FILES, write_graph_files
    from graph.view.page import write_snapshot

    wanted = chosen_formats(formats)
    paths = inputs.check(paths)
    check_parallelism(workers, dask)
    problems = Problems()
    unfocused: SelectionError | None = None
    with fail_cleanly():
        selection.check()
        rules = load_merge_rules(merges) if merges is not None else None  # a bad file stops before any work
        folder = OutputFolder(out)
        waiting = lambda message: say(message, label="waiting:", style="yellow")  # noqa: E731
        with rare_cycle_collection(), folder.update(on_wait=waiting, on_note=lambda message: say(message, label="note:", style="cyan")):
            store = folder.staged("extraction.jsonl")
            # Streamed: extractions go to disk as they come and the graph is built by reading them back.
            extractions = extract_with_progress(paths, model, encoding_errors, problems, workers, inputs, dask)
            added, total = merge_into_file(out / "extraction.jsonl", extractions, into=store)
            if not added:
                say("no article could be read; nothing written", label="error:", style="red")
                raise typer.Exit(1)
            resolution = resolve(ExtractionFile(store), rules)
            graph = build_graph(ExtractionFile(store), resolution)
            written = ["extraction.jsonl", *(p.name for p in write_graph_files(graph, folder.staging, [f for f in wanted if f != "html"]).values())]
            if "html" in wanted:
                try:
                    chosen = selection.select(graph)
                except SelectionError as error:  # only --focus depends on the graph: keep the work, show it all
                    unfocused = error
                    chosen = dataclasses.replace(selection, focus=None).select(graph)
                    chosen.notes.insert(0, f"{error}; the whole graph is shown.")
                page = write_snapshot(chosen, folder.staged("graph.html"), title=f"newsgraph: {total} articles", command=invocation(ctx))
                written.append(page.name)
            folder.commit()
    for note in resolution.notes:
        if rules is not None and note.startswith(f"{rules.source}:"):
            say(note, label="note:", style="cyan")  # a merges-file name that matches no entity
    say(f"{added} articles extracted ({total} in {out}); graph: {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges")
    for name in written:
        say(f"  {out / name}")
    stale = [out / name for fmt, names in {**FILES, "html": ("graph.html",)}.items() if fmt not in wanted for name in names]
    for path in (p for p in stale if p.exists()):
        say(f"{path} is from an earlier build (not in --formats), so it may not show every article", label="note:", style="yellow")
    if unfocused is not None:
        say(unfocused, label="error:", style="red")
    if problems.count:
        say(f"{problems.count} inputs skipped", style="yellow")
    if problems.count or unfocused is not None:
        raise typer.Exit(1)
