"""Per-line features for the learned line classifier: the evidence a person reads a page by.

Every line of a page becomes one row of numbers: its sentence shape (length, final punctuation,
function words, capitals), what the word rules said about it (furniture vocabulary, datelines,
captions, teaser headings), where it is (before, inside or after the densest run of prose, how
much prose comes before and after it), what its neighbours look like (a body paragraph sits among
paragraphs, a menu item among menu items), whether it repeats text found elsewhere on the page
(captions, pull quotes, teaser titles), and whether its content words belong to the body's topic
(teasers at the tail drift to other stories).

The rows are built with one pass over the lines plus numpy arithmetic for the context columns, so
a page of a few hundred lines costs well under a millisecond.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from storydesk.steps.clean.lines import Line
from storydesk.steps.clean.stopwords import FUNCTION_WORDS

# Rule reasons, grouped: the one-hot columns of "what the word rules said" and "what the whole
# rule pass said". Reasons not listed fall in "other".
REASON_GROUPS: tuple[str, ...] = (
    "advertisement", "share", "navigation", "teaser", "embed", "credit", "caption", "gallery",
    "comment", "repeated", "cookie-notice", "boilerplate",
)  # fmt: skip

_SHAPE = (
    "log_words", "log_chars", "terminal", "ends_colon", "ends_comma", "ends_quote", "function_ratio",
    "capital_ratio", "digit_ratio", "symbol_ratio", "sentences", "starts_lower", "prose",
    "headline_like", "dangling", "mean_word_len", "has_pipe", "has_quote",
    "teaser_heading", "comment_heading", "page_repeats", "repeats_body", "topic_overlap",
    "content_ratio", "lead_overlap", "glued_words", "url_like",
)  # fmt: skip
_POSITION = (
    "rel_position", "in_region", "before_region", "after_region", "log_distance", "after_tail_cut",
    "after_comment_cut", "prose_before", "prose_after", "log_page_lines", "log_body_words",
)  # fmt: skip
_NEIGHBOURS = ("prose", "log_words", "terminal", "removed")
_OFFSETS = (-2, -1, 1, 2)
_RUNS = ("short_run", "prose_run", "window_prose", "window_removed")

FEATURE_NAMES: tuple[str, ...] = (
    _SHAPE
    + _POSITION
    + tuple(f"word_{r}" for r in (*REASON_GROUPS, "other"))
    + tuple(f"rule_{r}" for r in (*REASON_GROUPS, "other"))
    + ("rule_removed",)
    + tuple(f"{name}_{o:+d}" for o in _OFFSETS for name in _NEIGHBOURS)
    + _RUNS
)

_GROUP_INDEX = {reason: i for i, reason in enumerate(REASON_GROUPS)}
_SYMBOL = re.compile(r"[|/•·»«>_#*=+<\[\]{}©@]")
_DIGIT = re.compile(r"\d")
_QUOTES = "\"“”«»„"
# A lower-case letter run into a capital ("Ocasio-CortezSanders", "StudentA 24-year-old"): link
# texts of teaser cards and hover cards glued together by the scrape.
_GLUED = re.compile(r"[a-z]{2}[A-Z][a-z]")
_URL = re.compile(r"https?://|www\.|\.com\b|@\w")


@dataclass(slots=True)
class PageLayout:
    """What the rule pass found about a page: the body region and the cuts at its tail.

    ``word_reasons`` holds each line's reason from its words alone (vocabulary, datelines,
    bylines), before any positional rule; ``lines[i].reason`` holds the whole rule pass's verdict.
    """

    lines: list[Line]
    word_reasons: list[str | None]
    region: tuple[int, int]  # the densest run of prose, [start, end)
    comment_at: int  # first line of a reader-comment section (or the region's end)
    tail_at: int  # first line of the tail teaser list (or the comment cut)


def _group(reason: str | None) -> int:
    if reason is None:
        return -1
    return _GROUP_INDEX.get(reason, len(REASON_GROUPS))


def _content(tokens: Sequence[str]) -> list[str]:
    return [t for t in tokens if len(t) > 3 and t not in FUNCTION_WORDS]


def _bigrams(tokens: Sequence[str]) -> set[tuple[str, str]]:
    return set(zip(tokens, tokens[1:], strict=False))


def _lead_topic(
    lines: Sequence[Line], contents: Sequence[list[str]], start: int, end: int, share: float = 0.4
) -> set[str]:
    """Content words of the first paragraphs of the body region: what the article is about.
    Teasers, newsletters and site blurbs at the tail are about something else."""
    prose = [i for i in range(start, min(end, len(lines))) if lines[i].prose]
    total = sum(lines[i].words for i in prose)
    topic: set[str] = set()
    seen = 0
    for i in prose:
        if seen and seen >= share * total:
            break
        topic.update(contents[i])
        line = lines[i]
        seen += line.words
    return topic


def _overlaps(
    lines: Sequence[Line], contents: Sequence[list[str]], start: int, end: int
) -> tuple[list[float], list[float], list[float]]:
    """Per line: the share of its word pairs found in *another* long line (a caption or pull quote
    repeats the body), the share of its content words the body region uses elsewhere, and the
    share found in the lead paragraphs."""
    pairs: Counter[tuple[str, str]] = Counter()
    line_pairs: list[set[tuple[str, str]]] = []
    for line in lines:
        grams = _bigrams(line.tokens) if line.words >= 4 else set()
        line_pairs.append(grams)
        if line.words >= 15:
            pairs.update(grams)
    topic: Counter[str] = Counter()
    for i in range(start, min(end, len(lines))):
        if lines[i].prose:
            topic.update(contents[i])
    lead = _lead_topic(lines, contents, start, end)
    repeats, overlap, lead_overlap = [], [], []
    for line, grams, content in zip(lines, line_pairs, contents, strict=True):
        own = 1 if line.words >= 15 else 0
        repeats.append(sum(1 for g in grams if pairs[g] > own) / len(grams) if grams else 0.0)
        if not content:
            overlap.append(0.0)
            lead_overlap.append(0.0)
            continue
        lead_overlap.append(sum(1 for w in content if w in lead) / len(content))
        own_counts = Counter(content) if line.prose and start <= line.index < end else Counter()
        hits = sum(1 for w in content if topic[w] > own_counts[w])
        overlap.append(hits / len(content))
    return repeats, overlap, lead_overlap


def _shape_row(
    line: Line, page_repeats: int, content: int, repeats: float, overlap: float, lead: float
) -> list[float]:
    text = line.text
    chars = len(text)
    digits = len(_DIGIT.findall(text))
    symbols = len(_SYMBOL.findall(text))
    end = text.rstrip()[-1:]
    letters = len("".join(line.tokens))
    return [
        math.log1p(line.words),
        math.log1p(chars),
        float(line.terminal),
        float(end == ":"),
        float(end == ","),
        float(end in _QUOTES),
        line.function_ratio,
        line.capital_ratio,
        digits / chars if chars else 0.0,
        symbols / chars if chars else 0.0,
        float(text.count(". ") + text.count("? ") + text.count("! ") + line.terminal),
        float(text[:1].islower()),
        float(line.prose),
        float(line.headline_like),
        float(line.dangling),
        letters / line.words if line.words else 0.0,
        float("|" in text),
        float(any(q in text for q in _QUOTES)),
        float(line.teaser_heading),
        float(line.comment_heading),
        float(page_repeats > 1),
        repeats,
        overlap,
        content / line.words if line.words else 0.0,
        lead,
        float(len(_GLUED.findall(text))),
        float(bool(_URL.search(text))),
    ]


def _shift(column: np.ndarray, offset: int, fill: float) -> np.ndarray:
    """``column`` moved so row i holds the value of row i + offset (``fill`` past the edges)."""
    out = np.full_like(column, fill)
    if offset > 0:
        out[:-offset] = column[offset:]
    else:
        out[-offset:] = column[:offset]
    return out


def window_mean(column: np.ndarray, half: int) -> np.ndarray:
    """The mean of each row's window of ``half`` rows either side (cut at the edges)."""
    n = len(column)
    sums = np.concatenate([[0.0], np.cumsum(column)])
    i = np.arange(n)
    lo, hi = np.maximum(i - half, 0), np.minimum(i + half + 1, n)
    return (sums[hi] - sums[lo]) / (hi - lo)


