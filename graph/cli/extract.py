"""``newsgraph extract``: articles → one JSON line of entities and relations per article."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from graph.cli.common import (
    DaskOpt,
    EncodingErrors,
    EncodingOpt,
    InputOptions,
    ModelOpt,
    PathsArg,
    Problems,
    WorkersOpt,
    check_parallelism,
    extract_with_progress,
    fail_cleanly,
    say,
    with_options,
)


@with_options(inputs=InputOptions)
def extract(
    inputs: InputOptions,
    paths: PathsArg = None,
    model: ModelOpt = None,
    output: Annotated[str, typer.Option("--output", "-o", help="Where to write JSON Lines; - for stdout.")] = "-",
    format: Annotated[str, typer.Option("--format", help="Output format (only jsonl).")] = "jsonl",
    encoding_errors: EncodingOpt = EncodingErrors.strict,
    workers: WorkersOpt = 1,
    dask: DaskOpt = None,
) -> None:
    """Extract entities and relations, one JSON line per article in input order."""
    if format != "jsonl":
        raise typer.BadParameter(f"unknown format {format!r}; allowed: jsonl", param_hint="--format")
    paths = inputs.check(paths)
    check_parallelism(workers, dask)
    from extract.io.files import atomic_open, check_output_file
    from extract.io.jsonl import write_extractions

    problems = Problems()
    with fail_cleanly():
        if output != "-":
            check_output_file(output)  # a folder or an unwritable place fails now, not after the extraction
        extractions = extract_with_progress(paths, model, encoding_errors, problems, workers, inputs, dask)
        if output == "-":
            count = write_extractions(extractions, sys.stdout)
        else:
            with atomic_open(output) as handle:
                count = write_extractions(extractions, handle)
    say(f"{count} articles extracted" + (f", {problems.count} inputs skipped" if problems.count else ""))
    if problems.count:
        raise typer.Exit(1)
