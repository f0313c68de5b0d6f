"""Articles → ``ArticleExtraction``s in this process: parse with spaCy, then run the entity and relation rules.

No spaCy object leaves this module: callers get the data model only.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from extract.entities import EntityTable, find_entities
from extract.errors import ArticleFailedError
from extract.model import Article, ArticleExtraction
from extract.relations import find_relations

#: Docs per ``nlp.pipe`` batch. Measured on BBC articles (CPU words/s of bare ``nlp.pipe``): 16–64 are
#: equally fast, spaCy's default 256 is ~15% slower, 4 is ~7% slower.
BATCH_SIZE = 32
#: Characters per batch at most (a longer article is a batch alone). The parse's working memory grows with
#: the text in a batch: 200 of the longest BBC articles in batches of 32 peaked at 1.0 GB, 200 typical ones
#: at 0.44 GB. Typical news articles still make full batches.
BATCH_CHARS = 64_000


def extract_doc(doc: Doc, article: Article) -> ArticleExtraction:
    """Entities and relations of one parsed article."""
    table = EntityTable()
    find_entities(doc, table)
    relations = find_relations(doc, table, article.id)
    return ArticleExtraction(article=article, entities=table.entities(), relations=tuple(relations))


def failure_reason(error: Exception) -> str:
    """What a user can report when the rules fail on an article: the error and where it was raised."""
    frame = traceback.extract_tb(error.__traceback__)[-1] if error.__traceback__ else None
    where = f" at {Path(frame.filename).parent.name}/{Path(frame.filename).name}:{frame.lineno}" if frame else ""
    return f"extraction failed ({type(error).__name__}: {error}{where}): a newsgraph bug, please report it"


def extract_serial(
    articles: Iterable[Article],
    nlp: Language,
    *,
    batch_size: int = BATCH_SIZE,
    on_error: Callable[[ArticleFailedError], None] | None = None,
) -> Iterator[ArticleExtraction]:
    """Stream extractions in input order, in this process; only one batch of Docs is alive at a time.

    With ``on_error``, an article the rules fail on is reported to it and skipped; without, the error
    is raised.
    """
    for batch in batches(articles, batch_size=batch_size, max_chars=BATCH_CHARS):
        yield from _extract_batch(nlp, batch, on_error)


def batches(articles: Iterable[Article], *, batch_size: int, max_chars: int) -> Iterator[list[Article]]:
    """Consecutive articles, at most ``batch_size`` and ``max_chars`` of text per batch (never empty)."""
    batch: list[Article] = []
    chars = 0
    for article in articles:
        if batch and (len(batch) >= batch_size or chars + len(article.text) > max_chars):
            yield batch
            batch, chars = [], 0
        batch.append(article)
        chars += len(article.text)
    if batch:
        yield batch


def _extract_batch(
    nlp: Language, batch: list[Article], on_error: Callable[[ArticleFailedError], None] | None
) -> Iterator[ArticleExtraction]:
    for doc, article in zip(nlp.pipe([a.text for a in batch], batch_size=len(batch)), batch, strict=True):
        if on_error is None:
            yield extract_doc(doc, article)
            continue
        try:
            extraction = extract_doc(doc, article)
        except Exception as error:  # noqa: BLE001 - any rule bug: report this article, go on with the rest
            on_error(ArticleFailedError(article.id, failure_reason(error)))
            continue
        yield extraction
