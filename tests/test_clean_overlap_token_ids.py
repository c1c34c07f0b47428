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
