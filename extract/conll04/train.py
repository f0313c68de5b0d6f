"""Train the typed-relation classifier of ``extract.relations.typed`` on CoNLL04 train + dev, settings by cross-validation.

    python -m extract.conll04.train [--data DIR] [--out extract/relations/data/conll04_relations.json] [--splits train,dev]

DIR defaults to $NEWSGRAPH_SHARED_DATA/conll04 or ../shared/data/conll04 beside the repository (the
data are read there and never copied; the test split is never read). One L2-regularised logistic
regression per relation type, fitted with AdaGrad in plain Python (the data are small: a few thousand
pairs). Training pairs are the gold entity pairs plus all the pipeline's own entity pairs, labelled
strictly (a pair with a wrong span or type is a negative), so the model learns what ``newsgraph eval
conll04`` rewards and meets the entities it will see at run time. For each relation, the
regularisation, the number of epochs, the weight of positives and the decision threshold are picked by
strict F1 pooled over two repeats of 5-fold cross-validation on the given splits, scored on the
pipeline's pairs against every gold relation (so relations the entities cannot reach count as
misses); the final model is then fitted on all of them. ``--splits train`` keeps dev held out, to measure the model on it. Deterministic: same
data, same model → same weights.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

from extract.conll04.evaluate import SPAN_TITLES, Sentence, load_conll04, token_offsets
from extract.conll04.schema import GOLD_TYPE, LABEL, PAIR_PREDICATE, TYPE_MAP
from extract.entities import EntityTable, find_entities
from extract.nlp import load_pipeline
from extract.relations.typed import MODEL_PATH, candidates, pair_features

GRID = [(l2, epochs, pos) for l2 in (1e-2, 3e-2, 0.1, 0.3, 1.0) for epochs in (8, 20) for pos in (1.0, 2.0)]
THRESHOLDS = [round(0.1 + 0.05 * i, 2) for i in range(15)]
MIN_COUNT = 2
FOLDS = 5
REPEATS = 2
#: Splits the shipped model learns from; CoNLL04 test is never read here.
TRAIN_SPLITS = ("train", "dev")

Example = tuple[list[str], int]


def default_data_dir() -> Path:
    shared = os.environ.get("NEWSGRAPH_SHARED_DATA")
    base = Path(shared) if shared else Path(__file__).resolve().parents[3] / "shared" / "data"
    return base / "conll04"


def _gold_pairs(sentence: Sentence) -> dict[tuple, str]:
    """(head token span, tail token span) → our relation name, in gold token offsets."""
    return {(h, t): LABEL[r] for h, _, t, _, r in sentence.relations}


def _doc_to_gold(sentence: Sentence, doc) -> dict[tuple[int, int], tuple[int, int]]:
    """spaCy token range → gold token range, for the spaCy ranges that line up exactly."""
    starts, ends = token_offsets(sentence.tokens)
    out = {}
    for span_start in range(len(doc)):
        if doc[span_start].idx not in starts:
            continue
        for span_end in range(span_start + 1, min(len(doc), span_start + 12) + 1):
            end_char = doc[span_end - 1].idx + len(doc[span_end - 1])
            if end_char in ends:
                out[(span_start, span_end)] = (starts[doc[span_start].idx], ends[end_char])
    return out


def _scored_range(doc, start: int, end: int, label: str) -> tuple[int, int]:
    """The token range the scorer compares with gold: "President" joins a person's mention (evaluate.py)."""
    if label == "PERSON" and start > 0 and doc[start - 1].text in SPAN_TITLES:
        return start - 1, end
    return start, end


def _runtime_range(sentence: Sentence, doc, gold: tuple[int, int], from_gold: dict) -> tuple[int, int] | None:
    """The doc range the pipeline's mention would cover for a gold span: without a leading "President"."""
    start, end = gold
    if end - start > 1 and sentence.tokens[start] in SPAN_TITLES and (start + 1, end) in from_gold:
        return from_gold[(start + 1, end)]
    return from_gold.get(gold)


#: One candidate pair of a sentence: (relation, features, label, kind); kind "gold" (a gold entity pair
#: the pipeline did not produce: training only), "both" or "pipeline" (what the scorer will see).
Pair = tuple[str, list[str], int, str]


