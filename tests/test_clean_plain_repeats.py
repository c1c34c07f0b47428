"""The caption check's length bound never drops a pair that rapidfuzz scores at the cut-off."""

from __future__ import annotations

import random

import numpy as np
import pytest
from rapidfuzz import fuzz, process

from storydesk.steps.clean.lines import measure
from storydesk.steps.clean.repeats import (
    CAPTION_SIMILARITY,
    BodySentences,
    _joined_length,
    _upper_bounds,
    sentences,
)

WORDS = ["the", "mayor", "opened", "new", "bridge", "over", "river", "on", "Monday", "city", "said", "council", "budget", "a", "of", "to"]


def _random_text(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(0, 25))]
    # Odd spacing and whitespace rapidfuzz and str.split both split on.
    return rng.choice([" ", "  ", "\u00a0", "\t"]).join(words)


def _bound(a: str, b: str) -> float:
    words_a, words_b = set(a.split()), set(b.split())
    shared = np.array([float(_joined_length(words_a & words_b))])
    return float(_upper_bounds(float(_joined_length(words_a)), shared,
                               np.array([float(_joined_length(words_b))]))[0])  # fmt: skip


@pytest.mark.parametrize("seed", range(5))
def test_clean_repeats_bound_is_never_below_the_ratio(seed: int):
    rng = random.Random(seed)
    for _ in range(400):
        a, b = _random_text(rng), _random_text(rng)
        assert fuzz.token_set_ratio(a, b) <= _bound(a, b) + 1e-9, (a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("the mayor opened the bridge", "the mayor opened the bridge on Monday"),
        ("mayor bridge", "bridge mayor"),
        ("completely different words here", "nothing shared at all now"),
        ("", "the mayor"),
    ],
)
def test_clean_repeats_bound_on_edge_cases(a: str, b: str):
    assert fuzz.token_set_ratio(a, b) <= _bound(a, b) + 1e-9


BODY = [
    "The mayor opened the new bridge over the river on Monday, the city said. It cost "
    "twelve million dollars and took three years to build.",
    "Critics said the bridge was too expensive for a city of its size and should never have "
    "been built at all.",
    "Storm hits the coast of the northern region with heavy rain and strong winds all night.",
]
QUERIES = [
    "The mayor opened the new bridge over the river on Monday",
    "Critics said the bridge was too expensive for the city",
    "A bridge was opened by the mayor",
    "Heavy rain and strong winds hit the northern coast all night long",
    "Unrelated words that share nothing with any paragraph at all",
]


@pytest.mark.parametrize("query", QUERIES)
@pytest.mark.parametrize("own", [0, 1, 9])
def test_clean_repeats_verdict_matches_scoring_every_sentence(query: str, own: int):
    body = [measure(i, text) for i, text in enumerate(BODY)]
    line = measure(own, query)
    others = [s for b in body if b.index != own for s in sentences(b.text)]
    expected = process.extractOne(
        query, others, scorer=fuzz.token_set_ratio, score_cutoff=CAPTION_SIMILARITY
    ) is not None
    assert BodySentences(body).repeated_by(line) == expected


def test_clean_repeats_finds_a_copied_sentence():
    body = [measure(i, text) for i, text in enumerate(BODY)]
    assert BodySentences(body).repeated_by(measure(9, QUERIES[0]))
    assert not BodySentences(body).repeated_by(measure(9, QUERIES[4]))
    assert not BodySentences([]).repeated_by(measure(9, QUERIES[0]))
