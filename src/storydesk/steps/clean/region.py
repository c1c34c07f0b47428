"""Where the article body is on the page, by position: the densest run of prose.

Every line gets a weight (prose earns its length in words, a short label or known furniture costs
a little) and the body is the contiguous run with the largest total, as in Finn et al.'s Body Text
Extraction. Menus, footers and teaser lists are long runs of short lines, so they cost more than
any body paragraph is worth and fall outside; a subheading or an advertisement inside the body
costs less than the paragraphs around it earn, so the body stays whole.
"""

from __future__ import annotations

from collections.abc import Sequence

from storydesk.steps.clean.lines import Line
from storydesk.steps.clean.stopwords import FUNCTION_WORDS

SHORT_LINE_COST = 6.0  # in words: what one menu item or label costs
FURNITURE_COST = 4.0  # known furniture inside the body costs less: it is expected there
# A teaser heading is "at the tail" when less prose than this follows it: a share of the body
# before it, or one paragraph's worth of words.
TAIL_SHARE = 0.35
TAIL_WORDS = 40


def weight(line: Line) -> float:
    """How much a line speaks for being part of the body, in words."""
    if line.reason:
        return -FURNITURE_COST
    if line.prose:
        return float(line.words)
    if line.words >= 12 and line.function_ratio >= 0.15:
        # Long but unpunctuated: a standfirst, caption or truncated teaser; neither for nor against.
        return 0.3 * line.words
    return -SHORT_LINE_COST


def body_region(lines: Sequence[Line]) -> tuple[int, int] | None:
    """The ``[start, end)`` run of lines with the largest total weight, or ``None`` if no prose."""
    best, best_range = 0.0, None
    total, start = 0.0, 0
    for i, line in enumerate(lines):
        if total <= 0:
            total, start = 0.0, i
        total += weight(line)
        if total > best:
            best, best_range = total, (start, i + 1)
    return best_range


def prose_words(lines: Sequence[Line]) -> int:
    return sum(line.words for line in lines if line.prose and not line.reason)


def tail_cut(lines: Sequence[Line], start: int, end: int) -> int:
    """Index of the first teaser heading in ``[start, end)`` after which little body follows.

    After "More articles about …" or "Most popular" at the end of a page, everything is teaser,
    even a full sentence; the same heading in the middle of the body cuts nothing.
    """
    for i in range(start, end):
        if not lines[i].teaser_heading:
            continue
        before = prose_words(lines[start:i])
        after = prose_words(lines[i + 1 : end])
        if before and after <= max(TAIL_SHARE * before, TAIL_WORDS):
            return i
    return end


def comment_cut(lines: Sequence[Line], start: int, end: int, min_body: int = 40) -> int:
    """Index of the first comment-section heading ("12 Comments", "Jane on May 2 said:") that
    follows some body; readers' comments are not the article, however much of them there is."""
    for i in range(start, end):
        if lines[i].comment_heading and prose_words(lines[start:i]) >= min_body:
            return i
    return end


def choose_title(lines: Sequence[Line], start: int, lookback: int = 12) -> int | None:
    """The headline-like line just above the body: long enough, close, with ordinary words."""
    best, best_score = None, 0.0
    for i in range(max(0, start - lookback), start):
        line = lines[i]
        if line.reason not in (None, "repeated") or not line.headline_like or line.words < 3:
            continue
        has_function = any(w.lower() in FUNCTION_WORDS for w in line.text.split())
        score = min(line.words, 20) + (3.0 if has_function else 0.0) - 0.7 * (start - 1 - i)
        if score > best_score:
            best, best_score = i, score
    return best