def sentence_pairs(sentence: Sentence, doc) -> list[Pair]:
    """Labelled candidate pairs of one parsed sentence: gold entity pairs and the pipeline's own pairs."""
    gold = _gold_pairs(sentence)
    to_gold = _doc_to_gold(sentence, doc)
    from_gold = {g: d for d, g in to_gold.items()}
    raw_labels = {(e.start, e.end): e.label_ for e in doc.ents}
    table = EntityTable()
    find_entities(doc, table)
    labels_at = {(e.start, e.end): e.label_ for e in doc.ents}  # the pipeline's types, as at run time
    pairs: list[Pair] = []
    index: dict[tuple, int] = {}
    ents = sorted((s, e, t) for s, e, t in sentence.entities if t in GOLD_TYPE and _runtime_range(sentence, doc, (s, e), from_gold))
    for hs, he, ht in ents:
        for ts, te, tt in ents:
            if (hs, he) == (ts, te):
                continue
            a, b = _runtime_range(sentence, doc, (hs, he), from_gold), _runtime_range(sentence, doc, (ts, te), from_gold)
            a_label = labels_at.get(a, raw_labels.get(a, GOLD_TYPE[ht]))
            b_label = labels_at.get(b, raw_labels.get(b, GOLD_TYPE[tt]))
            if TYPE_MAP.get(a_label) != TYPE_MAP[GOLD_TYPE[ht]]:
                a_label = GOLD_TYPE[ht]
            if TYPE_MAP.get(b_label) != TYPE_MAP[GOLD_TYPE[tt]]:
                b_label = GOLD_TYPE[tt]
            relation = PAIR_PREDICATE.get((TYPE_MAP[a_label], TYPE_MAP[b_label]))
            if relation is None:
                continue
            y = int(gold.get(((hs, he), (ts, te))) == relation)
            index[(relation, a, b)] = len(pairs)
            pairs.append((relation, pair_features(doc, a, b, a_label, b_label), y, "gold"))
    for sent in doc.sents:
        for relation, a, b, feats in candidates(sent, table):
            ga, gb = to_gold.get(_scored_range(doc, a[1], a[2], a[3])), to_gold.get(_scored_range(doc, b[1], b[2], b[3]))
            y = int(ga is not None and gb is not None and gold.get((ga, gb)) == relation)
            known = index.get((relation, (a[1], a[2]), (b[1], b[2])))
            if known is not None:
                pairs[known] = (relation, feats, y, "both")  # the run-time features of the same pair
            else:
                pairs.append((relation, feats, y, "pipeline"))
    return pairs


def fit(examples: list[Example], *, l2: float, epochs: int, pos_weight: float, vocab: set[str]) -> tuple[float, dict[str, float]]:
    """AdaGrad logistic regression; returns (bias, weights)."""
    rng = random.Random(13)
    order = list(range(len(examples)))
    weights: dict[str, float] = defaultdict(float)
    grad_sq: dict[str, float] = defaultdict(lambda: 1e-8)
    bias, bias_sq, rate = 0.0, 1e-8, 0.5
    for _ in range(epochs):
        rng.shuffle(order)
        for index in order:
            feats, y = examples[index]
            feats = [f for f in feats if f in vocab]
            z = bias + sum(weights[f] for f in feats)
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            g = (p - y) * (pos_weight if y else 1.0)
            for f in feats:
                grad = g + l2 * weights[f]
                grad_sq[f] += grad * grad
                weights[f] -= rate * grad / math.sqrt(grad_sq[f])
            bias_sq += g * g
            bias -= rate * g / math.sqrt(bias_sq)
    return bias, dict(weights)


def _prob(bias: float, weights: dict[str, float], feats: list[str]) -> float:
    z = bias + sum(weights.get(f, 0.0) for f in feats)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def _best_threshold(scored: list[tuple[float, int]], positives: int) -> tuple[float, float]:
    best = (0.0, 0.5)
    for threshold in THRESHOLDS:
        tp = sum(1 for p, y in scored if p >= threshold and y)
        fp = sum(1 for p, y in scored if p >= threshold and not y)
        f1 = 2 * tp / (2 * tp + fp + (positives - tp)) if positives else 0.0
        if f1 > best[0]:
            best = (f1, threshold)
    return best


def _folds(count: int, repeat: int) -> list[int]:
    """Sentence → fold: interleaved (i mod FOLDS) in the first repeat, a seeded shuffle in the others."""
    folds = [i % FOLDS for i in range(count)]
    if repeat:
        random.Random(repeat).shuffle(folds)
    return folds


