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
import struct
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import repeat
from operator import attrgetter

import numpy as np

from storydesk.steps.clean import onebyte
from storydesk.steps.clean.line_overlap import overlaps
from storydesk.steps.clean.lines import Line

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
_NEIGHBOUR_FILL = np.array([0.0, 0.0, 0.0, 1.0])  # past the page's edge: no prose, removed
_RUNS = ("short_run", "prose_run", "window_prose", "window_removed")
_REACH = max(abs(o) for o in _OFFSETS)

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
# Where each block of columns starts in ``FEATURE_NAMES``.
_POSITION_AT = len(_SHAPE)
_WORD_HOT = slice(_POSITION_AT + len(_POSITION), _POSITION_AT + len(_POSITION) + len(REASON_GROUPS) + 1)
_RULE_HOT = slice(_WORD_HOT.stop, _WORD_HOT.stop + len(REASON_GROUPS) + 1)
_RULE_REMOVED = _RULE_HOT.stop
_NEIGHBOURS_AT = tuple(_RULE_REMOVED + 1 + k * len(_NEIGHBOURS) for k in range(len(_OFFSETS)))
_RUNS_AT = _NEIGHBOURS_AT[-1] + len(_NEIGHBOURS)
_SYMBOL = re.compile(r"[|/•·»«>_#*=+<\[\]{}©@]")
_DIGIT = re.compile(r"\d")
_QUOTES = "\"“”«»„"
_QUOTE = re.compile(f"[{_QUOTES}]")
# A lower-case letter run into a capital ("Ocasio-CortezSanders", "StudentA 24-year-old"): link
# texts of teaser cards and hover cards glued together by the scrape.
_GLUED = re.compile(r"[a-z]{2}[A-Z][a-z]")
# Finds a ``_GLUED`` match iff there is one, faster: it opens with the rarer capital, which ``re``
# scans for, and checks the letters around it after.
_GLUED_AT = re.compile(r"[A-Z](?<=[a-z]{2}[A-Z])(?=[a-z])")
_URL = re.compile(r"https?://|www\.|\.com\b|@\w")
_URL_LITERALS = ("://", "www.", ".com", "@")
# ``_DIGIT`` and ``_SYMBOL`` in one class: one scan counts both (tests check the counts agree).
_DIGIT_OR_SYMBOL = re.compile(r"[\d" + _SYMBOL.pattern[1:])
_log1p = math.log1p



def _class_of(char: str) -> str:
    """The class of a character for ``columns_of``: "d" a digit, "s" a ``_SYMBOL``, "q" a quote,
    "Q" both (« and »), "l" and "U" the lower- and upper-case letters of ``_GLUED``, "p" a sentence's last mark
    (".", "?", "!"), " " the space, "." anything else."""
    if _DIGIT.match(char):
        return "d"
    if _SYMBOL.match(char):
        return "Q" if char in _QUOTES else "s"
    if char in _QUOTES:
        return "q"
    if _GLUED_LOWER.match(char):
        return "l"
    if _GLUED_UPPER.match(char):
        return "U"
    return "p" if char in ".?!" else " " if char == " " else "."


_GLUED_LOWER, _GLUED_UPPER = re.compile("[a-z]"), re.compile("[A-Z]")
# On a line of ``onebyte.CHARS`` (one byte per character) one ``bytes.translate`` gives every
# character's class, and ``count`` on the class string replaces the digit/symbol, quote and
# glued-capital scans and the sentence-end counts: ``_GLUED`` is the class run "llUl", ". ", "? "
# and "! " are "p ", and ``findall`` of a fixed-width pattern and ``count`` both take the leftmost
# non-overlapping occurrences (tests/test_clean_plain_fastpaths.py and test_clean_plain_onebyte.py
# check every character of the map and random lines against the expressions).
_CLASSES = onebyte.table(_class_of)


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


# Reason group g has code g + 1 and row g + 1 of ``_ONE_HOT`` (its one-hot row); code 0 (no
# reason) is the all-zero row; reasons outside the groups are "other", the last code.
_GROUP_CODE: dict[str | None, int] = {None: 0}
_GROUP_CODE.update((reason, g + 1) for reason, g in _GROUP_INDEX.items())
_OTHER_CODE = len(REASON_GROUPS) + 1
_ONE_HOT = np.vstack([np.zeros(len(REASON_GROUPS) + 1), np.eye(len(REASON_GROUPS) + 1)])


_KEY, _WORDS, _PROSE, _REASON = (attrgetter(name) for name in ("key", "words", "prose", "reason"))
_TEASER, _COMMENT = attrgetter("teaser_heading"), attrgetter("comment_heading")

