"""Scoring quotes (who said what, to whom) and actions (who did what to whom) against hand-written gold.

The gold is JSON Lines, one short article per line, in the format of ``tests/data/GOLD-FORMAT.md``
("Quote and action gold"). The whole product extraction runs on each article's text; then:

Quotes. A predicted quotation is a ``SAID`` edge: its speaker and the character span of its QUOTE end.
It meets a gold quote when the two spans overlap by at least half of the shorter one (the gold span is
every place the gold ``quote`` string occurs in the text). Pairs are made one to one, right speakers
first, then the larger overlap. A pair's speaker is right when the speaker entity is the gold
speaker (``same_actor``). Speaker precision = right / (right + wrong), where *wrong* is every predicted
quote that meets some gold quote but not with its speaker (a second, wrong speaker for a quote that
was found is wrong too); recall = gold quotes with a right speaker / gold quotes. Predicted quotes that
meet no gold quote are unlisted (the gold need not list every clause) and only counted.
Audience: the ``TOLD_TO`` ends of a found quote against the gold ``audience``. Speaks-for: an
affiliation edge (``SPOKESPERSON_FOR``, ``WORKS_FOR``, ``LEADS``, ``MEMBER_OF``) from a right speaker to
the gold ``speaks_for``.

Actions. A predicted action is an edge from an action rule (``extract.relations.actions``), taken once
per (subject, predicate, object). Its predicate is read as (not_, verb lemma, particles and
prepositions): it meets a gold action when negation and verb agree, the particles of one begin the
particles of the other ("MEET" meets ``meet_with``, "PULL_OUT_OF" meets ``pull_out``), and subject and
object are ``same_actor``. A predicted action is
scored only when its verb is the verb of some gold action or not-action of the article (other clauses
are unlisted, neither right nor wrong); a scored action that meets no gold action is a false positive,
and one that meets a not-action is also counted against the not-actions.

``same_actor(gold, entity)``: a gold name matches an entity whose name or an alias is the same name
(ignoring case, accents and punctuation), a shorter form that keeps its first or last word ("Okafor"
for "Martin Okafor", "Halvorsen" for "Halvorsen Industrial Group"), or a longer name ending on the same
word ("Carmakers Ostra Motors" for "Ostra Motors"). A gold noun phrase (its head noun in lower case:
"police sources", "a spokesman", "board of trustees") matches an entity with the same head noun, in
the singular ("police source", "spokesman for the bank", "board"). A quote's speaker of kind person
or org is never a place, and a place is never a person.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extract.errors import EvaluationDataError
from extract.model import Article, ArticleExtraction, Entity, normalize_name
from extract.scoring import Counts

#: Edges that say whom a speaker speaks for.
AFFILIATIONS = frozenset({"SPOKESPERSON_FOR", "WORKS_FOR", "LEADS", "MEMBER_OF"})
#: Quote speakers' kinds (gold ``speaker_kind``) and the entity types they can never be.
_NEVER = {"person": {"GPE", "LOC"}, "org": {"GPE", "LOC"}, "place": {"PERSON"}, "group": set()}
#: Words after which a noun phrase's head has been read ("sources [familiar with …]", "board [of …]").
_HEAD_ENDS = frozenset("of for at from in with on to by familiar close involved based who that which whose".split())
_DETERMINERS = frozenset("the a an one two three four some several many most".split())
_IRREGULAR = {"people": "person", "women": "woman", "men": "man", "children": "child", "spokesmen": "spokesman",
              "spokeswomen": "spokeswoman", "businessmen": "businessman", "chairmen": "chairman"}  # fmt: skip
MIN_OVERLAP = 0.5


# --- gold ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class GoldQuote:
    quote: str
    speaker: str
    speaker_kind: str
    speaks_for: str
    audience: str
    verb: str
    direct: bool
    cases: tuple[str, ...]
    spans: tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class GoldAction:
    subject: str
    verb: str
    object: str
    cases: tuple[str, ...]


@dataclass(frozen=True)
class GoldPassage:
    """A not-action given as a passage of the text: no action may have its object written inside it."""

    start: int
    end: int
    text: str
    cases: tuple[str, ...]


@dataclass(frozen=True)
class GoldArticle:
    id: str
    text: str
    style: str = ""
    quotes: tuple[GoldQuote, ...] = ()
    actions: tuple[GoldAction, ...] = ()
    not_actions: tuple[GoldAction, ...] = ()
    quiet: tuple[GoldPassage, ...] = ()


def load_gold(path: str | Path) -> list[GoldArticle]:
    """Read a quotes-and-actions gold file; a bad line names the file, the line and what is wrong."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise EvaluationDataError(f"{path}: no such file; pass a gold file such as tests/data/quotes_actions/dev.jsonl") from None
    except (OSError, UnicodeDecodeError) as error:
        raise EvaluationDataError(f"{path}: cannot be read ({error})") from None
    articles = [_gold_article(path, number, line) for number, line in enumerate(lines, 1) if line.strip()]
    if not articles:
        raise EvaluationDataError(f"{path}: no articles (expected one JSON object per line, see tests/data/GOLD-FORMAT.md)")
    return articles


