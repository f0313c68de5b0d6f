"""Shared fixtures. Live services (Neo4j, Chromium, Dask) fail instead of skipping when CI=true."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples"
SHARED_DATA = Path(os.environ.get("NEWSGRAPH_SHARED_DATA", REPO.parent / "shared" / "data"))
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def unavailable(reason: str) -> None:
    """Skip locally; fail in CI, where every service must be there."""
    if IN_CI:
        pytest.fail(f"{reason} (CI=true: live-service tests must run)")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def nlp():
    """The default spaCy pipeline, loaded once per test session."""
    from extract.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def neo4j_driver():
    """A driver for the server in NEO4J_URI / NEO4J_USER / NEO4J_PASSWORD (see scripts/neo4j-local.sh)."""
    uri = os.environ.get("NEO4J_URI")
    if not uri:
        unavailable('NEO4J_URI is not set; run: eval "$(scripts/neo4j-local.sh start)"')
    import neo4j

    driver = neo4j.GraphDatabase.driver(
        uri, auth=(os.environ.get("NEO4J_USER", "neo4j"), os.environ.get("NEO4J_PASSWORD", ""))
    )
    try:
        driver.verify_connectivity()
    except Exception as error:  # noqa: BLE001 - any failure means the server is not usable
        driver.close()
        unavailable(f"Neo4j at {uri} is not reachable: {error}")
    yield driver
    driver.close()


@pytest.fixture(scope="session")
def chromium() -> str:
    """Path of a headless-capable Chromium."""
    path = os.environ.get("NEWSGRAPH_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        unavailable("Chromium is not installed; run: apt-get install -y chromium")
    return path


@pytest.fixture
def web():
    """A local web server on 127.0.0.1 (ephemeral port) with test pages and feeds; see tests/webserver.py."""
    from tests.webserver import start

    state, httpd = start()
    yield state
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def fetch_settings(tmp_path):
    """Fetch settings for tests: a private cache, no delays, short timeouts and backoff."""
    from extract.io.fetch import FetchSettings

    return FetchSettings(cache_dir=tmp_path / "cache", delay=0.0, timeout=0.5, retries=1, backoff=0.01)


@pytest.fixture
def rules_fail_on_maternity(monkeypatch):
    """The rules raise on one example article, as a rule bug would (in this process only)."""
    from extract.run import serial

    real = serial.extract_doc

    def flaky(doc, article):
        if article.id.endswith("maternity-pay.txt"):
            raise ValueError("token 7 is in two spans")
        return real(doc, article)

    monkeypatch.setattr(serial, "extract_doc", flaky)