# The shape columns that depend on the page (the rest depend on the line's text alone).
_PAGE_COLUMNS = ("teaser_heading", "comment_heading", "page_repeats", "repeats_body",
                 "topic_overlap", "content_ratio", "lead_overlap")  # fmt: skip
_TEXT_COLUMNS = [i for i, name in enumerate(_SHAPE) if name not in _PAGE_COLUMNS]
_COLUMN = {name: i for i, name in enumerate(_SHAPE)}
# ``text_columns`` as native float64 bytes, the layout ``np.frombuffer(..., dtype=float)`` reads.
pack_row = struct.Struct(f"{len(_TEXT_COLUMNS)}d").pack


def _row_bytes(line: Line) -> bytes:
    """The ``_TEXT_COLUMNS`` of a line as float64 bytes: packed on the line (see ``facts``), else
    computed."""
    return line.row or pack_row(*text_columns(line))


def text_columns(line: Line) -> tuple[float, ...]:
    """The feature columns of a line that depend on its text alone (``_TEXT_COLUMNS``), from its
    shape fields (``measure``)."""
    return columns_of(line.text, line.words, line.function_ratio, line.capital_ratio,
                      line.terminal, line.tokens, line.key, line.prose, line.headline_like,
                      line.dangling)  # fmt: skip


def columns_of(
    text: str, n: int, function_ratio: float, capital_ratio: float, terminal: bool,
    tokens: tuple[str, ...], key: str, prose: bool, headline_like: bool, dangling: bool,
) -> tuple[float, ...]:  # fmt: skip
    """``text_columns`` from the text and its shape fields in ``lines.LineShape`` order (so
    ``columns_of(text, *shape_of(text))`` needs no ``Line``); flags and counts are bools and ints,
    equal to their floats."""
    chars = len(text)
    end = text.rstrip()[-1:]
    data = onebyte.encode(text)
    if data is not None:
        classes = data.translate(_CLASSES)
        both = classes.count(b"Q")  # symbols that are quotes
        digits, symbols = classes.count(b"d"), classes.count(b"s") + both
        quote, glued = both > 0 or b"q" in classes, classes.count(b"llUl")
        sentences = classes.count(b"p ")
    else:
        # Digits and symbols in one scan; ``\d`` is exactly ``str.isdecimal`` (Unicode class Nd).
        marks = _DIGIT_OR_SYMBOL.findall(text)
        digits = sum(map(str.isdecimal, marks))
        symbols = len(marks) - digits
        quote = _QUOTE.search(text) is not None
        glued = len(_GLUED.findall(text)) if _GLUED_AT.search(text) else 0
        sentences = text.count(". ") + text.count("? ") + text.count("! ")
    # Flags stay bools: ``pack_row`` packs every column as a float64 (True as 1.0) and a
    # ``float`` call per flag would cost more than the rest of the tuple.
    return (
        _log1p(n),
        _log1p(chars),
        terminal,
        end == ":",
        end == ",",
        end in _QUOTES,
        function_ratio,
        capital_ratio,
        digits / chars if chars else 0.0,
        symbols / chars if chars else 0.0,
        sentences + terminal,
        text[:1].islower(),
        prose,
        headline_like,
        dangling,
        len("".join(tokens)) / n if n else 0.0,
        "|" in text,
        quote,
        glued,
        # Each branch of ``_URL`` holds one of these literals: most lines hold none.
        any(map(text.__contains__, _URL_LITERALS)) and _URL.search(text) is not None,
    )


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
    if n == 0:
        return np.zeros(0)
    # Run boundaries are where the flag changes; each row takes its run's length.
    starts = np.flatnonzero(np.concatenate([[True], flags[1:] != flags[:-1]]))
    lengths = np.diff(np.append(starts, n))
    return np.repeat(lengths, lengths).astype(float)


