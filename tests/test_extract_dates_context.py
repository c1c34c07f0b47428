"""find_dates: dates whose year or direction comes from the words around them."""

from __future__ import annotations

import datetime as dt

import pytest

from storydesk.steps.extract import find_dates
from storydesk.steps.extract.dates import resolve_span


def _resolved(nlp, text: str, published: dt.date) -> dict[str, tuple[dt.date | None, str]]:
    return {text[d.span.start : d.span.end]: (d.resolved, d.granularity)
            for d in find_dates(nlp(text), published)}


@pytest.mark.parametrize(
    ("text", "quote", "resolved", "granularity"),
    [
        ("In January this year, police arrested him.", "January this year", "1998-01-01", "month"),
        ("But in June last year, the leaders fled.", "June last year", "1997-06-01", "month"),
        ("They join NATO in April next year.", "April next year", "1999-04-01", "month"),
        ("He urged him to run in this year's election.", "this year", "1998-01-01", "year"),
    ],
)
def test_month_with_relative_year_and_partly_tagged_entities(nlp, text, quote, resolved,
                                                             granularity) -> None:
    found = _resolved(nlp, text, dt.date(1998, 2, 19))
    assert quote in found, found
    assert found[quote] == (dt.date.fromisoformat(resolved), granularity)


@pytest.mark.parametrize(
    ("text", "quote", "resolved"),
    [
        ("The three are expected to join in April.", "April", "1999-04-01"),
        ("The team planned to leave Nairobi on Thursday.", "Thursday", "1998-12-10"),
        ("Officials postponed any action until Tuesday morning.", "Tuesday", "1998-12-08"),
        ("The group might arrive as early as Tuesday.", "Tuesday", "1998-12-08"),
        ("The team left Nairobi on Thursday.", "Thursday", "1998-12-03"),
    ],
)
def test_plans_and_deadlines_point_forward(nlp, text, quote, resolved) -> None:
    found = _resolved(nlp, text, dt.date(1998, 12, 5))  # a Saturday
    assert found[quote][0] == dt.date.fromisoformat(resolved)


def test_resolve_span_reads_only_the_given_span(nlp) -> None:
    doc = nlp("He will visit on Monday and left on Oct. 15.")
    start = doc.text.index("Monday")
    mentions = resolve_span(doc, start, start + len("Monday"), dt.date(2024, 10, 17))
    assert [(m.span.start, m.resolved) for m in mentions] == [(start, dt.date(2024, 10, 21))]
    assert resolve_span(doc, 0, 2, dt.date(2024, 10, 17)) == []
