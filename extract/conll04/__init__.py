"""The CoNLL04 benchmark: its schema (``schema``), the scorer (``evaluate``) and the trainer of the
typed-relation classifier (``train``, ``python -m extract.conll04.train``)."""
