"""Extraction on a Dask cluster: workers read partitions of the input themselves, parse *and* run the rules,
and send back only the extracted data, never Docs (the design of ``extract.run.pool``, on many machines).

The client lists the input (``extract.run.partitions``), hands out partitions, and yields the results in
input order with at most ``max_pending`` partitions in flight, so its memory stays flat however big the
input. Each worker loads the model once (``LoadModel``, a Dask worker plugin: also on workers that join or
restart later). A worker that dies mid-partition has its partitions redone elsewhere by the scheduler (up
to ``distributed.scheduler.allowed-failures`` times); an article the rules fail on is reported and skipped,
as in one process. ``dask`` and ``distributed`` are imported only here (``pip install -e ".[dask]"``).
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import os
import pickle
import signal
import socket
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from extract.errors import ClusterError, InputError, NewsgraphError
from extract.io.ingest import ReadOptions, UniqueIds
from extract.model import Article, ArticleExtraction
from extract.run.address import LOCAL, parse_address
from extract.run.partitions import PARTITION_BYTES, Partition, partitions, read_partition
from extract.run.pool import extract_chunk, rejoin
from extract.run.serial import BATCH_SIZE

__all__ = ["LOCAL", "Session", "dask_client", "extract_on_cluster", "parse_address"]

#: Seconds to reach a scheduler, and to wait for its first worker.
CONNECT_TIMEOUT = 10
WORKERS_TIMEOUT = 30
INSTALL_HINT = 'pip install -e ".[dask]"  (dask and distributed)'

OnError = Callable[[InputError], None]


@contextlib.contextmanager
def dask_client(address: str) -> Iterator[Session]:
    """A ``Session``: a ``distributed.Client`` of the scheduler at ``address``, or of a new LocalCluster for ``local[:N]``.

    An address nobody answers at is a ``ClusterError`` naming it, within seconds; so is a scheduler with
    no workers. Ctrl-C (in the main thread) raises ``KeyboardInterrupt`` between Dask calls, never inside
    one, so the cluster can always be closed.
    """
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise ClusterError(f"--dask needs Dask's distributed scheduler: {INSTALL_HINT}") from None
    target, local_workers = parse_address(address)
    with contextlib.ExitStack() as stack:
        quiet = stack.enter_context(_Quiet())  # left last
        ctrl_c = stack.enter_context(_CtrlC())
        try:
            if target == "local":
                workers = local_workers or os.cpu_count() or 1
                stack.enter_context(_keep_malloc_defaults())
                # Processes, one thread each: parsing holds the GIL, so threads would share one core.
                cluster = stack.enter_context(
                    # Its workers' complaints would reach this terminal; what matters comes back through the client.
                    LocalCluster(n_workers=0, threads_per_worker=1, processes=True, dashboard_address=":0", silence_logs=logging.CRITICAL)
                )
                with _workers_ignore_ctrl_c(workers):
                    cluster.scale(workers)
                ctrl_c.check()
                session = Session(stack.enter_context(Client(cluster)), ctrl_c)
                session.wait_for_workers(workers, timeout=None)
            else:
                _reachable(target)
                try:
                    client = stack.enter_context(Client(target, timeout=CONNECT_TIMEOUT))
                except (OSError, TimeoutError) as error:
                    raise ClusterError(f"cannot connect to the Dask scheduler at {target} ({error}); is `dask scheduler` running there?") from None
                session = Session(client, ctrl_c)
                if not session.wait_for_workers(1, timeout=WORKERS_TIMEOUT):
                    raise ClusterError(
                        f"the Dask scheduler at {target} has no workers after {WORKERS_TIMEOUT} s; start some with: "
                        f"dask worker {target} --nthreads 1 --nworkers N"
                    )
            yield session
        except KeyboardInterrupt:
            quiet.on()  # the cluster is torn down mid-work: its complaints about closed connections are expected
            raise


@contextlib.contextmanager
def _keep_malloc_defaults() -> Iterator[None]:
    """Dask's nannies start workers with ``MALLOC_TRIM_THRESHOLD_=65536`` (hand freed memory back to the OS at
    once). The parse allocates and frees all the time, so its workers spent a fifth of their time in the
    kernel (9 s of system CPU each on the 401 BBC tech articles; 2.4 s without it). Local workers keep glibc's
    own threshold; a worker's memory is the model and one partition's Docs, ~0.5 GB, either way.

    A nanny also writes the variable into its own process's environment, which later workers inherit, so
    Dask's value is taken out of it for the session too (a value of the user's own stays)."""
    import dask

    key = "MALLOC_TRIM_THRESHOLD_"
    configured = dask.config.get("distributed.nanny.pre-spawn-environ", {})
    daskish = str(configured.get(key, 65536))
    inherited = os.environ.get(key)
    if inherited == daskish:
        del os.environ[key]
    try:
        with dask.config.set({"distributed.nanny.pre-spawn-environ": {k: v for k, v in configured.items() if k != key}}):
            yield
    finally:
        if inherited == daskish:
            os.environ[key] = inherited


class Session:
    """A Dask client and the Ctrl-C watch: waits in short steps so that Ctrl-C is acted on between Dask calls."""

    STEP = 0.2  # seconds

    def __init__(self, client, ctrl_c: _CtrlC) -> None:
        self.client, self.ctrl_c = client, ctrl_c

    def result(self, future):
        while True:
            self.ctrl_c.check()
            try:
                return future.result(timeout=self.STEP)
            except TimeoutError:
                continue

    def wait_for_workers(self, n: int, *, timeout: float | None) -> bool:
        deadline = None if timeout is None else time.monotonic() + timeout
        while deadline is None or time.monotonic() < deadline:
            self.ctrl_c.check()
            try:
                self.client.wait_for_workers(n, timeout=self.STEP)
                return True
            except TimeoutError:
                continue
        return False


class _CtrlC(contextlib.AbstractContextManager):
    """Notes Ctrl-C instead of raising at once: ``KeyboardInterrupt`` raised inside a Dask call (it waits on its
    event loop's thread) can leave the client unable to close. More Ctrl-Cs while the cluster closes (each
    worker ends its current partition first: seconds) are ignored for the same reason."""

    def __enter__(self):
        self.pressed = False
        self.previous = None
        if threading.current_thread() is threading.main_thread():
            self.previous = signal.signal(signal.SIGINT, self._note)
        return self

    def _note(self, signum, frame) -> None:
        self.pressed = True

    def check(self) -> None:
        if self.pressed:
            raise KeyboardInterrupt

    def __exit__(self, *exc) -> None:
        if self.previous is not None:
            signal.signal(signal.SIGINT, self.previous)


class _Quiet(contextlib.AbstractContextManager):
    """Silences Dask's loggers when ``on()`` until the block ends (the scheduler of a LocalCluster logs here)."""

    NAMES = ("distributed", "asyncio", "tornado")

    def __enter__(self):
        self.levels = {name: logging.getLogger(name).level for name in self.NAMES}
        return self

    def on(self) -> None:
        for name in self.NAMES:
            logging.getLogger(name).setLevel(logging.CRITICAL + 1)

    def __exit__(self, *exc) -> None:
        for name, level in self.levels.items():
            logging.getLogger(name).setLevel(level)


@contextlib.contextmanager
def _workers_ignore_ctrl_c(workers: int) -> Iterator[None]:
    """Worker processes started in this block ignore SIGINT (inherited): the terminal sends Ctrl-C to every
    process, and it is the client's to handle (it cancels the work and closes the cluster), so no worker
    dies half-started printing a traceback. The plugin does the same on workers that restart later. The
    block waits until the ``workers`` processes exist, well under a second; a Ctrl-C in it is lost."""
    import psutil  # a dependency of distributed

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    me = psutil.Process()
    before = {child.pid for child in me.children()}
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
        deadline = time.monotonic() + CONNECT_TIMEOUT
        while len({child.pid for child in me.children()} - before) < workers and time.monotonic() < deadline:
            time.sleep(0.02)
    finally:
        signal.signal(signal.SIGINT, previous)


def _reachable(address: str) -> None:
    """Fail at once on a refused connection or an unknown host, instead of after Dask's connect timeout."""
    scheme, _, rest = address.rpartition("://")
    if scheme not in ("", "tcp"):
        return  # tls://, ucx://…: left to Dask
    host, _, port = rest.rpartition(":")
    host = host.strip("[]")
    try:
        with socket.create_connection((host, int(port)), timeout=CONNECT_TIMEOUT):
            pass
    except ValueError:
        raise ClusterError(f"{address!r} has no port number: use tcp://HOST:PORT (Dask's scheduler listens on 8786)") from None
    except OSError as error:
        reason = error.strerror or str(error) or type(error).__name__
        raise ClusterError(f"cannot reach the Dask scheduler at {address}: {reason}; is `dask scheduler` running there, on that port?") from None


# --- on the workers ------------------------------------------------------------------------------

#: One extraction at a time per worker process, whatever its thread count: parsing holds the GIL, and a
#: second Doc batch alive only costs memory.
_ONE_AT_A_TIME = threading.Lock()


