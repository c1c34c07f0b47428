"""The numbers/dates evaluation harnesses on tiny inline inputs (no data sets needed)."""

from __future__ import annotations

import datetime as dt

import pytest

from eval._dates import Tally, as_timex, best_overlap, gold_value
from eval._meantime import detokenize
from eval._specs import SpecResult, to_result
from eval._timeml import parse_timeml
from eval.dates_meantime import baseline_spans
from eval.numbers_spec import baseline_reading, is_right

TIMEML = (
    '<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="2013-03-22" '
    'functionInDocument="CREATION_TIME">March 22, 2013</TIMEX3></DCT>'
    '<TEXT>Six deaths in <TIMEX3 tid="t3" type="DATE" value="2013-W11">the last week</TIMEX3>'
    ' &amp; more <TIMEX3 tid="t4" type="DATE" value="PRESENT_REF">now</TIMEX3>.</TEXT></TimeML>'
)


def test_parse_timeml_gives_plain_text_offsets_and_the_creation_date() -> None:
    doc = parse_timeml(TIMEML, "d1", "platinum")
    assert doc.dct == dt.date(2013, 3, 22)
    assert doc.text == "Six deaths in the last week & more now."
    assert [(doc.text[t.start : t.end], t.value) for t in doc.timexes] == [
        ("the last week", "2013-W11"), ("now", "PRESENT_REF")]


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2013-03-22", "2013-03-22"), ("2013-03-22TEV", "2013-03-22"), ("2013-W11", "2013-W11"),
     ("1998", "1998"), ("1998-Q3", None), ("PRESENT_REF", None), ("XXXX-10", None),
     ("199X", None)],
)
def test_gold_value_keeps_only_calendar_values(value: str, expected: str | None) -> None:
    assert gold_value(value) == expected


def test_as_timex_writes_each_granularity() -> None:
    day = dt.date(2013, 3, 11)
    assert [as_timex(day, g) for g in ("day", "week", "month", "year")] == [
        "2013-03-11", "2013-W11", "2013-03", "2013"]
    assert as_timex(None, "day") is None


def test_tally_and_best_overlap() -> None:
    tally = Tally()
    tally.add(best_overlap(5, 10, [(0, 6, "2013"), (6, 12, "2013-03")]), "2013-03")
    tally.add(None, "2013")
    row = tally.row("s", "lvl")
    assert row.metrics == {"answered": 0.5, "accuracy": 0.5, "precision": 1.0}


def test_detokenize_moves_offsets_with_the_text() -> None:
    text = "Boeing won a US$ 40 billion ( 20 % ) deal , on Monday ."
    prose, where = detokenize(text)
    assert prose == "Boeing won a US$40 billion (20%) deal, on Monday."
    start = text.index("US$")
    end = text.index("billion") + len("billion")
    assert prose[where[start] : where[end]] == "US$40 billion"


def test_meantime_numeral_baseline_types() -> None:
    text = "It cost $5 million, up 20%, for 300 jets."
    assert [(text[s:e], t) for s, e, t in baseline_spans(text)] == [
        ("$5 million", "MONEY"), ("20%", "PERCENT"), ("300", "QUANTITY")]


def _spec(kind: str, text: str, resolution: dict, sentence: str = "") -> SpecResult:
    case = {"Input": sentence or text}
    return to_result(kind, "x.json", case, {"Text": text, "Resolution": resolution, "Start": 0,
                                            "End": len(text) - 1})


def test_spec_scope_and_expected_values() -> None:
    assert _spec("range", "between 5 and 7", {"value": "[5,7]"}).bound == "range"
    assert _spec("range", "more than 40", {"value": "(40,)"}).bound == "at_least"
    assert _spec("range", ">= 30", {"value": "[30,)"}).out_of_scope
    assert _spec("range", "equals 20", {"value": "[20,20]"}).bound == ""
    cents = _spec("currency", "50 cents", {"value": "50", "unit": "Cent"})
    assert (cents.value, cents.base) == (0.5, "USD")
    assert _spec("currency", "5 francs", {"value": "5", "unit": "Franc"}).out_of_scope
    miles = _spec("dimension", "ten miles", {"value": "10", "subtype": "Length", "unit": "Mile"})
    assert (miles.group, miles.base) == ("length", "km")
    assert miles.value == pytest.approx(16.09344)
    assert _spec("temperature", "6 deg c", {"value": "6", "unit": "C"}).out_of_scope


def test_is_right_and_baseline() -> None:
    number = _spec("number", "1,674", {"value": "1674", "subtype": "integer"})
    assert is_right(number, baseline_reading(number))
    ranged = _spec("range", "between 5 and 7", {"value": "[5,7]"})
    assert is_right(ranged, (5.0, 7.0, "range", ""))
    assert not is_right(ranged, (5.0, None, "at_least", ""))
    ordinal = _spec("ordinal", "third", {"value": "3"})
    assert is_right(ordinal, None) and not is_right(ordinal, (3.0, None, "", ""))
    money = _spec("currency", "$ 300", {"value": "300", "unit": "Dollar"})
    assert is_right(money, baseline_reading(money))
    assert not is_right(money, (300.0, None, "", "count"))
