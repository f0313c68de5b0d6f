"""Every Cypher text newsgraph sends, in one place, and the database model they keep.

Values always travel as parameters. Node labels are formatted into a query only from ``ENTITY_LABELS``
(backtick-quoted); relationship types travel as parameters too (``$(row.type)``), and only after
``relationship_type`` has reduced them to a strict pattern. Raw article text never becomes query text.

The model, as users query it:

* ``(:Entity:Person {id, name, type, aliases, mentions, article_count})`` — one node per resolved entity,
  with a second label per type (``ENTITY_LABELS``). Its totals are derived from the ``MENTIONS`` edges, and
  so are ``name`` and ``type``: the ones the resolution decided for an actor (every article that names it
  carries them), else (roles, things, quotes) the ones most articles give the entity that carries the node's
  id (ties: the first in code-point order), so they never depend on the order articles were loaded in.
* ``(:Article {id, title, url, published, authors, site_name, source, content_hash, sightings, extraction,
  merged})`` — the
  metadata, plus what is needed to fold the article into the graph again without its files:
  ``sightings`` (JSON of ``extract.resolve.Sighting.to_dict()``, all that resolution reads) and
  ``extraction`` (JSON of the article's entities and relations as in the extraction contract, mention and
  evidence offsets included, without the text), both zlib-compressed bytes (``writer.pack``; plain JSON
  text after a bulk import or from an older newsgraph, which readers take too), and ``merged`` (JSON: how the current resolution folds it,
  ``{"ids": {its entity id: the id it is merged into}, "names": {actor id: [name, type] decided}}``).
* ``(:Article)-[:MENTIONS {count, names, name, type, own}]->(:Entity)`` — one per article and entity:
  how often, under which names, and the article's own (name, type) for the entity.
* ``(:Entity)-[:PREDICATE {count, confidence, first_seen, last_seen, articles, sentences, rules,
  confidences, dates, source_starts, source_ends, target_starts, target_ends}]->(:Entity)`` — one per
  (source, predicate, target); the evidence lists run in parallel, one item per piece of evidence (its
  article, sentence, rule, confidence, the article's date and both ends' character offsets in the article
  text), ordered by article id and then by position in the article, so an article's items can be taken
  out exactly and the order never depends on history.
* ``(:NewsgraphMeta {id: 'store', dirty, merges})`` — bookkeeping: every write transaction takes its lock
  first (so concurrent loads are serialised transaction by transaction and never lose an update),
  ``dirty`` says the stored corpus changed since it was last resolved, ``merges`` holds the merges rules
  the store resolves with. Entities whose totals must be derived again carry a ``:Stale`` label until
  they are.
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
TYPE_LABELS = tuple(sorted(set(ENTITY_LABELS.values())))

#: Relationship types newsgraph keeps for its own bookkeeping; a predicate may not take them.
RESERVED_TYPES = frozenset({"MENTIONS"})
TYPE_PATTERN = re.compile(r"^[A-Z][A-Z0-9_]{0,63}$")
_NOT_TYPE_CHAR = re.compile(r"[^A-Z0-9]+")

#: The evidence lists of a relationship, in parallel; ``EVIDENCE_LISTS[0]`` orders them.
EVIDENCE_LISTS = (
    "articles", "sentences", "rules", "confidences", "dates", "source_starts", "source_ends", "target_starts",
    "target_ends",
)  # fmt: skip


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


# --- schema and the store's lock ---------------------------------------------------------------

CONSTRAINTS = (
    "CREATE CONSTRAINT newsgraph_entity_id IF NOT EXISTS FOR (e:Entity) REQUIRE e.id IS UNIQUE",
    "CREATE CONSTRAINT newsgraph_article_id IF NOT EXISTS FOR (a:Article) REQUIRE a.id IS UNIQUE",
    "CREATE CONSTRAINT newsgraph_meta_id IF NOT EXISTS FOR (m:NewsgraphMeta) REQUIRE m.id IS UNIQUE",
)

#: First statement of every write transaction: the store-wide write lock, held until commit. It must be a
#: statement of its own: a value read before the lock in the same statement may be one another writer has
#: changed since (read committed), so everything is read after it.
LOCK = "MERGE (m:NewsgraphMeta {id: 'store'}) SET m._lock = true REMOVE m._lock"

#: Second statement: the store's state, and ``writer``, the name of the last transaction's writer. A load
#: that finds its own name there knows no one else wrote since its previous batch, so the relationships
#: it made are still exactly as it left them.
CLAIM = """
MATCH (m:NewsgraphMeta {id: 'store'})
WITH m, m.writer AS previous
SET m.writer = $writer
RETURN coalesce(m.dirty, false) AS dirty, m.merges AS merges, previous, NOT EXISTS { (:Article) } AS empty
"""

MARK_DIRTY = "MATCH (m:NewsgraphMeta {id: 'store'}) SET m.dirty = true"

MARK_RESOLVED = "MATCH (m:NewsgraphMeta {id: 'store'}) SET m.dirty = false, m.merges = $merges REMOVE m.writer"

#: What a load checks before deciding there is nothing to do.
STATE = """
OPTIONAL MATCH (m:NewsgraphMeta {id: 'store'})
RETURN coalesce(m.dirty, false) AS dirty, m.merges AS merges, COUNT { MATCH (:Stale) } AS stale
"""

# --- reading what is stored ---------------------------------------------------------------------

STORED_ARTICLES = """
UNWIND $ids AS id
MATCH (a:Article {id: id})
RETURN a.id AS id, a.content_hash AS content_hash, a.title AS title, a.url AS url,
       a.published AS published, a.source AS source