def line_features(layout: PageLayout) -> np.ndarray:
    """The feature matrix of a page: one row per line, columns named by ``FEATURE_NAMES``."""
    lines = layout.lines
    n = len(lines)
    if n == 0:
        return np.zeros((0, len(FEATURE_NAMES)))
    start, end = layout.region
    # Column-major: every column below is written in place as one contiguous run, and the
    # model reads the matrix column by column (``LineModel.decision``).
    out = np.empty((n, len(FEATURE_NAMES)), order="F")
    shape = out[:, : len(_SHAPE)]
    # Per line, only attribute reads and look-ups mapped in C: no Python loop body per line.
    shape[:, _TEXT_COLUMNS] = np.frombuffer(
        b"".join(map(_row_bytes, lines)), dtype=float
    ).reshape(n, len(_TEXT_COLUMNS))
    words_count = np.fromiter(map(_WORDS, lines), dtype=np.int64, count=n)
    # The prose flag is a text column (0.0 or 1.0): no second read of the lines.
    is_prose = shape[:, _COLUMN["prose"]] > 0
    repeats, topic, lead, content = overlaps(lines, start, end, words_count, is_prose)
    shape[:, _COLUMN["teaser_heading"]] = _flags(map(_TEASER, lines))
    shape[:, _COLUMN["comment_heading"]] = _flags(map(_COMMENT, lines))
    shape[:, _COLUMN["page_repeats"]] = _repeated(list(map(_KEY, lines)))
    shape[:, _COLUMN["repeats_body"]] = repeats
    shape[:, _COLUMN["topic_overlap"]] = topic
    shape[:, _COLUMN["lead_overlap"]] = lead
    words = words_count.astype(float)
    content_ratio = shape[:, _COLUMN["content_ratio"]]
    content_ratio[:] = 0.0
    np.divide(content, words, out=content_ratio, where=words > 0)
    # Reason groups as bytes: 0 no reason, g + 1 group g (``_GROUP_CODE``).
    other = repeat(_OTHER_CODE)
    word_group = _codes(map(_GROUP_CODE.get, layout.word_reasons, other))
    rule_group = _codes(map(_GROUP_CODE.get, map(_REASON, lines), other))
    out[:, _WORD_HOT] = _ONE_HOT.take(word_group, axis=0)
    out[:, _RULE_HOT] = _ONE_HOT.take(rule_group, axis=0)
    kept = rule_group == 0  # no reason
    removed = out[:, _RULE_REMOVED]
    np.logical_not(kept, out=removed)
    prose = (is_prose & kept).astype(float)

    position = out[:, _POSITION_AT : _POSITION_AT + len(_POSITION)]
    index = np.arange(n, dtype=float)
    prose_words = prose * words
    total = prose_words.sum() or 1.0
    before = np.cumsum(prose_words) - prose_words
    after = total - before - prose_words
    distance = np.where(index < start, start - index, np.where(index >= end, index - end + 1, 0))
    np.divide(index, max(n - 1, 1), out=position[:, 0])
    np.logical_and(index >= start, index < end, out=position[:, 1])
    np.less(index, start, out=position[:, 2])
    np.greater_equal(index, end, out=position[:, 3])
    np.log1p(distance, out=position[:, 4])
    np.greater_equal(index, layout.tail_at, out=position[:, 5])
    np.greater_equal(index, layout.comment_at, out=position[:, 6])
    np.divide(before, total, out=position[:, 7])
    np.divide(after, total, out=position[:, 8])
    position[:, 9] = math.log1p(n)
    position[:, 10] = math.log1p(prose_words.sum())

    log_words = np.log1p(words)
    # The neighbours' columns: the page padded with "nothing there" rows (removed, no words),
    # then one block of rows per offset.
    padded = np.empty((n + 2 * _REACH, len(_NEIGHBOURS)))
    padded[:_REACH] = padded[n + _REACH :] = _NEIGHBOUR_FILL
    own = padded[_REACH : n + _REACH]
    own[:, 0], own[:, 1], own[:, 2], own[:, 3] = prose, log_words, shape[:, 2], removed
    for at, o in zip(_NEIGHBOURS_AT, _OFFSETS, strict=True):
        out[:, at : at + len(_NEIGHBOURS)] = padded[_REACH + o : _REACH + o + n]
    runs = out[:, _RUNS_AT:]
    short = words < 8
    np.log1p(_run_lengths(short) * short, out=runs[:, 0])
    np.log1p(_run_lengths(prose > 0) * prose, out=runs[:, 1])
    runs[:, 2] = window_mean(prose, 3)
    runs[:, 3] = window_mean(removed, 3)
    return out


def _flags(values: Iterator[bool]) -> np.ndarray:
    """Per-line flags as a bool array: ``bytes`` takes bools as 0 and 1, in one C loop."""
    return np.frombuffer(bytes(values), dtype=bool)


def _codes(values: Iterator[int]) -> np.ndarray:
    """Per-line small codes (0-255) as an index array, built like ``_flags``."""
    return np.frombuffer(bytes(values), dtype=np.uint8)


def _repeated(keys: list[str]) -> np.ndarray:
    """Per line: whether its key occurs on another line of the page too."""
    count = Counter(keys)
    if len(count) == len(keys):
        return np.zeros(len(keys), dtype=bool)
    twice = {key for key, seen in count.items() if seen > 1}
    return _flags(map(twice.__contains__, keys))
