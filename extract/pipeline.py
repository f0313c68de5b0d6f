"""Articles → ``ArticleExtraction``s: parse with spaCy, then run the entity and relation rules.

No spaCy object leaves this module: callers get the data model only.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from extract.entities import EntityTable, find_entities
from extract.model import Article, ArticleExtraction
from extract.nlp import load_pipeline
from extract.relations import find_relations


def extract_doc(doc: Doc, article: Article) -> ArticleExtraction:
    """Entities and relations of one parsed article."""
    table = EntityTable()
    find_entities(doc, table)
    relations = find_relations(doc, table, article.id)
    return ArticleExtraction(article=article, entities=table.entities(), relations=tuple(relations))


def extract_articles(
    articles: Iterable[Article],
    *,
    nlp: Language | None = None,
    model: str | None = None,
    batch_size: int = 32,
) -> Iterator[ArticleExtraction]:
    """Stream extractions in input order; only one batch of Docs is alive at a time."""
    nlp = nlp or load_pipeline(model)
    pairs = ((article.text, article) for article in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        yield extract_doc(doc, article)
