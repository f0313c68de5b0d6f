"""Every Cypher text newsgraph sends, in one place.

Values always travel as parameters. Node labels are formatted into a query only from ``ENTITY_LABELS``
(backtick-quoted); relationship types travel as parameters too (``$(row.type)``), and only after
``relationship_type`` has reduced them to a strict pattern. Raw article text never becomes query text.

The graph, as users query it:

* ``(:Entity:Person {id, name, type, aliases, mentions, article_count})`` — one node per resolved entity,
  with a second label per type (``ENTITY_LABELS``).
* ``(:Article {id, title, url, published, authors, site_name, source, content_hash})-[:MENTIONS {count, names}]->(:Entity)``.
* ``(:Entity)-[:PREDICATE {count, confidence, first_seen, last_seen, articles, sentences, rules,
  confidences, dates}]->(:Entity)`` — the five evidence lists run in parallel, one item per piece of
  evidence, so an article's contribution can be taken out again exactly.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

#: Entity type (extract.model) → the second node label. Types not listed get ``:Entity`` only.
ENTITY_LABELS = MappingProxyType({
    "PERSON": "Person", "ORG": "Organization", "GPE": "Place", "LOC": "Place", "NORP": "Group",
    "FAC": "Facility", "EVENT": "Event", "LAW": "Law", "WORK_OF_ART": "Work", "ROLE": "Role",
    "THING": "Thing", "QUOTE": "Quote", "SOURCE": "Source",
})  # fmt: skip

#: Relationship types newsgraph keeps for its own bookkeeping; a predicate may not take them.
RESERVED_TYPES = frozenset({"MENTIONS"})
TYPE_PATTERN = re.compile(r"^[A-Z][A-Z0-9_]{0,63}$")
_NOT_TYPE_CHAR = re.compile(r"[^A-Z0-9]+")


def relationship_type(predicate: str) -> str | None:
    """A predicate as a safe relationship type, or None when it cannot be one.

    Accents are dropped and runs of other characters become ``_`` (lemmas such as "co-operate");
    the result must then match ``TYPE_PATTERN`` and not be reserved.

    >>> relationship_type("co-operate"), relationship_type("HAS_ROLE")
    ('CO_OPERATE', 'HAS_ROLE')
    >>> relationship_type("X]->() DETACH DELETE n //"), relationship_type("42")
    ('X_DETACH_DELETE_N', None)
    """
    plain = unicodedata.normalize("NFKD", predicate).encode("ascii", "ignore").decode("ascii")
    candidate = _NOT_TYPE_CHAR.sub("_", plain.upper()).strip("_")
    if not TYPE_PATTERN.match(candidate) or candidate in RESERVED_TYPES:
        return None
    return candidate


def _quoted(name: str) -> str:
    """Backtick-quote a label or type that already passed the allowlist or ``TYPE_PATTERN``."""
    if not TYPE_PATTERN.match(name.upper()):
        raise ValueError(f"refusing to put {name!r} into a query: not a validated label or type")
    return f"`{name}`"


# --- schema -------------------------------------------------------------------------------------

CONSTRAINTS = (
    "CREATE CONSTRAINT newsgraph_entity_id IF NOT EXISTS FOR (e:Entity) REQUIRE e.id IS UNIQUE",
    "CREATE CONSTRAINT newsgraph_article_id IF NOT EXISTS FOR (a:Article) REQUIRE a.id IS UNIQUE",
)

# --- reading what is stored ---------------------------------------------------------------------

STORED_ARTICLES = """
UNWIND $ids AS id
MATCH (a:Article {id: id})
RETURN a.id AS id, a.content_hash AS content_hash, a.title AS title, a.url AS url,
       a.published AS published, a.source AS source
"""

KNOWN_ENTITIES = "MATCH (e:Entity) RETURN e.id AS id, e.name AS name, e.type AS type"

MENTIONED_BY = """
MATCH (a:Article)-[:MENTIONS]->(e:Entity)
WHERE a.id IN $ids
RETURN collect(DISTINCT e.id) AS ids
"""

COUNTS = "RETURN COUNT { MATCH (n) } AS nodes, COUNT { MATCH ()-[r]->() } AS relationships"

# --- taking articles' contributions out ---------------------------------------------------------

_DERIVED = """
SET r.count = size(r.articles),
    r.confidence = reduce(best = 0.0, c IN r.confidences | CASE WHEN c > best THEN c ELSE best END),
    r.first_seen = reduce(d = '', x IN r.dates | CASE WHEN x <> '' AND (d = '' OR x < d) THEN x ELSE d END),
    r.last_seen = reduce(d = '', x IN r.dates | CASE WHEN x > d THEN x ELSE d END)