def _gold_article(path: Path, number: int, line: str) -> GoldArticle:
    where = f"{path}:{number}"
    try:
        item = json.loads(line)
    except json.JSONDecodeError as error:
        raise EvaluationDataError(f"{where}: not JSON ({error})") from None
    try:
        text = item["text"]
        if not isinstance(text, str) or not text:
            raise ValueError("text must be a non-empty string")
        quotes = tuple(_gold_quote(text, q) for q in item.get("quotes", ()))
        actions = tuple(_gold_action(a) for a in item.get("actions", ()))
        listed = item.get("not_actions", ())
        not_actions = tuple(_gold_action(a) for a in listed if "sentence" not in a)
        quiet = tuple(_gold_passage(text, a) for a in listed if "sentence" in a)
        return GoldArticle(str(item["id"]), text, str(item.get("style", "")), quotes, actions, not_actions, quiet)
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        detail = f"missing key {error}" if isinstance(error, KeyError) else str(error) or type(error).__name__
        raise EvaluationDataError(f"{where}: {detail} (see tests/data/GOLD-FORMAT.md)") from None


def _gold_quote(text: str, q: dict[str, Any]) -> GoldQuote:
    quote = q["quote"]
    spans = tuple(_occurrences(text, quote))
    if not spans:
        raise ValueError(f"quote {quote[:60]!r} is not in the text")
    return GoldQuote(
        quote, q["speaker"], q.get("speaker_kind", ""), q.get("speaks_for", ""), q.get("audience", ""),
        q.get("verb", ""), bool(q.get("direct", True)), _cases(q), spans,
    )  # fmt: skip


def _gold_action(a: dict[str, Any]) -> GoldAction:
    return GoldAction(a["subject"], a["verb"], a.get("object", ""), _cases(a))


def _gold_passage(text: str, a: dict[str, Any]) -> GoldPassage:
    passage = a["sentence"]
    start = text.find(passage) if isinstance(passage, str) and passage else -1
    if start < 0:
        raise ValueError(f"not-action sentence {str(passage)[:60]!r} is not in the text")
    return GoldPassage(start, start + len(passage), passage, _cases(a))


def _cases(item: dict[str, Any]) -> tuple[str, ...]:
    return tuple(item.get("cases", item.get("case", ())))


def _occurrences(text: str, part: str) -> Iterable[tuple[int, int]]:
    start = text.find(part)
    while part and start >= 0:
        yield start, start + len(part)
        start = text.find(part, start + 1)


# --- matching --------------------------------------------------------------------------------


