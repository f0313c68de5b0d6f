"""Doc → mentions → the entities of one article.

``PASSES`` turn the model's spans into clean mention candidates, in this order:

1. ``spans.model_spans``: the model's spans (and wire credits), cut at brackets and line breaks, trimmed
   ("the White House"), extended ("Mr" + "Blair", "Marine Le" + "Pen");
2. ``repairs``: title words that are no names dropped, names cut in two joined, "the Duke of Edinburgh"
   one person, "X Co. of Town" a company and its town;
3. ``untagged.missed_names``: names the model missed where the sentence is clear;
4. per candidate: detached dots and state abbreviations (``spans``), the type its own words decide
   (``retype``), the clues of the words around it (``clues``);
5. common words dropped (``retype``), overlaps resolved (``spans``).

Then ``aliases.link_mentions`` links the mentions of one actor (acronyms, surnames, short names) and
``voting.make_cluster`` gives each actor its name and type. ``EntityTable`` (``table``) is the
per-article register every extractor writes to.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Span

from extract.entities import clues, repairs, retype, spans, untagged
from extract.entities.aliases import link_mentions
from extract.entities.candidate import Candidate, Draft
from extract.entities.table import EntityTable
from extract.entities.voting import Cluster, make_cluster
from extract.model import NAMED_TYPES, Mention

__all__ = ["PASSES", "EntityTable", "cluster_mentions", "find_candidates", "find_entities"]

Pass = Callable[[Draft], None]


def per_candidate(*steps: Callable[[Doc, Candidate], None]) -> Pass:
    """A pass that runs ``steps`` in order on each candidate, one candidate after the other."""

    def run(draft: Draft) -> None:
        for cand in draft.cands:
            for step in steps:
                step(draft.doc, cand)

    run.__name__ = "per_candidate(" + ", ".join(step.__name__ for step in steps) + ")"
    return run


#: The entity passes, in the order they run (see the module docstring).
PASSES: tuple[Pass, ...] = (
    spans.model_spans,
    repairs.drop_portfolios,
    repairs.join_cut_names,
    repairs.titles_of_places,
    repairs.company_towns,
    untagged.missed_names,
    per_candidate(
        spans.take_split_dot,
        spans.state_abbreviation,
        retype.retype_by_head,
        retype.norp_as_organisation,
        retype.adjective_as_group,
        clues.read_context,
    ),
    retype.drop_common_words,
    spans.drop_overlaps,
)


def find_candidates(doc: Doc) -> list[Candidate]:
    """Clean, repaired, non-overlapping mention candidates, in text order."""
    draft = Draft(doc)
    for step in PASSES:
        step(draft)
    return draft.cands


def cluster_mentions(doc: Doc, cands: list[Candidate]) -> list[Cluster]:
    """Group the candidates into actors, each with its name and type; in order of first mention."""
    art = link_mentions(doc, cands)
    clusters = [make_cluster(art, members) for members in art.groups()]
    clusters.sort(key=lambda c: c.members[0].start)
    return clusters


def clues_of(doc: Doc, cand: Candidate) -> list[str]:
    """What the words around one mention say of it (``extract.model.CLUES``)."""
    found = []
    if cand.person_evidence:
        found.append("person")
    elif cand.person_context:
        found.append("speaks")
    if cand.org_evidence or _says_its(doc, cand):
        found.append("body")
    if cand.group_evidence:
        found.append("group")
    if cand.team_evidence:
        found.append("team")
    if cand.place_evidence:
        found.append("place")
    elif cand.place_context:
        found.append("in")
    return found


#: Clauses of their own: an "its" inside one need not be the subject's ("Okafor said the firm raised its offer").
_OWN_CLAUSES = frozenset({"ccomp", "advcl", "relcl", "conj", "parataxis", "acl", "pcomp"})


def _says_its(doc: Doc, cand: Candidate) -> bool:
    """"Toyota raised its forecast": the name is the subject of a verb whose own clause goes on with "its",
    and no other singular noun comes between them."""
    head = doc[cand.end - 1]
    if head.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verb = head.head
    for token in verb.subtree:
        if token.lower_ != "its" or token.i < head.i:
            continue
        if any(t.tag_ in ("NN", "NNP") for t in doc[head.i + 1 : token.i]):
            continue  # "Mbuyi thanked the union for its patience": the union's
        step = token
        while step.i != verb.i and step.dep_ not in _OWN_CLAUSES and step.head.i != step.i:
            step = step.head
        if step.i == verb.i:
            return True
    return False


def find_entities(doc: Doc, table: EntityTable) -> None:
    """Add the named entities of ``doc`` to ``table``: cleaned, merged into actors, typed by vote.

    Also rewrites ``doc.ents`` to the cleaned, retyped spans, so later rules (relations) read the
    same entities the table holds.
    """
    clusters = cluster_mentions(doc, find_candidates(doc))
    ent_spans: list[Span] = []
    for cluster in clusters:
        for cand in cluster.members:
            span = Span(doc, cand.start, cand.end, label=cluster.type)
            ent_spans.append(span)
            text = " ".join(span.text.split())
            mention = Mention(span.start_char, span.end_char, text, cluster.type)
            table.add(cluster.name, cluster.type, mention, range(cand.start, cand.end), clues_of(doc, cand))
    named = {i for span in ent_spans for i in range(span.start, span.end)}
    others = [e for e in doc.ents if e.label_ not in NAMED_TYPES and not any(i in named for i in range(e.start, e.end))]
    doc.ents = sorted(ent_spans + others, key=lambda s: s.start)
