"""Atomic file writes: a reader never sees a half-written file, and a failed run leaves the old one."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from extract.errors import OutputError


@contextlib.contextmanager
def atomic_open(path: str | Path, mode: str = "w", *, newline: str | None = None) -> Iterator[IO]:
    """Open a temporary file beside ``path``; it replaces ``path`` only if the block succeeds.

    ``newline`` is ``open``'s (``""`` for the csv module, which writes its own line ends).
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        encoding = None if "b" in mode else "utf-8"
        with os.fdopen(fd, mode, encoding=encoding, newline=None if "b" in mode else newline) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def check_output_file(path: str | Path) -> None:
    """Raise ``OutputError`` unless a file can be written at ``path``: before any work, not after it."""
    target = Path(path)
    if target.is_dir():
        raise OutputError(str(target), "is a folder; give a file name to write (e.g. a path inside it)")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        os.close(fd)
        os.unlink(probe)
    except OSError as error:
        reason = "part of the path is a file, not a folder" if isinstance(error, (NotADirectoryError, FileExistsError)) else error.strerror or str(error)
        raise OutputError(str(target), f"cannot be written ({reason}); choose another file") from None


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def atomic_write_text(path: str | Path, text: str) -> Path:
    with atomic_open(path) as handle:
        handle.write(text)
    return Path(path)
