"""Word overlap between the lines of a page: the repetition and topic columns of ``line_features``.

* ``repeats_body`` — the share of a line's word pairs found in *another* long line (15+ words): a
  caption or pull quote repeats the body;
* ``topic_overlap`` — the share of a line's content words (longer than three letters, not function
  words) that the body's paragraphs use elsewhere: teasers at the tail drift to other stories;
* ``lead_overlap`` — the share found in the lead paragraphs (the first 40 % of the body's words);
* ``content_count`` — how many content words the line has.

Every word of the page gets an integer id (by a dict of the page's words), and the counting is numpy over all
words of the page at once: no per-line sets or counters.
"""

from __future__ import annotations

import struct
from collections.abc import Collection, Sequence, Sized
from itertools import chain, islice
from operator import attrgetter
from typing import NamedTuple

import numpy as np

from storydesk.steps.clean.lines import Line
from storydesk.steps.clean.stopwords import FUNCTION_WORDS

LONG_LINE = 15  # words: a line whose word pairs count as "the body" for repeats
PAIR_LINE = 4  # words: shorter lines have no word pairs
LEAD_SHARE = 0.4  # of the body's words: the lead paragraphs
# Attribute reads mapped in C: no generator step per line.
_TOKENS, _WORDS, _PROSE = attrgetter("tokens"), attrgetter("words"), attrgetter("prose")
_INT64 = struct.Struct("q").pack
# The function words that are long enough to be content words otherwise: every page's word dict
# starts with them (codes 0, 1, 2, ...), so a token that is one of them reads its code from the
# dict where any other token reads a position of the page (``_positions``, from ``_SEEDED`` on).
_LONG_FUNCTION = sorted(word for word in FUNCTION_WORDS if len(word) > 3)
_SEEDED = len(_LONG_FUNCTION)
_SEEDS = dict(zip(_LONG_FUNCTION, map(_INT64, range(_SEEDED)), strict=True))
_POSITION_CODES: list[bytes] = []


def _ratio(hits: np.ndarray, total: np.ndarray) -> np.ndarray:
    """``hits / total`` per line, 0 where ``total`` is 0."""
    return np.divide(hits, total, out=np.zeros(len(total)), where=total > 0)


def distinct(values: np.ndarray) -> np.ndarray:
    """``np.unique(values)``: the sorted distinct values, by one sort (numpy's hash-based unique
    costs about ten times more on a page's few thousand values)."""
    ordered = np.sort(values)
    if len(ordered) < 2:
        return ordered
    return ordered[np.concatenate(([True], ordered[1:] != ordered[:-1]))]


def _positions(count: int) -> list[bytes]:
    """At least ``count`` codes: code ``i`` is ``_SEEDED + i`` as native int64 bytes, the layout
    ``np.frombuffer(..., dtype=np.int64)`` reads. Made once and grown for a longer page."""
    if len(_POSITION_CODES) < count:
        made = len(_POSITION_CODES)
        _POSITION_CODES.extend(map(_INT64, range(_SEEDED + made, _SEEDED + max(count, 2 * made))))
    return _POSITION_CODES


def _token_ids(lines: Sequence[Line]) -> tuple[np.ndarray, np.ndarray, np.ndarray, int]:
    """Every token of the page as an id (equal words, equal ids), the line it belongs to,
    whether it is a content word, and the number of ids (the page's distinct words and the long
    function words, ``_LONG_FUNCTION``)."""
    per_line = list(map(_TOKENS, lines))
    owner = np.repeat(np.arange(len(lines), dtype=np.int64), _small_counts(per_line))
    count = len(owner)
    # A word's code is the position of its first occurrence (``setdefault`` keeps the first),
    # found by a dict look-up mapped in C, or its seed code for a long function word; codes are
    # bytes, so one ``b"".join`` makes them an array (no int object per token, no per-item
    # conversion). The codes are then renumbered 0, 1, 2, ...: the dict's values, in order, are
    # the codes of its words in its order.
    first = _SEEDS.copy()
    tokens = chain.from_iterable(per_line)
    at = np.frombuffer(b"".join(map(first.setdefault, tokens, _positions(count))), dtype=np.int64)
    vocab = len(first)
    renumber = np.zeros(_SEEDED + count, dtype=np.int64)
    renumber[np.frombuffer(b"".join(first.values()), dtype=np.int64)] = np.arange(vocab)
    ids = renumber[at]
    # Content words are longer than three letters and not function words: the seeded words
    # (the long function words) are not, the page's other words are when long enough (judged
    # once per distinct word, all lengths in one ``bytes`` call).
    is_content = np.zeros(vocab, dtype=bool)
    np.greater(_small_counts(list(islice(first, _SEEDED, None))), 3, out=is_content[_SEEDED:])
    return ids, owner, is_content[ids], vocab