def _select(relation: str, pairs: list[list[Pair]], positives: list[int]) -> tuple:
    """Grid settings and threshold with the best pooled strict F1 over the cross-validation folds
    (repeated with another split of the sentences, so one lucky split does not decide)."""
    best = None
    for l2, epochs, pos in GRID:
        scored: list[tuple[float, int]] = []
        for repeat, fold in ((r, f) for r in range(REPEATS) for f in range(FOLDS)):
            folds = _folds(len(pairs), repeat)
            train_ex = [(f, y) for i, ps in enumerate(pairs) if folds[i] != fold for r, f, y, _ in ps if r == relation]
            counts = Counter(f for feats, _ in train_ex for f in set(feats))
            vocab = {f for f, c in counts.items() if c >= MIN_COUNT}
            bias, weights = fit(train_ex, l2=l2, epochs=epochs, pos_weight=pos, vocab=vocab)
            scored += [
                (_prob(bias, weights, f), y)
                for i, ps in enumerate(pairs)
                if folds[i] == fold
                for r, f, y, kind in ps
                if r == relation and kind != "gold"
            ]
        f1, threshold = _best_threshold(scored, REPEATS * sum(positives))
        if best is None or f1 > best[0] + 1e-9:
            best = (f1, threshold, l2, epochs, pos)
    return best


def train(data_dir: Path, *, splits: tuple[str, ...] = TRAIN_SPLITS, model: str | None = None, log=print) -> dict:
    nlp = load_pipeline(model)
    sentences = [s for split in splits for s in load_conll04(data_dir / f"conll04_{split}.json")]
    log(f"parsing {len(sentences)} sentences ({' + '.join(splits)})")
    pairs = [sentence_pairs(s, doc) for s, doc in zip(sentences, nlp.pipe([s.text for s in sentences], batch_size=64), strict=True)]
    out = {}
    for relation, label in ((r, k) for k, r in LABEL.items()):
        # gold relations the pipeline's entities cannot reach still count as misses
        positives = [sum(1 for r in s.relations if r[-1] == label) for s in sentences]
        f1, threshold, l2, epochs, pos = _select(relation, pairs, positives)
        examples = [(f, y) for ps in pairs for r, f, y, _ in ps if r == relation]
        counts = Counter(f for feats, _ in examples for f in set(feats))
        vocab = {f for f, c in counts.items() if c >= MIN_COUNT}
        bias, weights = fit(examples, l2=l2, epochs=epochs, pos_weight=pos, vocab=vocab)
        kept = {f: round(w, 4) for f, w in sorted(weights.items()) if abs(w) >= 5e-3}
        log(f"{relation:<11} pairs {len(examples):>5} (+{sum(y for _, y in examples)})  cross-validated F1 {f1:.3f}  "
            f"threshold {threshold}  l2 {l2} epochs {epochs} pos_weight {pos}  features {len(kept)}")
        out[relation] = {"bias": round(bias, 4), "threshold": threshold, "cv_f1": round(f1, 4),
                         "settings": {"l2": l2, "epochs": epochs, "pos_weight": pos}, "weights": kept}
    return {"trained_on": f"CoNLL04 {' + '.join(splits)} (SpERT split), settings and thresholds by {FOLDS}-fold cross-validation",
            "model": nlp.meta.get("name", ""), "relations": out}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m extract.train_relations", description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=default_data_dir(), help="folder with conll04_train.json and conll04_dev.json")
    parser.add_argument("--out", type=Path, default=MODEL_PATH, help="where to write the weights (JSON)")
    parser.add_argument("--model", default=None, help="spaCy pipeline (default: newsgraph's default)")
    parser.add_argument("--splits", default=",".join(TRAIN_SPLITS), help="comma-separated CoNLL04 splits to learn from (train only keeps dev held out)")
    args = parser.parse_args(argv)
    splits = tuple(s for s in args.splits.split(",") if s)
    if "test" in splits:
        parser.error("the test split is for reporting only; train on train and/or dev")
    result = train(args.data, splits=splits, model=args.model, log=lambda m: print(m, file=sys.stderr))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    from extract.io.files import atomic_open

    with atomic_open(args.out) as handle:
        json.dump(result, handle, indent=0, sort_keys=True, ensure_ascii=False)
    print(f"wrote {args.out} ({args.out.stat().st_size // 1024} KiB)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
