"""The five bundled demo articles: the furniture DESIGN.md names is gone, the body is whole."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from storydesk.steps.clean import clean_plain_text
from storydesk.steps.clean.joins import split_run_together

FURNITURE = {
    "000_3d464986793c0652": ["Share.", "Exit mobile version"],
    "001_984ae6cfd211bded": ["Connect with us", "Published"],
    "002_05a474fa00d23fc9": [
        "DayFR Euro", "More from “International”", "(dsc)",
        "Translated and adapted from German by Léa Krejci", "More articles about Russia",
        "1 / 13", "source: www.imago-images.de / imago images", "This might also interest you:",
        "Following the attack perpetrated by Hamas", "Related News :", "archivBild: keystone",
    ],
    "003_55104b8a635bbc9b": [
        "Edit post", "October 15, 2024 8:20 PM", "2 min read",
        "This audio is created with AI assistance", "Most popular", "Editors' Picks",
        "Taurus missiles, stronger Europe", "In talks with Russia, Trump repeats",
        "This is how North Korean troops could be used", "Pyongyang has sent 10,000 soldiers to\n",
    ],
    "004_63aaf968c558762d": [
        "ADVERTISEMENT", "Share icon", "Image credits:", "View this post on Instagram",
        "pic.twitter.com", "have fled their positions soon after arriving\n",
        "The camaraderie between Russian President",
        "sounded the alarm, calling North Korea’s involvement",
    ],
}

BODY = {
    "000_3d464986793c0652": [
        "News of the desertion comes amid fears that North Korea’s Kim Jong Un",
        "A group of North Korean soldiers drafted to join Russia",
        "which drew sustained applause from the lawmakers.",
    ],
    "001_984ae6cfd211bded": [
        "A group of 18 North Korean soldiers is reportedly on the run",
        "but no response has been reported yet.",
    ],
    "002_05a474fa00d23fc9": [
        "A few days after their arrival on the front line in Kursk, Russia’s North Korean allies "
        "apparently fled.",
        "Around twenty North Korean soldiers are missing in Ukraine",
        "Intelligence services as a source",
        "has not yet been confirmed by independent sources.",
        "This would include mutual military support in the event of war.",
    ],
    "003_55104b8a635bbc9b": [
        "An estimated 18 North Korean soldiers have deserted",
        "No picture or video evidence has emerged to date that this went ahead.",
        "to the Russian State Duma for ratification on Oct. 14.",
    ],
    "004_63aaf968c558762d": [
        "North Korean troops, sent to support Russia‘s war efforts in Ukraine",
        "“Here we see the first step to the world war,” he said",
        "The two leaders had signed an agreement earlier this year",
        "North Korea is expected to receive economic and technological assistance",
    ],
}


def _clean(samples_dir: Path, stem: str):
    return clean_plain_text((samples_dir / f"{stem}.txt").read_text(encoding="utf-8"))


@pytest.mark.parametrize("stem", sorted(FURNITURE))
def test_clean_demo_furniture_is_gone(samples_dir: Path, stem: str):
    text = _clean(samples_dir, stem).text + "\n"
    for furniture in FURNITURE[stem]:
        assert furniture not in text, furniture


@pytest.mark.parametrize("stem", sorted(BODY))
def test_clean_demo_body_survives(samples_dir: Path, stem: str):
    text = _clean(samples_dir, stem).text
    for sentence in BODY[stem]:
        assert sentence in text, sentence


@pytest.mark.parametrize("stem", sorted(BODY))
def test_clean_demo_every_body_sentence_line_is_kept(samples_dir: Path, stem: str):
    """Every paragraph that ends like a sentence and is not a teaser stays, verbatim."""
    result = _clean(samples_dir, stem)
    removed_prose = [
        r for r in result.removed
        if r.text.rstrip("”\"’").endswith((".", "!", "?")) and len(r.text.split()) > 12
    ]
    # Only the two tail teasers of 002 and 003 and the embedded tweet of 004 are full sentences.
    assert all(r.reason in {"teaser", "embed"} for r in removed_prose), removed_prose
    raw = (samples_dir / f"{stem}.txt").read_text(encoding="utf-8")
    for paragraph in result.text.split("\n\n"):
        # Verbatim, except for link texts glued to the next word, which are split.
        assert paragraph in split_run_together(raw)


def test_clean_demo_glued_link_texts_split(samples_dir: Path):
    text = _clean(samples_dir, "002_05a474fa00d23fc9").text
    assert "writes Newsweek referring to" in text
    assert "cited by LIGA North Korean soldiers" in text


def test_clean_demo_metadata(samples_dir: Path):
    assert _clean(samples_dir, "003_55104b8a635bbc9b").published == dt.date(2024, 10, 15)
    assert _clean(samples_dir, "003_55104b8a635bbc9b").title.startswith("18 North Korean soldiers")
    assert _clean(samples_dir, "001_984ae6cfd211bded").title == (
        "North Korean Troops Desert Russian Frontline Positions in Ukraine: Reports")
    result = _clean(samples_dir, "002_05a474fa00d23fc9")
    assert result.title == "the North Koreans have already started to desert"
    assert result.translator == "Léa Krejci"
    reasons = {r.text: r.reason for r in result.removed}
    assert reasons["Translated and adapted from German by Léa Krejci"] == "metadata"