"""

#: Inside a write transaction: which of the batch's articles are stored, whether unchanged, and (when
#: changed) what they contributed, so it can be taken out.
STORED_FOR_WRITE = """
UNWIND $rows AS row
MATCH (a:Article {id: row.id})
WITH a, [a.content_hash, a.title, a.url, a.published, a.source] = row.fingerprint AS same
RETURN a.id AS doc_id, same, a.title AS title, a.url AS url, a.published AS published, a.source AS source,
       a.authors AS authors, a.site_name AS site_name, CASE WHEN same AND NOT $force THEN null ELSE a.extraction END AS extraction, a.merged AS merged
"""

#: Every stored article's sightings and how it is folded now: what resolving the corpus again reads.
ALL_SIGHTINGS = """
MATCH (a:Article)
RETURN a.id AS id, a.sightings AS sightings, a.merged AS merged, a.extraction IS NOT NULL AS foldable
"""

#: Stored articles as ``ArticleExtraction.from_dict`` reads them (for folding them again).
STORED_EXTRACTIONS = """
UNWIND $ids AS id
MATCH (a:Article {id: id})
RETURN a.id AS doc_id, a.title AS title, a.url AS url, a.published AS published, a.source AS source,
       a.authors AS authors, a.site_name AS site_name, a.content_hash AS content_hash, a.sightings AS sightings, a.extraction AS extraction, a.merged AS merged
"""

COUNTS = "RETURN COUNT { MATCH (n) } AS nodes, COUNT { MATCH ()-[r]->() } AS relationships"

# --- adding articles' contributions -------------------------------------------------------------

#: Entities a batch mentions: created when new, and marked for their totals to be derived again.
MERGE_ENTITIES = """
UNWIND $ids AS id
MERGE (e:Entity {id: id})
SET e:Stale
"""

#: Articles (all properties replaced) with their MENTIONS edges (their old ones are already gone).
WRITE_ARTICLES = """
UNWIND $rows AS row
MERGE (a:Article {id: row.props.id})
SET a = row.props
WITH a, row
UNWIND row.mentions AS mention
MATCH (e:Entity {id: mention.entity})
CREATE (a)-[m:MENTIONS]->(e)
SET m = mention.props
"""

_DERIVED = """
SET r.count = size(r.articles),
    r.confidence = reduce(best = 0.0, c IN r.confidences | CASE WHEN c > best THEN c ELSE best END),
    r.first_seen = reduce(d = '', x IN r.dates | CASE WHEN x <> '' AND (d = '' OR x < d) THEN x ELSE d END),
    r.last_seen = reduce(d = '', x IN r.dates | CASE WHEN x > d THEN x ELSE d END)
