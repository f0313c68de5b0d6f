"""write_graph_files: the chosen formats only, each file replaced atomically, an unknown format refused up front."""

from __future__ import annotations

import pytest

import graph.formats as formats
from graph.errors import FormatError
from graph.formats import FILES, FORMATS, write_graph_files
from tests.graph.formats.graphs import sample_graph


def test_every_format_by_default(tmp_path):
    paths = write_graph_files(sample_graph(), tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(name for names in FILES.values() for name in names)
    assert set(paths) == {"json", "graphml", "gexf", "nodes", "edges", "evidence"} and FORMATS == ("json", "graphml", "gexf", "csv")


def test_only_the_chosen_formats(tmp_path):
    paths = write_graph_files(sample_graph(), tmp_path, ["gexf", "csv"])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["edges.csv", "evidence.csv", "graph.gexf", "nodes.csv"]
    assert list(paths) == ["gexf", "nodes", "edges", "evidence"]


def test_unknown_format_writes_nothing(tmp_path):
    with pytest.raises(FormatError, match="unknown graph format 'pdf'; known: json, graphml, gexf, csv"):
        write_graph_files(sample_graph(), tmp_path, ["json", "pdf"])
    assert not list(tmp_path.iterdir())


def test_a_failing_writer_leaves_the_old_file_whole(tmp_path, monkeypatch):
    write_graph_files(sample_graph(), tmp_path)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}

    def broken(graph, path, **kwargs):
        with formats.gexf.atomic_open(path) as handle:
            handle.write("<gexf")
            raise OSError("disk full")

    monkeypatch.setattr(formats, "write_gexf", broken)
    with pytest.raises(OSError, match="disk full"):
        write_graph_files(sample_graph(), tmp_path, ["gexf"])
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before, "no half-written file and no temporary left behind"
