"""A small hand-made graph for the format tests: dates of every kind, hard text, two predicates between one pair."""

from __future__ import annotations

from extract.model import Article, ArticleExtraction, Entity, Evidence, Mention, Relation, entity_id
from graph.build import build_graph

#: A sentence that every format must carry unharmed: commas, both quotes, a line break, a tab, a form feed, accents.
HARD = 'Rosa Lind said: "No, we won\'t sell, not at that price,"\nand left.\tThe board\x0cmet Mariñe later.'


def sample_graph():
    def ent(name, type_, *aliases):
        return Entity(entity_id(name, type_), name, type_, aliases, (Mention(0, len(name), name, type_),))

    def rel(src, pred, dst, aid, sentence, conf):
        return Relation(src.id, pred, dst.id, Evidence(aid, sentence, (0, 9), (20, 31), "test"), conf)

    lind, board, firm, quote = ent("Rosa Lind", "PERSON", "Lind"), ent("Kestrel Board", "ORG"), ent("Kestrel Ltd", "ORG"), ent("No sale", "QUOTE")
    day = ArticleExtraction(Article("d1", "x", title='Lind, "the seller"', url="https://news.example.org/d1", published="2025-04-12T09:30:00Z"),
                            (lind, board, quote), (rel(lind, "MEET", board, "d1", HARD, 0.7), rel(lind, "SAID", quote, "d1", HARD, 0.9)))
    month = ArticleExtraction(Article("d2", "x", title="Board meets", published="2025-05"),
                              (lind, board, firm), (rel(lind, "MEET", board, "d2", "Lind met the board again.", 0.6),
                                                    rel(lind, "LEADS", board, "d2", "Lind leads the board.", 0.8),
                                                    rel(board, "WORKS_FOR", firm, "d2", "The board works for Kestrel Ltd.", 0.5)))
    undated = ArticleExtraction(Article("d3", "x", title="Undated"), (firm, lind), (rel(lind, "VISIT", firm, "d3", "Lind visited the firm.", 0.4),))
    return build_graph([day, month, undated])
