"""Python's cycle collector during long passes → run rarely, or not at all.

Extraction files, sightings, resolution and the rows a load writes are hundreds of thousands of small
objects with almost no reference cycles: reference counting frees them. The cycle collector, triggered
every 700 new objects and scanning a heap that keeps growing, took 40% of resolution's time and a quarter of
a Neo4j load's (``bench.neo4j_load``). Both helpers restore the collector as it was.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

#: New objects between two young-generation collections during a long pass (Python's default: 700).
RARE = 100_000


@contextmanager
def no_cycle_collection() -> Iterator[None]:
    """No cycle collection at all: for a bounded pass that makes no cycles (resolution)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


@contextmanager
def rare_cycle_collection() -> Iterator[None]:
    """Collections ~140× rarer, and what exists already frozen out of them: for a whole command (a load, a
    build) whose length the input decides; cyclic garbage is still collected, only later."""
    before = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(RARE, *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)
        gc.unfreeze()