def _run_lengths(flags: np.ndarray) -> np.ndarray:
    """For each row, the length of the run of equal flags it belongs to."""
    n = len(flags)
    out = np.zeros(n)
    i = 0
    while i < n:
        j = i
        while j < n and flags[j] == flags[i]:
            j += 1
        out[i:j] = j - i
        i = j
    return out


def line_features(layout: PageLayout) -> np.ndarray:
    """The feature matrix of a page: one row per line, columns named by ``FEATURE_NAMES``."""
    lines = layout.lines
    n = len(lines)
    if n == 0:
        return np.zeros((0, len(FEATURE_NAMES)))
    start, end = layout.region
    keys = Counter(line.key for line in lines)
    # Content words are read by several features: computed once per line.
    contents = [_content(line.tokens) for line in lines]
    repeats, overlap, lead = _overlaps(lines, contents, start, end)
    shape = np.array(
        [
            _shape_row(line, keys[line.key], len(contents[i]), repeats[i], overlap[i], lead[i])
            for i, line in enumerate(lines)
        ]
    )
    groups = len(REASON_GROUPS) + 1
    word_hot = np.zeros((n, groups))
    rule_hot = np.zeros((n, groups))
    for i, line in enumerate(lines):
        g = _group(layout.word_reasons[i])
        if g >= 0:
            word_hot[i, g] = 1.0
        g = _group(line.reason)
        if g >= 0:
            rule_hot[i, g] = 1.0
    removed = np.array([line.reason is not None for line in lines], dtype=float)
    prose = np.array([line.prose and line.reason is None for line in lines], dtype=float)
    words = np.array([line.words for line in lines], dtype=float)

    index = np.arange(n, dtype=float)
    prose_words = prose * words
    total = prose_words.sum() or 1.0
    before = np.cumsum(prose_words) - prose_words
    after = total - before - prose_words
    distance = np.where(index < start, start - index, np.where(index >= end, index - end + 1, 0))
    position = np.column_stack(
        [
            index / max(n - 1, 1),
            ((index >= start) & (index < end)).astype(float),
            (index < start).astype(float),
            (index >= end).astype(float),
            np.log1p(distance),
            (index >= layout.tail_at).astype(float),
            (index >= layout.comment_at).astype(float),
            before / total,
            after / total,
            np.full(n, math.log1p(n)),
            np.full(n, math.log1p(prose_words.sum())),
        ]
    )
    log_words = np.log1p(words)
    terminal = shape[:, 2]
    neighbour_cols = []
    for offset in _OFFSETS:
        neighbour_cols += [
            _shift(prose, offset, 0.0),
            _shift(log_words, offset, 0.0),
            _shift(terminal, offset, 0.0),
            _shift(removed, offset, 1.0),
        ]
    runs = np.column_stack(
        [
            np.log1p(_run_lengths(words < 8) * (words < 8)),
            np.log1p(_run_lengths(prose > 0) * prose),
            window_mean(prose, 3),
            window_mean(removed, 3),
        ]
    )
    return np.column_stack(
        [shape, position, word_hot, rule_hot, removed, np.column_stack(neighbour_cols), runs]
    )
