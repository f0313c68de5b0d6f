"""The pipeline's attribute ruler (tag → POS/morph, lemma exceptions) as dictionary look-ups: same output, faster.

spaCy's ``attribute_ruler`` runs its ~180 patterns through a ``Matcher``, which tries every pattern at
every token: on news text that is 15–20% of the whole parse, more than the tagger and parser together.
Almost all of those patterns test one token for equal values ("TAG is NN", "LOWER is 'gets' and TAG is
VBZ"), which one dictionary look-up per group of tested attributes answers. The few others (several
tokens, IN / NOT_IN / REGEX) still go through a ``Matcher`` of their own. Matches are then applied in the
ruler's own order (pattern, then position) with spaCy's ``set_token_attrs``, so every token ends up
with exactly the attributes the stock ruler gives it (tests compare the two).
"""

from __future__ import annotations

from collections import defaultdict
from itertools import product
from operator import itemgetter

from spacy.attrs import IDS
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.pipeline.attributeruler import set_token_attrs
from spacy.tokens import Doc

#: Token attributes a look-up pattern may test (equal, IN, NOT_IN): ``Doc.to_array`` gives each as the
#: Matcher compares it (string hash, or 0/1 for the flag). Patterns on anything else go to the Matcher.
_KEYS = ("TAG", "LOWER", "DEP", "IS_SPACE")


class LookupAttributeRuler:
    """Applies an ``AttributeRuler``'s patterns; built from that ruler, which the pipeline then disables."""

    def __init__(self, ruler: AttributeRuler) -> None:
        self.vocab = ruler.vocab
        self.attrs = list(ruler.attrs)
        self.indices = list(ruler.indices)
        self.columns = list(_KEYS)
        # keys tested for equality (or IN) → {value(s) as the token array holds them: [(pattern, NOT_IN tests)]}
        tables: dict[tuple[str, ...], dict] = defaultdict(lambda: defaultdict(list))
        self.matcher = Matcher(ruler.vocab)
        for number, entry in enumerate(ruler.patterns):
            for pattern in entry["patterns"]:
                split = self._split(pattern) if self.indices[number] in (0, -1) else None
                if split is None:
                    self.matcher.add(str(number), [pattern])
                    continue
                keys, choices, excluded = split
                for values in product(*choices):  # IN lists become one entry per value
                    tables[keys][values if len(values) > 1 else values[0]].append((number, excluded))
        # itemgetter of one column gives a value, of several a tuple: the shapes the table keys have.
        self.tables = [(itemgetter(*(self.columns.index(k) for k in keys)), dict(table)) for keys, table in tables.items()]

    def _hash(self, value: str | bool) -> int:
        return int(value) if isinstance(value, bool) else self.vocab.strings.add(value)

    def _split(self, pattern: list[dict]):
        """One token tested by equality / IN (at least one) and NOT_IN on look-up keys, else None."""
        if len(pattern) != 1:
            return None
        keys, choices, excluded = [], [], []
        for key, test in sorted(pattern[0].items()):
            if key not in _KEYS:
                return None
            if isinstance(test, (str, bool)):
                keys.append(key)
                choices.append([self._hash(test)])
            elif isinstance(test, dict) and set(test) == {"IN"}:
                keys.append(key)
                choices.append([self._hash(v) for v in test["IN"]])
            elif isinstance(test, dict) and set(test) == {"NOT_IN"}:
                excluded.append((self.columns.index(key), frozenset(self._hash(v) for v in test["NOT_IN"])))
            else:
                return None
        return (tuple(keys), choices, tuple(excluded)) if keys else None

    def __call__(self, doc: Doc) -> Doc:
        matches: list[tuple[int, int, int]] = []
        if len(doc) and self.tables:
            rows = doc.to_array([IDS[k] for k in self.columns]).tolist()
            for get, table in self.tables:
                for i, row in enumerate(rows):
                    found = table.get(get(row))
                    if found:
                        for number, excluded in found:
                            if all(row[column] not in values for column, values in excluded):
                                matches.append((number, i, i + 1))
        strings = self.vocab.strings
        matches.extend((int(strings[key]), start, end) for key, start, end in self.matcher(doc, allow_missing=True))
        matches.sort()
        attrs, indices = self.attrs, self.indices
        for number, start, end in matches:
            index = indices[number]
            token = doc[start] if end - start == 1 and index in (0, -1) else doc[start:end][index]
            set_token_attrs(token, attrs[number])
        return doc


@Language.factory("newsgraph_attribute_lookup")
def make_attribute_lookup(nlp: Language, name: str, ruler: str = "attribute_ruler") -> LookupAttributeRuler:
    """Built from the pipeline's component ``ruler``, which must already be in ``nlp``."""
    return LookupAttributeRuler(nlp.get_pipe(ruler))


def use_attribute_lookup(nlp: Language) -> None:
    """Put the look-up ruler in place of the pipeline's ``attribute_ruler`` (kept, disabled, for comparison)."""
    if "attribute_ruler" in nlp.pipe_names and isinstance(nlp.get_pipe("attribute_ruler"), AttributeRuler):
        nlp.add_pipe("newsgraph_attribute_lookup", after="attribute_ruler")
        nlp.disable_pipe("attribute_ruler")
