"""The caption check's bounds equal, value for value, those of the straightforward index: every
sentence word numbered, the shared words found through all of them, the characters' counts
summed as integers (the construction ``repeats`` used before it looked only at the queries'
words and summed counts by a float32 matrix product)."""

from __future__ import annotations

import random
from itertools import chain, count

import numpy as np
import pytest

from storydesk.steps.clean import repeats

BUCKETS = repeats.BUCKETS
# Empty texts (never asked about by the cleaner) divide 0 by 0 in both constructions alike.
pytestmark = pytest.mark.filterwarnings("ignore:invalid value:RuntimeWarning")


def _reference(queries: list[set[str]], words: list[frozenset[str]]) -> np.ndarray:
    """The bounds by the reference construction (one query at a time)."""
    flat = list(chain.from_iterable(words))
    vocab = dict(zip(dict.fromkeys(flat), count()))
    word_of = np.array([vocab[w] for w in flat], dtype=np.intp)
    sentence_of = np.repeat(np.arange(len(words)), [len(w) for w in words])
    word_length = np.array([len(w) for w in vocab], dtype=float)
    n_count = np.array([len(w) for w in words], dtype=float)
    lengths = word_length[word_of]
    n_chars = np.bincount(sentence_of, weights=lengths, minlength=len(words))
    row = np.repeat(sentence_of, lengths.astype(np.intp))
    hist = np.bincount(row * BUCKETS + repeats._codes("".join(flat)),
                       minlength=len(words) * BUCKETS).reshape(len(words), BUCKETS)  # fmt: skip
    rows = []
    for query in queries:
        wanted = np.zeros(len(vocab), dtype=bool)
        wanted[[vocab[w] for w in query if w in vocab]] = True
        entry = np.flatnonzero(wanted[word_of])
        shared_count = np.bincount(sentence_of[entry], minlength=len(words)).astype(float)
        shared_chars = np.bincount(sentence_of[entry], weights=word_length[word_of[entry]],
                                   minlength=len(words))  # fmt: skip
        letters = sum(map(len, query))
        query_hist = np.bincount(repeats._codes("".join(query)), minlength=BUCKETS)
        count_a, count_b = len(query) - shared_count, n_count - shared_count
        da = repeats._joined(letters - shared_chars, count_a)
        db = repeats._joined(n_chars - shared_chars, count_b)
        common = (
            np.minimum(hist, query_hist).sum(axis=1) - shared_chars
            + np.minimum(np.maximum(count_a - 1, 0), np.maximum(count_b - 1, 0))
        )  # fmt: skip
        s = repeats._joined(shared_chars, shared_count)
        ta, tb = s + (s > 0) + da, s + (s > 0) + db
        by_indel = 100.0 - 100.0 * (da + db - 2.0 * common) / (ta + tb)
        by_shared = np.where(s > 0, 200.0 * s / (s + np.minimum(ta, tb)), 0.0)
        subset = (shared_count > 0) & ((count_a == 0) | (count_b == 0))
        rows.append(np.where(subset, 100.0, np.maximum(by_indel, by_shared)))
    return np.array(rows).reshape(len(queries), len(words))


def _text(rng: random.Random) -> str:
    """Words drawn from a small pool (so texts share some), some non-ASCII and astral, some
    repeated, with the whitespace ``str.split`` splits on."""
    letters = "abcdeAB\u00e9\u0101\u0180\u0120\u4e2d\U0001f600.,"
    pool = ["".join(rng.choice(letters) for _ in range(rng.randint(1, 7))) for _ in range(25)]
    words = [rng.choice(pool) for _ in range(rng.randint(0, 30))]
    return rng.choice([" ", "  ", "\u00a0", "\t"]).join(words)


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("chunk", [1, 2 * BUCKETS * 30, 1 << 20])
def test_clean_repeats_bounds_equal_the_reference(seed: int, chunk: int, monkeypatch):
    monkeypatch.setattr(repeats, "_CHUNK_CELLS", chunk)
    rng = random.Random(seed)
    words = [frozenset(_text(rng).split()) for _ in range(rng.randint(0, 40))]
    queries = [set(_text(rng).split()) for _ in range(rng.randint(1, 12))]
    queries += [set(w) for w in words[:3]]  # a sentence asked about itself: all shared
    index = repeats._Index(words)
    got = repeats.upper_bounds_many(queries, index)
    assert index.hist.dtype == np.float32
    np.testing.assert_array_equal(got, _reference(queries, words), strict=True)


@pytest.mark.parametrize("seed", range(3))
def test_clean_repeats_long_sentences_count_in_float64(seed: int, monkeypatch):
    # Above the exact float32 range (2**24 letters in one sentence, lowered here), the counts
    # are summed in float64, with the same bounds.
    monkeypatch.setattr(repeats, "_EXACT_FLOAT32", 20)
    rng = random.Random(seed)
    words = [frozenset(_text(rng).split()) for _ in range(30)]
    words.append(frozenset(["x" * 25]))
    queries = [set(_text(rng).split()) for _ in range(8)]
    index = repeats._Index(words)
    assert index.hist.dtype == np.float64
    got = repeats.upper_bounds_many(queries, index)
    np.testing.assert_array_equal(got, _reference(queries, words), strict=True)


def test_clean_repeats_float32_counts_are_exact_to_their_limit():
    # The largest count a float32 sum may reach still adds up exactly, the next does not.
    limit = repeats._EXACT_FLOAT32
    assert np.float32(limit - 1) + np.float32(1) == limit
    assert np.float32(limit) + np.float32(1) == limit  # where float32 stops being exact


def test_clean_repeats_empty_index_and_empty_queries():
    index = repeats._Index([])
    assert repeats.upper_bounds_many([{"a"}], index).shape == (1, 0)
    words = [frozenset(["a", "b"])]
    got = repeats.upper_bounds_many([set(), {"a"}], repeats._Index(words))
    np.testing.assert_array_equal(got, _reference([set(), {"a"}], words), strict=True)
