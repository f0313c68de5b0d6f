"""Hand-made extractions (our own sentences) that exercise every corner of the named questions.

Used twice: ``test_ask.py`` checks the networkx answers row by row, and ``test_ask_live.py`` loads the same
articles into Neo4j and checks that each Cypher template gives the same rows. ``token`` makes every article
and entity id unique to one test run, so the articles can share a server with other data.
"""

from __future__ import annotations

from extract.model import Article, ArticleExtraction, Entity, Evidence, Mention, Relation, entity_id


def _id(name: str, type_: str, token: str) -> str:
    plain = entity_id(name, type_)
    if not token:
        return plain
    kind, slug = plain.split(":", 1)
    return f"{kind}:{token}-{slug}"


def articles(token: str = "") -> list[ArticleExtraction]:
    """Six short articles; ids carry ``token`` when given."""

    def article(aid: str, published: str, title: str, text: str, entities: list[tuple], relations: list[tuple]) -> ArticleExtraction:
        ents = []
        for name, type_, *aliases in entities:
            start = max(text.find(name), 0)
            ents.append(Entity(_id(name, type_, token), name, type_, tuple(aliases), (Mention(start, start + len(name), name, type_),)))
        ids = {e.name: e.id for e in ents}
        doc = f"{token}{aid}"
        rels = tuple(
            Relation(ids[s], p, ids[t], Evidence(doc, sentence, (0, 1), (2, 3), "test"), conf) for s, p, t, sentence, conf in relations
        )
        return ArticleExtraction(Article(doc, text, title=title, published=published), tuple(ents), rels)

    one = "Mayor Ines Okafor of Port Vell met Dara Quint, a member of the Harbour Guild."
    two = "Dara Quint, spokeswoman for the Harbour Guild, said the guild would co-operate with the Dockers Union. \"We will talk,\" she said."
    three = "The Vell Fishers criticised Okafor over the quay fees, while the Harbour Guild stayed silent in Port Vell."
    four = "The Dockers Union published a report on Okafor's harbour plan; the Harbour guild welcomed it."
    five = "Ana Bex called Cal Dorn, who phoned Edo Fenn, who wrote to Gil Hart, who met Ivo Jain, who sued Kit Lowe."
    six = "Okafor opened the new ferry pier in Port Vell with Dara Quint."
    return [
        article("a1", "2024-03-02", "Mayor meets guild", one,
                [("Ines Okafor", "PERSON", "Okafor", "Mayor Okafor"), ("mayor", "ROLE"), ("Port Vell", "GPE"), ("Dara Quint", "PERSON"),
                 ("Harbour Guild", "ORG")],
                [("Ines Okafor", "HAS_ROLE", "mayor", one, 0.85), ("Ines Okafor", "LEADS", "Port Vell", one, 0.8),
                 ("Ines Okafor", "MEET", "Dara Quint", one, 0.7), ("Dara Quint", "MEMBER_OF", "Harbour Guild", one, 0.61234567)]),
        article("a2", "2024-04", "Guild speaks", two,
                [("Dara Quint", "PERSON", "Quint"), ("spokeswoman", "ROLE"), ("Harbour Guild", "ORG"), ("Dockers Union", "ORG"),
                 ("We will talk", "QUOTE")],
                [("Dara Quint", "SPOKESPERSON_FOR", "Harbour Guild", two, 0.9), ("Dara Quint", "HAS_ROLE", "spokeswoman", two, 0.85),
                 ("Harbour Guild", "CO-OPERATE", "Dockers Union", two, 0.5), ("Harbour Guild", "CO_OPERATE", "Dockers Union", two, 0.55),
                 ("Harbour Guild", "42", "Dockers Union", two, 0.3), ("Dara Quint", "SAID", "We will talk", two, 0.9)]),
        article("a3", "", "Fishers angry", three,
                [("Vell Fishers", "NORP"), ("Ines Okafor", "PERSON", "Okafor"), ("quay fees", "THING"), ("Harbour Guild", "ORG"),
                 ("Port Vell", "GPE")],
                [("Vell Fishers", "CRITICISE", "Ines Okafor", three, 0.6)]),
        article("a4", "2024-05-10", "Union report", four,
                [("Dockers Union", "ORG"), ("report", "THING"), ("Harbour guild", "ORG"), ("Ines Okafor", "PERSON", "Okafor")],
                [("Dockers Union", "PUBLISH", "report", four, 0.7), ("Harbour guild", "WELCOME", "report", four, 0.6)]),
        article("a5", "2024-05-11", "A long chain", five,
                [(n, "PERSON") for n in ("Ana Bex", "Cal Dorn", "Edo Fenn", "Gil Hart", "Ivo Jain", "Kit Lowe")],
                [("Ana Bex", "CALL", "Cal Dorn", five, 0.5), ("Cal Dorn", "PHONE", "Edo Fenn", five, 0.5), ("Edo Fenn", "WRITE_TO", "Gil Hart", five, 0.5),
                 ("Gil Hart", "MEET", "Ivo Jain", five, 0.5), ("Ivo Jain", "SUE", "Kit Lowe", five, 0.5)]),
        article("a6", "2024-05-11", "Pier opens", six,
                [("Ines Okafor", "PERSON", "Okafor"), ("ferry pier", "THING"), ("Port Vell", "GPE"), ("Dara Quint", "PERSON")],
                [("Ines Okafor", "OPEN", "ferry pier", six, 0.7), ("Dara Quint", "MEET", "Ines Okafor", six, 0.6)]),
    ]  # fmt: skip
