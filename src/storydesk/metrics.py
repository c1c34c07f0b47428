"""Standard accuracy metrics, as pure functions: no I/O, no model, no storydesk state.

Used by the evaluation harness in ``eval/`` and by anyone who wants to score storydesk output
against their own gold data.

* ``token_prf`` — bag-of-words overlap of two texts (boilerplate removal), as in the
  article-extraction-benchmark: lowercased ``\\w+`` tokens compared as multisets.
* ``bcubed_prf`` and ``pairwise_prf`` — clustering, over two parallel label lists (item *i* has
  predicted label ``predicted[i]`` and gold label ``gold[i]``).
* ``span_prf`` — character spans, matched exactly or by overlap (one-to-one).

Conventions for undefined ratios: when a side is empty (nothing predicted, or nothing to find)
the ratio is 1.0 if the other side is empty too (nothing to find and nothing found is perfect),
else 0.0. F1 is the harmonic mean of precision and recall, 0.0 when both are 0.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from typing import Literal, Protocol

__all__ = [
    "PRF",
    "bcubed_prf",
    "mean_prf",
    "pairwise_prf",
    "pooled_prf",
    "span_prf",
    "token_counts",
    "token_prf",
    "word_tokens",
]

_TOKEN_RE = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class PRF:
    """Precision, recall and F1, each in [0, 1]."""

    precision: float
    recall: float
    f1: float

    @classmethod
    def from_pr(cls, precision: float, recall: float) -> PRF:
        """Build from precision and recall; F1 is their harmonic mean."""
        total = precision + recall
        return cls(precision, recall, 2 * precision * recall / total if total > 0 else 0.0)

    @classmethod
    def from_counts(cls, tp: float, fp: float, fn: float) -> PRF:
        """Build from true positives, false positives and false negatives."""
        return cls.from_pr(_ratio(tp, tp + fp, fn == 0), _ratio(tp, tp + fn, fp == 0))

    def as_dict(self, prefix: str = "") -> dict[str, float]:
        """``{"precision": .., "recall": .., "f1": ..}``, keys optionally prefixed."""
        return {
            f"{prefix}precision": self.precision,
            f"{prefix}recall": self.recall,
            f"{prefix}f1": self.f1,
        }


def _ratio(numerator: float, denominator: float, other_side_empty: bool) -> float:
    if denominator > 0:
        return numerator / denominator
    return 1.0 if other_side_empty else 0.0


def mean_prf(scores: Iterable[PRF]) -> PRF:
    """Macro average: the mean of each of precision, recall and F1 separately (so the mean F1 is
    not the harmonic mean of the mean precision and recall). Empty input gives all zeros."""
    items = list(scores)
    if not items:
        return PRF(0.0, 0.0, 0.0)
    n = len(items)
    return PRF(
        sum(s.precision for s in items) / n,
        sum(s.recall for s in items) / n,
        sum(s.f1 for s in items) / n,
    )


# --------------------------------------------------------------------------------------------------
# Text
# --------------------------------------------------------------------------------------------------


def word_tokens(text: str) -> list[str]:
    """Lowercased ``\\w+`` tokens. Deliberately naive, as in the article-extraction-benchmark:
    it works for any language and punctuation or whitespace differences do not count."""
    return _TOKEN_RE.findall((text or "").lower())


def token_counts(predicted: str, gold: str) -> tuple[int, int, int]:
    """``(tp, fp, fn)`` of the bag-of-words comparison behind ``token_prf``."""
    pred = Counter(word_tokens(predicted))
    true = Counter(word_tokens(gold))
    tp = sum((pred & true).values())
    return tp, sum(pred.values()) - tp, sum(true.values()) - tp


def token_prf(predicted: str, gold: str) -> PRF:
    """Bag-of-words precision/recall/F1 of ``predicted`` against ``gold``.

    Tokens are compared as multisets: a word that appears three times in the gold text and once
    in the prediction gives one true positive and two false negatives.
    """
    return PRF.from_counts(*token_counts(predicted, gold))


def pooled_prf(counts: Iterable[tuple[float, float, float]]) -> PRF:
    """The article-extraction-benchmark's pooling of per-document ``(tp, fp, fn)``: each
    document's counts are scaled to sum to 1 (so long pages weigh no more than short ones), then
    summed, and precision/recall/F1 come from the sums. Documents with no tokens on either side
    are left out."""
    tp = fp = fn = 0.0
    for a, b, c in counts:
        total = a + b + c
        if total > 0:
            tp, fp, fn = tp + a / total, fp + b / total, fn + c / total
    return PRF.from_counts(tp, fp, fn)


# --------------------------------------------------------------------------------------------------
# Clustering
# --------------------------------------------------------------------------------------------------


def _contingency(
    predicted: Sequence[Hashable], gold: Sequence[Hashable]
) -> tuple[Counter[tuple[Hashable, Hashable]], Counter[Hashable], Counter[Hashable]]:
    if len(predicted) != len(gold):
        raise ValueError(
            f"predicted and gold must be parallel label lists of the same length "
            f"(got {len(predicted)} and {len(gold)})"
        )
    cells = Counter(zip(predicted, gold, strict=True))
    return cells, Counter(predicted), Counter(gold)


def bcubed_prf(predicted: Sequence[Hashable], gold: Sequence[Hashable]) -> PRF:
    """B-cubed precision/recall/F1 (Bagga & Baldwin 1998; Amigó et al. 2009).

    For each item, precision is the share of its predicted cluster that shares its gold cluster,
    recall the share of its gold cluster that shares its predicted cluster (the item itself
    included); both are averaged over items and F1 is their harmonic mean. Computed from the
    contingency table: an item in cell (p, g) of size n has precision n/|p| and recall n/|g|.
    """
    cells, pred_sizes, gold_sizes = _contingency(predicted, gold)
    n = len(predicted)
    if n == 0:
        return PRF(1.0, 1.0, 1.0)
    precision = sum(c * c / pred_sizes[p] for (p, _), c in cells.items()) / n
    recall = sum(c * c / gold_sizes[g] for (_, g), c in cells.items()) / n
    return PRF.from_pr(precision, recall)


def _pairs(count: int) -> int:
    return count * (count - 1) // 2


def pairwise_prf(predicted: Sequence[Hashable], gold: Sequence[Hashable]) -> PRF:
    """Pairwise precision/recall/F1: every unordered pair of items put in the same predicted
    cluster is a prediction, correct if the pair shares a gold cluster. Large clusters weigh
    quadratically, so this is harsher than B-cubed on one wrong merge of two big stories."""
    cells, pred_sizes, gold_sizes = _contingency(predicted, gold)
    tp = sum(_pairs(c) for c in cells.values())
    pred_pairs = sum(_pairs(c) for c in pred_sizes.values())
    gold_pairs = sum(_pairs(c) for c in gold_sizes.values())
    return PRF.from_counts(tp, pred_pairs - tp, gold_pairs - tp)


# --------------------------------------------------------------------------------------------------
# Spans
# --------------------------------------------------------------------------------------------------


class _HasOffsets(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


SpanLike = tuple[int, int] | _HasOffsets


def _offsets(span: SpanLike) -> tuple[int, int]:
    if isinstance(span, tuple):
        return int(span[0]), int(span[1])
    return int(span.start), int(span.end)


def span_prf(
    pred_spans: Iterable[SpanLike],
    gold_spans: Iterable[SpanLike],
    mode: Literal["exact", "overlap"] = "exact",
) -> PRF:
    """Precision/recall/F1 of half-open character spans ``(start, end)`` (tuples or objects with
    ``start``/``end``, such as ``storydesk.model.Span``; labels are ignored).

    ``exact``: a predicted span is correct if a gold span has the same offsets (as multisets: a
    duplicate prediction is a false positive). ``overlap``: spans match if they share at least one
    character, one-to-one (a maximum matching), so one long prediction cannot claim several gold
    spans.
    """
    pred = [_offsets(s) for s in pred_spans]
    gold = [_offsets(s) for s in gold_spans]
    if mode == "exact":
        tp = sum((Counter(pred) & Counter(gold)).values())
    elif mode == "overlap":
        tp = _max_overlap_matching(pred, gold)
    else:
        raise ValueError(f"span_prf mode must be 'exact' or 'overlap', not {mode!r}")
    return PRF.from_counts(tp, len(pred) - tp, len(gold) - tp)


def _max_overlap_matching(pred: list[tuple[int, int]], gold: list[tuple[int, int]]) -> int:
    """Size of a maximum one-to-one matching between overlapping spans (Kuhn's augmenting paths;
    span lists per document are small, so O(V·E) is fine)."""
    edges = [
        [j for j, (gs, ge) in enumerate(gold) if ps < ge and gs < pe and ps < pe and gs < ge]
        for ps, pe in pred
    ]
    owner: dict[int, int] = {}  # gold index -> pred index

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    return sum(augment(i, set()) for i in range(len(pred)))
