"""The Python-side layout: deterministic, finite, neighbours placed near each other, islands kept close."""

from __future__ import annotations

import math
import random

import networkx as nx

from graph.view.layout import force_layout
from graph.view.synthetic import synthetic_graph


def distance(pos, a, b) -> float:
    return math.dist(pos[a], pos[b])


def test_every_node_gets_a_finite_position_and_seed_fixes_them():
    graph = synthetic_graph(300)
    pos = force_layout(graph, seed=3)
    assert set(pos) == set(graph)
    assert all(math.isfinite(x) and math.isfinite(y) for x, y in pos.values())
    assert pos == force_layout(graph, seed=3)
    assert pos != force_layout(graph, seed=4)


def test_linked_nodes_end_up_much_closer_than_random_pairs():
    graph = synthetic_graph(800)
    pos = force_layout(graph)
    linked = sum(distance(pos, u, v) for u, v in graph.edges()) / graph.number_of_edges()
    nodes, rng = list(graph), random.Random(0)
    anywhere = sum(distance(pos, *rng.sample(nodes, 2)) for _ in range(3000)) / 3000
    assert linked < 0.5 * anywhere


def test_two_cliques_are_separated():
    graph = nx.disjoint_union(nx.complete_graph(8), nx.complete_graph(8))
    graph.add_edge(0, 8)
    pos = force_layout(graph)
    inside = max(distance(pos, a, b) for a in range(1, 8) for b in range(1, 8))
    between = min(distance(pos, a, b) for a in range(1, 8) for b in range(9, 16))
    assert between > inside


def test_small_islands_stay_near_the_main_component():
    graph = nx.barabasi_albert_graph(400, 2, seed=1)
    graph.add_edges_from([(1000, 1001), (2000, 2001)])
    pos = force_layout(graph)
    center = [sum(p[i] for n, p in pos.items() if n < 400) / 400 for i in (0, 1)]
    reach = max(math.dist(center, p) for n, p in pos.items() if n < 400)
    assert all(math.dist(center, pos[n]) < 1.5 * reach for n in (1000, 1001, 2000, 2001))


def test_tiny_graphs():
    assert force_layout(nx.Graph()) == {}
    assert force_layout(nx.path_graph(1)) == {0: (0.0, 0.0)}
    pos = force_layout(nx.MultiDiGraph([("a", "b"), ("b", "a"), ("a", "a")]))
    assert distance(pos, "a", "b") > 0
