"""A Neo4j server of the tests' own (``private_server``), which they may wipe, kill and restart.

It runs from the same jars as ``scripts/neo4j-local.sh start`` (the script, in a temporary home, on a free
port); the classpath Maven resolved for the usual home is reused when there is one, so no Maven run is
needed. Without Java or Maven the tests that need it skip locally and fail in CI, like every live test.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import REPO, unavailable

SCRIPT = REPO / "scripts" / "neo4j-local.sh"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class PrivateServer:
    """A throw-away server: ``env`` for subprocesses, a ``driver``, and ``kill``/``start`` to crash it."""

    home: Path
    port: int
    env: dict[str, str]
    driver: object = None

    def start(self) -> None:
        result = subprocess.run(["bash", str(SCRIPT), "start"], env=self.env, capture_output=True, text=True, timeout=400)
        if result.returncode != 0:
            unavailable(f"could not start a private Neo4j: {result.stderr[-2000:]}")
        for line in result.stdout.splitlines():
            key, _, value = line.removeprefix("export ").partition("=")
            self.env[key] = value
        import neo4j

        if self.driver is not None:
            self.driver.close()
        self.driver = neo4j.GraphDatabase.driver(self.env["NEO4J_URI"], auth=(self.env["NEO4J_USER"], self.env["NEO4J_PASSWORD"]))

    def kill(self) -> None:
        """SIGKILL the server's JVM: no shutdown hook, no flush; what was not committed is lost."""
        pid = int((self.home / "run" / "neo4j.pid").read_text().strip())
        os.kill(pid, signal.SIGKILL)
        for _ in range(200):
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                return
            time.sleep(0.05)

    def stop(self) -> None:
        if self.driver is not None:
            self.driver.close()
            self.driver = None
        subprocess.run(["bash", str(SCRIPT), "stop"], env=self.env, capture_output=True, timeout=200)

    def wipe(self) -> None:
        with self.driver.session() as session:
            session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS").consume()


@pytest.fixture(scope="session")
def private_server(tmp_path_factory):
    if not (shutil.which("java") and (shutil.which("mvn") or _known_classpath())):
        unavailable("Java and Maven are needed for a private Neo4j server (see scripts/neo4j-local.sh)")
    home = tmp_path_factory.mktemp("neo4j-private")
    cached = _known_classpath()
    if cached is not None:
        (home / "lib").mkdir()
        shutil.copy(cached, home / "lib" / cached.name)
    port = _free_port()
    env = {
        **os.environ, "NEWSGRAPH_NEO4J_HOME": str(home), "NEWSGRAPH_NEO4J_BOLT_PORT": str(port),
        "NEWSGRAPH_NEO4J_HEAP": "512m", "NEWSGRAPH_NEO4J_PAGECACHE": "64m",
    }  # fmt: skip
    server = PrivateServer(home, port, env)
    server.start()
    yield server
    server.stop()


def _known_classpath() -> Path | None:
    """The classpath file of the usual local home (or CI's), when Maven already resolved it there."""
    homes = [os.environ.get("NEWSGRAPH_NEO4J_HOME"), str(Path.home() / ".newsgraph" / "neo4j"), str(REPO / ".ci-neo4j")]
    for home in filter(None, homes):
        found = sorted(Path(home, "lib").glob("classpath-*.txt"))
        if found and all(Path(jar).is_file() for jar in found[-1].read_text().split(":")):
            return found[-1]
    return None
