"""Errors of the graph side (Neo4j, queries, snapshot selections): each says what went wrong and what to do next.

They derive from ``NewsgraphError`` so the CLI turns them into one red line and exit code 1.
"""

from __future__ import annotations

from extract.errors import InputError, NewsgraphError

START_HINT = 'start a local server with: eval "$(scripts/neo4j-local.sh start)" (or set NEO4J_URI / --uri)'


class Neo4jError(NewsgraphError):
    """Base class for problems talking to Neo4j."""


class Neo4jUnavailableError(Neo4jError):
    """No Neo4j answers at the configured address (or the address itself is malformed)."""


class Neo4jAuthError(Neo4jError):
    """The server refused the user name or password."""


class CypherError(Neo4jError):
    """The server rejected a query; the message is the server's own."""


class QueryTemplateError(NewsgraphError):
    """An unknown query template, or a template run without a parameter it needs."""


class SelectionError(NewsgraphError):
    """A snapshot selection cannot be made: unknown actor, bad date, threshold out of range."""


class GraphFileError(InputError):
    """A graph file (``graph.json``) is missing, unreadable or not a node-link graph; names the file and line."""


class FormatError(NewsgraphError):
    """An unknown graph file format was asked for (``build --formats``)."""
