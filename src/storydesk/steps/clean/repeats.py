"""Does a line repeat a sentence of the body? The caption check of the plain-text cleaner.

A caption or pull quote copies a body sentence, often reordered or trimmed: a line repeats one
when rapidfuzz's ``token_set_ratio`` to it reaches ``CAPTION_SIMILARITY``. Scoring every line
against every sentence of the page was the cleaner's largest single cost, so each pair is first
bounded from word sets and character counts alone, and only pairs whose bound reaches the cut-off
are scored (on aeb, 400 of 14,000 pairs).

The bound (``upper_bounds``) follows the ratio's definition in rapidfuzz: with ``A`` and ``B``
the sets of whitespace-separated words of the two texts (rapidfuzz splits on exactly the
characters ``str.split`` does), ``DA = A - B`` and ``DB = B - A`` joined by single spaces (in
sorted order) of lengths ``da`` and ``db``, ``s`` the length of the shared words joined (0 when
none), ``TA = s + (s > 0) + da`` and ``TB = s + (s > 0) + db``, the ratio is the largest of

* the Indel similarity of the joined differences, ``100 * (1 - d / (TA + TB))`` with
  ``d = da + db - 2 * LCS(DA, DB)``; a common subsequence uses each character at most as often as
  the text with fewer of it holds it, so ``LCS <= sum over c of min(count in DA, count in DB)``,
  and counting characters by buckets (code point mod 128; the joining spaces apart) only raises
  that sum;
* ``200 * s / (s + TA)`` and ``200 * s / (s + TB)`` (exactly, when ``s > 0``);
* 100 when one set holds the other and they share a word.

So a pair whose bound is below the cut-off scores below it, and skipping it changes no verdict
(``tests/test_clean_plain_repeats.py`` checks the bound against rapidfuzz).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import chain, count

import numpy as np
from rapidfuzz import fuzz, process

from storydesk.steps.clean.lines import Line, text_cache

CAPTION_SIMILARITY = 80.0  # rapidfuzz token_set_ratio of a caption to the body sentence it repeats
# Pairs are skipped only when their bound is below the cut-off by more than rounding can explain.
_SLACK = 1e-6
_SENTENCE = re.compile(r"(?<=[.!?…])[\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9])")
# A ``_SENTENCE`` gap with the sentence's last character in front: ``re`` scans for the rare
# punctuation instead of trying the look-behind at every position. Each gap is one of these
# matches less its first character (the punctuation is never part of a gap, so no gap can start
# inside the match before it; tests/test_clean_plain_repeats.py checks the splits agree).
_SENTENCE_END = re.compile(r"[.!?…][\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9])")


@text_cache
def sentences(text: str) -> tuple[str, ...]:
    """The sentences of five words or more of a body line (cached: a pure function of the text)."""
    parts: list[str] = []
    start = 0
    for gap in _SENTENCE_END.finditer(text):
        parts.append(text[start : gap.start() + 1])
        start = gap.end()
    parts.append(text[start:])
    # Five words or more: a split that stops after the fifth word.
    return tuple(part for part in parts if len(part.split(None, 4)) == 5)


def _joined_length(words: set[str] | frozenset[str]) -> int:
    """The length of ``words`` joined by single spaces."""
    return sum(map(len, words)) + len(words) - 1 if words else 0


BUCKETS = 128  # characters are counted by code point mod BUCKETS (ASCII exactly)


def _codes(text: str) -> np.ndarray:
    """The code points of ``text`` mod ``BUCKETS`` (a lone surrogate is a code point too)."""
    raw = text.encode("utf-32-le", "surrogatepass")
    return np.frombuffer(raw, dtype=np.uint32).astype(np.intp) & (BUCKETS - 1)


_EXACT_FLOAT32 = 1 << 24  # every integer up to this is a float32


class _Index:
    """The sentences' word sets with their sizes and characters' counts (which words two texts
    share is found per question, on the questions' words alone: see ``upper_bounds_many``)."""

    def __init__(self, words: list[frozenset[str]]) -> None:
        self.words = words
        self.count = np.fromiter(map(len, words), dtype=float, count=len(words))  # per sentence
        # Each sentence's words glued together: its letters, and their count, in one string.
        glued = list(map("".join, words))
        lengths = np.fromiter(map(len, glued), dtype=np.intp, count=len(words))
        self.chars = lengths.astype(float)
        # Per sentence, how often each bucket of characters occurs in its words (spaces apart).
        row = np.repeat(np.arange(len(words), dtype=np.intp), lengths)
        hist = np.bincount(row * BUCKETS + _codes("".join(glued)), minlength=len(words) * BUCKETS)
        # Sums of the smaller counts of a sentence and a query never exceed the sentence's
        # letters: while those stay below 2**24, float32 holds every partial sum exactly, in
        # any order of addition (float64 otherwise, exact to 2**53).
        dtype = np.float32 if len(words) == 0 or lengths.max() < _EXACT_FLOAT32 else np.float64
        self.hist = hist.astype(dtype).reshape(len(words), BUCKETS)


def _joined(chars: np.ndarray, count: np.ndarray) -> np.ndarray:
    """The length of words joined by single spaces, from their letters and number (0 if none)."""
    return np.where(count > 0, chars + count - 1, 0.0)


def upper_bounds(words: set[str], index: _Index) -> np.ndarray:
    """Upper bounds of ``token_set_ratio`` of a text with word set ``words`` to each sentence of
    ``index`` (see the module docstring)."""
    return upper_bounds_many([words], index)[0]


# Queries are bounded in chunks whose (query, sentence, bucket) comparison holds at most this
# many cells, so a page with many questions and many sentences keeps a bounded footprint.
_CHUNK_CELLS = 1 << 20


def upper_bounds_many(queries: Sequence[set[str]], index: _Index) -> np.ndarray:
    """``upper_bounds`` of each word set of ``queries`` (one row each), computed together: one
    numpy pass for a page's questions instead of one per question."""
    n = len(index.count)
    step = max(1, _CHUNK_CELLS // max(1, n * BUCKETS))
    if len(queries) > step:
        parts = [upper_bounds_many(queries[k : k + step], index)
                 for k in range(0, len(queries), step)]  # fmt: skip
        return np.concatenate(parts)
    q = len(queries)
    # Only the queries' words can be shared: the (sentence, word) entries are those of each
    # sentence's words among them (on aeb, a sixth of the sentences' words).
    vocab = dict(zip(dict.fromkeys(chain.from_iterable(queries)), count()))  # word -> id
    asked = frozenset(vocab)
    kept = list(map(asked.intersection, index.words))
    sizes_kept = np.fromiter(map(len, kept), dtype=np.intp, count=n)
    flat = list(chain.from_iterable(kept))
    word_of = np.fromiter(map(vocab.__getitem__, flat), dtype=np.intp, count=len(flat))
    sentence_of = np.repeat(np.arange(n, dtype=np.intp), sizes_kept)
    word_length = np.fromiter(map(len, vocab), dtype=float, count=len(vocab))
    # The entries of the words each query shares, summed per query and sentence.
    sizes = np.fromiter(map(len, queries), dtype=np.intp, count=q)
    wanted = np.zeros((q, len(vocab)), dtype=bool)
    wanted[np.repeat(np.arange(q, dtype=np.intp), sizes),
           np.fromiter(map(vocab.__getitem__, chain.from_iterable(queries)), dtype=np.intp,
                       count=int(sizes.sum()))] = True  # fmt: skip
    query_of, entry = np.nonzero(wanted[:, word_of])
    cell = query_of * n + sentence_of[entry]
    shared_count = np.bincount(cell, minlength=q * n).astype(float).reshape(q, n)
    shared_chars = np.bincount(cell, weights=word_length[word_of[entry]],
                               minlength=q * n).reshape(q, n)  # fmt: skip
    glued = list(map("".join, queries))  # each query's words glued together
    letters = np.fromiter(map(len, glued), dtype=np.intp, count=q)
    query_hist = np.bincount(np.repeat(np.arange(q, dtype=np.intp), letters) * BUCKETS
                             + _codes("".join(glued)), minlength=q * BUCKETS).reshape(q, BUCKETS)  # fmt: skip
    count_a, count_b = sizes[:, None] - shared_count, index.count - shared_count
    da = _joined(letters[:, None] - shared_chars, count_a)
    db = _joined(index.chars - shared_chars, count_b)
    # Character counts of the differences are the texts' counts less the shared words' counts
    # (in every bucket), so the sum of the smaller counts is that of the texts' less the shared
    # characters; the joining spaces are counted apart (a word holds none).
    common = (
        _common_letters(index.hist, query_hist) - shared_chars
        + np.minimum(np.maximum(count_a - 1, 0), np.maximum(count_b - 1, 0))
    )  # fmt: skip
    s = _joined(shared_chars, shared_count)
    ta, tb = s + (s > 0) + da, s + (s > 0) + db
    by_indel = 100.0 - 100.0 * (da + db - 2.0 * common) / (ta + tb)
    by_shared = np.where(s > 0, 200.0 * s / (s + np.minimum(ta, tb)), 0.0)
    subset = (shared_count > 0) & ((count_a == 0) | (count_b == 0))
    return np.where(subset, 100.0, np.maximum(by_indel, by_shared))


def _common_letters(hist: np.ndarray, query_hist: np.ndarray) -> np.ndarray:
    """Per query and sentence, the sum over buckets of the smaller of their counts, summed by
    a matrix product (BLAS) in the index's dtype: exact, see ``_Index``."""
    smaller = np.minimum(hist, query_hist.astype(hist.dtype)[:, None, :])
    return smaller @ np.ones(BUCKETS, dtype=hist.dtype)


class BodySentences:
    """The sentences of a page's body paragraphs, each with the line it comes from.

    ``queries`` are the lines the caller may ask about (``repeated_by``): their bounds are
    computed together on the first question (``upper_bounds_many``). Any other line is bounded
    alone when asked about, so the list only has to hold the lines likely to be asked about.
    """

    def __init__(self, body: Sequence[Line], queries: Sequence[Line] = ()) -> None:
        # Everything is built on the first query: on many pages no line needs the check.
        self._body = body
        self._queries = queries
        self._texts: list[str] = []
        self._index: _Index | None = None
        self._owner = np.zeros(0, dtype=np.intp)
        # Per query line index: its text and the sentences whose bound reaches the cut-off.
        self._candidates: dict[int, tuple[str, list[int]]] = {}

    def _build(self) -> _Index:
        """The sentences' index (and, kept aside, their texts and lines)."""
        if self._index is None:
            owners: list[int] = []
            for line in self._body:
                for sentence in sentences(line.text):
                    owners.append(line.index)
                    self._texts.append(sentence)
            self._index = _Index([frozenset(text.split()) for text in self._texts])
            self._owner = np.array(owners, dtype=np.intp)
            if self._texts:
                self._bound(self._queries)
        return self._index

    def _bound(self, queries: Sequence[Line]) -> None:
        """Bound ``queries`` together; keep, per line, the sentences that may reach the cut-off
        (not the line's own: a paragraph does not repeat itself)."""
        asked = [(line, set(line.text.split())) for line in queries]
        asked = [(line, words) for line, words in asked if words]
        if not asked:
            return
        bounds = upper_bounds_many([words for _, words in asked], self._build())
        own = np.fromiter((line.index for line, _ in asked), dtype=np.intp, count=len(asked))
        passing = (bounds >= CAPTION_SIMILARITY - _SLACK) & (self._owner != own[:, None])
        found: list[list[int]] = [[] for _ in asked]
        for k, sentence in zip(*np.nonzero(passing), strict=True):
            found[k].append(int(sentence))
        for (line, _), candidates in zip(asked, found, strict=True):
            self._candidates[line.index] = (line.text, candidates)

    def repeated_by(self, line: Line) -> bool:
        """Whether ``line`` repeats a sentence of another body line (``token_set_ratio`` at least
        ``CAPTION_SIMILARITY``)."""
        self._build()
        if not self._texts:
            return False
        known = self._candidates.get(line.index)
        if known is None or known[0] != line.text:
            self._bound([line])
            known = self._candidates.get(line.index)
            if known is None:
                return False  # rapidfuzz scores a text without words 0
        candidates = known[1]
        if not candidates:
            return False
        # extractOne scores every candidate in one call (the query is prepared once).
        best = process.extractOne(
            line.text, [self._texts[k] for k in candidates], scorer=fuzz.token_set_ratio,
            score_cutoff=CAPTION_SIMILARITY,
        )  # fmt: skip
        return best is not None
