"""graph.json: written and read back whole; a file that is not one is a clear error naming it."""

from __future__ import annotations

import json

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


@pytest.mark.parametrize(
    ("data", "says"),
    [
        ({"nodes": [], "edges": {}}, 'expected a JSON object with "nodes" and "edges" lists, found an object'),
        ({"nodes": [1], "edges": []}, 'node 0 is an integer (1), expected an object with an "id"'),
        ({"nodes": [{"id": "a", "mentions": "3"}], "edges": []}, "node 'a': 'mentions' is a string (\"3\"), expected an integer"),
        ({"nodes": [{"id": "a", "mentions": True}], "edges": []}, "'mentions' is a boolean (true), expected an integer"),
        ({"nodes": [{"id": "a"}], "edges": [{"source": "a", "target": "a", "evidence": [{"sentence": 7}]}]}, "evidence 0: 'sentence' is an integer"),
        ({"nodes": [{"id": "a"}], "edges": [{"source": "a", "target": "a", "evidence": [{"article_id": "z"}]}], "graph": {"articles": {"y": {}}}},
         "article 'z' is not in the graph's articles"),
        ({"nodes": [], "edges": [], "graph": {"articles": {"y": {"published": 2025}}}}, "article 'y': 'published' is an integer"),
    ],
)
def test_a_wrongly_shaped_graph_json_names_the_file_and_the_fault(tmp_path, data, says):
    path = tmp_path / "graph.json"
    path.write_text(json.dumps(data))
    with pytest.raises(GraphFileError) as caught:
        read_graph(path)
    assert str(caught.value).startswith(f"{path}: not a newsgraph graph.json: ") and says in str(caught.value)
