"""Scoring newsgraph's extraction against CoNLL04 (Roth & Yih 2004, SpERT split).

The whole product pipeline runs on each sentence's text (its tokens joined by single spaces); the
character offsets of predicted mentions and relation ends are mapped back to token indices, so a
prediction counts only if its span lines up exactly with the gold tokens. Scoring is strict and micro
(as in SpERT): an entity is right when span and type are; a relation when both argument spans, both
argument types and the relation type are.

Type mapping (newsgraph → CoNLL04): PERSON→Peop, ORG→Org, GPE/LOC/FAC→Loc. NORP is *not* scored:
CoNLL04 files nationalities, religions and political groups ("Israeli", "Soviet", "Democrats") under
Other, and Other is outside the Peop/Org/Loc score, so mapping NORP anywhere would only add errors.
Relation mapping: WORKS_FOR, LEADS and SPOKESPERSON_FOR → Work_For (CoNLL04 annotates leaders and
spokespeople as working for their organisation); KILLED → Kill; BASED_IN → OrgBased_In;
LIVES_IN → Live_In; LOCATED_IN → Located_In, each only between the argument types CoNLL04 defines for
it (Work_For: Peop→Org, …). Other predicates (HAS_ROLE, actions, SAID…) are not scored.

One span convention is mapped: newsgraph keeps titles out of a person's mention (the title is a ROLE
node: "President Kennedy" → Kennedy HAS_ROLE president), while CoNLL04 puts "President" inside the
person's span in 53 of the 75 cases in train and dev (other titles, "Sen.", "Judge", "Gov.", mostly
outside). So a PERSON mention right after the word "President" is scored as starting at "President".
Gold is never changed; ``title_convention=False`` scores the mentions exactly as extracted.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from extract.conll04.schema import ENTITY_TYPES, PREDICATE_MAP, RELATION_TYPES, SIGNATURES, TYPE_MAP
from extract.errors import EvaluationDataError
from extract.model import Article, ArticleExtraction
from extract.scoring import Counts

#: A scored entity: (start token, end token exclusive, type); a span that does not line up with gold
#: tokens keeps its character offsets as ("chars", start, end) so it can only ever be wrong.
EntityKey = tuple[Any, Any, str]
RelationKey = tuple[tuple[Any, Any], str, tuple[Any, Any], str, str]


@dataclass(frozen=True)
class Sentence:
    """One benchmark sentence with gold entities and relations (token offsets, end exclusive)."""

    tokens: tuple[str, ...]
    entities: frozenset[EntityKey]
    relations: frozenset[RelationKey]

    @property
    def text(self) -> str:
        return " ".join(self.tokens)


def load_conll04(path: str | Path) -> list[Sentence]:
    """Read a SpERT-format CoNLL04 JSON file; any format problem names the file and the sentence."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise EvaluationDataError(f"{path}: no such file; pass a CoNLL04 split such as conll04_dev.json") from None
    except (OSError, UnicodeDecodeError) as error:
        raise EvaluationDataError(f"{path}: cannot be read ({error})") from None
    except json.JSONDecodeError as error:
        raise EvaluationDataError(f"{path}: not JSON ({error}); expected a CoNLL04 split (a JSON list)") from None
    if not isinstance(data, list):
        raise EvaluationDataError(f"{path}: expected a JSON list of sentences, got {type(data).__name__}")
    return [_sentence(path, number, item) for number, item in enumerate(data)]


def _sentence(path: Path, number: int, item: Any) -> Sentence:
    where = f"{path}: sentence {number}"
    try:
        tokens = tuple(item["tokens"])
        if not tokens or not all(isinstance(t, str) and t and not any(c.isspace() for c in t) for t in tokens):
            raise ValueError("tokens must be a non-empty list of non-empty strings without spaces")
        ents = []
        for ent in item["entities"]:
            start, end, type_ = int(ent["start"]), int(ent["end"]), str(ent["type"])
            if not 0 <= start < end <= len(tokens):
                raise ValueError(f"entity span [{start}, {end}) outside the {len(tokens)} tokens")
            ents.append((start, end, type_))
        rels = []
        for rel in item.get("relations", ()):
            head, tail = ents[int(rel["head"])], ents[int(rel["tail"])]
            rels.append(((head[0], head[1]), head[2], (tail[0], tail[1]), tail[2], str(rel["type"])))
    except (KeyError, TypeError, ValueError, IndexError) as error:
        detail = f"missing key {error}" if isinstance(error, KeyError) else str(error) or type(error).__name__
        raise EvaluationDataError(f"{where}: {detail} (expected tokens, entities, relations as in SpERT's CoNLL04)") from None
    return Sentence(tokens, frozenset(ents), frozenset(rels))


