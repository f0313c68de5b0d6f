"""The writer and the CLI against a live Neo4j (``eval "$(scripts/neo4j-local.sh start)"``).

The server is shared with every other test, so these tests touch only their own data: article ids and
entity ids carry a token unique to this run, comparisons are scoped to it, and it is removed at the end.
"""

from __future__ import annotations

import json
import uuid

import pytest
from typer.testing import CliRunner

from extract.model import Article, ArticleExtraction, Entity, Evidence, Mention, Relation
from graph.cli import app
from graph.store import Neo4jStore

pytestmark = pytest.mark.neo4j

TOKEN = uuid.uuid4().hex[:10]
PREFIX = f"newsgraph-test-{TOKEN}-"
HOSTILE = "Robert'); MATCH (n) DETACH DELETE n; //"
BACKTICKS = "`Bobby` Tables`) DETACH DELETE e //"

runner = CliRunner()


@pytest.fixture(scope="module")
def store(neo4j_driver):
    store = Neo4jStore(neo4j_driver)
    yield store
    mine = store.query("MATCH (a:Article) WHERE a.id STARTS WITH $prefix RETURN a.id AS id", {"prefix": PREFIX})
    store.remove(r["id"] for r in mine.records)


def ent(slug: str, name: str, type_: str, count: int = 1) -> Entity:
    mentions = tuple(Mention(0, len(name), name) for _ in range(count))
    return Entity(f"{type_.lower()}:{TOKEN}-{slug}", name, type_, mentions=mentions)


def rel(source: Entity, predicate: str, target: Entity, doc_id: str, sentence: str, confidence: float, rule: str = "svo") -> Relation:
    return Relation(source.id, predicate, target.id, Evidence(doc_id, sentence, (0, 1), (2, 3), rule), confidence)


QUILL = ent("ada-quill", "Ada Quill", "PERSON")
MINISTER = ent("interior-minister", "interior minister", "ROLE")
TOWN = ent("harbourton", "Harbourton", "GPE")
MAYOR = ent("mayor-brant", "Olaf Brant", "PERSON")


def article(name: str, sentence: str, entities: list[Entity], relations: list[tuple], published: str) -> ArticleExtraction:
    doc_id = PREFIX + name
    return ArticleExtraction(
        Article(id=doc_id, text=sentence, title=f"{name} title", published=published),
        tuple(entities),
        tuple(rel(s, p, t, doc_id, sentence, c) for s, p, t, c in relations),
    )


def first(text: str = "Interior Minister Ada Quill visited Harbourton.") -> ArticleExtraction:
    return article("a1", text, [QUILL, MINISTER, TOWN], [(QUILL, "HAS_ROLE", MINISTER, 0.8), (QUILL, "VISIT", TOWN, 0.6)], "2024-05-02")


def second() -> ArticleExtraction:
    return article("a2", "Interior Minister Ada Quill spoke.", [QUILL, MINISTER], [(QUILL, "HAS_ROLE", MINISTER, 0.9)], "2024-06-10")


def snapshot(store: Neo4jStore) -> dict:
    """Everything this run put in the graph, as comparable plain data."""
    nodes = store.query(
        "MATCH (e:Entity) WHERE e.id CONTAINS $token "
        "RETURN e.id AS id, e.name AS name, labels(e) AS labels, e.mentions AS mentions, e.aliases AS aliases, "
        "e.article_count AS articles ORDER BY id",
        {"token": TOKEN},
    )
    rels = store.query(
        "MATCH (s:Entity)-[r]->(t:Entity) WHERE s.id CONTAINS $token "
        "RETURN s.id AS s, type(r) AS type, t.id AS t, r.count AS count, r.articles AS articles, "
        "r.sentences AS sentences, r.confidence AS confidence, r.first_seen AS first_seen, r.last_seen AS last_seen "
        "ORDER BY s, type, t",
        {"token": TOKEN},
    )
    mentions = store.query(
        "MATCH (a:Article)-[m:MENTIONS]->(e) WHERE a.id STARTS WITH $prefix "
        "RETURN a.id AS a, e.id AS e, m.count AS count ORDER BY a, e",
        {"prefix": PREFIX},
    )
    return {
        "nodes": [dict(r) for r in nodes.records],
        "rels": {(r["s"], r["type"], r["t"]): dict(r) for r in rels.records},
        "mentions": [dict(r) for r in mentions.records],
    }


def _forget(store: Neo4jStore) -> None:
    store.remove([PREFIX + name for name in ("a1", "a2", "a3", "a4")])


def test_constraints_are_created(store):
    store.ensure_constraints()
    shown = store.query("SHOW CONSTRAINTS YIELD labelsOrTypes, properties, type RETURN *")
    unique = {(tuple(r["labelsOrTypes"]), tuple(r["properties"])) for r in shown.records if "UNIQUE" in r["type"]}
    assert {(("Entity",), ("id",)), (("Article",), ("id",))} <= unique


