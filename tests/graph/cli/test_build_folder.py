"""newsgraph build: one output folder, updated as a whole — builds at once, --out inside the input,
killed builds, output targets that cannot work. Concurrent and killed builds are real processes."""

from __future__ import annotations

import hashlib
import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from graph.cli import app

pytestmark = pytest.mark.model

REPO = Path(__file__).resolve().parents[3]
runner = CliRunner()


def run(*args):
    return runner.invoke(app, [str(a) for a in args], catch_exceptions=False)


def corpus(folder: Path, prefix: str, n: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"{prefix}{i:02}.txt").write_text(f"Mayor Ann Quill{prefix}{i} visited Harbourton on Monday.\n")
    return folder


def store_ids(out: Path) -> list[str]:
    return [json.loads(line)["doc_id"] for line in (out / "extraction.jsonl").read_text().splitlines()]


def assert_consistent(out: Path) -> None:
    """Every file is the one the manifest records, graph.json holds exactly the stored articles, nothing is left over."""
    state = out / ".newsgraph"
    manifest = json.loads((state / "manifest.json").read_text())
    for name, seen in manifest["files"].items():
        assert hashlib.sha256((out / name).read_bytes()).hexdigest() == seen["sha256"], name
    assert set(manifest["files"]) >= {"extraction.jsonl", "graph.json", "graph.graphml", "graph.html"}
    graph = json.loads((out / "graph.json").read_text())
    assert sorted(graph["graph"]["articles"]) == sorted(store_ids(out))
    assert len(store_ids(out)) == len(set(store_ids(out)))
    assert not (state / "commit.json").exists() and not (state / "staged").exists()
    assert not [p for p in out.rglob("*.tmp")]


def newsgraph(*args) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "graph.cli", *map(str, args)], cwd=REPO, stderr=subprocess.PIPE, text=True)


def test_two_builds_into_one_folder_at_once_lose_no_article(tmp_path):
    a, b, out = corpus(tmp_path / "a", "a", 10), corpus(tmp_path / "b", "b", 10), tmp_path / "out"
    first = newsgraph("build", a, "--out", out)
    lock = out / ".newsgraph" / "lock"
    deadline = time.monotonic() + 120
    while not (lock.exists() and lock.read_text().strip()):  # the first build holds the folder
        assert first.poll() is None and time.monotonic() < deadline, first.stderr.read() if first.poll() is not None else "slow"
        time.sleep(0.05)
    second = newsgraph("build", b, "--out", out)
    _, first_err = first.communicate(timeout=600)
    _, second_err = second.communicate(timeout=600)
    assert first.returncode == 0 and second.returncode == 0, first_err + second_err
    assert f"waiting: another newsgraph run (pid {first.pid}) is writing to {out}" in " ".join(second_err.split())
    assert sorted(Path(i).name for i in store_ids(out)) == sorted([f"a{i:02}.txt" for i in range(10)] + [f"b{i:02}.txt" for i in range(10)])
    assert_consistent(out)


def test_out_inside_the_input_folder_is_never_read_back(tmp_path):
    source = corpus(tmp_path / "corpus", "c", 3)
    out = source / "out"
    figures = []
    for _ in range(3):
        result = run("build", source, "--out", out)
        assert result.exit_code == 0, result.output
        graph = json.loads((out / "graph.json").read_text())
        figures.append((len(store_ids(out)), len(graph["nodes"]), sum(e["count"] for e in graph["edges"])))
    assert figures[0][0] == 3 and figures == [figures[0]] * 3
    assert_consistent(out)


#: Runs `newsgraph ARGS` and kills itself with SIGKILL at POINT: while extracting (after the first article),
#: with every new file staged (before the commit), before the N-th file is renamed into place (rename:N),
#: or before the manifest is written (all files in place).
KILLED = r"""
import os, signal, sys
from pathlib import Path
from extract.io import outdir
point = sys.argv[1]
die = lambda: os.kill(os.getpid(), signal.SIGKILL)
if point == "extracting":
    import graph.cli.build as build
    real = build.extract_with_progress
    def dying(*args, **kwargs):
        for n, extraction in enumerate(real(*args, **kwargs)):
            if n == 1:
                die()
            yield extraction
    build.extract_with_progress = dying
elif point == "staged":
    outdir.OutputFolder.commit = lambda self: die()
else:
    real_replace, renamed = os.replace, []
    def replace(src, dst):
        src, dst = Path(src), Path(dst)
        if src.parent.name == "staged" and dst.parent.name != "staged":
            renamed.append(dst.name)
            if point == f"rename:{len(renamed)}":
                die()
        if point == "manifest" and dst.name == "manifest.json":
            die()
        real_replace(src, dst)
    os.replace = replace
from graph.cli import main
sys.argv = ["newsgraph", *sys.argv[2:]]
main()
"""


