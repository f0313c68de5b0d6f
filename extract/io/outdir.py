"""An output folder that is updated as a whole: one writer at a time, and never half from one run.

A build writes several files that belong together (``extraction.jsonl`` and the graph files made from
it). Each is written atomically, but a run killed between two of them would leave the folder mixed, and
two runs at once would each merge into the store the other is about to replace. So every writer of a
folder goes through ``OutputFolder.update``:

1. it takes an exclusive lock (``fcntl.flock`` on ``.newsgraph/lock``); a second writer waits for it,
   and the lock goes with the process however it ends (even ``kill -9``);
2. it finishes or undoes what a killed writer left (``recover``);
3. the new files are written into ``.newsgraph/staged/`` while the visible ones stay as they were;
4. ``commit`` records the whole set (names and SHA-256) in ``.newsgraph/commit.json`` — the moment the
   update counts as done — then renames each staged file into place, and writes the record as
   ``.newsgraph/manifest.json`` (generation, files, hashes) before removing the commit record.

A run killed before step 4 changed nothing visible: the next one removes its staged files. A run killed
during step 4 left ``commit.json``: the next one completes the renames from it. Readers see each file
whole at any time; the set is consistent again as soon as any later writer has taken the lock.

A folder holding ``.newsgraph/`` is a build output: ingest never reads the files it lists (see
``output_names``) as articles, so ``--out`` may lie inside the input folder.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import fcntl
import hashlib
import json
import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

from extract.errors import OutputError
from extract.io.files import atomic_write_text

#: The folder of newsgraph's own state inside an output folder.
STATE = ".newsgraph"
#: What ``newsgraph build`` writes (``graph.formats.FILES`` and the snapshot): also what a folder written
#: before manifests holds.
BUILD_FILES = frozenset({"extraction.jsonl", "graph.json", "graph.graphml", "graph.gexf", "nodes.csv", "edges.csv", "evidence.csv", "graph.html"})
#: Files that newsgraph versions before staging wrote in the folder itself: a killed one left ``.NAME.*.tmp``.
#: (Not graph.html: ``newsgraph view`` may be writing it there right now.)
_DIRECT_WRITES = ("extraction.jsonl", "graph.json", "graph.graphml")
_LOCK, _MANIFEST, _COMMIT, _STAGED = "lock", "manifest.json", "commit.json", "staged"

Note = Callable[[str], None]


def is_output_folder(path: Path) -> bool:
    return (path / STATE).is_dir()


def output_names(folder: Path) -> frozenset[str]:
    """Names of the files a newsgraph writer put in ``folder`` (its manifest, and the usual build files)."""
    manifest = _read_json(folder / STATE / _MANIFEST)
    return BUILD_FILES | frozenset(manifest.get("files", {})) if isinstance(manifest, dict) else BUILD_FILES


def check_folder(path: Path) -> None:
    """Raise ``OutputError`` unless ``path`` is (or can be made) a folder newsgraph can write to."""
    if path.exists() and not path.is_dir():
        raise OutputError(str(path), "is a file; --out needs a folder (a new or an earlier build's)")
    try:
        (path / STATE).mkdir(parents=True, exist_ok=True)
        probe = path / STATE / f".probe-{os.getpid()}"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as error:
        raise OutputError(str(path), f"cannot be written ({_reason(error)}); choose another --out") from None


def _reason(error: OSError) -> str:
    if error.errno in (errno.ENOTDIR, errno.EEXIST):
        return "part of the path is a file, not a folder"
    return error.strerror or str(error)


class OutputFolder:
    """A folder of files that belong together, updated under a lock and committed as a set."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.state = self.path / STATE
        self.staging = self.state / _STAGED

    def staged(self, name: str) -> Path:
        """Where the new version of ``name`` is written before ``commit`` puts it in place."""
        return self.staging / name

    @contextlib.contextmanager
    def update(self, *, on_wait: Note = lambda message: None, on_note: Note = lambda message: None) -> Iterator[OutputFolder]:
        """Lock the folder (waiting, after ``on_wait``, while another writer has it) and recover it.

        Files staged but not committed when the block ends (an error, Ctrl-C) are removed: the visible
        files stay as they were.
        """
        check_folder(self.path)
        with (self.state / _LOCK).open("a+") as lock:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                lock.seek(0)
                holder = lock.read().strip()
                on_wait(f"another newsgraph run{f' (pid {holder})' if holder else ''} is writing to {self.path}; "
                        "waiting for it to finish (Ctrl-C to stop)")  # fmt: skip
                fcntl.flock(lock, fcntl.LOCK_EX)
            lock.seek(0)
            lock.truncate()
            lock.write(str(os.getpid()))
            lock.flush()
            try:
                for note in self.recover():
                    on_note(note)
                self.staging.mkdir()
                yield self
            finally:
                if not (self.state / _COMMIT).exists():  # else a commit began: the next run completes it
                    shutil.rmtree(self.staging, ignore_errors=True)
                lock.truncate(0)  # the lock itself goes when the file is closed, or the process ends

    def recover(self) -> list[str]:
        """Complete an update a killed writer committed, drop what an uncommitted one staged (lock held)."""
        notes = []
        record = _read_json(self.state / _COMMIT)
        if isinstance(record, dict) and isinstance(record.get("files"), dict):
            missing = self._install(record)
            notes.append(f"completed the update of {self.path} (generation {record.get('generation')}) that a stopped run had begun"
                         + (f"; {', '.join(missing)} could not be restored" if missing else ""))  # fmt: skip
        (self.state / _COMMIT).unlink(missing_ok=True)
        leftovers = [p for p in self.staging.rglob("*") if p.is_file()] if self.staging.exists() else []
        leftovers += [*self.state.glob(".*.tmp"), *(p for name in _DIRECT_WRITES for p in self.path.glob(f".{name}.*.tmp"))]
        for path in leftovers:
            path.unlink(missing_ok=True)
        shutil.rmtree(self.staging, ignore_errors=True)
        if leftovers:
            notes.append(f"removed {len(leftovers)} unfinished file(s) of a run that stopped before its end; "
                         f"{self.path} is as that run found it")  # fmt: skip
        manifest = self.manifest()
        listed = manifest.get("files", {})
        store = listed.get("extraction.jsonl")
        if isinstance(store, dict):
            current = self.path / "extraction.jsonl"
            if not current.exists():
                notes.append(f"{current} of build {manifest.get('generation')} is missing: the graph will hold only the articles read now")
            elif current.stat().st_size != store.get("bytes"):
                notes.append(f"{current} was changed after build {manifest.get('generation')} by something else than newsgraph build; it is used as it is now")
        return notes

    def manifest(self) -> dict:
        """The record of the last complete update: ``generation``, ``files`` (name → sha256, bytes), ``finished``."""
        data = _read_json(self.state / _MANIFEST)
        return data if isinstance(data, dict) else {}

    def commit(self) -> int:
        """Put every staged file in place as one update; returns its generation number."""
        names = sorted(p.name for p in self.staging.iterdir() if p.is_file() and not p.name.startswith("."))
        earlier = self.manifest()
        # files of an earlier update that this one does not replace (build --formats) stay listed
        kept = {name: seen for name, seen in earlier.get("files", {}).items() if name not in names and (self.path / name).exists()}
        record = {
            "generation": int(earlier.get("generation", 0)) + 1,
            "files": {**kept, **{name: _fingerprint(self.staging / name) for name in names}},
        }
        atomic_write_text(self.state / _COMMIT, json.dumps(record, indent=1))
        _sync_folder(self.state)
        self._install(record)
        return record["generation"]

    def _install(self, record: dict) -> list[str]:
        """Rename the staged files of ``record`` into place, then write it as the manifest; names not restored."""
        missing = []
        for name, seen in record["files"].items():
            staged, target = self.staging / name, self.path / name
            if staged.exists():
                os.replace(staged, target)
            elif not target.exists() or target.stat().st_size != seen.get("bytes"):
                missing.append(name)
        _sync_folder(self.path)
        finished = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
        atomic_write_text(self.state / _MANIFEST, json.dumps({**record, "finished": finished}, indent=1))
        (self.state / _COMMIT).unlink(missing_ok=True)
        return missing


def _fingerprint(path: Path) -> dict:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return {"sha256": digest.hexdigest(), "bytes": path.stat().st_size}


def _read_json(path: Path) -> object:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _sync_folder(path: Path) -> None:
    """Make renames in ``path`` durable (a crash of the machine, not only of the process)."""
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
