"""Does a line repeat a sentence of the body? The caption check of the plain-text cleaner.

A caption or pull quote copies a body sentence, often reordered or trimmed: a line repeats one
when rapidfuzz's ``token_set_ratio`` to it reaches ``CAPTION_SIMILARITY``. Scoring every line
against every sentence of the page was the cleaner's largest single cost, so each pair is first
bounded from word-set lengths alone, and only pairs whose bound reaches the cut-off are scored.

The bound (``_upper_bounds``) follows the ratio's definition in rapidfuzz: with ``A`` and ``B``
the sets of whitespace-separated words of the two texts (rapidfuzz splits on exactly the
characters ``str.split`` does), ``TA`` and ``TB`` the lengths of their words joined by single
spaces and ``s`` that of their shared words (0 when none), the ratio is the largest of

* the Indel similarity of the joined differences, ``100 * (1 - d / (TA + TB))``: the distance
  ``d`` is at least the difference of the two lengths, ``|TA - TB|``, so this is at most
  ``200 * min(TA, TB) / (TA + TB)``;
* ``200 * s / (s + TA)`` and ``200 * s / (s + TB)`` (exactly, when ``s > 0``);
* 100 when one set holds the other (then ``s`` is ``TA`` or ``TB`` and the bound is 100 too).

So a pair whose bound is below the cut-off scores below it, and skipping it changes no verdict
(``tests/test_clean_plain_repeats.py`` checks the bound against rapidfuzz).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import repeat

import numpy as np
from rapidfuzz import fuzz, process

from storydesk.steps.clean.lines import Line, text_cache

CAPTION_SIMILARITY = 80.0  # rapidfuzz token_set_ratio of a caption to the body sentence it repeats
# Pairs are skipped only when their bound is below the cut-off by more than rounding can explain.
_SLACK = 1e-6
_SENTENCE = re.compile(r"(?<=[.!?…])[\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9])")


@text_cache
def sentences(text: str) -> tuple[str, ...]:
    """The sentences of five words or more of a body line (cached: a pure function of the text)."""
    return tuple(s for s in _SENTENCE.split(text) if len(s.split()) >= 5)


def _joined_length(words: set[str] | frozenset[str]) -> int:
    """The length of ``words`` joined by single spaces."""
    return sum(map(len, words)) + len(words) - 1 if words else 0


def _upper_bounds(joined: float, shared: np.ndarray, others: np.ndarray) -> np.ndarray:
    """Upper bounds of ``token_set_ratio`` of one text (word-set length ``joined``) to texts of
    word-set lengths ``others`` sharing words of joined length ``shared`` (see the module
    docstring)."""
    total = joined + others
    by_length = np.divide(200.0 * np.minimum(joined, others), total, out=np.zeros(len(others)),
                          where=total > 0)  # fmt: skip
    by_shared = np.divide(200.0 * shared, shared + np.minimum(joined, others),
                          out=np.zeros(len(others)), where=shared > 0)  # fmt: skip
    return np.maximum(by_length, by_shared)


def _shared_length(words: set[str], other: frozenset[str]) -> int:
    """The joined length of the words two word sets share."""
    return _joined_length(words & other)


class BodySentences:
    """The sentences of a page's body paragraphs, each with the line it comes from."""

    def __init__(self, body: Sequence[Line]) -> None:
        # Everything is built on the first query: on many pages no line needs the check.
        self._body = body
        self._texts: list[str] = []
        self._words: list[frozenset[str]] | None = None
        self._lengths = np.zeros(0)
        self._owner = np.zeros(0, dtype=np.int64)

    def _index(self) -> list[frozenset[str]]:
        """Each sentence's set of words (and, kept aside, its word-set length and line)."""
        if self._words is None:
            owners: list[int] = []
            for line in self._body:
                for sentence in sentences(line.text):
                    owners.append(line.index)
                    self._texts.append(sentence)
            self._words = [frozenset(text.split()) for text in self._texts]
            self._lengths = np.fromiter(map(_joined_length, self._words), dtype=float,
                                        count=len(self._words))  # fmt: skip
            self._owner = np.array(owners, dtype=np.int64)
        return self._words

    def repeated_by(self, line: Line) -> bool:
        """Whether ``line`` repeats a sentence of another body line (``token_set_ratio`` at least
        ``CAPTION_SIMILARITY``)."""
        sets = self._index()
        if not sets:
            return False
        words = set(line.text.split())
        # The set intersections run in C; a page has a few dozen sentences.
        shared = np.fromiter(map(_shared_length, repeat(words), sets), dtype=float,
                             count=len(sets))  # fmt: skip
        bound = _upper_bounds(float(_joined_length(words)), shared, self._lengths)
        candidates = np.flatnonzero(
            (bound >= CAPTION_SIMILARITY - _SLACK) & (self._owner != line.index)
        )
        if not len(candidates):
            return False
        # extractOne scores every candidate in one call (the query is prepared once).
        best = process.extractOne(
            line.text, [self._texts[k] for k in candidates], scorer=fuzz.token_set_ratio,
            score_cutoff=CAPTION_SIMILARITY,
        )  # fmt: skip
        return best is not None
