"""extract.relations.evaluate: gold reading, lenient but honest matching, quote and action counts (no model)."""

from __future__ import annotations

import json

import pytest

from extract.errors import EvaluationDataError
from extract.model import Article, ArticleExtraction, Entity, Evidence, Mention, Relation, entity_id
from extract.relations.evaluate import (
    GoldAction,
    GoldArticle,
    GoldPassage,
    GoldQuote,
    _Tally,
    head_noun,
    is_noun_phrase,
    load_gold,
    predicate_parts,
    same_actor,
    same_predicate,
    score_actions,
    score_quotes,
    singular,
)

TEXT = 'Police sources told AFP that 40 people were held. "We will rebuild the pier," said Ana Ortiz. The council rejected the bid.'


def entity(name: str, type_: str, *aliases: str) -> Entity:
    return Entity(entity_id(name, type_), name, type_, aliases, (Mention(0, 1, name, type_),))


def span(part: str) -> tuple[int, int]:
    start = TEXT.index(part)
    return start, start + len(part)


def relation(source: Entity, predicate: str, target: Entity, target_span: tuple[int, int] = (0, 1), rule: str = "quote") -> Relation:
    return Relation(source.id, predicate, target.id, Evidence("a", "…", (0, 1), target_span, rule), 0.8)


def gold_quote(quote: str, speaker: str, kind: str = "person", audience: str = "", cases: tuple[str, ...] = ()) -> GoldQuote:
    return GoldQuote(quote, speaker, kind, "", audience, "say", True, cases, (span(quote),))


@pytest.mark.parametrize(
    ("word", "expected"), [("sources", "source"), ("agencies", "agency"), ("people", "person"), ("witnesses", "witness"), ("press", "press"), ("analysts", "analyst")]
)
def test_singular(word, expected):
    assert singular(word) == expected


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("police sources", "source"),
        ("a spokesman", "spokesman"),
        ("sources familiar with the matter", "source"),
        ("one of the interviewees", "interviewee"),
        ("board of the Danube Infrastructure Bank", "board"),
        ("state's own witness", "witness"),
        ("spokesman for Verlinde Semiconductors", "spokesman"),
    ],
)
def test_head_noun(phrase, expected):
    assert head_noun(phrase) == expected


def test_names_and_noun_phrases():
    assert is_noun_phrase("police sources") and is_noun_phrase("board of the Danube Bank")
    assert not is_noun_phrase("Alliance for the Republic") and not is_noun_phrase("Ana Ortiz")


@pytest.mark.parametrize(
    ("gold", "ent", "kind", "expected"),
    [
        ("Martin Okafor", entity("Martin Okafor", "PERSON"), "person", True),
        ("Martin Okafor", entity("Okafor", "PERSON"), "person", True),  # a shorter form keeping the last word
        ("Halvorsen Industrial Group", entity("Halvorsen", "ORG"), "org", True),  # … or the first
        ("Ostra Motors", entity("Carmakers Ostra Motors", "ORG"), "org", True),  # a longer name on the same last word
        ("Elections Quebec", entity("Quebec", "GPE"), "org", False),  # a body is never a place
        ("Martin Okafor", entity("Martin Hale", "PERSON"), "person", False),
        ("European Commission", entity("Commission X", "ORG", "the Commission"), "org", True),  # an alias
        ("police sources", entity("police sources", "SOURCE"), "group", True),
        ("spokesman", entity("spokesman for Verlinde", "SOURCE"), "group", True),
        ("sources familiar with the matter", entity("sources", "SOURCE"), "group", True),
        ("spokesman", entity("police sources", "SOURCE"), "group", False),
        ("Fjellstad's board", entity("Fjellstad", "ORG"), "", False),  # the board is not the company
    ],
)
def test_same_actor(gold, ent, kind, expected):
    assert same_actor(gold, ent, kind) is expected


def test_predicates():
    assert predicate_parts("NOT_RESPOND_TO") == (True, "respond", ("to",))
    assert same_predicate("meet_with", "MEET") and same_predicate("pull_out", "PULL_OUT_OF") and same_predicate("apologise_to", "APOLOGIZE_TO")
    assert not same_predicate("approve", "NOT_APPROVE") and not same_predicate("vote_against", "VOTE_FOR")


def extraction(entities: list[Entity], relations: list[Relation]) -> ArticleExtraction:
    return ArticleExtraction(Article("a", TEXT), tuple(entities), tuple(relations))


def test_quote_scoring_counts_right_wrong_missed_and_unlisted():
    sources, ortiz, afp, council = entity("police sources", "SOURCE"), entity("Ana Ortiz", "PERSON"), entity("AFP", "ORG"), entity("council", "THING")
    q1, q2, q3 = (entity(t, "QUOTE") for t in ("40 people were held", "We will rebuild the pier", "The council rejected the bid"))
    gold = GoldArticle("a", TEXT, quotes=(
        gold_quote("40 people were held", "police sources", "group", "AFP", ("told_that",)),
        gold_quote("We will rebuild the pier", "Ana Ortiz", cases=("said_inverted",)),
    ))  # fmt: skip
    relations = [
        relation(sources, "SAID", q1, span("40 people were held")),
        relation(q1, "TOLD_TO", afp),
        relation(council, "SAID", q2, span("We will rebuild the pier")),  # the wrong speaker …
        relation(ortiz, "SAID", q2, span("We will rebuild the pier")),  # … and the right one: one pair each
        relation(ortiz, "SAID", q3, span("The council rejected the bid")),  # meets no gold quote: unlisted
    ]
    tally, errors = _Tally(), []
    score_quotes(gold, extraction([sources, ortiz, afp, council, q1, q2, q3], relations), tally, errors)
    assert tally.result("speaker") == tally.result("speaker").__class__(tp=2, fp=1, fn=0)
    assert tally.result("audience").tp == 1 and tally.result("audience").fp == 0
    assert tally.result("unlisted_quotes").tp == 1
    assert tally.cases["said_inverted"] == {"gold": 1, "found": 1, "right": 1, "wrong": 1}
    assert any(e["kind"] == "extra speaker" and e["predicted"] == "council" for e in errors)


