"""The five CoNLL04 relation types (filled in by the trained classifier)."""

RULES = ()