"""

#: Drop the evidence of articles ``$ids`` from every relationship. Emptied ones stay until
#: ``DELETE_UNSUPPORTED`` so that a replaced article's relationships keep their identity.
STRIP_EVIDENCE = """
MATCH (a:Article)-[:MENTIONS]->(:Entity)-[r]->(:Entity)
WHERE a.id IN $ids AND any(x IN r.articles WHERE x IN $ids)
WITH DISTINCT r
WITH r, [i IN range(0, size(r.articles) - 1) WHERE NOT r.articles[i] IN $ids] AS keep
SET r.articles = [i IN keep | r.articles[i]],
    r.sentences = [i IN keep | r.sentences[i]],
    r.rules = [i IN keep | r.rules[i]],
    r.confidences = [i IN keep | r.confidences[i]],
    r.dates = [i IN keep | r.dates[i]]
""" + _DERIVED

#: Relationships (from entities ``$ids``) left without any evidence are supported by nothing.
DELETE_UNSUPPORTED = """
UNWIND $ids AS id
MATCH (:Entity {id: id})-[r]->(:Entity)
WHERE r.count = 0
DELETE r
"""

DELETE_MENTIONS = """
MATCH (a:Article)-[m:MENTIONS]->(:Entity)
WHERE a.id IN $ids
DELETE m
"""

DELETE_ARTICLES = """
MATCH (a:Article)
WHERE a.id IN $ids
DETACH DELETE a
"""

#: Entities no article mentions any more are supported by nothing: delete them with their edges.
DELETE_ORPHANS = """
UNWIND $ids AS id
MATCH (e:Entity {id: id})
WHERE NOT EXISTS { (:Article)-[:MENTIONS]->(e) }
DETACH DELETE e
"""

# --- adding articles' contributions -------------------------------------------------------------

UPSERT_ARTICLES = """
UNWIND $rows AS row
MERGE (a:Article {id: row.id})
SET a.title = row.title, a.url = row.url, a.published = row.published, a.source = row.source,
    a.authors = row.authors, a.site_name = row.site_name, a.content_hash = row.content_hash
"""

_MERGE_ENTITIES = """
UNWIND $rows AS row
MERGE (e:Entity {id: row.id})
SET e.name = row.name, e.type = row.type{labels}
"""


def merge_entities(label: str | None) -> str:
    """MERGE entity nodes on their stable id, adding ``label`` (which must be in ``ENTITY_LABELS``)."""
    if label is None:
        return _MERGE_ENTITIES.replace("{labels}", "")
    if label not in ENTITY_LABELS.values():
        raise ValueError(f"unknown entity label {label!r}; allowed: {sorted(set(ENTITY_LABELS.values()))}")
    return _MERGE_ENTITIES.replace("{labels}", f", e:{_quoted(label)}")


MERGE_MENTIONS = """
UNWIND $rows AS row
MATCH (a:Article {id: row.article})
MATCH (e:Entity {id: row.entity})
MERGE (a)-[m:MENTIONS]->(e)
SET m.count = row.count, m.names = row.names
"""

#: Node totals are derived from the MENTIONS edges, so they follow every load and removal exactly.
REFRESH_ENTITIES = """
UNWIND $ids AS id
MATCH (e:Entity {id: id})
OPTIONAL MATCH (:Article)-[m:MENTIONS]->(e)
WITH e, sum(m.count) AS mentions, count(m) AS articles
SET e.mentions = mentions, e.article_count = articles,
    e.aliases = COLLECT {
        MATCH (:Article)-[m:MENTIONS]->(e)
        UNWIND m.names AS alias
        WITH DISTINCT alias WHERE alias <> e.name
        RETURN alias ORDER BY alias
    }
"""

#: One text for every relationship type: ``$(row.type)`` (Neo4j 5.26+) takes the type as a parameter,
#: so the query is planned once, not once per verb. Rows carry only types from ``relationship_type``.
MERGE_RELATIONSHIPS = """
UNWIND $rows AS row
MATCH (s:Entity {id: row.source})
MATCH (t:Entity {id: row.target})
MERGE (s)-[r:$(row.type)]->(t)
ON CREATE SET r.articles = [], r.sentences = [], r.rules = [], r.confidences = [], r.dates = []
SET r.articles = r.articles + row.articles,
    r.sentences = r.sentences + row.sentences,
    r.rules = r.rules + row.rules,
    r.confidences = r.confidences + row.confidences,
    r.dates = r.dates + row.dates
