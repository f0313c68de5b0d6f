"""The ``newsgraph`` command line: one module per command group, each parsing options and calling a library function.

Exit codes: 0 all went well; 1 something failed or some input was skipped (the rest was still done);
2 the command line itself was wrong.
"""

from __future__ import annotations

import typer

from graph.cli import ask, build, evaluate, extract, neo4j, review, view

app = typer.Typer(
    name="newsgraph",
    help="Turn news articles into an evidence-backed knowledge graph of actors.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.command("extract")(extract.extract)
app.command("build")(build.build)
app.command("view")(view.view)
app.add_typer(evaluate.eval_app, name="eval")
app.command("load")(neo4j.load)
app.command("remove")(neo4j.remove)
app.command("query")(neo4j.query)
app.command("ask")(ask.ask)
app.command("review")(review.review)


def main() -> None:
    app()


