"""``python -m graph.cli`` runs the ``newsgraph`` command line."""

from graph.cli import main

main()