def test_loading_twice_changes_nothing(store):
    _forget(store)
    summary = store.load([first(), second()])
    assert (summary.articles_loaded, summary.nodes_created, summary.relationships_created) == (2, 3, 2)
    before = snapshot(store)
    role = before["rels"][(QUILL.id, "HAS_ROLE", MINISTER.id)]
    assert role["count"] == 2 and role["articles"] == [PREFIX + "a1", PREFIX + "a2"]
    assert (role["confidence"], role["first_seen"], role["last_seen"]) == (0.9, "2024-05-02", "2024-06-10")
    assert {n["id"]: n["mentions"] for n in before["nodes"]}[QUILL.id] == 2
    assert {n["id"]: n["labels"] for n in before["nodes"]}[QUILL.id] == ["Entity", "Person"]

    again = store.load([first(), second()])
    assert (again.articles_skipped, again.articles_loaded, again.articles_replaced) == (2, 0, 0)
    assert snapshot(store) == before

    forced = store.load([first(), second()], force=True)
    assert forced.articles_replaced == 2 and forced.nodes_created == 0 and forced.relationships_created == 0
    assert snapshot(store) == before


def test_changed_article_replaces_its_contribution(store):
    _forget(store)
    store.load([first(), second()])
    changed = article(
        "a1", "Interior Minister Ada Quill met Olaf Brant.", [QUILL, MINISTER, MAYOR],
        [(QUILL, "HAS_ROLE", MINISTER, 0.7), (QUILL, "MEET", MAYOR, 0.5)], "2024-05-02",
    )  # fmt: skip
    summary = store.load([changed, second()])
    assert (summary.articles_replaced, summary.articles_skipped) == (1, 1)
    after = snapshot(store)
    assert (QUILL.id, "VISIT", TOWN.id) not in after["rels"]
    assert TOWN.id not in {n["id"] for n in after["nodes"]}, "no remaining article mentions Harbourton"
    assert after["rels"][(QUILL.id, "MEET", MAYOR.id)]["articles"] == [PREFIX + "a1"]
    role = after["rels"][(QUILL.id, "HAS_ROLE", MINISTER.id)]
    assert role["count"] == 2 and sorted(role["sentences"]) == ["Interior Minister Ada Quill met Olaf Brant.", "Interior Minister Ada Quill spoke."]


def test_remove_deletes_what_no_remaining_article_supports(store):
    _forget(store)
    store.load([first(), second()])
    removed = store.remove([PREFIX + "a1"])
    assert removed.articles_removed == 1 and removed.missing == []
    after = snapshot(store)
    assert {n["id"] for n in after["nodes"]} == {QUILL.id, MINISTER.id}
    role = after["rels"][(QUILL.id, "HAS_ROLE", MINISTER.id)]
    assert (role["count"], role["articles"], role["confidence"], role["first_seen"]) == (1, [PREFIX + "a2"], 0.9, "2024-06-10")
    store.remove([PREFIX + "a2"])
    assert snapshot(store) == {"nodes": [], "rels": {}, "mentions": []}
    assert store.remove([PREFIX + "a2"]).missing == [PREFIX + "a2"]


def test_hostile_names_round_trip_as_plain_values(store):
    _forget(store)
    store.load([second()])  # a bystander that must survive
    villain = ent("villain", HOSTILE, "PERSON")
    ticks = ent("ticks", BACKTICKS, "ORG")
    sentence = f"{HOSTILE} joined {BACKTICKS}."
    hostile = article("a3", sentence, [villain, ticks], [(villain, "JOIN`]->() DETACH DELETE n //", ticks, 0.5)], "")
    store.load([hostile])
    names = store.query("MATCH (e:Entity) WHERE e.name IN $names RETURN e.name AS name, e.id AS id", {"names": [HOSTILE, BACKTICKS]})
    assert {r["name"]: r["id"] for r in names.records} == {HOSTILE: villain.id, BACKTICKS: ticks.id}
    edge = snapshot(store)["rels"][(villain.id, "JOIN_DETACH_DELETE_N", ticks.id)]
    assert edge["sentences"] == [sentence]
    assert (QUILL.id, "HAS_ROLE", MINISTER.id) in snapshot(store)["rels"], "the bystander is still there"


