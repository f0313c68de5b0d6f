"""Neo4j: connecting (``connection``), every query text (``cypher``), the idempotent writer (``writer``),
what ``load`` reads (``sources``), and query results drawn as graphs (``records``)."""

from graph.store.connection import DEFAULT_URI, DEFAULT_USER, Settings, connect, translate_errors
from graph.store.writer import LoadSummary, Neo4jStore, QueryResult, RemoveSummary

__all__ = [
    "DEFAULT_URI", "DEFAULT_USER", "LoadSummary", "Neo4jStore", "QueryResult", "RemoveSummary", "Settings", "connect",
    "translate_errors",
]  # fmt: skip