"""


#: Relationships that exist among ``$rows`` (source, type, target): their element ids, by row index. Read
#: before the transaction writes anything: a ``MERGE`` on a type given as a parameter cannot use the
#: type to expand and scans every relationship between the two nodes, including the transaction's own.
FIND_RELATIONSHIPS = """
UNWIND range(0, size($rows) - 1) AS i
WITH i, $rows[i] AS row
MATCH (s:Entity {id: row.source})-[r:$(row.type)]->(t:Entity {id: row.target})
RETURN i, elementId(r) AS eid
"""

#: New relationships, with their lists and totals as the rows give them (computed like ``_DERIVED``).
#: ``$(row.type)`` (Neo4j 5.26+) takes the type as a parameter, so the query is planned once, not once per
#: verb; rows carry only types from ``relationship_type``.
CREATE_RELATIONSHIPS = """
UNWIND range(0, size($rows) - 1) AS i
WITH i, $rows[i] AS row
MATCH (s:Entity {id: row.source})
MATCH (t:Entity {id: row.target})
CREATE (s)-[r:$(row.type)]->(t)
SET r = row.props
RETURN i, elementId(r) AS eid
"""


#: What an evidence list holds for items stored by a newsgraph that did not keep it yet (offsets: -1).
_MISSING = {"sentences": "''", "rules": "''", "confidences": "0.0", "dates": "''"}


def _stored(name: str, size: str = "size(r.articles)") -> str:
    """``r.<name>``, or ``size`` placeholders when an older newsgraph left the list out."""
    return f"coalesce(r.{name}, [x IN range(1, {size}) | {_MISSING.get(name, '-1')}])"


def _merged_lists() -> str:
    """Old and new evidence items together, ordered by article (``ORDER BY`` articles, then position)."""
    joined = ",\n     ".join(
        f"{'r.articles' if name == 'articles' else _stored(name)} + row.props.{name} AS {name}" for name in EVIDENCE_LISTS
    )
    ordered = ",\n    ".join(f"r.{name} = [i IN idx | {name}[i]]" for name in EVIDENCE_LISTS)
    return (
        f"WITH r, {joined}\n"
        "WITH r, " + ", ".join(EVIDENCE_LISTS) + ",\n"
        "     COLLECT { UNWIND range(0, size(articles) - 1) AS i RETURN i ORDER BY articles[i], i } AS idx\n"
        f"SET {ordered}"
    )


#: Existing relationships (by element id) get the rows' items merged into their order, totals derived again.
ADD_EVIDENCE = (
    """
UNWIND $rows AS row
MATCH ()-[r]->() WHERE elementId(r) = row.eid
"""
    + _merged_lists()
    + _DERIVED
)

#: Drop the evidence of the rows' articles (``row.articles``) from relationships (by element id). Emptied
#: ones stay until ``DELETE_EMPTIED``, so that a replaced article's relationships keep their identity.
STRIP_EVIDENCE = (
    """
