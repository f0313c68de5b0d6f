"""A ``--dask`` value → where to run: a scheduler's address, or a LocalCluster's size (no Dask or spaCy here).

The CLI checks the option with it before any work; ``extract.run.cluster`` connects to what it returns.
"""

from __future__ import annotations

import re

from extract.errors import ClusterError

__all__ = ["LOCAL", "parse_address"]

#: ``--dask local`` or ``local:N``: a LocalCluster of N worker processes (default: one per core) on this machine.
LOCAL = re.compile(r"local(?::(\d+))?")
#: ``tcp://HOST:PORT`` (or tls, ws, wss, ucx), or ``HOST:PORT``; HOST may be ``[IPv6]``.
SCHEDULER = re.compile(r"(?:(?:tcp|tls|ws|wss|ucx)://)?(?:\[[0-9A-Fa-f:.]+\]|[^\s:/\[\]]+):(\d{1,5})")


def parse_address(address: str) -> tuple[str, int | None]:
    """('local', N or None) for ``local[:N]``, else (the scheduler address, None); a bad one is a ``ClusterError``."""
    address = address.strip()
    if match := LOCAL.fullmatch(address):
        workers = int(match.group(1)) if match.group(1) else None
        if workers == 0:
            raise ClusterError("--dask local:N needs at least one worker (N ≥ 1)")
        return "local", workers
    if re.fullmatch(r"inproc://\S+", address):
        return address, None  # a scheduler in this very process (tests, notebooks): Dask's own address form
    match = SCHEDULER.fullmatch(address)
    if match is not None and 0 < int(match.group(1)) < 65536:
        return address, None
    if address.startswith("local:"):
        raise ClusterError(f"{address!r}: a local cluster is local or local:N with N a whole number of workers (e.g. local:2)")
    raise ClusterError(f"{address!r} is not a Dask scheduler address: use tcp://HOST:PORT (e.g. tcp://scheduler:8786) or local[:N]")
