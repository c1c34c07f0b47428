"""The caption check's bound never drops a pair that rapidfuzz scores at the cut-off."""

from __future__ import annotations

import random

import pytest
from rapidfuzz import fuzz, process

from storydesk.steps.clean import repeats
from storydesk.steps.clean.lines import measure
from storydesk.steps.clean.repeats import CAPTION_SIMILARITY, BodySentences, sentences, upper_bounds

WORDS = [
    "the",
    "mayor",
    "opened",
    "new",
    "bridge",
    "over",
    "river",
    "on",
    "Monday",
    "city",
    "said",
    "council",
    "budget",
    "a",
    "of",
    "to",
]


def _random_text(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(0, 25))]
    # Odd spacing and whitespace rapidfuzz and str.split both split on.
    return rng.choice([" ", "  ", "\u00a0", "\t"]).join(words)


def _bound(a: str, b: str) -> float:
    """The bound of ``a`` against ``b`` alone (a page whose only sentence is ``b``)."""
    words_a, words_b = set(a.split()), frozenset(b.split())
    if not words_a or not words_b:
        return 0.0  # rapidfuzz scores a text without words 0; such texts are never scored
    return float(upper_bounds(words_a, repeats._Index([words_b]))[0])


def _random_letters(rng: random.Random) -> str:
    """Words of a few letters, some non-ASCII (buckets share code points mod 128)."""
    letters = "abcdeAB\u00e9\u0101\u0180\u0120"
    words = ["".join(rng.choice(letters) for _ in range(rng.randint(1, 5))) for _ in range(12)]
    return " ".join(rng.choice(words) for _ in range(rng.randint(1, 10)))


@pytest.mark.parametrize("seed", range(5))
def test_clean_repeats_bound_is_never_below_the_ratio(seed: int):
    rng = random.Random(seed)
    for _ in range(400):
        a, b = _random_text(rng), _random_text(rng)
        assert fuzz.token_set_ratio(a, b) <= _bound(a, b) + 1e-9, (a, b)
        # Close pairs, where the character bound is tight.
        c, d = _random_letters(rng), _random_letters(rng)
        assert fuzz.token_set_ratio(c, d) <= _bound(c, d) + 1e-9, (c, d)


def test_clean_repeats_bound_is_the_same_against_many_sentences():
    rng = random.Random(3)
    texts = [_random_letters(rng) for _ in range(30)]
    index = repeats._Index([frozenset(t.split()) for t in texts])
    for query in texts[:10]:
        together = upper_bounds(set(query.split()), index)
        assert together.tolist() == pytest.approx([_bound(query, t) for t in texts])


def test_clean_repeats_bound_rules_out_unrelated_sentences():
    # The word-set lengths alone let this pair through (similar lengths, nothing shared).
    a = "Storm hits the coast of the northern region with heavy rain"
    b = "Critics said the bridge was too expensive for a city of its size"
    assert fuzz.token_set_ratio(a, b) < _bound(a, b) < CAPTION_SIMILARITY


_SPLIT_PLAIN = repeats._SENTENCE


@pytest.mark.parametrize(
    "text",
    [
        "One two three four five. Six seven eight nine ten.",
        'He said "yes." Then they left the room at once quietly.',
        "It ended (again.) And then it all started over once more.",
        "Wait... What happened here in the old town last night?",
        "Really?! Yes, that is what the five people said.",
        "No gap.Here the words touch and no split is made at all.",
        "Ends with a stop.",
        "Many   spaces.   Between the sentences of this line here.",
        "Curly quote.\u201d And more words follow this quote right here.",
        "Number. 2024 was the year the bridge opened to all the traffic.",
        "…… …. A lot of dots before these five words.",
        "",
    ],
)
def test_clean_repeats_sentences_split_as_the_look_behind_pattern(text: str):
    expected = tuple(s for s in _SPLIT_PLAIN.split(text) if len(s.split()) >= 5)
    assert sentences(text) == expected


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
    expected = (
        process.extractOne(
            query, others, scorer=fuzz.token_set_ratio, score_cutoff=CAPTION_SIMILARITY
        )
        is not None
    )
    assert BodySentences(body).repeated_by(line) == expected


def test_clean_repeats_finds_a_copied_sentence():
    body = [measure(i, text) for i, text in enumerate(BODY)]
    assert BodySentences(body).repeated_by(measure(9, QUERIES[0]))
    assert not BodySentences(body).repeated_by(measure(9, QUERIES[4]))
    assert not BodySentences([]).repeated_by(measure(9, QUERIES[0]))


@pytest.mark.parametrize("chunk", [1, 2 * repeats.BUCKETS * 30, 1 << 20])
def test_clean_repeats_bounds_together_equal_bounds_alone(chunk: int, monkeypatch):
    # Chunks of one query, of a few, and all at once (a page's questions bounded together).
    monkeypatch.setattr(repeats, "_CHUNK_CELLS", chunk)
    rng = random.Random(7)
    texts = [_random_letters(rng) for _ in range(30)]
    index = repeats._Index([frozenset(t.split()) for t in texts])
    queries = [set(_random_letters(rng).split()) for _ in range(9)]
    queries += [set(t.split()) for t in texts[:3]]
    together = repeats.upper_bounds_many(queries, index)
    assert together.shape == (len(queries), len(texts))
    for row, words in zip(together, queries, strict=True):
        assert row.tolist() == upper_bounds(words, index).tolist()


@pytest.mark.parametrize("asked", [(), (0, 1, 2, 3, 4), (4, 3), (0, 0)])
def test_clean_repeats_verdicts_do_not_depend_on_the_lines_announced(asked: tuple[int, ...]):
    # Announced questions are bounded together; others, and announced lines asked about with
    # another text under the same index, are bounded alone: the verdicts are the same.
    body = [measure(i, text) for i, text in enumerate(BODY)]
    queries = [measure(9 + k, text) for k, text in enumerate(QUERIES)]
    announced = [queries[k] for k in asked] + [measure(9, QUERIES[3])]
    sentences = BodySentences(body, announced)
    alone = [BodySentences(body).repeated_by(line) for line in queries]
    assert [sentences.repeated_by(line) for line in queries] == alone
    assert alone == [True, True, True, True, False]  # "A bridge was opened …": a subset
