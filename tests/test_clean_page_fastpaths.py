"""The rule pass's pre-screens never skip a line the patterns they guard would match."""

from __future__ import annotations

import random
import re
from itertools import product

import pytest

from storydesk.steps.clean import cards, region, structure
from storydesk.steps.clean.lines import Line, measure

# Every character the ASCII letters match under re.IGNORECASE, besides themselves ("ſ", "K", …).
_FOLDED = [c for c in map(chr, range(0x110000)) if re.fullmatch("[a-z]", c, re.IGNORECASE)]
_UNICODE_DIGITS = [c for c in map(chr, range(128, 0x110000)) if re.fullmatch(r"\d", c)]


# The hint the character classes of ``cards`` stand for: a lower-case letter, digit, "?" or "!"
# directly before a capital (every ``cards._JOIN`` place is one).
_JOIN_HINT = re.compile(r"[a-z\d?!][A-Z]")


def _hint_prescreen(text: str) -> bool:
    return b"lU" in text.encode("ascii", "replace").translate(cards._HINT_CLASSES)


@pytest.mark.parametrize("first", [chr(i) for i in range(128)])
def test_clean_page_fastpaths_hint_classes_equal_the_pattern_on_ascii(first: str):
    for second in map(chr, range(128)):
        for text in (first + second, f"ab {first}{second} cd", f"x{first}{second}Y"):
            assert _hint_prescreen(text) == bool(_JOIN_HINT.search(text)), text


@pytest.mark.parametrize("extra", ["\u00e9", "\u0130", "\u212a", "\u00c9", "\u2019", "\u4e00"])
def test_clean_page_fastpaths_hint_classes_never_miss_on_other_scripts(extra: str):
    rng = random.Random(ord(extra))
    alphabet = [extra, "a", "B", "7", "?", " ", ".", *rng.sample(_UNICODE_DIGITS, 5)]
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 8)))
        if _JOIN_HINT.search(text):
            assert _hint_prescreen(text), text


@pytest.mark.parametrize("digit", _UNICODE_DIGITS[::25])
def test_clean_page_fastpaths_hint_classes_see_any_scripts_digit(digit: str):
    assert _hint_prescreen(f"Released in 20{digit}Then") and _JOIN_HINT.search(f"x{digit}T")


@pytest.mark.parametrize("month", ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug",
                                   "sep", "oct", "nov", "dec"])  # fmt: skip
def test_clean_page_fastpaths_month_prefixes_cover_the_dated_pattern(month: str):
    # Every spelling of the month's first three letters the pattern accepts (case, folded
    # letters) lower-cases to a listed prefix, or starts with no month initial at all.
    spellings = [[c for c in _FOLDED if re.fullmatch(letter, c, re.IGNORECASE)] for letter in month]
    for chars in product(*spellings):
        head = "".join(chars)
        for text in (f"{head} 9 – Tampa, FL", f"{head}. 5: kickoff", f"{head}ember 21st"):
            if structure._DATED.match(text) and head[0] in structure._MONTH_INITIALS:
                assert head.lower() in structure._MONTH_PREFIXES, text


def _slow_seed_code(text: str) -> str | None:
    """``seed_code`` with the month test the pattern's alone."""
    line = measure(0, text)
    saved = structure._MONTH_PREFIXES
    try:
        structure._MONTH_PREFIXES = _Everything()  # type: ignore[assignment]
        return structure.seed_code(line)
    finally:
        structure._MONTH_PREFIXES = saved


class _Everything:
    def __contains__(self, item: object) -> bool:
        return True


@pytest.mark.parametrize("seed", range(3))
def test_clean_page_fastpaths_seed_code_is_unchanged_by_the_prefix_test(seed: int):
    rng = random.Random(seed)
    heads = ["Jan", "JUNE", "sept.", "Sep", "ſep", "Mai", "March", "Dec", "Oct.", "Nov", "Apple"]
    tails = [" 9 – Tampa", " 5: kickoff", " 2024", " 12th", ": value", " 3, 2019", "", " 1 "]
    for _ in range(300):
        text = rng.choice(heads) + rng.choice(tails) + rng.choice(["", " at the Arena", "!"])
        assert structure.seed_code(measure(0, text)) == _slow_seed_code(text), text


@pytest.mark.parametrize("seed", range(4))
def test_clean_page_fastpaths_join_places_equal_the_look_behind_pattern(seed: int):
    rng = random.Random(seed)
    pieces = ["abc", "ab", "x", "A ", "A", "Ab", "AB", "9", "?", "!", " ", ".", "\u0663", "\u00e9",
              "\u2019", "The", "iPhone", "SteakhouseA party", "2024The", "a", "Z"]  # fmt: skip
    for _ in range(2000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 10)))
        expected = [m.start() for m in cards._JOIN.finditer(text)]
        assert list(cards.join_places(text)) == expected, text


def _weight_lines(rng: random.Random) -> list[Line]:
    """Lines of every kind ``region.weight`` tells apart: prose, labels, long unpunctuated runs,
    Chinese and Japanese sentences, each with or without a furniture reason."""
    words = ["the", "of", "Mayor", "said", "bridge", "river", "opened", "Monday", "a", "Menu",
             "市长", "周一", "开放了", "新桥", "。", ".", "!", "2024"]  # fmt: skip
    lines = []
    for index in range(600):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 30)))
        if rng.random() < 0.3:
            text = "".join(rng.choice(words[10:]) for _ in range(rng.randint(1, 40)))
        line = measure(index, text + rng.choice(["", ".", "。", " and"]))
        line.reason = rng.choice([None, None, None, "share", "byline"])
        lines.append(line)
    return lines


@pytest.mark.parametrize("seed", range(3))
def test_clean_page_fastpaths_inline_weights_equal_weight(seed: int):
    lines = _weight_lines(random.Random(seed))
    expected = [region.weight(line) for line in lines]
    assert region._weights(lines) == expected
    # Every branch of ``weight`` is met, unspaced sentences and long unpunctuated lines included.
    assert {region.FURNITURE_COST * -1, region.SHORT_LINE_COST * -1} <= set(expected)
    assert any(w > 0 and not line.prose for w, line in zip(expected, lines, strict=True))
    assert any(0 < w < line.words for w, line in zip(expected, lines, strict=True))
