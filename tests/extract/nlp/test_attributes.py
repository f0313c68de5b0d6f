"""The look-up attribute ruler gives every token exactly what spaCy's attribute_ruler gives it."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from extract.io.ingest import read_articles
from extract.nlp import default_model_name
from extract.nlp.attributes import LookupAttributeRuler
from tests.conftest import EXAMPLES


def annotations(doc: Doc) -> list[tuple]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in doc]


def hand_built_ruler():
    """A ruler with one pattern of every kind: equal, IN, NOT_IN, flag, REGEX, two tokens, index -1."""
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"TAG": "NN"}]], {"POS": "NOUN"})
    ruler.add([[{"TAG": "VBZ", "LOWER": "gets"}], [{"TAG": "VBD", "LOWER": "got"}]], {"LEMMA": "get"})
    ruler.add([[{"LOWER": {"IN": ["do", "did"]}, "DEP": {"IN": ["ROOT", "conj"]}}]], {"POS": "VERB"})
    ruler.add([[{"TAG": {"NOT_IN": ["TO", ""]}, "DEP": {"IN": ["aux"]}}]], {"POS": "AUX"})
    ruler.add([[{"IS_SPACE": True}]], {"POS": "SPACE"})
    ruler.add([[{"LOWER": {"REGEX": "^y'?$"}}, {"LOWER": "all"}]], {"LEMMA": "you"})
    ruler.add([[{"LOWER": "gon"}, {"LOWER": "na"}]], {"LEMMA": "to"}, index=-1)
    ruler.add([[{"TAG": "NN", "LOWER": "report"}]], {"POS": "PROPN"})  # later pattern wins over "TAG NN"
    return nlp.vocab, ruler


def doc_of(vocab) -> Doc:
    words = ["She", "did", "n't", "get", "the", "report", "\n\n", "Y'", "all", "are", "gon", "na", "do", "it", "gets", "got"]
    tags = ["PRP", "VBD", "RB", "VB", "DT", "NN", "_SP", "PRP", "DT", "VBP", "VBG", "TO", "VB", "PRP", "VBZ", "VBD"]
    deps = ["nsubj", "aux", "neg", "ROOT", "det", "dobj", "dep", "nsubj", "appos", "aux", "ROOT", "aux", "xcomp",
            "dobj", "conj", "conj"]  # fmt: skip
    heads = [3, 3, 3, 3, 5, 3, 5, 10, 7, 10, 10, 12, 10, 12, 10, 10]
    return Doc(vocab, words=words, tags=tags, deps=deps, heads=heads)


def test_every_kind_of_pattern_gives_the_stock_result():
    vocab, ruler = hand_built_ruler()
    expected, got = doc_of(vocab), doc_of(vocab)
    ruler(expected)
    LookupAttributeRuler(ruler)(got)
    assert annotations(got) == annotations(expected)
    by_text = {t.text: t for t in got}
    assert by_text["report"].pos_ == "PROPN" and by_text["the"].pos_ == ""
    assert by_text["Y'"].lemma_ == "you" and by_text["na"].lemma_ == "to" and by_text["gon"].lemma_ == ""
    assert by_text["did"].pos_ == "AUX" and by_text["do"].pos_ == "" and by_text["\n\n"].pos_ == "SPACE"


def test_empty_doc_is_fine():
    vocab, ruler = hand_built_ruler()
    assert len(LookupAttributeRuler(ruler)(Doc(vocab, words=[]))) == 0


@pytest.mark.model
def test_the_pipeline_uses_the_lookup_and_matches_the_stock_ruler(nlp):
    assert "newsgraph_attribute_lookup" in nlp.pipe_names and "attribute_ruler" in nlp.disabled
    stock = spacy.load(default_model_name())
    stock.add_pipe("newsgraph_paragraphs", before="parser")
    texts = [a.text for a in read_articles([EXAMPLES])] + [
        "Y'all are gonna love it, ain't you? Let's go. C'mon, there is time.",
        "I did it and you have it; it gets better, but he got nothing.\n\nWhich one did they choose?",
    ]
    for ours, theirs in zip(nlp.pipe(texts), stock.pipe(texts), strict=True):
        assert annotations(ours) == annotations(theirs)
