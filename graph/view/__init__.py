"""Snapshots: which part of a graph to show (``select``), where nodes go (``layout``), and the offline
HTML page (``page``). Rendering returns HTML or writes a path; nothing here opens a browser."""

from graph.view.page import render_html, write_snapshot
from graph.view.select import DEFAULT_TOP, Filters, Rank, Selection, select

__all__ = ["DEFAULT_TOP", "Filters", "Rank", "Selection", "render_html", "select", "write_snapshot"]
