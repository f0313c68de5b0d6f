"""Running the extraction: articles → ``ArticleExtraction``s, in this process, in several, or on a Dask cluster.

``serial`` parses and runs the rules in this process; ``pool`` hands articles to worker processes that
each do both and send back only the extracted data. ``extract_articles`` picks one. ``cluster`` does the
same on a Dask cluster, whose workers read ``partitions`` of the input themselves: ``extract_on_cluster``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from extract.errors import ArticleFailedError
from extract.model import Article, ArticleExtraction

__all__ = ["extract_articles", "extract_on_cluster"]


def extract_articles(
    articles: Iterable[Article],
    *,
    nlp=None,
    model: str | None = None,
    batch_size: int | None = None,
    workers: int = 1,
    on_error: Callable[[ArticleFailedError], None] | None = None,
) -> Iterator[ArticleExtraction]:
    """Stream extractions in input order; only one batch of Docs is alive at a time (per worker).

    ``workers`` > 1 parses in that many processes, each loading ``model`` itself (so ``nlp`` cannot be
    passed along with it). With ``on_error``, an article the rules fail on is reported to it and skipped;
    without, the error is raised.
    """
    from extract.run.serial import BATCH_SIZE

    batch_size = batch_size or BATCH_SIZE
    if workers > 1:
        if nlp is not None:
            raise ValueError("workers load the model by name: pass model=, not nlp=, with workers > 1")
        from extract.run.pool import extract_parallel

        yield from extract_parallel(articles, workers=workers, model=model, batch_size=batch_size, on_error=on_error)
        return
    from extract.nlp import load_pipeline
    from extract.run.serial import extract_serial

    yield from extract_serial(articles, nlp or load_pipeline(model), batch_size=batch_size, on_error=on_error)


def extract_on_cluster(paths: Iterable[str | Path], *, address: str, **options) -> Iterator[ArticleExtraction]:
    """``extract.run.cluster.extract_on_cluster``: files and folders extracted by the Dask cluster at ``address``.

    Imported on use, so that Dask is needed only by those who use it.
    """
    from extract.run import cluster

    return cluster.extract_on_cluster(paths, address=address, **options)