""" + _DERIVED


# --- named templates for `newsgraph query --template` -------------------------------------------


def _named(var: str, param: str) -> str:
    """Match an entity by id, name or alias, ignoring case."""
    return (
        f"({var}.id = ${param} OR toLower({var}.name) = toLower(${param})"
        f" OR any(alias IN coalesce({var}.aliases, []) WHERE toLower(alias) = toLower(${param})))"
    )


@dataclass(frozen=True)
class Template:
    """A named question users ask often: its Cypher, the parameters it needs, and defaults."""

    name: str
    description: str
    cypher: str
    params: tuple[str, ...]
    defaults: dict[str, Any] = field(default_factory=dict)

    def parameters(self, given: dict[str, Any]) -> dict[str, Any]:
        """Defaults overlaid with ``given``; raises KeyError naming the first missing parameter."""
        merged = {**self.defaults, **given}
        for name in self.params:
            if name not in merged:
                raise KeyError(name)
        return merged


TEMPLATES = {
    t.name: t
    for t in (
        Template(
            "roles",
            "Roles held by a person (HAS_ROLE), with evidence.",
            f"""
MATCH (p:Entity) WHERE {_named("p", "name")}
MATCH (p)-[r:HAS_ROLE]->(role:Entity)
RETURN p.name AS person, role.name AS role, r.count AS evidence, r.confidence AS confidence,
       r.first_seen AS first_seen, r.last_seen AS last_seen, r.sentences[0] AS example, r.articles AS articles
ORDER BY evidence DESC, role
""",
            ("name",),
        ),
        Template(
            "members",
            "Leaders, staff, members and spokespeople of an organisation or group.",
            f"""
MATCH (o:Entity) WHERE (o:Organization OR o:Group) AND {_named("o", "name")}
MATCH (p:Entity)-[r:LEADS|WORKS_FOR|MEMBER_OF|SPOKESPERSON_FOR]->(o)
RETURN o.name AS organisation, p.name AS member, type(r) AS relation, r.count AS evidence,
       r.confidence AS confidence, r.sentences[0] AS example
ORDER BY relation, evidence DESC, member
""",
            ("name",),
        ),
        Template(
            "connection",
            "How two actors are connected: shortest paths (up to 4 steps, either direction) with evidence.",
            f"""
MATCH (a:Entity) WHERE {_named("a", "a")}
MATCH (b:Entity) WHERE {_named("b", "b")} AND b <> a
MATCH path = allShortestPaths((a)-[*..4]-(b))
WHERE all(n IN nodes(path) WHERE n:Entity)
RETURN [n IN nodes(path) | n.name] AS actors,
       [r IN relationships(path) | {{from: startNode(r).name, predicate: type(r), to: endNode(r).name,
                                      sentence: r.sentences[0], articles: r.articles}}] AS steps
LIMIT $limit
""",
            ("a", "b"),
            {"limit": 10},
        ),
        Template(
            "comentions",
            "Who is mentioned in the same articles as an actor (roles, things and quotes left out).",
            f"""
MATCH (x:Entity) WHERE {_named("x", "name")}
MATCH (x)<-[:MENTIONS]-(a:Article)-[:MENTIONS]->(other:Entity)
WHERE other <> x AND NOT (other:Role OR other:Thing OR other:Quote)
RETURN other.name AS name, other.type AS type, count(DISTINCT a) AS articles,
       collect(DISTINCT a.title)[0..3] AS titles
ORDER BY articles DESC, name
LIMIT $limit
""",
            ("name",),
            {"limit": 25},
        ),
        Template(
            "about",
            "Who said, published or did what about an actor: edges aimed at it or whose evidence names it.",
            f"""
MATCH (y:Entity) WHERE {_named("y", "name")}
MATCH (a:Article)-[:MENTIONS]->(y)
MATCH (a)-[:MENTIONS]->(s:Entity)-[r]->(t:Entity)
WHERE s <> y AND type(r) <> 'HAS_ROLE'
UNWIND range(0, size(r.articles) - 1) AS i
WITH y, a, s, r, t, i
WHERE r.articles[i] = a.id
  AND (t = y OR any(n IN [y.name] + coalesce(y.aliases, []) WHERE r.sentences[i] CONTAINS n))
RETURN s.name AS who, type(r) AS did, t.name AS what, r.sentences[i] AS evidence,
       a.title AS article, a.published AS published
ORDER BY published DESC, who
LIMIT $limit
""",
            ("name",),
            {"limit": 50},
        ),
    )
}
