"""Per page, whose verdict wins: the learned line model's or the rules' alone.

The line model is better than the rules on most pages, but where it is unsure of the body it
keeps (the lines it keeps score, on average, little above its threshold) it is worse than the
rules more often than not: those are pages unlike the ones it was trained on (a short note, a
list-shaped body, a body the rules found by position alone). Measured on aeb with the model
cross-validated by site, the pages whose kept words average a probability below about 0.9 are
where the rules win (see ``eval/train_line_model.py``, which learns the floor and stores it in
``line_model.json`` as ``meta["page_floor"]``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

# The floor when a model carries none: never fall back (the behaviour before the floor existed).
NO_FLOOR = 0.0
# Floors tried when learning one: the word-weighted mean probability of kept lines ranges over
# [threshold, 1], and 0.01 steps are finer than the 181 pages of aeb can tell apart.
FLOOR_GRID: tuple[float, ...] = tuple(round(0.5 + 0.01 * k, 2) for k in range(50))


def page_confidence(probability: np.ndarray, words: np.ndarray, keep: np.ndarray) -> float:
    """The word-weighted mean probability of the lines the model keeps (1.0 if it keeps none).

    ``probability``, ``words`` and ``keep`` are per line of one page.
    """
    weights = np.asarray(words, dtype=float) * np.asarray(keep, dtype=bool)
    total = float(weights.sum())
    if total <= 0:
        return 1.0
    return float(np.dot(weights, np.asarray(probability, dtype=float)) / total)


def confidence_floor(meta: Mapping[str, Any]) -> float:
    """The page floor stored in a line model's ``meta`` (``NO_FLOOR`` when absent or invalid)."""
    value = meta.get("page_floor", NO_FLOOR)
    try:
        floor = float(value)
    except (TypeError, ValueError):
        return NO_FLOOR
    return floor if np.isfinite(floor) else NO_FLOOR


def learn_floor(
    confidence: Sequence[float], model_f1: Sequence[float], rules_f1: Sequence[float]
) -> tuple[float, float]:
    """The floor that maximises the mean F1 over pages when pages below it take the rules'
    output, and that mean; ties go to the lowest floor (the fewest pages switched)."""
    conf = np.asarray(confidence, dtype=float)
    model, rules = np.asarray(model_f1, dtype=float), np.asarray(rules_f1, dtype=float)
    if not len(conf):
        return NO_FLOOR, 0.0
    best, best_f1 = NO_FLOOR, float(model.mean())
    for floor in FLOOR_GRID:
        f1 = float(np.where(conf < floor, rules, model).mean())
        if f1 > best_f1 + 1e-12:
            best, best_f1 = floor, f1
    return best, best_f1