@pytest.mark.parametrize("point", ["extracting", "staged", "rename:1", "rename:3", "manifest"])
def test_a_killed_build_leaves_a_consistent_folder_and_the_next_one_recovers(tmp_path, point):
    out = tmp_path / "out"
    assert run("build", corpus(tmp_path / "a", "a", 3), "--out", out).exit_code == 0
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file() and p.name != "lock"}
    killed = subprocess.run([sys.executable, "-c", KILLED, point, "build", corpus(tmp_path / "b", "b", 2), "--out", out],
                            cwd=REPO, capture_output=True, text=True, timeout=600)  # fmt: skip
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    committed = point.startswith("rename") or point == "manifest"
    if committed:  # the update had begun: its record says what the next run completes
        assert (out / ".newsgraph" / "commit.json").exists()
    else:  # nothing visible changed
        after = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file() and p.name != "lock"}
        assert {k: v for k, v in after.items() if "staged" not in k.parts} == before
    result = run("build", corpus(tmp_path / "c", "c", 1), "--out", out)
    assert result.exit_code == 0, result.output
    said = " ".join(result.stderr.split())
    assert ("completed the update" in said) if committed else ("unfinished file(s)" in said or point == "extracting")
    expected = ["a00.txt", "a01.txt", "a02.txt", "c00.txt"] + (["b00.txt", "b01.txt"] if committed else [])
    assert sorted(Path(i).name for i in store_ids(out)) == sorted(expected)
    assert_consistent(out)


def test_a_stray_temporary_file_of_an_older_build_is_removed(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    stray = out / ".extraction.jsonl.k2z9q1.tmp"
    stray.write_text('{"doc_id": "half')
    assert run("build", corpus(tmp_path / "a", "a", 1), "--out", out).exit_code == 0
    assert not stray.exists()
    assert_consistent(out)


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["build", "{src}", "--out", "{file}"], "is a file; --out needs a folder"),
        (["build", "{src}", "--out", "{file}/out"], "cannot be written (part of the path is a file"),
        (["extract", "{src}", "-o", "{folder}", "--model", "no_such_pipeline_xyz"], "is a folder; give a file name"),
        (["extract", "{src}", "-o", "{file}/x.jsonl", "--model", "no_such_pipeline_xyz"], "cannot be written (part of the path is a file"),
        (["view", "{graph}", "--out", "{folder}"], "is a folder; give a file name"),
    ],
)
def test_an_output_target_that_cannot_be_written_is_an_error_before_any_work(tmp_path, args, says):
    src = corpus(tmp_path / "src", "s", 1)
    (tmp_path / "report.txt").write_text("not a folder")
    (tmp_path / "folder").mkdir()
    (tmp_path / "graph.json").write_text('{"nodes": [], "edges": []}')
    values = {"src": src, "file": tmp_path / "report.txt", "folder": tmp_path / "folder", "graph": tmp_path / "graph.json"}
    result = run(*[a.format(**values) for a in args])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert says in " ".join(result.stderr.split())  # the model is never loaded: the output fails first
    assert (tmp_path / "report.txt").read_text() == "not a folder" and not list((tmp_path / "folder").iterdir())


def test_a_read_only_out_folder_is_an_error_before_any_work(tmp_path):
    from tests.helpers import read_only_folder

    with read_only_folder(tmp_path / "ro") as locked:
        result = run("build", corpus(tmp_path / "src", "s", 1), "--out", locked / "out", "--model", "no_such_pipeline_xyz")
    assert result.exit_code == 1 and "cannot be written (Permission denied)" in result.stderr