def singular(word: str) -> str:
    """A plural noun's singular, by the regular endings ("sources" → "source", "agencies" → "agency")."""
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("sses", "ches", "shes", "xes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _head_word(phrase: str) -> str:
    """The head of a noun phrase as written: the last word before a preposition or a post-modifier."""
    words = [w.strip(".,;:'\"’‘()") for w in phrase.split()]
    words = [w for w in words if w]
    if len(words) > 2 and words[1].lower() == "of" and words[0].lower() in _DETERMINERS:
        words = words[2:]  # "one of the interviewees"
    while words and words[0].lower() in _DETERMINERS:
        words = words[1:]
    for i, word in enumerate(words):
        if i and word.lower() in _HEAD_ENDS:
            words = words[:i]
            break
    head = words[-1] if words else ""
    for ending in ("'s", "’s"):
        head = head.removesuffix(ending)
    return head


def head_noun(phrase: str) -> str:
    """Head noun of a noun phrase, lower case, singular ("sources close to the company" → "source")."""
    return singular(normalize_name(_head_word(phrase)).split()[-1]) if normalize_name(_head_word(phrase)) else ""


def is_noun_phrase(gold: str) -> bool:
    """A gold actor given as a common noun phrase ("police sources"), not a name: its head is lower case."""
    head = _head_word(gold)
    return bool(head) and head[0].islower()


def _words(name: str) -> list[str]:
    """A name's normalised words without a leading "the" ("the Commission" → ["commission"])."""
    words = normalize_name(name).split()
    return words[1:] if words[:1] == ["the"] else words


def same_actor(gold: str, entity: Entity, kind: str = "") -> bool:
    """Whether ``entity`` is the gold actor (see the module docstring for the rules)."""
    if entity.type in _NEVER.get(kind, set()):
        return False
    if is_noun_phrase(gold):
        wanted = head_noun(gold)
        return any(head_noun(name) == wanted for name in (entity.name, *entity.aliases))
    g = _words(gold)
    if not g:
        return False
    for name in (entity.name, *entity.aliases):
        n = _words(name)
        if not n:
            continue
        if n == g:
            return True
        if set(n) < set(g) and (g[0] in n or g[-1] in n):
            return True
        if set(g) < set(n) and n[-1] == g[-1]:
            return True
    return False


def predicate_parts(predicate: str) -> tuple[bool, str, tuple[str, ...]]:
    """(negated, verb, particles and prepositions) of a predicate: "NOT_RESPOND_TO" → (True, "respond", ("to",))."""
    parts = [p for p in predicate.lower().split("_") if p]
    negated = bool(parts) and parts[0] == "not"
    parts = parts[1:] if negated else parts
    if not parts:
        return negated, "", ()
    verb = parts[0]
    if verb.endswith("ise") and len(verb) > 5:
        verb = verb[:-3] + "ize"  # British and American spellings of one lemma
    return negated, verb, tuple(parts[1:])


def same_predicate(gold: str, predicted: str) -> bool:
    g, p = predicate_parts(gold), predicate_parts(predicted)
    shorter = min(len(g[2]), len(p[2]))
    return g[0] == p[0] and g[1] == p[1] and g[2][:shorter] == p[2][:shorter]


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    shared = min(a[1], b[1]) - max(a[0], b[0])
    return shared / min(a[1] - a[0], b[1] - b[0]) if shared > 0 else 0.0


# --- scoring ---------------------------------------------------------------------------------


@dataclass
class _Tally:
    """Counts by name, and per case tag, filled article by article."""

    counts: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0, 0]))
    cases: dict[str, dict[str, int]] = field(default_factory=lambda: defaultdict(lambda: defaultdict(int)))

    def add(self, name: str, *, tp: int = 0, fp: int = 0, fn: int = 0) -> None:
        row = self.counts[name]
        row[0] += tp
        row[1] += fp
        row[2] += fn

    def case(self, tags: Iterable[str], key: str, value: int = 1) -> None:
        for tag in tags:
            self.cases[tag][key] += value

    def result(self, name: str) -> Counts:
        return Counts(*self.counts[name])


