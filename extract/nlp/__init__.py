"""Text → spaCy ``Doc``: the pipeline, loaded once per process, with newsgraph's two components
(``paragraphs``: blank lines end sentences; ``attributes``: the attribute ruler as look-ups)."""

from extract.nlp.pipeline import DEFAULT_MODELS, INSTALL_HINT, default_model_name, load_pipeline

__all__ = ["DEFAULT_MODELS", "INSTALL_HINT", "default_model_name", "load_pipeline"]
