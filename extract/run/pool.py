"""Extraction in several processes: each worker parses *and* runs the rules, and sends back data, never Docs.

A Doc is ~100× the size of what the rules keep from it, so shipping Docs back (as ``nlp.pipe(n_process=…)``
does) would make the main process the bottleneck. Here the main process only reads articles, hands them
out in small chunks and writes results. At most ``max_pending`` chunks are in flight, so memory stays flat
however long the input is, and results come back in input order.
"""

from __future__ import annotations

import multiprocessing
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice

from extract.errors import ArticleFailedError, WorkerError
from extract.model import Article, ArticleExtraction, Entity, Relation

#: Articles per task: big enough to amortise the hand-off, small enough to keep every worker busy.
CHUNK_SIZE = 16

#: Per article: its entities and relations, or why the rules failed on it.
_Result = list[tuple[tuple[Entity, ...], tuple[Relation, ...]] | str]
OnError = Callable[[ArticleFailedError], None]


def _init_worker() -> None:
    # Ctrl-C is the main process's to handle: it cancels the pool; workers must not each print a traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def extract_chunk(articles: list[Article], model: str | None, batch_size: int, report: bool) -> _Result:
    """Runs in a worker: the model is loaded on the first chunk and cached for the worker's life.

    With ``report``, an article the rules fail on gets the reason in its place; without, the error is raised.
    ``rejoin`` puts the parts back together with their articles. (``extract.run.cluster`` runs it on Dask workers.)
    """
    from extract.nlp import load_pipeline
    from extract.run.serial import extract_serial

    nlp = load_pipeline(model)
    results: _Result = []
    failed = (lambda error: results.append(error.reason)) if report else None  # called in input order
    # The main process still holds each article: only the small extracted parts travel back.
    for e in extract_serial(articles, nlp, batch_size=batch_size, on_error=failed):
        results.append((e.entities, e.relations))
    return results


def extract_parallel(
    articles: Iterable[Article],
    *,
    workers: int,
    model: str | None = None,
    batch_size: int,
    chunk_size: int = CHUNK_SIZE,
    max_pending: int | None = None,
    on_error: OnError | None = None,
) -> Iterator[ArticleExtraction]:
    """Stream extractions in input order, parsed by ``workers`` processes (each loads the model once).

    ``max_pending`` bounds the chunks handed out but not yet yielded (default: three per worker, so a worker
    rarely waits while the main process waits for a slow chunk ahead in the order). Workers are
    fresh interpreters ("spawn"), so a script calling this needs the ``if __name__ == "__main__":`` guard.
    """
    max_pending = max_pending or 3 * workers
    # Not "fork": the caller may run threads (progress bars, drivers) whose locks a forked child would inherit.
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_init_worker)
    pending: deque[tuple[list[Article], Future[_Result]]] = deque()
    source = iter(articles)
    try:
        while chunk := list(islice(source, chunk_size)):
            pending.append((chunk, pool.submit(extract_chunk, chunk, model, batch_size, on_error is not None)))
            if len(pending) >= max_pending:
                yield from _collect(*pending.popleft(), on_error)
        while pending:
            yield from _collect(*pending.popleft(), on_error)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _collect(chunk: list[Article], future: Future[_Result], on_error: OnError | None) -> Iterator[ArticleExtraction]:
    try:
        parts = future.result()
    except BrokenProcessPool:
        raise WorkerError(
            f"an extraction worker died while on {chunk[0].id} … {chunk[-1].id} (see any error above; if it "
            "ran out of memory, retry with fewer --workers)"
        ) from None
    for done in rejoin(chunk, parts):
        if isinstance(done, ArticleFailedError):
            on_error(done)  # type: ignore[misc] - only sent when on_error is set
        else:
            yield done


def rejoin(articles: list[Article], parts: _Result) -> Iterator[ArticleExtraction | ArticleFailedError]:
    """Each article with what ``extract_chunk`` returned for it: its extraction, or why the rules failed on it."""
    for article, part in zip(articles, parts, strict=True):
        if isinstance(part, str):
            yield ArticleFailedError(article.id, part)
        else:
            yield ArticleExtraction(article=article, entities=part[0], relations=part[1])
