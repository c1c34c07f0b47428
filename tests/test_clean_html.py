"""extract_html, visible_text and CleanStep."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from storydesk.errors import SkipArticle
from storydesk.model import Article, Skipped, StepStats
from storydesk.steps.base import check_pipeline
from storydesk.steps.clean import CleanStep, extract_html, visible_text

FIXTURE = Path(__file__).parent / "fixtures" / "clean" / "article.html"


@pytest.fixture(scope="module")
def article_html() -> str:
    return FIXTURE.read_text(encoding="utf-8")


def test_clean_html_extracts_body_and_metadata(article_html: str):
    result = extract_html(article_html, url="https://www.harbour-gazette.example/ferry")
    assert result.method == "trafilatura"
    assert result.text.startswith("The river ferry between Northbank and Eastpier")
    assert "Timetables will return to normal" in result.text
    for furniture in ("Most popular", "Council approves new cycle lanes", "All rights reserved",
                      "ADVERTISEMENT", "Sport"):
        assert furniture not in result.text
    assert result.title == "River ferry resumes service after storm"
    assert result.published == dt.date(2024, 3, 5)
    assert result.outlet == "Harbour Gazette"
    assert result.author == "Mara Lind"
    assert result.language == "en"


def test_clean_html_visible_text_one_block_per_line():
    html = ("<html><head><title>T</title><style>p{}</style></head><body><div>One <b>bold</b> "
            "word<script>var x;</script></div><p hidden>secret</p><p>Two<br>Three</p></body></html>")
    assert visible_text(html) == "One bold word\nTwo\nThree"


def test_clean_html_falls_back_to_visible_text_when_extractor_finds_little():
    paragraphs = [
        "The harbour master said the ferry would run again on Tuesday after repairs finished.",
        "Engineers replaced two pontoons over the weekend, working through heavy rain.",
    ]
    # Body text in bare <div>s with menus around: trafilatura finds little or nothing here.
    html = ("<html><body><div>Home</div><div>Menu</div>"
            + "".join(f"<div>{p}</div>" for p in paragraphs)
            + "<div>Share</div></body></html>")
    result = extract_html(html)
    for p in paragraphs:
        assert p in result.text
    assert "Menu" not in result.text


@pytest.mark.parametrize("html", ["", "   ", "<html><head><title>x</title></head></html>",
                                  "<html><body><script>only()</script></body></html>"])
def test_clean_html_without_body_is_skipped(html: str):
    with pytest.raises(SkipArticle) as info:
        extract_html(html)
    assert info.value.reason == "no-body"


def test_clean_step_declares_fields():
    step = CleanStep()
    assert step.name == "clean"
    assert step.needs == {"raw"}
    assert {"text", "title", "published", "outlet", "language", "removed"} <= step.adds
    check_pipeline([step])


def test_clean_step_html_article(article_html: str):
    article = Article(id="a", source="https://www.harbour-gazette.example/ferry",
                      raw=article_html, raw_format="html")
    out = CleanStep().process(article)
    assert out.text.startswith("The river ferry")
    assert out.title == "River ferry resumes service after storm"
    assert out.published == dt.date(2024, 3, 5)
    assert out.language == "en"


def test_clean_step_reader_metadata_wins(samples_dir: Path):
    raw = (samples_dir / "003_55104b8a635bbc9b.txt").read_text(encoding="utf-8")
    article = Article(id="x", source="https://kyivindependent.com/story", raw=raw,
                      title="Given title", published=dt.date(2024, 10, 16))
    out = CleanStep().process(article)
    assert out.title == "Given title"
    assert out.published == dt.date(2024, 10, 16)
    assert out.outlet == "kyivindependent.com"  # from the URL host, nothing better known
    assert out.language == "en"
    assert any(r.reason == "ai-note" for r in out.removed)


def test_clean_step_text_article_fills_metadata(samples_dir: Path):
    raw = (samples_dir / "003_55104b8a635bbc9b.txt").read_text(encoding="utf-8")
    out = CleanStep().process(Article(id="x", source="x.txt", raw=raw))
    assert out.published == dt.date(2024, 10, 15)
    assert out.title.startswith("18 North Korean soldiers")
    assert out.outlet is None


@pytest.mark.parametrize(
    ("raw", "raw_format", "reason"),
    [
        ("", "text", "empty"),
        ("Menu\nSearch\nShare icon", "text", "no-body"),
        ("<html><body></body></html>", "html", "no-body"),
    ],
)
def test_clean_step_skips_bad_articles(raw: str, raw_format: str, reason: str):
    good = Article(id="g", source="g.txt", raw="The ferry runs again on Tuesday, officials said.")
    bad = Article(id="b", source="b.txt", raw=raw, raw_format=raw_format)
    stats, skipped = StepStats("clean"), []
    out = list(CleanStep().run([bad, good], stats, skipped))
    assert [a.id for a in out] == ["g"]
    assert stats.skipped == {reason: 1}
    assert isinstance(skipped[0], Skipped) and skipped[0].reason.startswith(reason)
