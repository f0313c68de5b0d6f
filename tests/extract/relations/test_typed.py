"""extract.relations.typed: the CoNLL04 classifier."""

from __future__ import annotations

import pytest

from extract.relations.typed import load_model, pair_features, probability
from tests.helpers import triples

pytestmark = pytest.mark.model


def test_typed_classifier_is_shipped_and_scores_pairs(nlp):
    models = load_model()
    assert set(models) == {"WORKS_FOR", "KILLED", "BASED_IN", "LIVES_IN", "LOCATED_IN"}
    doc = nlp("John Smith , who works for Acme Holdings , lives in Boston .")
    feats = pair_features(doc, (0, 2), (5, 7), "PERSON", "ORG")
    assert "bw=works" in feats and "order=ab" in feats
    p_works = probability(models["WORKS_FOR"], feats)
    p_far = probability(models["WORKS_FOR"], pair_features(doc, (0, 2), (10, 11), "PERSON", "ORG"))
    assert 0.0 < p_far < p_works < 1.0


def test_place_kind_is_a_typed_feature(nlp):
    doc = nlp("Acme Holdings is based in Leeds , England .")
    feats = pair_features(doc, (0, 2), (5, 6), "ORG", "GPE")
    assert "b_place=city" in feats and not any(f.startswith("a_place=") for f in feats)
    assert "b_place=country" in pair_features(doc, (0, 2), (7, 8), "ORG", "GPE")


def test_killed_needs_a_killing_word(nlp):
    criticised = triples(nlp, "Sofia Almeida criticised David Harlow for cutting bus services.")
    assert not any(p == "KILLED" for _, p, _ in criticised)
    shot = triples(nlp, "Lee Harvey Oswald shot John Kennedy in Dallas.")
    assert ("Lee Harvey Oswald", "KILLED", "John Kennedy") in shot


@pytest.mark.parametrize(
    "text",
    [
        "Forwards: Aled Brew, Tomas Varga, Gethin Pryce, Lowri Hale, Dai Morgan, Owain Lloyd.",
        "Replacements: Pryce, Varga, Hale, Brew, Thorne, Albion Rovers, Morgan, Lloyd.",  # untagged names between
    ],
)
def test_a_list_of_names_says_nothing_of_who_works_for_whom(nlp, text):
    assert not any(p == "WORKS_FOR" for _, p, _ in triples(nlp, text))


def test_an_address_is_no_list_and_a_pair_outside_the_list_is_still_read(nlp):
    found = triples(nlp, "Tomas Varga, who works for Albion Rovers, lives in Dayton, Ohio, United States.")
    assert ("Tomas Varga", "WORKS_FOR", "Albion Rovers") in found and ("Dayton", "LOCATED_IN", "Ohio") in found
