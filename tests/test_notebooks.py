"""The notebooks run top to bottom; a failing cell fails the suite. Committed notebooks carry no outputs."""

from __future__ import annotations

import nbformat
import pytest

from tests.conftest import REPO

NOTEBOOKS = REPO / "notebooks"


def execute(name: str) -> nbformat.NotebookNode:
    """Run a notebook in a fresh kernel (it inherits this environment, NEO4J_* included)."""
    from nbclient import NotebookClient

    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
    NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOKS)}}).execute()
    return nb


@pytest.mark.parametrize("path", sorted(NOTEBOOKS.glob("*.ipynb")), ids=lambda p: p.name)
def test_committed_notebooks_have_no_outputs(path):
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert not cell.outputs and cell.execution_count is None, f"{path.name}: clear outputs before committing"


@pytest.mark.model
def test_explore_notebook_runs():
    nb = execute("01-explore.ipynb")
    text = "\n".join(
        out.get("text", "") + str(out.get("data", {}).get("text/plain", ""))
        for cell in nb.cells if cell.cell_type == "code" for out in cell.outputs
    )  # fmt: skip
    assert "Bernard Cazeneuve" in text
    assert "interior minister" in text.lower(), "the roles table shows Cazeneuve's role"


@pytest.mark.neo4j
@pytest.mark.model
def test_cypher_notebook_runs_against_the_live_server(neo4j_driver):
    execute("02-cypher.ipynb")