def _small_counts(items: Collection[Sized]) -> np.ndarray:
    """``len`` of each item as an array, read from one ``bytes`` call when every length is
    below 256 (each a byte), else converted one by one."""
    try:
        return np.frombuffer(bytes(map(len, items)), dtype=np.uint8)
    except ValueError:  # a length of 256 or more
        return np.fromiter(map(len, items), dtype=np.int64, count=len(items))


def _pair_repeats(tokens: np.ndarray, owner: np.ndarray, words: np.ndarray, vocab: int) -> np.ndarray:
    """Per line: the share of its distinct word pairs that another long line also holds."""
    n = len(words)
    within = owner[:-1] == owner[1:]
    within &= (words >= PAIR_LINE)[owner[:-1]]  # lines shorter than PAIR_LINE have no pairs
    first, second, line = tokens[:-1][within], tokens[1:][within], owner[:-1][within]
    # The distinct (pair, line) triples sorted pair first: the lines that hold one pair are
    # one run. Packed into one int64 by shifts when the bits allow (a sort of plain integers),
    # else sorted as rows.
    word_bits, line_bits = max(vocab - 1, 1).bit_length(), max(n - 1, 1).bit_length()
    if 2 * word_bits + line_bits <= 62:
        keys = distinct((first << (word_bits + line_bits)) | (second << line_bits) | line)
        line = keys & ((1 << line_bits) - 1)
        pair = keys >> line_bits
        new_pair = np.empty(len(keys), dtype=bool)
        new_pair[:1] = True
        np.not_equal(pair[1:], pair[:-1], out=new_pair[1:])
    else:
        rows = np.unique(np.column_stack((first, second, line)), axis=0)
        line = rows[:, 2]
        new_pair = np.ones(len(rows), dtype=bool)
        new_pair[1:] = (rows[1:, 0] != rows[:-1, 0]) | (rows[1:, 1] != rows[:-1, 1])
    own = (words >= LONG_LINE)[line]  # the line is a long one: it holds its own pairs
    # How many long lines hold each pair: the sum of ``own`` over its run.
    run = np.cumsum(new_pair) - 1
    held = np.bincount(run, weights=own)[run]
    # "Another" long line holds the pair: a count above the line's own one.
    hits = np.bincount(line, weights=held > own, minlength=n)
    return _ratio(hits, np.bincount(line, minlength=n).astype(float))


class Overlaps(NamedTuple):
    """The overlap columns of a page, one value per line (see the module docstring)."""

    repeats: np.ndarray
    topic: np.ndarray
    lead: np.ndarray
    content: np.ndarray


def overlaps(
    lines: Sequence[Line],
    start: int,
    end: int,
    words: np.ndarray | None = None,
    prose: np.ndarray | None = None,
) -> Overlaps:
    """The overlap columns of a page (see the module docstring); the body is the prose lines of
    the region ``[start, end)``. ``words`` and ``prose``, the lines' ``words`` and ``prose``
    fields as arrays, are read from the lines when not given."""
    n = len(lines)
    if words is None:
        words = np.fromiter(map(_WORDS, lines), dtype=np.int64, count=n)
    if prose is None:
        prose = np.fromiter(map(_PROSE, lines), dtype=bool, count=n)
    tokens, owner, is_content, size = _token_ids(lines)
    repeats = _pair_repeats(tokens, owner, words, size)
    word, line_of = tokens[is_content], owner[is_content]
    content = np.bincount(line_of, minlength=n).astype(float)

    body = np.zeros(n, dtype=bool)
    body[max(start, 0) : max(end, 0)] = prose[max(start, 0) : max(end, 0)]
    # In how many body paragraphs each content word is. A body paragraph's word is "used
    # elsewhere" when two paragraphs hold it; any other line's word when one does.
    in_body = body[line_of]
    paragraphs = np.bincount(distinct(line_of[in_body] * size + word[in_body]) % size, minlength=size)
    hits = paragraphs[word] >= np.where(in_body, 2, 1)
    topic = _ratio(np.bincount(line_of, weights=hits, minlength=n), content)

    # The lead: body paragraphs in order while less than LEAD_SHARE of the body's words came before.
    body_lines = np.flatnonzero(body)
    body_words = words[body_lines]
    before = np.cumsum(body_words) - body_words
    lead_line = np.zeros(n, dtype=bool)
    lead_line[body_lines[(before == 0) | (before < LEAD_SHARE * int(body_words.sum()))]] = True
    lead_word = np.zeros(size, dtype=bool)
    lead_word[word[lead_line[line_of]]] = True
    lead = _ratio(np.bincount(line_of, weights=lead_word[word], minlength=n), content)
    return Overlaps(repeats, topic, lead, content)
