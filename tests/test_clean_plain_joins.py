"""split_run_together: link texts glued to the next word are split, ordinary words are not."""

from __future__ import annotations

import random
import re

import pytest

from storydesk.steps.clean import clean_plain_text, joins
from storydesk.steps.clean.joins import _NAME, split_run_together


@pytest.mark.parametrize(
    ("glued", "fixed"),
    [
        ("the magazine writes Newsweekreferring to", "the magazine writes Newsweek referring to"),
        ("cited by LIGANorth Korean soldiers", "cited by LIGA North Korean soldiers"),
        ("Suspilnereported that", "Suspilne reported that"),
        ("as Reuterssaid on Monday", "as Reuters said on Monday"),
        ("read USAToday today", "read USA Today today"),
    ],
)
def test_joins_split_glued_link_text(glued: str, fixed: str):
    assert split_run_together(glued) == fixed


@pytest.mark.parametrize(
    "text",
    [
        "Facebook Instagram Ukrinform JPMorgan YouTube iPhone",
        "Outnumbered Preoccupied Furthermore Discover Jonathan Baltimore Elsewhere",
        "Intimidating Decorating Reading Understanding Washington Hollywood",
        "@LIGANorth #NewsweekReferring www.CNNPolitics.com NASA COVID-19",
        "",
    ],
)
def test_joins_leave_ordinary_words_alone(text: str):
    assert split_run_together(text) == text


def test_joins_applied_to_kept_body_only():
    body = (
        "Around twenty North Korean soldiers have already deserted, the magazine writes "
        "Newsweekreferring to Ukrainian public radio, which cited intelligence sources."
    )
    page = "\n\n".join([body, body.replace("twenty", "thirty"), "Newsweekreferring"])
    result = clean_plain_text(page)
    assert "Newsweek referring to Ukrainian" in result.text
    assert "Newsweekreferring" in clean_plain_text(page, repair_joins=False).text


_NAME_LOOKBEHIND_FIRST = r"(?<![\w@#/.])([A-Z][a-z]{8,})(?![\w@#/])"


@pytest.mark.parametrize(
    "text",
    [
        "Newsweekreferring to Suspilnereported",
        "Newsweekreferring",
        "x.Newsweekreferring @Newsweekreferring #Newsweekreferring /Newsweekreferring",
        "aNewsweekreferring 1Newsweekreferring _Newsweekreferring éNewsweekreferring",
        "(Newsweekreferring) “Newsweekreferring” Newsweekreferring/x Newsweekreferringé",
        "AB Washington, Hollywoodsaid; LIGANorthernmost Z",
    ],
)
def test_joins_name_pattern_matches_lookbehind_first_form(text: str):
    slow = [(m.start(), m.group(1)) for m in re.finditer(_NAME_LOOKBEHIND_FIRST, text)]
    assert [(m.start(), m.group(1)) for m in _NAME.finditer(text)] == slow


def _pieces_text(rng: random.Random) -> str:
    pieces = ["A", "B", "LIGA", "Nor", "Northern", "th", "a", "abcdefg", "abcdefgh", "x", " ", ".",
              "@", "\u00e9", "\u00c9", "\u212a", "\u0130", "Reuterssaid", "Newsweekreferring", "9"]  # fmt: skip
    return "".join(rng.choice(pieces) for _ in range(rng.randint(0, 9)))


@pytest.mark.parametrize("seed", range(4))
def test_joins_class_prescreens_never_skip_a_match(seed: int):
    rng = random.Random(seed)
    for _ in range(2000):
        text = _pieces_text(rng)
        classes = text.encode("ascii", "replace").translate(joins._LETTER_CLASSES)
        if joins._CAPS.search(text):
            assert joins._CAPS_RUN in classes, text
        if _NAME.search(text):
            assert joins._NAME_RUN in classes, text
        assert split_run_together(text) == _split_unscreened(text), text


def _split_unscreened(text: str) -> str:
    """``split_run_together`` without the class pre-screens."""
    if joins._CAPS.search(text):
        text = joins._CAPS.sub(r"\1 \2", text)
    return _NAME.sub(joins._split_match, text)


@pytest.mark.parametrize("lower", range(6, 11))
def test_joins_name_prescreen_at_the_shortest_name(lower: int):
    text = "see " + "N" + "a" * lower + " here"
    classes = text.encode("ascii", "replace").translate(joins._LETTER_CLASSES)
    assert (joins._NAME_RUN in classes) == bool(_NAME.search(text)) == (lower >= 8)
