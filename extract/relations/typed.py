"""The five CoNLL04 relation types between named entities, by a small trained classifier.

WORKS_FOR (person→organisation), KILLED (person→person), BASED_IN (organisation→place), LIVES_IN
(person→place), LOCATED_IN (place→place). For every ordered pair of named mentions in a sentence whose
types fit one of these signatures, a logistic regression (one per relation type) scores features of
the parse: the dependency path between the two heads, the words between them, the words around them,
the entity labels and, for places, whether the place list knows them as a country, state or city. The
weights are trained by ``python -m extract.conll04.train`` on CoNLL04 train + dev (settings chosen by
cross-validation) and shipped as extract/relations/data/conll04_relations.json; inference is a few dictionary
look-ups per pair.
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc, Span

from extract.conll04.schema import PAIR_PREDICATE, TYPE_MAP
from extract.entities.table import EntityTable
from extract.lexicon.gazetteer import lookup
from extract.lexicon.verbs import KILL_WORDS
from extract.model import Relation
from extract.relations.kit import End, char_span, entity_type, make_relation

#: The shipped weights; NEWSGRAPH_RELATION_WEIGHTS names another file (e.g. a model trained on train only,
#: to score it on the held-out dev split).
MODEL_PATH = Path(os.environ.get("NEWSGRAPH_RELATION_WEIGHTS") or Path(__file__).parent / "data" / "conll04_relations.json")
MAX_BETWEEN = 8


def pair_features(doc: Doc, a: tuple[int, int], b: tuple[int, int], a_label: str, b_label: str) -> list[str]:
    """Features of the ordered pair (head ``a``, tail ``b``), given as token ranges of ``doc``."""
    first, second = (a, b) if a[0] < b[0] else (b, a)
    feats = [f"order={'ab' if a is first else 'ba'}", f"labels={a_label}>{b_label}"]
    between = doc[first[1] : second[0]]
    if len(between) <= MAX_BETWEEN:
        words = [t.lower_ for t in between]
        feats += [f"bw={w}" for w in words]
        feats.append("bwall=" + "_".join(words) if len(words) <= 4 else "bwall=long")
        if len(words) <= 2:
            feats.append(f"lbw={a_label}>{b_label}|" + "_".join(words))
        if words:
            feats += [f"bw_first={words[0]}", f"bw_last={words[-1]}"]
    else:
        feats.append("between=far")
    feats.append(f"dist={min(len(between), 10)}")
    for side, (start, end), label in (("a", a, a_label), ("b", b, b_label)):
        words = doc[start:end]
        feats.append(f"{side}_len={min(len(words), 4)}")
        if words.text.isupper():
            feats.append(f"{side}_caps")
        if label in ("GPE", "LOC", "FAC"):
            place = lookup(words.text)
            feats.append(f"{side}_place={place.kind if place else 'unknown'}")  # a town in a state, a firm in a country
    before = doc[first[0] - 1].lower_ if first[0] > 0 else "<s>"
    after = doc[second[1]].lower_ if second[1] < len(doc) else "</s>"
    feats += [f"before={before}", f"after={after}"]
    ra, rb = doc[a[0] : a[1]].root, doc[b[0] : b[1]].root
    feats += [f"a_dep={ra.dep_}", f"b_dep={rb.dep_}", f"a_head={ra.head.lemma_.lower()}", f"b_head={rb.head.lemma_.lower()}"]
    up = [ra, *ra.ancestors]
    down = [rb, *rb.ancestors]
    common = next((t for t in up if t in down), None)
    if common is None:
        feats.append("path=none")
        return feats
    ups = up[: up.index(common)]
    downs = down[: down.index(common)]
    deps = [f"↑{t.dep_}" for t in ups] + [f"↓{t.dep_}" for t in reversed(downs)]
    lemmas = [t.lemma_.lower() for t in ups[1:]] + [common.lemma_.lower()] + [t.lemma_.lower() for t in downs[1:]]
    inner = [x for x in lemmas if x not in (ra.lemma_.lower(), rb.lemma_.lower())]
    feats.append("path=" + "".join(deps) if len(deps) <= 6 else "path=long")
    if len(deps) <= 3:
        feats.append(f"lpath={a_label}>{b_label}|" + "".join(deps))
    feats.append(f"pathlen={min(len(deps), 8)}")
    feats += [f"pl={x}" for x in inner]
    if len(deps) <= 4:
        feats.append("pathlex=" + "".join(deps) + "|" + "_".join(inner))
    return feats


@lru_cache(maxsize=2)
def load_model(path: Path = MODEL_PATH) -> dict:
    """The shipped weights: ``{relation: {"bias", "threshold", "weights": {feature: w}}}``."""
    with path.open(encoding="utf-8") as handle:
        return json.load(handle)["relations"]


def probability(model: dict, features: list[str]) -> float:
    weights = model["weights"]
    z = model["bias"] + sum(weights.get(f, 0.0) for f in features)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def sentence_mentions(sent: Span, table: EntityTable) -> list[tuple[str, int, int, str]]:
    """(entity id, start token, end token, entity type) of each named mention in the sentence."""
    found = []
    i = sent.start
    while i < sent.end:
        eid = table.at(i)
        etype = entity_type(table, eid)
        if etype in TYPE_MAP:
            j = i + 1
            while j < sent.end and table.at(j) == eid:
                j += 1
            found.append((eid, i, j, etype))
            i = j
        else:
            i += 1
    return found


#: Tokens that only separate the items of a list of names ("Cole, Terry, Carvalho and Gallas").
LIST_SEPARATORS = frozenset({",", ";", "and", "&"})
#: A list has this many items or more (two separators): "Britain and France" is no list.
MIN_LIST = 3


def list_runs(doc: Doc, mentions: list[tuple[str, int, int, str]]) -> list[int]:
    """For each mention (in text order), the number of the list of names it is an item of, or -1.

    A team sheet or a roll-call ("Abbott, Balshaw, Borthwick, A Brown, Chuter …") names people side by
    side and says nothing of who works for whom: pairs inside one list are no candidates. Between two
    items there are only separators and names the model did not tag ("Hale, Thorne, Albion Rovers").
    A list of places only is an address ("Dayton, Ohio, US").
    """
    runs = [-1] * len(mentions)
    start, separators = 0, 0
    for i in range(1, len(mentions) + 1):
        between = doc[mentions[i - 1][2] : mentions[i][1]] if i < len(mentions) else ()
        gaps = sum(t.lower_ in LIST_SEPARATORS for t in between)
        if gaps and all(t.lower_ in LIST_SEPARATORS or t.is_title for t in between):
            separators += gaps
            continue
        if separators >= MIN_LIST - 1 and any(m[3] not in ("GPE", "LOC", "FAC") for m in mentions[start:i]):
            runs[start:i] = [start] * (i - start)
        start, separators = i, 0
    return runs


def candidates(sent: Span, table: EntityTable) -> Iterator[tuple[str, tuple, tuple, list[str]]]:
    """(relation, head mention, tail mention, features) for every pair whose types fit a signature and
    that are not two items of one list of names."""
    mentions = sentence_mentions(sent, table)
    runs = dict(zip(mentions, list_runs(sent.doc, mentions)))
    killing = any(t.lemma_.lower() in KILL_WORDS for t in sent)
    for a in mentions:
        for b in mentions:
            if a is b or a[0] == b[0] or runs[a] >= 0 and runs[a] == runs[b]:
                continue
            relation = PAIR_PREDICATE.get((TYPE_MAP[a[3]], TYPE_MAP[b[3]]))
            if relation and (killing or relation != "KILLED"):
                yield relation, a, b, pair_features(sent.doc, (a[1], a[2]), (b[1], b[2]), a[3], b[3])


def typed_relations(sent: Span, table: EntityTable, article_id: str) -> Iterator[Relation]:
    """Pairs the classifier scores above its threshold (chosen on CoNLL04 dev) become typed edges."""
    models = load_model()
    doc = sent.doc
    for relation, a, b, feats in candidates(sent, table):
        model = models.get(relation)
        if model is None:
            continue
        p = probability(model, feats)
        if p >= model["threshold"]:
            head = End(a[0], char_span(doc, a[1], a[2]))
            tail = End(b[0], char_span(doc, b[1], b[2]))
            yield make_relation(article_id, sent, head, relation, tail, "model:conll04-logreg", p)


RULES = (typed_relations,)