def _load_model(model: str | None) -> str | None:
    """Load the model in this worker (cached for its life); None, or why it cannot be loaded."""
    from extract.nlp import load_pipeline

    try:
        load_pipeline(model)
    except NewsgraphError as error:
        return str(error)
    return None


def _plugin(model: str | None):
    from distributed import WorkerPlugin

    class LoadModel(WorkerPlugin):
        """Loads the spaCy model when a worker starts (or joins later), before its first partition."""

        name = "newsgraph-model"

        def setup(self, worker) -> None:
            if threading.current_thread() is threading.main_thread():
                signal.signal(signal.SIGINT, signal.SIG_IGN)  # see ``_workers_ignore_ctrl_c``
            _load_model(model)  # a worker without it says so to the client (``_check_workers``) and in its tasks

    return LoadModel()


def extract_partition(part: Partition, cwd: str, model: str | None, batch_size: int, encoding_errors: str, options: ReadOptions) -> bytes:
    """Runs on a worker: read ``part`` from shared storage and extract it; (line, extraction or error) in order.

    Returned pickled, as one blob: Dask would otherwise serialise a list item by item (~100× slower).
    """
    read = read_partition(part, cwd, encoding_errors=encoding_errors, options=options)
    articles = [item for _, _, item in read if isinstance(item, Article)]
    with _ONE_AT_A_TIME:
        done = rejoin(articles, extract_chunk(articles, model, batch_size, True))
    results = [(where, line, next(done) if isinstance(item, Article) else item) for where, line, item in read]
    return pickle.dumps(results, protocol=pickle.HIGHEST_PROTOCOL)


# --- on the client -------------------------------------------------------------------------------


def extract_on_cluster(
    paths: Iterable[str | Path],
    *,
    address: str,
    model: str | None = None,
    batch_size: int = BATCH_SIZE,
    encoding_errors: str = "strict",
    on_error: OnError | None = None,
    max_pending: int | None = None,
    partition_bytes: int = PARTITION_BYTES,
    options: ReadOptions | None = None,
) -> Iterator[ArticleExtraction]:
    """Stream the extractions of everything under ``paths`` in input order, extracted by the Dask cluster at ``address``.

    Workers read the files themselves, so they must see them at the same paths as this process (shared
    storage). Bad input and articles the rules fail on go to ``on_error`` and are skipped (without it they
    are raised). ``max_pending`` bounds the partitions handed out but not yet yielded (default: three per
    worker thread at the start); ``partition_bytes`` sizes the partitions (``extract.run.partitions``).
    ``options`` are ``read_articles``'s: folder globs and table columns apply on the workers; links and
    feeds are fetched here, in order and politely as in one process, and the workers extract the pages.
    """
    report = on_error or _raise
    cwd = os.getcwd()
    options = options or ReadOptions()
    on_workers = dataclasses.replace(options, urls=(), feeds=(), on_fetch=None)  # what a worker needs: columns, fetch settings
    with dask_client(address) as session:
        client = session.client
        client.register_plugin(_plugin(model))
        _check_workers(client, model, address)
        max_pending = max_pending or 3 * max(1, sum(client.nthreads().values()))
        pending: deque[tuple[Partition, object]] = deque()
        unique = UniqueIds(report)  # ids unique across all inputs, as in one process
        try:
            for part in partitions(paths, report, target=partition_bytes, options=options, encoding_errors=encoding_errors):
                session.ctrl_c.check()
                future = client.submit(extract_partition, part, cwd, model, batch_size, encoding_errors, on_workers, pure=False)
                pending.append((part, future))
                if len(pending) >= max_pending:
                    yield from _collect(session, *pending.popleft(), report, unique)
            while pending:
                yield from _collect(session, *pending.popleft(), report, unique)
        finally:
            if pending:  # Ctrl-C or an error: nothing left running for this client
                client.cancel([future for _, future in pending], force=True)


def _raise(error: InputError) -> None:
    raise error


def _check_workers(client, model: str | None, address: str) -> None:
    problems = {worker: why for worker, why in client.run(_load_model, model).items() if why}
    if problems:
        worker, why = sorted(problems.items())[0]
        others = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise ClusterError(f"Dask worker {worker}{others} of {address} cannot load the model: {why}")


def _collect(session: Session, part: Partition, future, report: OnError, unique: UniqueIds) -> Iterator[ArticleExtraction]:
    from distributed import KilledWorker

    try:
        results = pickle.loads(session.result(future))
    except KilledWorker:
        raise ClusterError(
            f"Dask workers kept dying on {part} (each time it was retried): out of memory? See the workers' logs"
        ) from None
    for where, line, item in results:
        if isinstance(item, InputError):  # includes ArticleFailedError
            report(item)
        elif unique.keep(where, line, item.doc_id):
            yield item
