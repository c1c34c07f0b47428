"""Lines of ``onebyte.CHARS`` (ASCII plus Windows-1252) get, by ``bytes.translate``, exactly the
shape and text columns that the regular expressions give."""

from __future__ import annotations

import random

import pytest

from storydesk.steps.clean import lines, onebyte
from storydesk.steps.clean.lines import shape_of
from storydesk.steps.clean.stopwords import FUNCTION_WORDS

NON_ASCII = onebyte.CHARS[128:]


def _word_fields_by_expressions(text: str) -> tuple[object, ...]:
    """Words, function and capital ratios, tokens and key of ``text`` by ``_WORD`` and
    ``_WORDISH``, as the expression path of ``shape_of`` computes them."""
    words = lines._WORD.findall(text)
    tokens = tuple(word.lower() for word in words)
    n = len(words)
    function = sum(token in FUNCTION_WORDS for token in tokens)
    capital = sum(word[0].isupper() for word in words)
    key = " ".join(lines._WORDISH.findall(text.lower()))
    return n, function / n if n else 0.0, capital / n if n else 0.0, tokens, key


def _fields(text: str) -> tuple[object, ...]:
    shape = shape_of(text)
    return shape[0], shape[1], shape[2], shape[4], shape[5]


def test_onebyte_map_round_trips_and_refuses_other_characters():
    assert len(onebyte.CHARS) == len(set(onebyte.CHARS)) == 256
    text = onebyte.CHARS + "plain ASCII"
    data = onebyte.encode(text)
    assert data is not None and len(data) == len(text) and onebyte.decode(data) == text
    for other in ("Привет", "中文", "\u2003", "🙂", "\ud800", "ć"):
        assert onebyte.encode("a " + other) is None
    with pytest.raises(ValueError):
        onebyte.table(lambda char: "Я")


def test_onebyte_lower_case_stays_in_the_map():
    # ``_TOKENS`` lower-cases byte by byte: one character, in the map, in the same word class.
    for char in onebyte.CHARS:
        lower = char.lower()
        assert len(lower) == 1 and lower in onebyte.CHARS
        assert lines._in_word(lower) == lines._in_word(char)
        assert lines._starts_word(lower) == lines._starts_word(char)


@pytest.mark.parametrize("char", list(onebyte.CHARS))
@pytest.mark.parametrize("form", ["{}", "a{}b", "1{}a", "{}Ab", "Ab{}", "x {}{}Y z", "'{}The of"])
def test_onebyte_shape_of_every_character_matches_the_expressions(char: str, form: str):
    text = form.format(char, char)
    assert onebyte.encode(text) is not None
    assert _fields(text) == _word_fields_by_expressions(text)


def _random_lines(count: int) -> list[str]:
    rng = random.Random(7)
    alphabet = list(onebyte.CHARS) + ["the ", "Of ", "und ", "É", "’s ", "3", "'", ".", "—"]
    return [
        "".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 60))) for _ in range(count)
    ]


_TRICKY = [
    "L’Équipe “quoted” — and… «so» on", "don’t ’tis ’90s", "Straße ÜBER façade",
    "Œuvre ŠKODA Ÿes ½ ² ³ ª º µ", "a\xa0b\xa0\xa0C", "naïve café’s", "‘single’ – dash",
]  # fmt: skip


@pytest.mark.parametrize("text", _TRICKY + _random_lines(400))
def test_onebyte_shape_of_random_lines_matches_the_expressions(text: str):
    text = text.strip()
    assert onebyte.encode(text) is not None
    assert _fields(text) == _word_fields_by_expressions(text)


@pytest.mark.parametrize("text", ["Привет, мир. Это Москва", "Ελληνικά λέξεις", "Ünïcode ć and —"])
def test_onebyte_other_scripts_keep_the_expressions(text: str):
    assert onebyte.encode(text) is None
    assert _fields(text) == _word_fields_by_expressions(text)


def _columns_by_expressions(text: str) -> tuple[float, ...]:
    """Digit and symbol ratios, sentences, mean word length, quote and glued count of ``text`` by
    the expressions and ``str.count``."""
    from storydesk.steps.clean import line_features as lf

    chars = len(text) or 1
    tokens = [word.lower() for word in lines._WORD.findall(text)]
    sentences = sum(text.count(mark + " ") for mark in ".?!")
    return (
        len(lf._DIGIT.findall(text)) / chars if text else 0.0,
        len(lf._SYMBOL.findall(text)) / chars if text else 0.0,
        float(sentences + shape_of(text)[3]),
        sum(len(token) for token in tokens) / len(tokens) if tokens else 0.0,
        float(lf._QUOTE.search(text) is not None),
        float(len(lf._GLUED.findall(text))),
    )


def _columns(text: str) -> tuple[float, ...]:
    from storydesk.steps.clean.line_features import columns_of

    row = columns_of(text, *shape_of(text))
    return row[8], row[9], row[10], row[15], row[17], row[18]


@pytest.mark.parametrize("char", list(onebyte.CHARS))
@pytest.mark.parametrize("form", ["{}", "ab{}d", "{} x", "ab{}Cd", "x{} {}Ab. Cd? E! F", "1{}2"])
def test_onebyte_columns_of_every_character_match_the_expressions(char: str, form: str):
    text = form.format(char, char)
    assert _columns(text) == _columns_by_expressions(text)


@pytest.mark.parametrize(
    "text",
    _TRICKY
    + ["abCdeFg «x» • y", "Wait… what? Yes! No. ", "“Quoted.” Then: ©2024 @home", "x. . ? ! y"]
    + _random_lines(400)
    + ["Привет, мир. Это Москва 12", "Ünïcode ć and — «q» | x. y"],
)  # fmt: skip
def test_onebyte_columns_of_random_lines_match_the_expressions(text: str):
    assert _columns(text) == _columns_by_expressions(text)