@dataclass(frozen=True)
class _Said:
    speaker: Entity
    quote: Entity
    span: tuple[int, int]
    audiences: tuple[Entity, ...]
    affiliates: tuple[Entity, ...]


def _said_edges(extraction: ArticleExtraction) -> list[_Said]:
    ents = {e.id: e for e in extraction.entities}
    told: dict[str, list[Entity]] = defaultdict(list)
    works: dict[str, list[Entity]] = defaultdict(list)
    for rel in extraction.relations:
        if rel.predicate == "TOLD_TO":
            told[rel.source].append(ents[rel.target])
        elif rel.predicate in AFFILIATIONS:
            works[rel.source].append(ents[rel.target])
    seen: set[tuple[str, tuple[int, int]]] = set()
    said = []
    for rel in extraction.relations:
        key = (rel.source, rel.evidence.target_span)
        if rel.predicate == "SAID" and key not in seen:
            seen.add(key)
            speaker = ents[rel.source]
            said.append(_Said(speaker, ents[rel.target], rel.evidence.target_span, tuple(told[rel.target]), tuple(works[rel.source])))
    return said


def score_quotes(gold: GoldArticle, extraction: ArticleExtraction, tally: _Tally, errors: list[dict[str, Any]]) -> None:
    """Add one article's quote counts to ``tally`` (and what went wrong to ``errors``)."""
    said = _said_edges(extraction)
    text = gold.text
    pairs = []
    for gi, g in enumerate(gold.quotes):
        for pi, p in enumerate(said):
            overlap = max(_overlap(span, p.span) for span in g.spans)
            if overlap >= MIN_OVERLAP:
                pairs.append((same_actor(g.speaker, p.speaker, g.speaker_kind), overlap, gi, pi))
    pairs.sort(key=lambda t: (not t[0], -t[1], t[2], t[3]))
    match: dict[int, int] = {}
    used: set[int] = set()
    for _right, _overlap_, gi, pi in pairs:
        if gi not in match and pi not in used:
            match[gi] = pi
            used.add(pi)
    meeting = {pi for *_, pi in pairs}
    for gi, g in enumerate(gold.quotes):
        tags = {*g.cases, "direct" if g.direct else "indirect"}
        tally.case(tags, "gold")
        pi = match.get(gi)
        p = said[pi] if pi is not None else None
        right = p is not None and same_actor(g.speaker, p.speaker, g.speaker_kind)
        tally.add("quotes", tp=int(p is not None), fn=int(p is None))
        tally.add("speaker", tp=int(right), fn=int(not right))
        tally.case(tags, "found", int(p is not None))
        tally.case(tags, "right", int(right))
        tally.case(tags, "wrong", int(p is not None and not right))
        if p is None:
            errors.append({"article": gold.id, "kind": "quote missed", "gold": f"{g.speaker}: {g.quote}"})
        elif not right:
            errors.append({"article": gold.id, "kind": "wrong speaker", "gold": f"{g.speaker}: {g.quote}", "predicted": p.speaker.name})
        _score_audience(gold.id, g, p, tally, errors)
        if g.speaks_for and right:
            found = any(same_actor(g.speaks_for, a) for a in p.affiliates)
            tally.add("speaks_for", tp=int(found), fn=int(not found))
            if p.speaker.type == "SOURCE":
                tally.add("speaks_for", fp=sum(not same_actor(g.speaks_for, a) for a in p.affiliates))
    for pi, p in enumerate(said):
        if pi in meeting and pi not in used:  # meets a gold quote another prediction took: wrong unless the speaker is right
            met = [gold.quotes[gi] for right, _o, gi, qi in pairs if qi == pi]
            if not any(same_actor(g.speaker, p.speaker, g.speaker_kind) for g in met):
                tally.add("speaker", fp=1)
                tally.case({*met[0].cases, "direct" if met[0].direct else "indirect"}, "wrong")
                errors.append({"article": gold.id, "kind": "extra speaker", "gold": met[0].speaker, "predicted": p.speaker.name,
                               "quote": text[slice(*p.span)][:80]})  # fmt: skip
        elif pi in used:
            gi = next(g for g, q in match.items() if q == pi)
            if not same_actor(gold.quotes[gi].speaker, p.speaker, gold.quotes[gi].speaker_kind):
                tally.add("speaker", fp=1)
        else:
            tally.add("unlisted_quotes", tp=1)
            errors.append({"article": gold.id, "kind": "unlisted quote (not scored)", "predicted": p.speaker.name, "quote": text[slice(*p.span)][:80]})


def _score_audience(article: str, g: GoldQuote, p: _Said | None, tally: _Tally, errors: list[dict[str, Any]]) -> None:
    audiences = p.audiences if p is not None else ()
    found = bool(g.audience) and any(same_actor(g.audience, a) for a in audiences)
    wrong = [a for a in audiences if not (g.audience and same_actor(g.audience, a))]
    tally.add("audience", tp=int(found), fp=len(wrong), fn=int(bool(g.audience) and not found))
    if g.audience and not found:
        errors.append({"article": article, "kind": "audience missed", "gold": f"{g.audience} ({g.quote[:40]})",
                       "predicted": ", ".join(a.name for a in audiences)})  # fmt: skip
    for a in wrong:
        errors.append({"article": article, "kind": "wrong audience", "gold": g.audience, "predicted": a.name})


def _action_edges_placed(
    extraction: ArticleExtraction, rules: frozenset[str]
) -> list[tuple[tuple[Entity, str, Entity], list[tuple[int, int]]]]:
    """Each distinct (subject, predicate, object) the action rules gave, with where its objects are written."""
    ents = {e.id: e for e in extraction.entities}
    placed: dict[tuple[str, str, str], list[tuple[int, int]]] = {}
    for rel in extraction.relations:
        if rel.evidence.rule in rules:
            placed.setdefault((rel.source, rel.predicate, rel.target), []).append(rel.evidence.target_span)
    return [((ents[s], p, ents[t]), spans) for (s, p, t), spans in placed.items()]


def _meets(g: GoldAction, edge: tuple[Entity, str, Entity]) -> bool:
    subject, predicate, obj = edge
    return same_predicate(g.verb, predicate) and same_actor(g.subject, subject) and (not g.object or same_actor(g.object, obj))


def score_actions(
    gold: GoldArticle, extraction: ArticleExtraction, rules: frozenset[str], tally: _Tally, errors: list[dict[str, Any]]
) -> None:
    """Add one article's action counts to ``tally``."""
    placed = _action_edges_placed(extraction, rules)
    edges = [edge for edge, _ in placed]
    verbs = {predicate_parts(a.verb)[1] for a in (*gold.actions, *gold.not_actions)}
    for g in gold.actions:
        found = any(_meets(g, e) for e in edges)
        tally.add("action_recall", tp=int(found), fn=int(not found))
        tally.case({*g.cases, "action"}, "gold")
        tally.case({*g.cases, "action"}, "found", int(found))
        if not found:
            errors.append({"article": gold.id, "kind": "action missed", "gold": f"{g.subject} {g.verb} {g.object}"})
    for g in gold.not_actions:
        hits = [e for e in edges if _meets(g, e)]
        _count_not_action(gold, g.cases, f"{g.subject} {g.verb} {g.object}", hits, tally, errors)
    in_passage: set[int] = set()
    for p in gold.quiet:
        hits = [i for i, (_, spans) in enumerate(placed) if any(p.start <= s and e <= p.end for s, e in spans)]
        in_passage.update(hits)
        _count_not_action(gold, p.cases, p.text, [edges[i] for i in hits], tally, errors)
    for i, e in enumerate(edges):
        if predicate_parts(e[1])[1] not in verbs and i not in in_passage:
            tally.add("unlisted_actions", tp=1)
            errors.append({"article": gold.id, "kind": "unlisted action (not scored)", "predicted": _edge_text(e)})
            continue
        right = any(_meets(g, e) for g in gold.actions)
        tally.add("action_precision", tp=int(right), fp=int(not right))
        if not right:
            errors.append({"article": gold.id, "kind": "wrong action", "predicted": _edge_text(e)})


def _count_not_action(
    gold: GoldArticle, cases: tuple[str, ...], what: str, hits: list[tuple[Entity, str, Entity]],
    tally: _Tally, errors: list[dict[str, Any]],
) -> None:  # fmt: skip
    tally.add("not_actions", fp=int(bool(hits)), tp=int(not hits))
    tally.case({*cases, "not_action"}, "gold")
    tally.case({*cases, "not_action"}, "false_positive", int(bool(hits)))
    for e in hits:
        errors.append({"article": gold.id, "kind": "not-action extracted", "gold": what, "predicted": _edge_text(e)})


def _edge_text(edge: tuple[Entity, str, Entity]) -> str:
    return f"{edge[0].name} {edge[1]} {edge[2].name}"


@dataclass(frozen=True)
class QuoteReport:
    """Everything ``newsgraph eval quotes`` prints."""

    articles: int
    figures: dict[str, Any]
    cases: dict[str, dict[str, int]]
    errors: list[dict[str, Any]]


def evaluate_quotes(
    articles: Sequence[GoldArticle], *, nlp=None, model: str | None = None, progress: Callable[[], None] | None = None
) -> QuoteReport:
    """Run the whole extraction on every gold article and score its quotes and actions."""
    from extract.relations.actions import ACTION_RULES
    from extract.run import extract_articles

    tally = _Tally()
    errors: list[dict[str, Any]] = []
    texts = (Article(id=a.id, text=a.text) for a in articles)
    for gold, extraction in zip(articles, extract_articles(texts, nlp=nlp, model=model), strict=True):
        score_quotes(gold, extraction, tally, errors)
        score_actions(gold, extraction, ACTION_RULES, tally, errors)
        if progress is not None:
            progress()
    return QuoteReport(len(articles), _figures(tally), {tag: dict(row) for tag, row in sorted(tally.cases.items())}, errors)


def _figures(tally: _Tally) -> dict[str, Any]:
    quotes = tally.result("quotes")
    recall = tally.result("action_recall")
    precision = tally.result("action_precision")
    not_actions = tally.result("not_actions")
    return {
        "quotes": {"gold": quotes.tp + quotes.fn, "found": quotes.tp, "unlisted_predictions": tally.result("unlisted_quotes").tp},
        "speaker": tally.result("speaker").to_dict(),
        "audience": tally.result("audience").to_dict(),
        "speaks_for": tally.result("speaks_for").to_dict(),
        "actions": {
            "gold": recall.tp + recall.fn,
            "found": recall.tp,
            "recall": round(recall.recall, 4),
            "scored_predictions": precision.tp + precision.fp,
            "right_predictions": precision.tp,
            "precision": round(precision.precision, 4),
            "unlisted_predictions": tally.result("unlisted_actions").tp,
        },
        "not_actions": {"gold": not_actions.tp + not_actions.fp, "false_positives": not_actions.fp},
    }


def report_dict(report: QuoteReport, *, gold: str, model: str, errors: bool = False) -> dict[str, Any]:
    """The machine-readable form printed by ``newsgraph eval quotes --format json``."""
    data: dict[str, Any] = {"gold": gold, "articles": report.articles, "model": model, **report.figures, "cases": report.cases}
    if errors:
        data["errors"] = report.errors
    return data
