"""storydesk.metrics on hand-computed cases (the expected values are worked out in the comments)."""

from __future__ import annotations

import pytest

from storydesk.metrics import (
    PRF,
    bcubed_prf,
    mean_prf,
    pairwise_prf,
    pooled_prf,
    span_prf,
    token_counts,
    token_prf,
    word_tokens,
)
from storydesk.model import Span


def assert_prf(actual: PRF, precision: float, recall: float, f1: float) -> None:
    assert actual.precision == pytest.approx(precision)
    assert actual.recall == pytest.approx(recall)
    assert actual.f1 == pytest.approx(f1)


# --------------------------------------------------------------------------------------------------
# PRF
# --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("tp", "fp", "fn", "expected"),
    [
        (3, 1, 2, (0.75, 0.6, 2 * 0.75 * 0.6 / 1.35)),
        (0, 0, 0, (1.0, 1.0, 1.0)),  # nothing to find, nothing found
        (0, 0, 4, (0.0, 0.0, 0.0)),  # nothing found, something to find
        (0, 4, 0, (0.0, 0.0, 0.0)),  # something found, nothing to find
        (0, 2, 2, (0.0, 0.0, 0.0)),
    ],
)
def test_prf_from_counts(tp, fp, fn, expected):
    assert_prf(PRF.from_counts(tp, fp, fn), *expected)


def test_prf_as_dict_prefixes_keys():
    assert PRF(0.5, 0.25, 0.1).as_dict("b_") == {"b_precision": 0.5, "b_recall": 0.25, "b_f1": 0.1}


def test_mean_prf_averages_each_field_separately():
    # F1 mean is (1.0 + 0.0) / 2, not the harmonic mean of the mean P and R.
    assert_prf(mean_prf([PRF(1.0, 1.0, 1.0), PRF(0.0, 1.0, 0.0)]), 0.5, 1.0, 0.5)
    assert_prf(mean_prf([]), 0.0, 0.0, 0.0)


# --------------------------------------------------------------------------------------------------
# Tokens
# --------------------------------------------------------------------------------------------------


def test_word_tokens_lowercase_and_ignore_punctuation():
    assert word_tokens("Hello, WORLD! It's 3.5 km — Zelenskyy's.") == [
        "hello", "world", "it", "s", "3", "5", "km", "zelenskyy", "s",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("predicted", "gold", "expected"),
    [
        # pred {the, cat, sat}; gold {the×2, cat, sat, on, mat}: tp 3, fp 0, fn 3
        ("The cat sat", "the cat sat on the mat", (1.0, 0.5, 2 / 3)),
        # multiset: three "a" predicted, one in gold: tp 1, fp 2
        ("a a a", "a", (1 / 3, 1.0, 0.5)),
        ("Hello, World!", "hello world", (1.0, 1.0, 1.0)),
        ("Café über", "café", (0.5, 1.0, 2 / 3)),
        ("", "", (1.0, 1.0, 1.0)),
        ("", "some gold text", (0.0, 0.0, 0.0)),
        ("menu login", "", (0.0, 0.0, 0.0)),
        ("completely different", "words here", (0.0, 0.0, 0.0)),
    ],
)
def test_token_prf(predicted, gold, expected):
    assert_prf(token_prf(predicted, gold), *expected)


def test_token_counts_are_tp_fp_fn():
    assert token_counts("a b b c", "b c c d") == (2, 2, 2)


def test_pooled_prf_normalises_each_document():
    # doc 1: (1, 1, 0) -> (0.5, 0.5, 0); doc 2: (3, 0, 1) -> (0.75, 0, 0.25); doc 3 is empty.
    # sums: tp 1.25, fp 0.5, fn 0.25 -> P = 1.25/1.75, R = 1.25/1.5
    p, r = 1.25 / 1.75, 1.25 / 1.5
    assert_prf(pooled_prf([(1, 1, 0), (3, 0, 1), (0, 0, 0)]), p, r, 2 * p * r / (p + r))


# --------------------------------------------------------------------------------------------------
# Clustering
# --------------------------------------------------------------------------------------------------

# Bagga & Baldwin (1998), the textbook example: gold {1-5} {6,7} {8-12}.
BB_GOLD = ["A"] * 5 + ["B"] * 2 + ["C"] * 5
# Response 1 merges {6,7} into {8-12}: precision (5·1 + 2·2/7 + 5·5/7)/12 = 64/84, recall 1.
BB_MERGE_SMALL = ["x"] * 5 + ["y"] * 7
# Response 2 merges {1-5} with {8-12}: precision (10·5/10 + 2·1)/12 = 7/12, recall 1.
BB_MERGE_LARGE = ["x"] * 5 + ["y"] * 2 + ["x"] * 5


