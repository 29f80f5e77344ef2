"""Scoring attributions (source, cue, content) against PolNeAR gold, article by article.

Gold: every brat event of the article's annotation that has a content (an event without one is no
attribution and is skipped by the reader). Predicted: ``PredictedAttribution`` records; from a ledger,
``predictions_from_ledger`` takes every claim with a cue span (outlet claims have none) and merges the claims
that share cue span and content (``c1`` and ``c1.2``: one claim linked to two events), pooling their sources.

Spans of one role may be discontinuous (several fragments); two roles *overlap* when any fragment of one
shares at least one character with any fragment of the other.

``attribution_f1``
    A gold attribution ``g`` and a prediction ``p`` *agree* when ``p``'s cue overlaps ``g``'s cue, ``p``'s
    content overlaps at least half of ``g``'s content tokens (``2 * covered >= total``; a token is a run of
    word characters of the gold content text, i.e. the text split at whitespace and punctuation, and it is
    covered when it shares a character with the predicted content; a gold content without any token needs
    a plain overlap), and, where ``g`` has a source, ``p`` has a source that overlaps it (a prediction's
    source is ignored where ``g`` has none). Gold and predictions are matched one to one by a maximum
    matching on agreement. TP = matched pairs, FP = predictions left unmatched, FN = gold left unmatched.

``cue_f1``, ``source_f1``, ``content_f1``
    Gold and predictions are first *paired* one to one where the cues overlap: a maximum matching on cue
    overlap that, among matchings of that size, prefers pairs that agree (above), then pairs whose content
    covers more of the gold tokens, then pairs whose sources overlap. Then, per role:

    - cue: TP = pairs; FP = predictions left unpaired; FN = gold left unpaired.
    - content: TP = pairs whose contents overlap (any shared character); FP = predictions minus TP (every
      prediction has a content); FN = gold minus TP.
    - source: TP = pairs where both have a source and they overlap; FP = predictions with a source minus
      TP (a predicted source paired with a gold attribution without one is an FP); FN = gold attributions
      with a source minus TP (a gold source paired with a prediction without one is an FN).

Counts are summed over all articles (micro average) before precision, recall and F1 are taken.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from claimledger.eval.matching import max_weight_matching, precision_recall_f1
from claimledger.types import ArticleLedger, Span

ROLES = ("cue", "source", "content", "attribution")
POLNEAR_METRICS = tuple(f"{role}_f1" for role in ROLES)

_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class GoldAttribution:
    """One gold attribution (a brat ``E`` line); ``content_tokens`` are the word spans of its content."""

    id: str
    cue: tuple[Span, ...]
    content: tuple[Span, ...]
    source: tuple[Span, ...] = ()
    content_tokens: tuple[Span, ...] = ()
    line: int = 0


@dataclass(frozen=True, slots=True)
class PredictedAttribution:
    """One predicted attribution; ``label`` says where it came from (for details)."""

    cue: tuple[Span, ...]
    content: tuple[Span, ...]
    source: tuple[Span, ...] = ()
    label: str = ""


@dataclass(frozen=True, slots=True)
class RoleCounts:
    """True positives, predictions and gold items of one role."""

    tp: int = 0
    predicted: int = 0
    gold: int = 0

    def __add__(self, other: RoleCounts) -> RoleCounts:
        return RoleCounts(self.tp + other.tp, self.predicted + other.predicted, self.gold + other.gold)

    def prf(self) -> tuple[float, float, float]:
        return precision_recall_f1(self.tp, self.predicted, self.gold)


@dataclass(frozen=True, slots=True)
class AttributionScore:
    """Counts per role (``ROLES``), and which gold attributions (by index) and predictions were matched."""

    counts: dict[str, RoleCounts]
    gold_matched: tuple[bool, ...] = ()
    predicted_matched: tuple[bool, ...] = ()

    def __add__(self, other: AttributionScore) -> AttributionScore:
        counts = {
            role: self.counts.get(role, RoleCounts()) + other.counts.get(role, RoleCounts()) for role in ROLES
        }
        return AttributionScore(counts)

    def metrics(self) -> dict[str, float]:
        """``{cue_f1, source_f1, content_f1, attribution_f1}``, each in [0, 1]."""
        return {f"{role}_f1": self.counts.get(role, RoleCounts()).prf()[2] for role in ROLES}


EMPTY_SCORE = AttributionScore({role: RoleCounts() for role in ROLES})


def word_spans(text: str, spans: Iterable[Span]) -> tuple[Span, ...]:
    """The runs of word characters of ``text`` in ``spans`` (split at whitespace and punctuation)."""
    out: list[Span] = []
    for span in spans:
        piece = text[span.start : span.end]
        out.extend(Span(span.start + m.start(), span.start + m.end()) for m in _WORD.finditer(piece))
    return tuple(out)


def overlaps(left: Sequence[Span], right: Sequence[Span]) -> bool:
    """Whether any span of ``left`` shares a character with any span of ``right``."""
    return any(a.overlaps(b) for a in left for b in right)


def _covered(gold: GoldAttribution, predicted: PredictedAttribution) -> tuple[int, int]:
    """How many of ``gold``'s content tokens ``predicted``'s content covers, and how many there are.

    A gold content without any token counts as one token, covered by a plain overlap.
    """
    if not gold.content_tokens:
        return int(overlaps(gold.content, predicted.content)), 1
    covered = sum(1 for token in gold.content_tokens if overlaps((token,), predicted.content))
    return covered, len(gold.content_tokens)


def content_coverage(gold: GoldAttribution, predicted: PredictedAttribution) -> float:
    """The share of ``gold``'s content tokens that ``predicted``'s content covers."""
    covered, total = _covered(gold, predicted)
    return covered / total


def source_agrees(gold: GoldAttribution, predicted: PredictedAttribution) -> bool:
    """No gold source, or the predicted source overlaps it."""
    return not gold.source or overlaps(gold.source, predicted.source)


def agrees(gold: GoldAttribution, predicted: PredictedAttribution) -> bool:
    """The ``attribution_f1`` criterion: cue overlap, ≥ half the content tokens, source if gold has one."""
    if not overlaps(gold.cue, predicted.cue) or not source_agrees(gold, predicted):
        return False
    covered, total = _covered(gold, predicted)
    return 2 * covered >= total


def score_attributions(
    gold: Sequence[GoldAttribution], predicted: Sequence[PredictedAttribution]
) -> AttributionScore:
    """Score one article's predictions against its gold attributions (see the module docstring)."""
    agree = {(i, j): 0.0 for i, g in enumerate(gold) for j, p in enumerate(predicted) if agrees(g, p)}
    matched = _match(agree)
    weights: dict[tuple[int, int], float] = {}
    for i, g in enumerate(gold):
        for j, p in enumerate(predicted):
            if overlaps(g.cue, p.cue):
                both_sources = bool(g.source) and overlaps(g.source, p.source)
                weights[(i, j)] = 4.0 * ((i, j) in agree) + 2.0 * content_coverage(g, p) + both_sources
    pairs = _match(weights)
    content_tp = sum(1 for i, j in pairs if overlaps(gold[i].content, predicted[j].content))
    source_tp = sum(
        1
        for i, j in pairs
        if gold[i].source and predicted[j].source and overlaps(gold[i].source, predicted[j].source)
    )
    counts = {
        "cue": RoleCounts(len(pairs), len(predicted), len(gold)),
        "source": RoleCounts(
            source_tp, sum(1 for p in predicted if p.source), sum(1 for g in gold if g.source)
        ),
        "content": RoleCounts(content_tp, len(predicted), len(gold)),
        "attribution": RoleCounts(len(matched), len(predicted), len(gold)),
    }
    gold_hit = {i for i, _ in matched}
    pred_hit = {j for _, j in matched}
    return AttributionScore(
        counts,
        gold_matched=tuple(i in gold_hit for i in range(len(gold))),
        predicted_matched=tuple(j in pred_hit for j in range(len(predicted))),
    )


