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


# Row g of ``_ONE_HOT`` is the one-hot row of reason group g; row -1 (no reason) is all zeros.
_GROUP_OF: dict[str | None, int] = {None: -1}
_GROUP_OF.update(_GROUP_INDEX)
_ONE_HOT = np.vstack([np.eye(len(REASON_GROUPS) + 1), np.zeros(len(REASON_GROUPS) + 1)])


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
    keys = list(map(_KEY, lines))
    key_count = Counter(keys)
    repeats, topic, lead, content = overlaps(lines, start, end)
    shape = np.empty((n, len(_SHAPE)))
    # Per line, only attribute reads and look-ups mapped in C: no Python loop body per line.
    shape[:, _TEXT_COLUMNS] = np.frombuffer(
        b"".join(map(_row_bytes, lines)), dtype=float
    ).reshape(n, len(_TEXT_COLUMNS))
    shape[:, _COLUMN["teaser_heading"]] = np.fromiter(map(_TEASER, lines), dtype=bool, count=n)
    shape[:, _COLUMN["comment_heading"]] = np.fromiter(map(_COMMENT, lines), dtype=bool, count=n)
    shape[:, _COLUMN["page_repeats"]] = (
        np.fromiter(map(key_count.__getitem__, keys), dtype=np.int64, count=n) > 1
    )
    shape[:, _COLUMN["repeats_body"]] = repeats
    shape[:, _COLUMN["topic_overlap"]] = topic
    shape[:, _COLUMN["lead_overlap"]] = lead
    words = np.fromiter(map(_WORDS, lines), dtype=np.int64, count=n).astype(float)
    shape[:, _COLUMN["content_ratio"]] = np.divide(
        content, words, out=np.zeros(n), where=words > 0
    )
    other = repeat(len(REASON_GROUPS))
    word_group = np.fromiter(map(_GROUP_OF.get, layout.word_reasons, other), dtype=np.intp, count=n)
    rule_group = np.fromiter(
        map(_GROUP_OF.get, map(_REASON, lines), other), dtype=np.intp, count=n
    )
    word_hot = _ONE_HOT[word_group]
    rule_hot = _ONE_HOT[rule_group]
    kept = rule_group == -1  # no reason
    removed = (~kept).astype(float)
    prose = (np.fromiter(map(_PROSE, lines), dtype=bool, count=n) & kept).astype(float)

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
    # The neighbours' columns: the page padded with "nothing there" rows (removed, no words),
    # then one slice per offset.
    reach = max(abs(o) for o in _OFFSETS)
    own = np.column_stack([prose, log_words, terminal, removed])
    pad = np.tile(_NEIGHBOUR_FILL, (reach, 1))
    padded = np.vstack([pad, own, pad])
    neighbours = np.hstack([padded[reach + o : reach + o + n] for o in _OFFSETS])
    runs = np.column_stack(
        [
            np.log1p(_run_lengths(words < 8) * (words < 8)),
            np.log1p(_run_lengths(prose > 0) * prose),
            window_mean(prose, 3),
            window_mean(removed, 3),
        ]
    )
    return np.column_stack(
        [shape, position, word_hot, rule_hot, removed, neighbours, runs]
    )
