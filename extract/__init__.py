"""Text → the newsgraph data model. Knows nothing about networkx, Neo4j or HTML."""

from extract.model import Article, ArticleExtraction, Entity, Evidence, Mention, Relation

__all__ = ["Article", "ArticleExtraction", "Entity", "Evidence", "Mention", "Relation"]
