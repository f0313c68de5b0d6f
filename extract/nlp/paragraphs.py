"""A pipeline component: a blank line ends a sentence, so headlines and paragraphs never run together."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

#: The component's name in a pipeline.
NAME = "newsgraph_paragraphs"


@Language.component(NAME)
def paragraph_boundaries(doc: Doc) -> Doc:
    """A blank line ends a sentence: headlines and paragraphs never run into each other.

    The parser keeps boundaries set before it runs, so evidence sentences stay inside one paragraph.
    """
    for token in doc[:-1]:
        if token.is_space and "\n\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc
