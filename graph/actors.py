"""A built graph + hand-written corpus gold → how right its actors are: one node per real actor, with the right type.

The gold (``tests/data/GOLD-FORMAT.md``) lists a corpus's most-mentioned actors with their type and every
surface form that must share their node, namesake pairs that must stay apart, and capitalised words that
must not be actors at all. A node *holds* a form when the form, normalised (``normalize_name``, honorifics
dropped), is its name or one of its aliases.

- an actor is **right** when the nodes holding its forms are exactly one, of its type, holding no other
  gold actor's form;
- **fragments**: the other nodes holding one of its forms (a country split in two);
- **false merges**: two gold actors, or an ``apart`` pair, on one node;
- **junk nodes**: actor nodes named by a junk word;
- **hubs**: the 100 most-connected actor nodes — by how many other actors they are tied to, as the
  explorer's actor view draws them (roles, quotes and things are folded into their actor there), then by
  mentions; a hub is right when it is the one node of a gold actor, of its type, and no false merge;
  hubs the gold does not cover are listed, not judged.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx

from extract.errors import EvaluationDataError
from extract.lexicon.people import HONORIFICS
from extract.model import normalize_name
from graph.analysis import ACTOR_TYPES, actor_graph  # ACTOR_TYPES: what the explorer and the hubs count as actors

GOLD_TYPES = ACTOR_TYPES | {"EVENT", "LAW", "WORK_OF_ART"}
HUBS = 100
_DROPPED = HONORIFICS | {"sir", "lord", "lady", "dame", "the"}


def form_key(text: str, *, keep_the: bool = False) -> str:
    """A form as compared: normalised, without a leading honorific or "the" ("Mr Ebbers" → "ebbers").

    Gold forms keep a written "The" ("The Sun" is a paper; the gold writes forms without a leading
    "the" unless it belongs to the name)."""
    words = normalize_name(text).split()
    while len(words) > 1 and words[0] in _DROPPED and not (keep_the and words[0] == "the"):
        words = words[1:]
    return " ".join(words)


@dataclass(frozen=True)
class GoldActor:
    name: str
    type: str
    forms: frozenset[str]  # form keys
    articles: int = 0


@dataclass(frozen=True)
class Gold:
    """One category's gold: actors, namesake pairs kept apart, junk words."""

    source: str
    actors: tuple[GoldActor, ...]
    apart: tuple[tuple[str, str], ...]
    junk: frozenset[str]


