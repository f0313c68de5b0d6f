"""extract.io.outdir: an output folder is locked while written and updated as a whole, even when a run is killed."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from extract.errors import OutputError
from extract.io.outdir import STATE, OutputFolder, check_folder, output_names

REPO = Path(__file__).resolve().parents[3]


def write(folder: OutputFolder, files: dict[str, str]) -> int:
    with folder.update():
        for name, text in files.items():
            folder.staged(name).write_text(text)
        return folder.commit()


def visible(path: Path) -> dict[str, str]:
    return {p.name: p.read_text() for p in path.iterdir() if p.is_file()}


def test_commit_puts_the_whole_set_in_place_and_records_it(tmp_path):
    folder = OutputFolder(tmp_path / "out")
    assert write(folder, {"a.txt": "one", "b.txt": "two"}) == 1
    assert visible(folder.path) == {"a.txt": "one", "b.txt": "two"}
    manifest = folder.manifest()
    assert manifest["generation"] == 1 and set(manifest["files"]) == {"a.txt", "b.txt"}
    assert manifest["files"]["a.txt"] == {"sha256": hashlib.sha256(b"one").hexdigest(), "bytes": 3}
    assert write(folder, {"a.txt": "uno", "b.txt": "dos"}) == 2
    assert visible(folder.path) == {"a.txt": "uno", "b.txt": "dos"}
    assert not (folder.state / "commit.json").exists() and not folder.staging.exists()
    assert output_names(folder.path) >= {"a.txt", "b.txt", "extraction.jsonl"}


def test_a_failed_update_leaves_the_folder_as_it_was(tmp_path):
    folder = OutputFolder(tmp_path / "out")
    write(folder, {"a.txt": "one"})
    with pytest.raises(RuntimeError), folder.update():
        folder.staged("a.txt").write_text("half")
        raise RuntimeError("stopped")
    assert visible(folder.path) == {"a.txt": "one"} and not folder.staging.exists()


def test_an_update_killed_after_its_commit_record_is_completed_by_the_next(tmp_path):
    folder = OutputFolder(tmp_path / "out")
    write(folder, {"a.txt": "one", "b.txt": "two"})
    # what a run killed between its two renames leaves: a.txt renamed, b.txt still staged, the record
    folder.staging.mkdir()
    (folder.path / "a.txt").write_text("uno")
    (folder.staging / "b.txt").write_text("dos")
    record = {"generation": 2, "files": {"a.txt": {"sha256": "", "bytes": 3}, "b.txt": {"sha256": "", "bytes": 3}}}
    (folder.state / "commit.json").write_text(json.dumps(record))
    notes: list[str] = []
    with folder.update(on_note=notes.append):
        pass
    assert visible(folder.path) == {"a.txt": "uno", "b.txt": "dos"}
    assert folder.manifest()["generation"] == 2 and not (folder.state / "commit.json").exists()
    assert any("completed the update" in note and "generation 2" in note for note in notes)


def test_files_of_an_uncommitted_run_and_stray_temporaries_are_removed(tmp_path):
    folder = OutputFolder(tmp_path / "out")
    write(folder, {"extraction.jsonl": "{}\n"})
    folder.staging.mkdir()
    (folder.staging / "graph.json").write_text("{")
    (folder.staging / ".extraction.jsonl.x1.tmp").write_text("{")
    (folder.path / ".extraction.jsonl.k2z9.tmp").write_text("left by an older newsgraph")
    (folder.path / ".graph.html.v1.tmp").write_text("maybe newsgraph view writing right now")
    notes: list[str] = []
    with folder.update(on_note=notes.append):
        pass
    assert sorted(p.name for p in folder.path.iterdir()) == [".graph.html.v1.tmp", STATE, "extraction.jsonl"]
    assert any("removed 3 unfinished file(s)" in note for note in notes)


def test_a_store_that_vanished_since_the_last_build_is_noted(tmp_path):
    folder = OutputFolder(tmp_path / "out")
    write(folder, {"extraction.jsonl": "{}\n"})
    (folder.path / "extraction.jsonl").unlink()
    notes: list[str] = []
    with folder.update(on_note=notes.append):
        pass
    assert any("extraction.jsonl of build 1 is missing" in note for note in notes)


HOLD = """
import sys, time
from pathlib import Path
from extract.io.outdir import OutputFolder
folder = OutputFolder(sys.argv[1])
with folder.update():
    Path(sys.argv[2]).write_text("locked")
    while not Path(sys.argv[3]).exists():
        time.sleep(0.05)
"""


def test_a_second_writer_waits_for_the_first_process_and_says_so(tmp_path):
    out, locked, release = tmp_path / "out", tmp_path / "locked", tmp_path / "release"
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(out), str(locked), str(release)], cwd=REPO)
    try:
        deadline = time.monotonic() + 60
        while not locked.exists():
            assert holder.poll() is None and time.monotonic() < deadline, "the holder did not take the lock"
            time.sleep(0.05)
        waited: list[str] = []
        timer = threading.Timer(0.5, release.write_text, args=("go",))
        timer.start()
        with OutputFolder(out).update(on_wait=waited.append):
            assert release.exists(), "got the lock while the other process held it"
        timer.join()
    finally:
        release.write_text("go")
        holder.wait(timeout=60)
    assert len(waited) == 1 and f"pid {holder.pid}" in waited[0] and "waiting" in waited[0]


@pytest.mark.parametrize("make", ["file", "under a file"])
def test_a_folder_that_cannot_be_one_is_refused(tmp_path, make):
    plain = tmp_path / "report.txt"
    plain.write_text("x")
    target = plain if make == "file" else plain / "out"
    with pytest.raises(OutputError, match="is a file" if make == "file" else "part of the path is a file") as caught:
        check_folder(target)
    assert str(target) in str(caught.value)


def test_a_read_only_folder_is_refused(tmp_path):
    from tests.helpers import read_only_folder

    with read_only_folder(tmp_path / "ro") as locked, pytest.raises(OutputError, match="cannot be written"):
        check_folder(locked / "out")
