"""Snapshots: which part of a graph goes in the page (``select``), where nodes go (``layout``), what the page
embeds (``data``), and the offline explorer page (``page``, script in ``assets/``). Rendering returns HTML or
writes a path; nothing here opens a browser."""

from graph.view.page import render_html, write_snapshot
from graph.view.select import DEFAULT_TOP, Filters, Rank, Selection, select

__all__ = ["DEFAULT_TOP", "Filters", "Rank", "Selection", "render_html", "select", "write_snapshot"]
