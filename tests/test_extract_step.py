"""SpacyExtractor: batching, multiprocessing, skipping empty texts, truncating long ones."""

from __future__ import annotations

import datetime as dt

import pytest

from storydesk.model import StepStats
from storydesk.steps.base import check_pipeline
from storydesk.steps.extract import SpacyExtractor, find_dates, find_quantities, parse_number

TEXT = (
    "An estimated 18 North Korean soldiers have deserted, Suspilne reported on Oct. 15. "
    "They were about six kilometers from the border. Zelensky spoke on Wednesday."
)


def _run(extractor, articles):
    stats, skipped = StepStats("extract"), []
    out = list(extractor.run(articles, stats, skipped))
    return out, stats, skipped


def test_package_exports_the_public_api() -> None:
    assert callable(find_dates) and callable(find_quantities) and parse_number("18") == 18
    step = SpacyExtractor()
    assert step.name == "extract" and step.needs == {"text"}
    assert step.adds == {"sentences", "entities", "quantities", "dates", "attributions", "flags"}
    check_pipeline([step], provided=frozenset({"text"}))


def test_run_annotates_with_offsets_into_the_text(nlp, make_article) -> None:
    article = make_article(TEXT, published=dt.date(2024, 10, 17))
    out, stats, skipped = _run(SpacyExtractor(nlp), [article])
    assert out == [article] and (stats.read, stats.kept, skipped) == (1, 1, [])
    assert len(article.sentences) == 3
    assert [article.text[s.start : s.end] for s in article.sentences][1].startswith("They were")
    assert any(e.label == "NORP" and e.text(article) == "North Korean" for e in article.entities)
    quotes = [q.span.text(article) for q in article.quantities]
    assert quotes == ["An estimated 18", "about six kilometers"]
    dates = {d.span.text(article): d.resolved for d in article.dates}
    assert dates == {"Oct. 15": dt.date(2024, 10, 15), "Wednesday": dt.date(2024, 10, 16)}
    assert isinstance(article.attributions, list) and isinstance(article.flags, list)


@pytest.mark.parametrize("text", ["", "   \n\t ", None])
def test_empty_text_is_skipped_with_a_reason(nlp, make_article, text) -> None:
    bad = make_article("x", id="bad")
    bad.text = text  # type: ignore[assignment]
    good = make_article(TEXT, id="good")
    out, stats, skipped = _run(SpacyExtractor(nlp), [bad, good])
    assert [a.id for a in out] == ["good"]
    assert stats.skipped == {"empty": 1} and stats.read == 2 and stats.kept == 1
    assert skipped[0].stage == "extract" and skipped[0].reason.startswith("empty")


def test_garbage_text_does_not_crash(nlp, make_article) -> None:
    junk = make_article("\x00\x01\ufffd" * 50 + " 3,000 ~~ $$ %% 1/2/3 -- (( ))", id="junk")
    out, _, _ = _run(SpacyExtractor(nlp), [junk])
    assert out == [junk]


def test_long_text_is_analysed_up_to_the_limit_and_counted(nlp, make_article) -> None:
    text = "Officials said 18 soldiers deserted. " * 20
    article = make_article(text)
    step = SpacyExtractor(nlp, max_chars=200)
    out, stats, _ = _run(step, [article])
    assert out == [article] and stats.kept == 1 and step.truncated == 1
    assert article.quantities and all(q.span.end <= 200 for q in article.quantities)
    assert all(s.end <= 200 for s in article.sentences)


def test_results_keep_input_order_across_batches(nlp, make_article) -> None:
    articles = [make_article(f"Officials said {i + 2} people were hurt.", id=f"a{i}")
                for i in range(7)]
    out, stats, _ = _run(SpacyExtractor(nlp, batch_size=2), articles)
    assert [a.id for a in out] == [f"a{i}" for i in range(7)]
    assert [a.quantities[0].value for a in out] == [i + 2 for i in range(7)]


def test_two_processes_give_the_same_annotations(nlp, make_article) -> None:
    def batch():
        return [make_article(TEXT, id=f"a{i}", published=dt.date(2024, 10, 17)) for i in range(4)]

    single, _, _ = _run(SpacyExtractor(nlp, n_process=1), batch())
    double, stats, _ = _run(SpacyExtractor(nlp, n_process=2), batch())
    assert stats.kept == 4
    assert [a.id for a in double] == [a.id for a in single]
    for one, two in zip(single, double, strict=True):
        assert one.quantities == two.quantities
        assert one.dates == two.dates
        assert one.entities == two.entities and one.sentences == two.sentences
