"""graph.json: written and read back whole; a file that is not one is a clear error naming it."""

from __future__ import annotations

import networkx as nx
import pytest

from graph.errors import GraphFileError
from graph.formats.nodelink import read_graph, write_json
from tests.graph.formats.graphs import sample_graph


def test_round_trip_keeps_everything(tmp_path):
    graph = sample_graph()
    path = write_json(graph, tmp_path / "graph.json")
    again = read_graph(path)
    assert nx.utils.graphs_equal(graph, again) and again.graph == graph.graph
    assert nx.utils.graphs_equal(read_graph(tmp_path), graph), "a build folder means its graph.json"


@pytest.mark.parametrize(
    ("content", "says"),
    [(None, "no such file"), (b"", "not JSON"), (b'{"nodes": [\n  {"id": 1},\n  oops]}', ":3: not JSON"), (b"\xff\xfe\x00binary", "not UTF-8"),
     (b'{"nodes": 5}', "not a newsgraph graph.json"), (b"[1, 2]", "not a newsgraph graph.json")],
)  # fmt: skip
def test_bad_files_are_named_with_what_is_wrong(tmp_path, content, says):
    path = tmp_path / "graph.json"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(GraphFileError) as error:
        read_graph(path)
    assert str(error.value).startswith(str(path)) and says in str(error.value)
