"""Fixtures of the extraction runners' tests."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def dask_scheduler() -> str:
    """The address of a real Dask cluster of two worker processes: NEWSGRAPH_DASK_SCHEDULER's, else a LocalCluster's."""
    import logging
    import os

    from tests.conftest import unavailable

    address = os.environ.get("NEWSGRAPH_DASK_SCHEDULER")
    try:
        from distributed import LocalCluster
    except ImportError:
        unavailable('dask/distributed are not installed; run: pip install -e ".[dask]"')
    if address:
        yield address
        return
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0", silence_logs=logging.ERROR) as cluster:
        yield cluster.scheduler_address


@pytest.fixture
def dask_client(dask_scheduler):
    """A client of the test cluster, for a test that acts on its workers (patches them, kills one)."""
    from distributed import Client

    with Client(dask_scheduler) as client:
        client.wait_for_workers(2, timeout=60)
        yield client
