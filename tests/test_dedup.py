"""DuplicateMarker: exact and near duplicates marked, distinct articles left alone."""

from __future__ import annotations

import datetime as dt

import pytest

from storydesk.errors import ConfigError
from storydesk.model import Article, StepStats
from storydesk.steps.base import Corpus
from storydesk.steps.dedup import DuplicateMarker

TEXT = ("the harbour authority said the ferry between northbank and eastpier would resume "
        "service on tuesday after engineers replaced two pontoons damaged in the storm while "
        "commuters had to take a long detour by road for four days and the operator thanked "
        "passengers for their patience and promised normal timetables by the end of the week "
        "as the council reviews flood defences along the river front next month")
WORDS = TEXT.split()


def run(*articles: Article, **kw) -> dict[str, str | None]:
    corpus = DuplicateMarker(**kw).run_corpus(Corpus(list(articles)), StepStats("dedup"))
    return {a.id: a.duplicate_of for a in corpus.articles}


def art(id: str, text: str, published: dt.date | None = None) -> Article:
    return Article(id=id, source=f"{id}.txt", text=text, published=published)


def test_dedup_exact_ignores_case_punctuation_and_spacing():
    copy = TEXT.upper().replace(" the ", "  the, ") + "!"
    assert run(art("a", TEXT), art("b", copy)) == {"a": None, "b": "a"}


def test_dedup_near_duplicate_with_small_edit():
    edited = " ".join(WORDS[:-3] + ["in", "the", "spring"])
    assert run(art("a", TEXT), art("b", edited)) == {"a": None, "b": "a"}


def test_dedup_distinct_articles_untouched():
    other = ("a new bakery opened on the high street on saturday selling bread made with flour "
             "from a local mill and the owner said she hoped to hire three more staff this year")
    half = " ".join(WORDS[: len(WORDS) // 2] + other.split())
    assert run(art("a", TEXT), art("b", other), art("c", half)) == {"a": None, "b": None, "c": None}


def test_dedup_earliest_published_is_the_original():
    result = run(
        art("late", TEXT, dt.date(2024, 3, 6)),
        art("undated", TEXT),
        art("early", TEXT, dt.date(2024, 3, 5)),
    )
    assert result == {"late": "early", "undated": "early", "early": None}


def test_dedup_first_seen_wins_without_dates():
    assert run(art("x", TEXT), art("y", TEXT), art("z", TEXT)) == {"x": None, "y": "x", "z": "x"}


def test_dedup_threshold_parameter():
    edited = " ".join(WORDS[:30] + ["completely", "different", "words"] + WORDS[33:])
    assert run(art("a", TEXT), art("b", edited))["b"] == "a"
    assert run(art("a", TEXT), art("b", edited), threshold=0.95)["b"] is None


def test_dedup_empty_text_is_not_a_duplicate():
    assert run(art("a", ""), art("b", "")) == {"a": None, "b": None}


@pytest.mark.parametrize("threshold", [0.0, 1.5, -1])
def test_dedup_rejects_bad_threshold(threshold: float):
    with pytest.raises(ConfigError):
        DuplicateMarker(threshold=threshold)


def test_dedup_declares_fields():
    step = DuplicateMarker()
    assert (step.name, step.needs, step.adds) == ("dedup", {"text"}, {"duplicate_of"})
