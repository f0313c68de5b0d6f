"""extract.conll04.evaluate: strict micro scoring, span mapping, bad splits."""

from __future__ import annotations

import pytest

from extract.conll04.evaluate import Counts, Sentence, load_conll04, predicted_sets, score, token_offsets
from extract.errors import EvaluationDataError
from extract.model import Article, ArticleExtraction, Entity, Evidence, Mention, Relation


def test_counts_arithmetic():
    counts = Counts(tp=3, fp=1, fn=2)
    assert counts.precision == pytest.approx(0.75)
    assert counts.recall == pytest.approx(0.6)
    assert counts.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)
    assert Counts().f1 == 0.0 and Counts(fp=2).precision == 0.0


def test_score_is_strict_and_micro():
    gold = [
        {(0, 2, "Peop"), (3, 4, "Loc")},
        {(1, 2, "Org")},
    ]
    pred = [
        {(0, 2, "Peop"), (3, 4, "Org"), (5, 6, "Other")},  # wrong type on (3, 4); Other is not scored
        {(0, 2, "Org")},  # wrong span
    ]
    result = score(gold, pred, ("Peop", "Org", "Loc"))
    assert (result["Peop"].tp, result["Peop"].fp, result["Peop"].fn) == (1, 0, 0)
    assert (result["Org"].tp, result["Org"].fp, result["Org"].fn) == (0, 2, 1)
    assert (result["Loc"].tp, result["Loc"].fp, result["Loc"].fn) == (0, 0, 1)
    micro = result["micro"]
    assert (micro.tp, micro.fp, micro.fn) == (1, 2, 2)
    assert micro.precision == pytest.approx(1 / 3) and micro.recall == pytest.approx(1 / 3)


def test_relation_needs_both_spans_and_types():
    gold = [{((0, 2), "Peop", (4, 5), "Org", "Work_For")}]
    assert score(gold, [{((0, 2), "Peop", (4, 5), "Org", "Work_For")}], ("Work_For",))["micro"].f1 == 1.0
    assert score(gold, [{((0, 1), "Peop", (4, 5), "Org", "Work_For")}], ("Work_For",))["micro"].tp == 0
    assert score(gold, [{((4, 5), "Org", (0, 2), "Peop", "Work_For")}], ("Work_For",))["micro"].tp == 0


def test_token_offsets_and_glued_punctuation():
    starts, ends = token_offsets(["Kevin", "O", "'Brien", "visited", "Africa."])
    # text: "Kevin O 'Brien visited Africa."
    assert starts[0] == 0 and starts[6] == 1 and starts[8] == 2
    assert ends[5] == 1 and ends[14] == 3
    assert ends[29] == 5 and ends[30] == 5  # "Africa" or "Africa." both end the gold token


def _sentence() -> Sentence:
    tokens = ("Ann", "Lee", "works", "for", "Acme", "in", "Boston", ".")
    return Sentence(
        tokens,
        frozenset({(0, 2, "Peop"), (4, 5, "Org"), (6, 7, "Loc")}),
        frozenset({((0, 2), "Peop", (4, 5), "Org", "Work_For"), ((4, 5), "Org", (6, 7), "Loc", "OrgBased_In")}),
    )


def test_predicted_sets_map_types_offsets_and_predicates():
    sentence = _sentence()
    text = sentence.text  # "Ann Lee works for Acme in Boston ."
    ann = Entity("person:ann-lee", "Ann Lee", "PERSON", mentions=(Mention(0, 7, "Ann Lee"),))
    acme = Entity("org:acme", "Acme", "ORG", mentions=(Mention(18, 22, "Acme"),))
    boston = Entity("gpe:boston", "Boston", "GPE", mentions=(Mention(26, 32, "Boston"),))
    norp = Entity("norp:x", "x", "NORP", mentions=(Mention(8, 13, "works"),))
    lee = Entity("person:lee", "Lee", "PERSON", mentions=(Mention(4, 6, "Le"),))  # does not line up
    ev = lambda s, t: Evidence("a", text, s, t, "test")  # noqa: E731
    relations = (
        Relation(ann.id, "LEADS", acme.id, ev((0, 7), (18, 22)), 0.9),  # LEADS counts as Work_For
        Relation(acme.id, "BASED_IN", boston.id, ev((18, 22), (26, 32)), 0.9),
        Relation(ann.id, "LEADS", boston.id, ev((0, 7), (26, 32)), 0.9),  # outside the CoNLL04 schema
        Relation(ann.id, "HAS_ROLE", acme.id, ev((0, 7), (18, 22)), 0.9),  # not a CoNLL04 type
    )
    extraction = ArticleExtraction(Article("a", text), (ann, acme, boston, norp, lee), relations)
    entities, rels = predicted_sets(sentence, extraction)
    assert entities == {(0, 2, "Peop"), (4, 5, "Org"), (6, 7, "Loc"), (("chars", 4), ("chars", 6), "Peop")}
    assert rels == {((0, 2), "Peop", (4, 5), "Org", "Work_For"), ((4, 5), "Org", (6, 7), "Loc", "OrgBased_In")}
    result = score([sentence.entities], [entities], ("Peop", "Org", "Loc"))["micro"]
    assert (result.tp, result.fp, result.fn) == (3, 1, 0)


def test_president_joins_a_person_span_only_in_scoring():
    tokens = ("President", "Ann", "Lee", "met", "Bo", "Kay", ".")
    sentence = Sentence(tokens, frozenset({(0, 3, "Peop"), (4, 6, "Peop")}), frozenset())
    text = sentence.text
    ann = Entity("person:ann-lee", "Ann Lee", "PERSON", mentions=(Mention(10, 17, "Ann Lee"),))
    bo = Entity("person:bo-kay", "Bo Kay", "PERSON", mentions=(Mention(22, 28, "Bo Kay"),))
    extraction = ArticleExtraction(Article("a", text), (ann, bo), ())
    assert predicted_sets(sentence, extraction)[0] == {(0, 3, "Peop"), (4, 6, "Peop")}
    exact = predicted_sets(sentence, extraction, title_convention=False)[0]
    assert exact == {(1, 3, "Peop"), (4, 6, "Peop")}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "not JSON"),
        ('{"tokens": []}', "expected a JSON list"),
        ('[{"entities": []}]', "sentence 0: missing key 'tokens'"),
        ('[{"tokens": ["a"], "entities": [{"type": "Peop", "start": 0, "end": 3}]}]', "outside the 1 tokens"),
        ('[{"tokens": ["a"], "entities": [], "relations": [{"type": "Kill", "head": 0, "tail": 1}]}]', "sentence 0"),
        ('[{"tokens": ["a b"], "entities": []}]', "without spaces"),
    ],
)
def test_malformed_split_gives_clear_error(tmp_path, content, message):
    path = tmp_path / "split.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(EvaluationDataError, match=message) as info:
        load_conll04(path)
    assert str(path) in str(info.value)


def test_missing_split_file(tmp_path):
    with pytest.raises(EvaluationDataError, match="no such file"):
        load_conll04(tmp_path / "nope.json")
