"""The layout keeps its promises: one direction of flow, no import cycles, no spaCy where nothing is parsed."""

from __future__ import annotations

import ast
import subprocess
import sys

import networkx as nx
import pytest

from tests.conftest import REPO

PACKAGES = ("extract", "graph")


def module_name(path) -> str:
    parts = path.relative_to(REPO).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def import_graph() -> nx.DiGraph:
    """module → every newsgraph module it imports (at the top or inside a function)."""
    modules = {module_name(p): p for package in PACKAGES for p in (REPO / package).rglob("*.py")}
    graph = nx.DiGraph()
    graph.add_nodes_from(modules)
    for name, path in modules.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets = []
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                submodules = [f"{node.module}.{alias.name}" for alias in node.names]
                # "from package import submodule" depends on the submodule, not on what the package exports
                targets = submodules if all(m in modules for m in submodules) else [node.module]
            for target in targets:
                if target in modules and target != name:
                    graph.add_edge(name, target)
    return graph


def test_no_import_cycle_anywhere():
    cycles = [c for c in nx.strongly_connected_components(import_graph()) if len(c) > 1]
    assert not cycles, f"modules that import each other: {cycles}"


def test_extract_never_imports_graph():
    wrong = [(a, b) for a, b in import_graph().edges if a.startswith("extract") and b.startswith("graph")]
    assert not wrong


def test_every_subpackage_of_the_flow_exists():
    for package in ("io", "nlp", "entities", "relations", "resolve", "lexicon", "conll04", "run"):
        assert (REPO / "extract" / package / "__init__.py").is_file()


def loads_spacy(code: str) -> bool:
    probe = code + "\nimport sys\nprint('spacy' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=REPO, check=True)
    return result.stdout.strip().splitlines()[-1] == "True"


@pytest.mark.parametrize("command", ["view", "query", "ask", "remove", "load", "build", "extract", "eval"])
def test_help_loads_no_spacy(command):
    code = (
        "from typer.testing import CliRunner\nfrom graph.cli import app\n"
        f"result = CliRunner().invoke(app, [{command!r}, '--help'])\nassert result.exit_code == 0, result.output"
    )
    assert not loads_spacy(code)


def test_the_graph_side_and_resolve_import_no_spacy():
    code = "import extract.resolve, extract.io.ingest, extract.io.jsonl, graph.build, graph.formats, graph.ask, graph.store, graph.view, graph.cli"
    assert not loads_spacy(code)