def _match(edges: dict[tuple[int, int], float]) -> list[tuple[int, int]]:
    """A maximum one-to-one matching over ``edges`` (``(gold, predicted) -> weight``).

    Solved per connected component (the graphs are sparse: a cue rarely overlaps more than one cue), each
    exactly with ``max_weight_matching``: the most pairs, then the highest total weight.
    """
    out: list[tuple[int, int]] = []
    for component in _components(edges):
        rows = sorted({i for i, _ in component})
        cols = sorted({j for _, j in component})
        row_index = {r: k for k, r in enumerate(rows)}
        col_index = {c: k for k, c in enumerate(cols)}
        table: list[list[float | None]] = [[None] * len(cols) for _ in rows]
        for (i, j), weight in component.items():
            table[row_index[i]][col_index[j]] = weight
        out.extend((rows[a], cols[b]) for a, b in max_weight_matching(table))
    return sorted(out)


def _components(edges: dict[tuple[int, int], float]) -> list[dict[tuple[int, int], float]]:
    """The edges of each connected component of the bipartite graph (union-find over gold and predicted)."""
    parent: dict[tuple[int, int], tuple[int, int]] = {}  # nodes: (0, gold index) and (1, predicted index)

    def find(node: tuple[int, int]) -> tuple[int, int]:
        parent.setdefault(node, node)
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for i, j in edges:
        parent[find((0, i))] = find((1, j))
    groups: dict[tuple[int, int], dict[tuple[int, int], float]] = {}
    for (i, j), weight in edges.items():
        groups.setdefault(find((0, i)), {})[(i, j)] = weight
    return list(groups.values())


def predictions_from_ledger(ledger: ArticleLedger) -> list[PredictedAttribution]:
    """The ledger's claims that have a cue span, one per (cue span, content): their sources pooled.

    PolNeAR is univocal: a token belongs to at most one attribution, so an attribution nested in another's
    content is not annotated. Claims relayed by another claim (``via`` not empty) are therefore not
    predictions here; the outermost claim of each chain is.
    """
    merged: dict[tuple[Span, Span], list[Span]] = {}
    labels: dict[tuple[Span, Span], str] = {}
    for claim in ledger.claims:
        if claim.cue_span is None or claim.via:
            continue
        key = (claim.cue_span, claim.content)
        sources = merged.setdefault(key, [])
        labels.setdefault(key, claim.id)
        if claim.source_span is not None and claim.source_span not in sources:
            sources.append(claim.source_span)
    return [
        PredictedAttribution(
            cue=(cue,), content=(content,), source=tuple(sources), label=labels[(cue, content)]
        )
        for (cue, content), sources in merged.items()
    ]