UNWIND $rows AS row
MATCH ()-[r]->() WHERE elementId(r) = row.eid
WITH r, size(r.articles) AS n, [i IN range(0, size(r.articles) - 1) WHERE NOT r.articles[i] IN row.articles] AS keep
SET """
    + ",\n    ".join(f"r.{name} = [i IN keep | {'r.articles' if name == 'articles' else _stored(name, 'n')}[i]]" for name in EVIDENCE_LISTS)
    + _DERIVED
)

#: Relationships (by element id) left without any evidence are supported by nothing.
DELETE_EMPTIED = """
UNWIND $eids AS eid
MATCH ()-[r]->() WHERE elementId(r) = eid AND r.count = 0
DELETE r
RETURN eid
"""

DELETE_MENTIONS = """
MATCH (a:Article)-[m:MENTIONS]->(e:Entity)
WHERE a.id IN $ids
SET e:Stale
DELETE m
"""

DELETE_ARTICLES = """
MATCH (a:Article)
WHERE a.id IN $ids
DETACH DELETE a
"""

# --- deriving entity totals ---------------------------------------------------------------------

#: Stale entities no article mentions any more are supported by nothing: delete them with their edges.
DELETE_ORPHANS = """
MATCH (e:Stale)
WHERE NOT EXISTS { (:Article)-[:MENTIONS]->(e) }
DETACH DELETE e
"""

#: Totals, name, type and type label of up to ``$limit`` stale entities, from their MENTIONS edges.
REFRESH_ENTITIES = """
MATCH (e:Stale)
WITH e LIMIT $limit
CALL (e) {
  OPTIONAL MATCH (:Article)-[m:MENTIONS]->(e)
  WHERE m.name IS NOT NULL  // edges an older newsgraph wrote carry no name
  WITH m.name AS name, m.type AS type, coalesce(m.own, false) AS own, count(m) AS n
  RETURN name, type ORDER BY own DESC, n DESC, name, type LIMIT 1
}
WITH e, name, type, COUNT { (:Article)-[:MENTIONS]->(e) } AS articles,
     COLLECT { MATCH (:Article)-[m:MENTIONS]->(e) RETURN m.count } AS counts,
     COLLECT { MATCH (:Article)-[m:MENTIONS]->(e) UNWIND m.names AS alias
               WITH DISTINCT alias WHERE alias <> name RETURN alias ORDER BY alias } AS aliases
REMOVE e:Stale, e:$($labels)
SET e.name = coalesce(name, e.name), e.type = coalesce(type, e.type), e.article_count = articles, e.aliases = aliases,
    e.mentions = reduce(total = 0, c IN counts | total + c),
    e:$(coalesce($label_of[coalesce(type, e.type, '')], 'Entity'))
RETURN count(e) AS refreshed
"""

# --- after a bulk import ------------------------------------------------------------------------

#: The import tool makes no property of an empty field: an empty list, or a list of one empty string. Put
#: them back as a load writes them (once, after the import; every relationship is read).
BULK_FIXES = (
    "MATCH (e:Entity) WHERE e.aliases IS NULL SET e.aliases = []",
    "MATCH (a:Article) WHERE a.authors IS NULL SET a.authors = []",
    "MATCH (:Article)-[m:MENTIONS]->() WHERE m.names IS NULL SET m.names = ['']",
    *(
        f"MATCH ()-[r]->() WHERE r.articles IS NOT NULL AND r.{name} IS NULL SET r.{name} = ['']"
        for name in ("sentences", "rules", "dates")
    ),
)

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
        # each actor its articles mention once, each of its relationships once, then each evidence item's own
        # article (an edge's source is always mentioned in the article its evidence comes from): 0.1–1.1 s for a
        # hub on a store of the whole BBC corpus, where reading the evidence once per article took 25 s
        Template(
            "about",
            "Who said, published or did what about an actor: edges aimed at it or whose evidence names it.",
            f"""
MATCH (y:Entity) WHERE {_named("y", "name")}
MATCH (y)<-[:MENTIONS]-(:Article)-[:MENTIONS]->(s:Entity)
WHERE s <> y
WITH DISTINCT y, s
MATCH (s)-[r]->(t:Entity)
WHERE type(r) <> 'HAS_ROLE'
UNWIND range(0, size(r.articles) - 1) AS i
WITH y, s, r, t, i
WHERE t = y OR any(n IN [y.name] + coalesce(y.aliases, []) WHERE r.sentences[i] CONTAINS n)
MATCH (a:Article {{id: r.articles[i]}})-[:MENTIONS]->(y)
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
