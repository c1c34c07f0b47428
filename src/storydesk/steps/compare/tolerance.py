"""When do two stated amounts agree? Every mention becomes the interval of values its words admit.

* an exact number admits itself (plus, for measurements, the rounding of its last written digit:
  "4 miles" is 6.44 km give or take half a mile, so a converted "7 km" can still agree with it);
  counts are exact integers and get no rounding slack;
* ``approximate``/``estimated`` admit ±15 % ("around twenty" admits 18), and so does a round number
  written in words ("twenty", "a dozen"), which is approximate by itself;
* ``at_least X`` admits ``[X, ∞)``, ``at_most X`` admits ``[0, X]``, a ``range`` ``[low, high]``.

Two mentions agree (``admits``) when their intervals overlap: some true value satisfies both. In one
dimension pairwise overlap implies a common value (Helly), so "all pairs agree" means the whole set
of mentions is satisfiable at once.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

APPROXIMATE_TOLERANCE = 0.15
"""Relative slack of a hedged ("about", "an estimated") or round worded number."""

_EPS = 1e-9
_DIGITS = re.compile(r"\d[\d,]*(?:\.(\d+))?")
_ROUND_WORDS = re.compile(
    r"\b(dozens?|scores?|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|"
    r"thousands?|millions?|billions?)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Interval:
    """The closed range of true values a mention admits (``low`` may be -inf, ``high`` +inf)."""

    low: float
    high: float

    def overlaps(self, other: Interval) -> bool:
        """True when some value lies in both ranges (with a hair of float slack)."""
        slack = _EPS * max(1.0, abs(self.low), abs(self.high), abs(other.low), abs(other.high))
        if math.isinf(slack):
            slack = _EPS
        return self.low <= other.high + slack and other.low <= self.high + slack

    def gap(self, other: Interval) -> float:
        """Distance between the two ranges (0 when they overlap)."""
        return max(0.0, other.low - self.high, self.low - other.high)


def admits(a: Interval, b: Interval) -> bool:
    """True when the two mentions can both be right: their admitted ranges overlap."""
    return a.overlaps(b)


def all_admissible(intervals: list[Interval]) -> bool:
    """True when every pair of ``intervals`` agrees (equivalently: they share a common value)."""
    return all(admits(a, b) for i, a in enumerate(intervals) for b in intervals[i + 1 :])


def is_round_word_number(quote: str, value: float) -> bool:
    """A round amount written in words ("twenty", "a dozen", "hundreds") rather than digits.

    Small numbers spelled out ("four miles") are newspaper style, not approximation, so only
    multiples of ten, dozens and scale words count.
    """
    if any(ch.isdigit() for ch in quote):
        return False
    return bool(_ROUND_WORDS.search(quote)) and abs(value) >= 10


def rounding_slack(quote: str, value: float, normalized: float | None) -> float:
    """Half a unit of the last written digit, in normalised units ("6.4 km" → ±0.05 km).

    Zero when the quote has no digits we can read (numbers in words are whole numbers: ±0.5).
    """
    match = _DIGITS.search(quote)
    if match is None:
        written = None
        decimals = 0
    else:
        try:
            written = float(match.group(0).replace(",", ""))
        except ValueError:
            return 0.0
        decimals = len(match.group(1) or "")
    half = 0.5 * 10.0 ** (-decimals)
    # "3.5 million" is written 3.5 but means 3,500,000: scale the slack by what the words multiply
    scale = abs(value / written) if written else 1.0
    if normalized is not None and value:
        scale *= abs(normalized / value)
    # strictly less than half a unit, so "3 km" and "4 km" do not meet at 3.5
    return half * scale * (1.0 - 1e-6)


def interval(
    value: float,
    high: float | None = None,
    hedge: str | None = None,
    *,
    approximate: bool = False,
    slack: float = 0.0,
) -> Interval:
    """The interval a mention admits.

    ``value``/``high`` are normalised values, ``hedge`` one of the model's HEDGES (or None);
    ``approximate`` marks a round worded number; ``slack`` is the rounding slack of exact
    measurements (see ``rounding_slack``).
    """
    if hedge == "range" and high is not None:
        low, top = sorted((value, high))
        return Interval(low - slack, top + slack)
    if hedge == "at_least":
        return Interval(value - slack, math.inf)
    if hedge == "at_most":
        return Interval(min(0.0, value), value + slack)
    if hedge in ("approximate", "estimated") or approximate:
        delta = max(abs(value) * APPROXIMATE_TOLERANCE, slack)
        return Interval(value - delta, value + delta)
    return Interval(value - slack, value + slack)


def admits_matrix(lows: ArrayLike, highs: ArrayLike) -> np.ndarray:
    """``admits`` for every pair of intervals at once: ``out[i, j]`` is True when interval ``i``
    and interval ``j`` overlap (same float slack as ``Interval.overlaps``)."""
    low = np.asarray(lows, dtype=float)
    high = np.asarray(highs, dtype=float)
    magnitude = np.maximum(np.abs(np.where(np.isinf(low), 0.0, low)), 1.0)
    magnitude = np.maximum(magnitude, np.abs(np.where(np.isinf(high), 0.0, high)))
    pair_magnitude = np.maximum(magnitude[:, None], magnitude[None, :])
    if np.isinf(low).any() or np.isinf(high).any():
        # Interval.overlaps falls back to a bare epsilon when a bound is infinite
        infinite = np.isinf(low) | np.isinf(high)
        pair_magnitude = np.where(infinite[:, None] | infinite[None, :], 1.0, pair_magnitude)
    slack = _EPS * pair_magnitude
    return (low[:, None] <= high[None, :] + slack) & (low[None, :] <= high[:, None] + slack)
