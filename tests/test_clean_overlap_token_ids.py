"""``line_overlap._token_ids`` (position codes joined as bytes, long function words seeded in the
page's dict) gives the ids and content flags of the plain per-token computation: equal words get
equal ids and different words different ones, and a token is a content word exactly when it is
longer than three letters and not a function word."""

from __future__ import annotations

import random

import numpy as np
import pytest

from storydesk.steps.clean import line_overlap
from storydesk.steps.clean.lines import Line, measure
from storydesk.steps.clean.stopwords import FUNCTION_WORDS

_FUNCTION = sorted(FUNCTION_WORDS)
_OTHER = ["bridge", "mayor", "city", "río", "über", "l’état", "a", "is", "x" * 300, "ǅemal"]


def _random_page(seed: int, lines: int, longest: int) -> list[Line]:
    rng = random.Random(seed)
    vocabulary = _FUNCTION[:: max(1, len(_FUNCTION) // 40)] + _OTHER
    return [
        measure(i, " ".join(rng.choice(vocabulary) for _ in range(rng.randint(0, longest))))
        for i in range(lines)
    ]


PAGES = [
    [],
    [measure(0, "")],
    [measure(0, "The Mayor of the city"), measure(1, "Mayor THE city über Über")],
    [measure(0, "with that from their which would about these")],
    _random_page(1, 30, 12),
    _random_page(2, 5, 400),  # lines of 256 tokens or more
    _random_page(3, 200, 60),
]


@pytest.mark.parametrize("lines", PAGES)
def test_token_ids_match_the_per_token_computation(lines: list[Line]):
    ids, owner, content, vocab = line_overlap._token_ids(lines)
    tokens = [token for line in lines for token in line.tokens]
    assert owner.tolist() == [line.index for line in lines for _ in line.tokens]
    assert content.tolist() == [len(t) > 3 and t not in FUNCTION_WORDS for t in tokens]
    assert len(ids) == len(tokens) and (ids < vocab).all() and (ids >= 0).all()
    # Equal words, equal ids; different words, different ids.
    word_of: dict[int, str] = {}
    for token, token_id in zip(tokens, ids.tolist(), strict=True):
        assert word_of.setdefault(token_id, token) == token
    assert len(word_of) == len(set(tokens))


def test_token_ids_grow_the_position_codes_for_a_long_page():
    lines = _random_page(4, 40, 200)
    count = sum(len(line.tokens) for line in lines)
    codes = line_overlap._positions(count)
    assert len(codes) >= count
    seeded = line_overlap._SEEDED
    sample = [0, count // 2, count - 1]
    assert [np.frombuffer(codes[i], dtype=np.int64)[0] for i in sample] == [
        seeded + i for i in sample
    ]


def _reference_repeats(lines: list[Line]) -> list[float]:
    """``repeats_body`` with sets and counters: the share of a line's distinct word pairs that
    another long line (15+ words) holds (lines under 4 words have no pairs)."""

    def pairs(line: Line) -> set[tuple[str, str]]:
        return set(zip(line.tokens, line.tokens[1:], strict=False)) if line.words >= 4 else set()

    held: dict[tuple[str, str], int] = {}
    for line in lines:
        if line.words >= 15:
            for pair in pairs(line):
                held[pair] = held.get(pair, 0) + 1
    shares = []
    for line in lines:
        own = 1 if line.words >= 15 else 0
        mine = pairs(line)
        shares.append(sum(held.get(p, 0) > own for p in mine) / len(mine) if mine else 0.0)
    return shares


@pytest.mark.parametrize("lines", PAGES + [_random_page(5, 80, 30), _random_page(6, 300, 20)])
@pytest.mark.parametrize("wide", [False, True])
def test_pair_repeats_match_the_set_counts(lines: list[Line], wide: bool):
    ids, owner, _, vocab = line_overlap._token_ids(lines)
    words = np.array([line.words for line in lines], dtype=np.int64)
    # Any bound above the ids is valid; one of 2**31 leaves too few bits to pack a triple into
    # an int64, so the rows are sorted instead.
    shares = line_overlap._pair_repeats(ids, owner, words, 1 << 31 if wide else vocab)
    assert shares.tolist() == _reference_repeats(lines)
