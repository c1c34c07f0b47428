"""A page whose cleaned text is only a menu, a prompt or a headline is a counted ``no-body`` skip."""

from __future__ import annotations

import pytest

from storydesk.model import Article, StepStats
from storydesk.steps.clean.step import CleanStep
from storydesk.steps.clean.substance import has_substance, is_menu


@pytest.mark.parametrize(
    ("line", "menu"),
    [
        ("Home | News | Sport", True),
        ("World • Business • Tech • Science and Health", True),
        ("Home / Local / Crime", True),
        ("News - Sport - Weather", True),
        ("Home | News", False),  # two items are not yet a menu
        ("Police said the man, 34, was taken to hospital | Updated 5 p.m.", False),
        ("Three people were hurt in the crash on Route 9, police said.", False),
    ],
)
def test_is_menu(line: str, menu: bool):
    assert is_menu(line) is menu


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Home | News | Sport | Weather | Business | Tech | Science", False),
        ("Forgot password?\nSign in", False),
        ("Quake hits Tokyo", False),
        ("03:24", False),
        ("Quake hits Tokyo\nAn earthquake struck Tokyo on Monday morning.", True),
        ("Menu\n\nThree people were hurt in the crash, police said.", True),
        ("東京で大きな地震が発生し、多くの建物が被害を受けた。", True),  # CJK: counted by characters
        ("", False),
    ],
)
def test_has_substance(text: str, expected: bool):
    assert has_substance(text) is expected


@pytest.mark.parametrize(
    ("raw", "raw_format"),
    [
        ("<html><body><nav><a href='/'>Home</a> | <a href='/n'>News</a> | "
         "<a href='/s'>Sport</a></nav></body></html>", "html"),
        ("<html><body><p>Sign in</p><p>Register</p><p>Forgot password?</p></body></html>", "html"),
        ("03:24\n\nOr, use your facebook account:", "text"),
    ],
)  # fmt: skip
def test_clean_step_skips_pages_without_an_article(raw: str, raw_format: str):
    good = Article(id="g", source="g.txt", raw="The ferry runs again on Tuesday, officials said.")
    bad = Article(id="b", source="https://example.com/b", raw=raw, raw_format=raw_format)
    stats, skipped = StepStats("clean"), []
    out = list(CleanStep().run([bad, good], stats, skipped))
    assert [a.id for a in out] == ["g"]
    assert stats.skipped == {"no-body": 1}
    assert skipped[0].source == "https://example.com/b"
    assert "fragments" in skipped[0].reason