def test_every_template_answers_its_question(store):
    from graph.store.cypher import TEMPLATES

    _forget(store)
    council = ent("council", "Harbourton Council", "ORG")
    member = article("a4", "Olaf Brant sits on Harbourton Council.", [MAYOR, council], [(MAYOR, "MEMBER_OF", council, 0.7)], "2024-07-01")
    met = article("a3", "Ada Quill met Olaf Brant.", [QUILL, MAYOR], [(QUILL, "MEET", MAYOR, 0.6)], "2024-06-01")
    store.load([first(), second(), met, member])

    def ask(template_name: str, **params) -> list[dict]:
        template = TEMPLATES[template_name]
        return [dict(r) for r in store.query(template.cypher, template.parameters(params)).records]

    roles = ask("roles", name="ada quill")
    assert [(r["person"], r["role"], r["evidence"]) for r in roles] == [("Ada Quill", "interior minister", 2)]
    assert [(r["member"], r["relation"]) for r in ask("members", name="Harbourton Council")] == [("Olaf Brant", "MEMBER_OF")]
    (path,) = ask("connection", a="Ada Quill", b="Harbourton Council")
    assert path["actors"] == ["Ada Quill", "Olaf Brant", "Harbourton Council"]
    assert [step["predicate"] for step in path["steps"]] == ["MEET", "MEMBER_OF"]
    assert path["steps"][0]["sentence"] == "Ada Quill met Olaf Brant."
    assert {r["name"] for r in ask("comentions", name="Olaf Brant")} == {"Ada Quill", "Harbourton Council"}
    about = ask("about", name="Harbourton")
    assert [(r["who"], r["did"], r["what"]) for r in about] == [("Ada Quill", "VISIT", "Harbourton")]
    store.remove([PREFIX + "a4"])


# --- the command line, as in the "Done when" -------------------------------------------


def cli(*args: str):
    return runner.invoke(app, [str(a) for a in args])


@pytest.mark.model
def test_cli_load_twice_then_query_the_role(store, nlp, tmp_path):
    path = tmp_path / f"{PREFIX}cazeneuve.txt"
    path.write_text("Interior Minister Bernard Cazeneuve visited Calais on Tuesday.\n", encoding="utf-8")
    first_run = cli("load", path)
    assert first_run.exit_code == 0, first_run.output
    assert "1 loaded" in first_run.output
    mentions = store.query("MATCH (:Article {id: $id})-[m:MENTIONS]->() RETURN count(m) AS n, sum(m.count) AS total", {"id": str(path)})
    second_run = cli("load", path)
    assert second_run.exit_code == 0 and "0 loaded, 0 replaced, 1 skipped" in second_run.output
    assert "0 created, 0 updated" in second_run.output
    assert dict(store.query("MATCH (:Article {id: $id})-[m:MENTIONS]->() RETURN count(m) AS n, sum(m.count) AS total", {"id": str(path)}).records[0]) == dict(mentions.records[0])

    answer = runner.invoke(
        app, ["query", "MATCH (p {name: $name})-[r]->(x) RETURN type(r), x.name", "--param", "name=Bernard Cazeneuve", "--format", "json"]
    )
    assert answer.exit_code == 0, answer.output
    rows = json.loads(answer.stdout)
    roles = [row["x.name"] for row in rows if row["type(r)"] == "HAS_ROLE"]
    assert roles and all("minister" in role.lower() for role in roles)

    template = cli("query", "--template", "roles", "--param", "name=bernard cazeneuve", "--format", "csv")
    assert template.exit_code == 0 and "minister" in template.stdout.lower()

    assert cli("remove", path).exit_code == 0
    gone = cli("remove", path)
    assert gone.exit_code == 1 and "not found" in gone.output


def test_cli_bad_cypher_shows_the_servers_message(store):
    result = cli("query", "MATHC (n) RETURN n")
    assert result.exit_code == 1
    assert "Neo4j rejected the query" in result.output and "MATHC" in result.output


def test_cli_wrong_password_is_a_clear_error(store):
    result = cli("query", "RETURN 1", "--password", f"not-the-password-{TOKEN}")
    assert result.exit_code == 1
    assert "refused user" in result.output and "NEO4J_PASSWORD" in result.output


@pytest.mark.model
def test_cli_load_of_a_saved_page_stores_its_date_authors_and_site(store, nlp, tmp_path):
    import shutil

    from extract.io.ingest import path_id
    from tests.conftest import REPO

    path = tmp_path / f"{PREFIX}herald.html"
    shutil.copy(REPO / "tests" / "data" / "pages" / "01-northgate-herald.html", path)
    loaded = cli("load", path)
    assert loaded.exit_code == 0, loaded.output
    doc_id = path_id(path)
    row = store.query("MATCH (a:Article {id: $id}) RETURN a.published AS published, a.authors AS authors, a.site_name AS site",
                      {"id": doc_id}).records[0]  # fmt: skip
    assert (row["published"], list(row["authors"]), row["site"]) == ("2019-06-11T05:00:00+01:00", ["Imogen Rask", "Tobias Venn"], "The Northgate Herald")
    seen = store.query("MATCH ()-[r]->() WHERE $id IN r.articles RETURN DISTINCT r.first_seen AS first", {"id": doc_id}).records
    assert seen and {r["first"][:10] for r in seen} <= {"2019-06-11"}
    assert cli("remove", doc_id).exit_code == 0