@pytest.mark.parametrize(
    ("predicted", "precision", "recall"),
    [
        (BB_MERGE_SMALL, 64 / 84, 1.0),
        (BB_MERGE_LARGE, 7 / 12, 1.0),
        (BB_GOLD, 1.0, 1.0),
        # every item alone: precision 1; recall (5·1/5 + 2·1/2 + 5·1/5)/12 = 3/12
        ([str(i) for i in range(12)], 1.0, 3 / 12),
        # one cluster: precision (5·5/12 + 2·2/12 + 5·5/12)/12 = 54/144; recall 1
        (["all"] * 12, 54 / 144, 1.0),
    ],
)
def test_bcubed_bagga_baldwin(predicted, precision, recall):
    f1 = 2 * precision * recall / (precision + recall)
    assert_prf(bcubed_prf(predicted, BB_GOLD), precision, recall, f1)


def test_bcubed_f1_textbook_value():
    assert bcubed_prf(BB_MERGE_SMALL, BB_GOLD).f1 == pytest.approx(0.8649, abs=1e-4)


@pytest.mark.parametrize(
    ("predicted", "expected"),
    [
        # gold pairs 10 + 1 + 10 = 21; predicted 10 + 21 = 31; correct 21
        (BB_MERGE_SMALL, (21 / 31, 1.0, 2 * (21 / 31) / (1 + 21 / 31))),
        # predicted pairs 45 + 1 = 46, correct 21
        (BB_MERGE_LARGE, (21 / 46, 1.0, 2 * (21 / 46) / (1 + 21 / 46))),
        (BB_GOLD, (1.0, 1.0, 1.0)),
        # no predicted pairs while 21 gold pairs exist: precision and recall 0
        ([str(i) for i in range(12)], (0.0, 0.0, 0.0)),
    ],
)
def test_pairwise_prf(predicted, expected):
    assert_prf(pairwise_prf(predicted, BB_GOLD), *expected)


@pytest.mark.parametrize("metric", [bcubed_prf, pairwise_prf])
def test_cluster_metrics_ignore_label_names(metric):
    renamed = [{"x": 7, "y": "other"}[label] for label in BB_MERGE_SMALL]
    assert metric(renamed, BB_GOLD) == metric(BB_MERGE_SMALL, BB_GOLD)


@pytest.mark.parametrize("metric", [bcubed_prf, pairwise_prf])
def test_cluster_metrics_reject_unequal_lengths(metric):
    with pytest.raises(ValueError, match="same length"):
        metric(["a", "b"], ["a"])


@pytest.mark.parametrize("metric", [bcubed_prf, pairwise_prf])
def test_cluster_metrics_on_empty_and_singletons(metric):
    assert_prf(metric([], []), 1.0, 1.0, 1.0)
    assert_prf(metric(["a", "b"], ["x", "y"]), 1.0, 1.0, 1.0)


# --------------------------------------------------------------------------------------------------
# Spans
# --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pred", "gold", "mode", "expected"),
    [
        ([(0, 5), (10, 15)], [(0, 5), (11, 15)], "exact", (0.5, 0.5, 0.5)),
        ([(0, 5), (10, 15)], [(0, 5), (11, 15)], "overlap", (1.0, 1.0, 1.0)),
        # a duplicate prediction is a false positive
        ([(0, 5), (0, 5)], [(0, 5)], "exact", (0.5, 1.0, 2 / 3)),
        # one long prediction matches one gold span only
        ([(0, 100)], [(0, 5), (10, 15)], "overlap", (1.0, 0.5, 2 / 3)),
        # touching is not overlapping (half-open spans)
        ([(0, 5)], [(5, 10)], "overlap", (0.0, 0.0, 0.0)),
        # needs an augmenting path: (8,12) can only take (5,9), so (0,10) must take (0,3)
        ([(0, 10), (8, 12)], [(5, 9), (0, 3)], "overlap", (1.0, 1.0, 1.0)),
        ([], [], "exact", (1.0, 1.0, 1.0)),
        ([], [(0, 1)], "overlap", (0.0, 0.0, 0.0)),
    ],
)
def test_span_prf(pred, gold, mode, expected):
    assert_prf(span_prf(pred, gold, mode=mode), *expected)


def test_span_prf_accepts_span_objects_and_ignores_labels():
    pred = [Span(0, 5, "PERSON"), Span(10, 12, "GPE")]
    gold = [Span(0, 5, "ORG"), (20, 25)]
    assert_prf(span_prf(pred, gold), 0.5, 0.5, 0.5)


def test_span_prf_rejects_unknown_mode():
    with pytest.raises(ValueError, match="exact"):
        span_prf([], [], mode="fuzzy")  # type: ignore[arg-type]