def token_offsets(tokens: Sequence[str]) -> tuple[dict[int, int], dict[int, int]]:
    """Character start → token index and character end → token index + 1 in ``" ".join(tokens)``.

    An end just before trailing punctuation glued to a gold token also counts as that token's end
    ("Africa" in the gold token "Africa."): the corpus kept sentence-final periods on words, and no
    tokenizer of running text would.
    """
    starts: dict[int, int] = {}
    ends: dict[int, int] = {}
    position = 0
    for index, token in enumerate(tokens):
        starts[position] = index
        stripped = token.rstrip(".,;:!?'\"")
        if stripped and stripped != token:
            ends.setdefault(position + len(stripped), index + 1)
        position += len(token)
        ends[position] = index + 1
        position += 1
    return starts, ends


#: Titles CoNLL04 usually includes in the person's span (see the module docstring).
SPAN_TITLES = ("President",)


def _with_title(text: str, start: int) -> int:
    """The start of "President " when it stands right before a person's mention at ``start``."""
    for title in SPAN_TITLES:
        begin = start - len(title) - 1
        if begin >= 0 and text[begin:start] == title + " " and (begin == 0 or not text[begin - 1].isalnum()):
            return begin
    return start


def predicted_sets(
    sentence: Sentence, extraction: ArticleExtraction, *, title_convention: bool = True
) -> tuple[set[EntityKey], set[RelationKey]]:
    """The scored entities and relations of one extraction, in CoNLL04 token offsets and types."""
    starts, ends = token_offsets(sentence.tokens)
    text = extraction.article.text
    person_starts: set[int] = set()

    def span(start: int, end: int) -> tuple[Any, Any]:
        if start in person_starts:
            start = _with_title(text, start)
        if start in starts and end in ends:
            return starts[start], ends[end]
        return ("chars", start), ("chars", end)

    types = {}
    entities: set[EntityKey] = set()
    if title_convention:
        person_starts = {m.start for e in extraction.entities if e.type == "PERSON" for m in e.mentions}
    for entity in extraction.entities:
        mapped = TYPE_MAP.get(entity.type)
        types[entity.id] = mapped
        if mapped:
            for mention in entity.mentions:
                entities.add((*span(mention.start, mention.end), mapped))
    relations: set[RelationKey] = set()
    for rel in extraction.relations:
        label = PREDICATE_MAP.get(rel.predicate)
        head_type, tail_type = types.get(rel.source), types.get(rel.target)
        if label and (head_type, tail_type) == SIGNATURES[label]:
            ev = rel.evidence
            relations.add((span(*ev.source_span), head_type, span(*ev.target_span), tail_type, label))
    return entities, relations


def score(gold: Iterable[Iterable[tuple]], pred: Iterable[Iterable[tuple]], labels: Sequence[str]) -> dict[str, Counts]:
    """Strict micro counts per label (the last item of each tuple) and ``"micro"`` over ``labels``.

    ``gold`` and ``pred`` are aligned per sentence; items whose label is not in ``labels`` are ignored.
    """
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for gold_items, pred_items in zip(gold, pred, strict=True):
        g = {item for item in gold_items if item[-1] in labels}
        p = {item for item in pred_items if item[-1] in labels}
        for item in g & p:
            tp[item[-1]] += 1
        for item in p - g:
            fp[item[-1]] += 1
        for item in g - p:
            fn[item[-1]] += 1
    result = {label: Counts(tp[label], fp[label], fn[label]) for label in labels}
    result["micro"] = Counts(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    return result


def evaluate_conll04(
    sentences: Sequence[Sentence], *, nlp=None, model: str | None = None, progress=None, title_convention: bool = True
) -> dict[str, dict[str, Counts]]:
    """Run the product's extraction on every sentence and score entities and relations."""
    from extract.run import extract_articles

    articles = (Article(id=f"conll04-{i}", text=s.text) for i, s in enumerate(sentences))
    pred_entities, pred_relations = [], []
    for sentence, extraction in zip(sentences, extract_articles(articles, nlp=nlp, model=model), strict=True):
        entities, relations = predicted_sets(sentence, extraction, title_convention=title_convention)
        pred_entities.append(entities)
        pred_relations.append(relations)
        if progress is not None:
            progress()
    return {
        "entities": score((s.entities for s in sentences), pred_entities, ENTITY_TYPES),
        "relations": score((s.relations for s in sentences), pred_relations, RELATION_TYPES),
    }


def report_dict(result: dict[str, dict[str, Counts]], *, split: str, sentences: int, model: str) -> dict[str, Any]:
    """The machine-readable form printed by ``newsgraph eval conll04 --format json``."""
    return {
        "split": split,
        "sentences": sentences,
        "model": model,
        **{part: {label: counts.to_dict() for label, counts in rows.items()} for part, rows in result.items()},
    }