def load_gold(path: str | Path) -> Gold:
    """Read a gold file; a malformed one raises ``EvaluationDataError`` naming the file and the item."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise EvaluationDataError(f"{path}: no such file; pass a gold file such as tests/data/actors/business.json") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise EvaluationDataError(f"{path}: not a gold JSON file ({error})") from None
    try:
        actors = []
        for i, item in enumerate(data["actors"]):
            type_ = str(item["type"])
            if type_ not in GOLD_TYPES:
                raise ValueError(f"actor {i} ({item.get('name')!r}): type {type_!r} is not one of {', '.join(sorted(GOLD_TYPES))}")
            forms = frozenset(form_key(f, keep_the=True) for f in [item["name"], *item.get("forms", ())] if form_key(f))
            actors.append(GoldActor(str(item["name"]), type_, forms, int(item.get("articles", 0))))
        apart = tuple((str(p["a"]), str(p["b"])) for p in data.get("apart", ()))
        junk = frozenset(form_key(j["name"]) for j in data.get("junk", ()))
    except (KeyError, TypeError, ValueError) as error:
        detail = f"missing key {error}" if isinstance(error, KeyError) else str(error)
        raise EvaluationDataError(f"{path}: {detail} (see tests/data/GOLD-FORMAT.md)") from None
    return Gold(str(path), tuple(actors), apart, junk)


@dataclass
class ActorScore:
    """How one gold actor came out."""

    actor: GoldActor
    nodes: list[Hashable] = field(default_factory=list)  # nodes holding a form, primary first
    right_type: bool = False
    merged_with: list[str] = field(default_factory=list)  # other gold actors on its primary node

    @property
    def found(self) -> bool:
        return bool(self.nodes)

    @property
    def right(self) -> bool:
        return len(self.nodes) == 1 and self.right_type and not self.merged_with


@dataclass
class Report:
    """Everything ``newsgraph eval actors`` prints, for one gold file."""

    gold: str
    actors: list[ActorScore]
    false_merges: list[tuple[str, str, str]]  # (gold a, gold b, node name)
    junk_nodes: list[tuple[str, str, int]]  # (name, type, degree)
    hubs: list[dict[str, Any]]
    node_names: dict[Hashable, str] = field(default_factory=dict)
    node_types: dict[Hashable, str] = field(default_factory=dict)

    @property
    def right(self) -> int:
        return sum(a.right for a in self.actors)

    @property
    def fragments(self) -> int:
        return sum(max(len(a.nodes) - 1, 0) for a in self.actors)

    def hub_precision(self) -> tuple[float, int, int]:
        """(precision over judged hubs, right, judged)."""
        judged = [h for h in self.hubs if h["verdict"] != "not in gold"]
        good = sum(h["verdict"] == "right" for h in judged)
        return (good / len(judged) if judged else 0.0), good, len(judged)

    def summary(self) -> dict[str, Any]:
        n = len(self.actors)
        precision, good, judged = self.hub_precision()
        return {
            "gold": self.gold,
            "actors": n,
            "right": self.right,
            "right_share": round(self.right / n, 4) if n else 0.0,
            "not_found": sum(not a.found for a in self.actors),
            "wrong_type": sum(a.found and not a.right_type for a in self.actors),
            "fragments": self.fragments,
            "fragment_share": round(self.fragments / n, 4) if n else 0.0,
            "false_merges": len(self.false_merges),
            "junk_nodes": len(self.junk_nodes),
            "hubs": len(self.hubs),
            "hub_precision": round(precision, 4),
            "hubs_right": good,
            "hubs_judged": judged,
            "hubs_not_in_gold": len(self.hubs) - judged,
        }

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.summary(),
            "errors": {
                "not_found": [a.actor.name for a in self.actors if not a.found],
                "wrong_type": [
                    {"actor": a.actor.name, "gold": a.actor.type, "node": self._name(a), "type": self._type(a)}
                    for a in self.actors if a.found and not a.right_type
                ],  # fmt: skip
                "fragments": [
                    {"actor": a.actor.name, "nodes": [self.node_names.get(n, str(n)) for n in a.nodes]}
                    for a in self.actors if len(a.nodes) > 1
                ],  # fmt: skip
                "false_merges": [{"a": a, "b": b, "node": node} for a, b, node in self.false_merges],
                "junk_nodes": [{"name": n, "type": t, "degree": d} for n, t, d in self.junk_nodes],
            },
            "hubs": self.hubs,
        }

    def _name(self, score: ActorScore) -> str:
        return self.node_names.get(score.nodes[0], str(score.nodes[0]))

    def _type(self, score: ActorScore) -> str:
        return self.node_types.get(score.nodes[0], "")


def node_forms(data: dict[str, Any]) -> set[str]:
    return {k for k in (form_key(data.get("name", "")), *(form_key(a) for a in data.get("aliases", ()))) if k}


def score_actors(graph: nx.MultiDiGraph, gold: Gold, *, hubs: int = HUBS) -> Report:
    """Score ``graph`` (a ``build_graph`` graph) against one category's gold."""
    holders: dict[str, list[Hashable]] = defaultdict(list)  # form key → actor nodes holding it
    names, types = {}, {}
    for nid, data in graph.nodes(data=True):
        if data.get("type") not in GOLD_TYPES:
            continue
        names[nid], types[nid] = str(data.get("name", nid)), data.get("type", "")
        for key in node_forms(data):
            holders[key].append(nid)
    degree = dict(actor_graph(graph).degree())
    mentions = {nid: graph.nodes[nid].get("mentions", 0) for nid in names}
    owner_of_form = {form: actor for actor in gold.actors for form in actor.forms}
    scores: list[ActorScore] = []
    primary_of: dict[Hashable, list[ActorScore]] = defaultdict(list)
    for actor in gold.actors:
        nodes = {n for form in actor.forms for n in holders.get(form, ())}
        # primary: a node named by one of its forms, then the node holding most of them, then the most mentioned
        ranked = sorted(
            nodes,
            key=lambda n: (form_key(names[n]) not in actor.forms, -len(node_forms(graph.nodes[n]) & actor.forms), -mentions[n], str(n)),
        )
        score = ActorScore(actor, ranked, right_type=bool(ranked) and types[ranked[0]] == actor.type)
        scores.append(score)
        if ranked:
            primary_of[ranked[0]].append(score)
    false_merges: list[tuple[str, str, str]] = []
    for score in scores:
        if not score.nodes:
            continue
        held = node_forms(graph.nodes[score.nodes[0]])
        others = sorted({owner_of_form[f].name for f in held if f in owner_of_form and owner_of_form[f] is not score.actor})
        score.merged_with = others
        for other in others:
            pair = tuple(sorted((score.actor.name, other)))
            if (*pair, names[score.nodes[0]]) not in false_merges:
                false_merges.append((*pair, names[score.nodes[0]]))
    for a, b in gold.apart:
        ka, kb = form_key(a), form_key(b)
        for nid in set(holders.get(ka, ())) & set(holders.get(kb, ())):
            pair = tuple(sorted((a, b)))
            if (*pair, names[nid]) not in false_merges:
                false_merges.append((*pair, names[nid]))
    junk = sorted(
        ((names[n], types[n], degree.get(n, 0)) for n in names if form_key(names[n]) in gold.junk and types[n] in ACTOR_TYPES),
        key=lambda row: -row[2],
    )
    hub_rows = []
    merged_nodes = {names_ for *_, names_ in false_merges}
    actor_nodes = sorted((n for n in names if types[n] in ACTOR_TYPES), key=lambda n: (-degree.get(n, 0), -mentions[n], str(n)))
    for rank, nid in enumerate(actor_nodes[:hubs], start=1):
        verdict, actor = _hub_verdict(nid, graph, gold, primary_of, owner_of_form, names, merged_nodes)
        hub_rows.append({"rank": rank, "node": names[nid], "type": types[nid], "degree": degree.get(nid, 0), "gold": actor, "verdict": verdict})
    return Report(gold.source, scores, false_merges, junk, hub_rows, names, types)


def _hub_verdict(nid, graph, gold, primary_of, owner_of_form, names, merged_nodes) -> tuple[str, str]:
    if form_key(names[nid]) in gold.junk:
        return "junk", ""
    primaries = primary_of.get(nid, [])
    if primaries:
        score = primaries[0]
        if names[nid] in merged_nodes:
            return "false merge", score.actor.name
        if not score.right_type:
            return f"wrong type (gold {score.actor.type})", score.actor.name
        return "right", score.actor.name
    owners = sorted({owner_of_form[f].name for f in node_forms(graph.nodes[nid]) if f in owner_of_form})
    if owners:
        return "duplicate", owners[0]
    return "not in gold", ""


def score_files(graph: nx.MultiDiGraph, gold_paths: Iterable[str | Path], *, hubs: int = HUBS) -> list[Report]:
    return [score_actors(graph, load_gold(path), hubs=hubs) for path in gold_paths]