def test_a_missed_quote_and_audience():
    gold = GoldArticle("a", TEXT, quotes=(gold_quote("40 people were held", "police sources", "group", "AFP"),))
    tally, errors = _Tally(), []
    score_quotes(gold, extraction([], []), tally, errors)
    assert tally.result("speaker").fn == 1 and tally.result("audience").fn == 1
    assert {e["kind"] for e in errors} == {"quote missed", "audience missed"}


def test_action_scoring_scores_only_verbs_the_gold_lists():
    council, bid, ortiz, pier = entity("council", "THING"), entity("bid", "THING"), entity("Ana Ortiz", "PERSON"), entity("pier", "THING")
    gold = GoldArticle(
        "a", TEXT,
        actions=(GoldAction("town council", "reject", "bid", ("active",)),),
        not_actions=(GoldAction("Ana Ortiz", "rebuild", "pier", ("inside_quote",)),),
    )  # fmt: skip
    relations = [
        relation(council, "REJECT", bid, rule="svo"),  # right
        relation(ortiz, "REJECT", pier, rule="svo"),  # a listed verb, wrong ends: a false positive
        relation(ortiz, "REBUILD", pier, rule="svo"),  # a not-action extracted
        relation(ortiz, "VISIT", pier, rule="svo"),  # an unlisted verb: not scored
        relation(ortiz, "HAS_ROLE", pier, rule="title"),  # no action rule
    ]
    tally, errors = _Tally(), []
    score_actions(gold, extraction([council, bid, ortiz, pier], relations), frozenset({"svo"}), tally, errors)
    assert (tally.result("action_recall").tp, tally.result("action_recall").fn) == (1, 0)
    assert (tally.result("action_precision").tp, tally.result("action_precision").fp) == (1, 2)
    assert tally.result("not_actions").fp == 1 and tally.result("unlisted_actions").tp == 1
    assert tally.cases["inside_quote"]["false_positive"] == 1


def test_a_not_action_given_as_a_passage_counts_every_action_whose_object_is_written_in_it():
    ortiz, pier, council, bid = entity("Ana Ortiz", "PERSON"), entity("pier", "THING"), entity("council", "THING"), entity("bid", "THING")
    passage = "We will rebuild the pier"
    gold = GoldArticle(
        "a", TEXT, actions=(GoldAction("town council", "reject", "bid", ()),),
        quiet=(GoldPassage(TEXT.index(passage), TEXT.index(passage) + len(passage), passage, ("inside_quote",)),),
    )  # fmt: skip
    relations = [
        relation(council, "REJECT", bid, span("bid"), rule="svo"),  # right
        relation(ortiz, "REBUILD", pier, span("pier"), rule="svo"),  # inside the passage: a not-action, and scored wrong
    ]
    tally, errors = _Tally(), []
    score_actions(gold, extraction([ortiz, pier, council, bid], relations), frozenset({"svo"}), tally, errors)
    assert tally.result("not_actions").fp == 1 and tally.result("unlisted_actions").tp == 0
    assert (tally.result("action_precision").tp, tally.result("action_precision").fp) == (1, 1)
    assert tally.cases["inside_quote"]["false_positive"] == 1


def test_load_gold_reads_not_actions_given_as_passages_and_names_one_not_in_the_text(tmp_path):
    item = {"id": "x", "text": TEXT, "quotes": [], "actions": [],
            "not_actions": [{"sentence": "The council rejected the bid.", "why": "…", "case": ["idiom"]}]}  # fmt: skip
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(item) + "\n", encoding="utf-8")
    (article,) = load_gold(path)
    assert article.quiet[0].text == "The council rejected the bid." and article.quiet[0].cases == ("idiom",)
    item["not_actions"][0]["sentence"] = "Nobody wrote this."
    path.write_text(json.dumps(item) + "\n", encoding="utf-8")
    with pytest.raises(EvaluationDataError, match=r"gold.jsonl:1: not-action sentence 'Nobody wrote this.' is not in the text"):
        load_gold(path)


def test_load_gold_reads_the_dev_file():
    from tests.conftest import REPO

    articles = load_gold(REPO / "tests" / "data" / "quotes_actions" / "dev.jsonl")
    assert len(articles) == 24 and sum(len(a.quotes) for a in articles) == 189 and sum(len(a.actions) for a in articles) == 125
    assert all(a.text[s:e] == q.quote for a in articles for q in a.quotes for s, e in q.spans)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such file"),
        ("", "no articles"),
        ("{not json\n", ":1: not JSON"),
        (json.dumps({"id": "x"}) + "\n", ":1: missing key 'text'"),
        (json.dumps({"id": "x", "text": "Hi there."}) + "\n" + json.dumps({"id": "y", "text": "Hi.", "quotes": [{"quote": "elsewhere", "speaker": "A"}]}), ":2: quote 'elsewhere' is not in the text"),
        (json.dumps({"id": "x", "text": "Hi.", "actions": [{"verb": "go"}]}), ":1: missing key 'subject'"),
    ],
)
def test_bad_gold_names_the_file_and_line(tmp_path, content, message):
    path = tmp_path / "gold.jsonl"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(EvaluationDataError, match=message):
        load_gold(path)


def test_binary_gold_is_refused(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_bytes(b"\xff\xfe\x00binary")
    with pytest.raises(EvaluationDataError, match="cannot be read"):
        load_gold(path)
