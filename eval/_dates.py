"""Scoring date resolution against TIMEX3 values, shared by dates-tempeval3 and dates-meantime.

A gold TIMEX3 of type DATE is *in scope* when its value is a calendar date the dossier can state:
a year (``2009``), a month (``2013-03``), a day (``2013-03-22``, also with a part of day,
``2013-03-22TEV``, compared on the day) or an ISO week (``2013-W11``). Quarters, seasons, halves,
decades, ``PRESENT_REF``/``PAST_REF`` and values with unknown parts (``XXXX-10``) are out of scope:
storydesk has no granularity for them. They are counted in the notes, never silently dropped.

Three systems answer for every in-scope gold TIMEX3:

* ``dateparser (gold span)``: ``DateDataParser`` with ``RELATIVE_BASE`` = the creation time, on
  the gold text; its ``period`` gives the granularity.
* ``storydesk (gold span)``: ``dates.resolve_span`` on the gold span of the parsed document (so
  the clause's tense is known, as in the product).
* ``storydesk (in text)``: ``find_dates`` over the whole document; the gold TIMEX3 is answered by
  the resolved mention that overlaps it most (none: not answered).

Metrics: ``answered`` (share of gold with a value given), ``accuracy`` (value equal to gold /
all in-scope gold) and ``precision`` (equal / answered: how often a given value is right, which
"kept as text, never guessed" protects).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from eval.result import EvalResult, Row, progress

_IN_SCOPE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T[\w:]+)?)?)?|\d{4}-W\d{2}")

SYSTEMS = ("dateparser (gold span)", "storydesk (gold span)", "storydesk (in text)")


def gold_value(value: str) -> str | None:
    """The comparable form of a gold TIMEX3 value, or ``None`` when it is out of scope."""
    if not _IN_SCOPE.fullmatch(value):
        return None
    return value.split("T", 1)[0]


def as_timex(resolved: dt.date | None, granularity: str) -> str | None:
    """A resolved date at its granularity, written as a TIMEX3 value ("2013-W11", "2013-03")."""
    if resolved is None:
        return None
    if granularity == "week":
        year, week, _ = resolved.isocalendar()
        return f"{year}-W{week:02d}"
    if granularity == "month":
        return resolved.strftime("%Y-%m")
    if granularity == "year":
        return f"{resolved.year:04d}"
    return resolved.isoformat()


def dateparser_value(text: str, dct: dt.date | None) -> str | None:
    """The baseline: dateparser's reading of ``text`` relative to ``dct`` (None: no reading)."""
    from dateparser.date import DateDataParser

    if dct is None:
        return None
    base = dt.datetime(dct.year, dct.month, dct.day, 12)
    parser = DateDataParser(languages=["en"], settings={"RELATIVE_BASE": base})
    try:
        data = parser.get_date_data(text)
    except (ValueError, OverflowError, TypeError):
        return None
    if data.date_obj is None:
        return None
    period = {"time": "day"}.get(data.period or "day", data.period or "day")
    return as_timex(data.date_obj.date(), period)


@dataclass(slots=True)
class Tally:
    """Counts for one (level, system)."""

    gold: int = 0
    answered: int = 0
    correct: int = 0

    def add(self, answer: str | None, gold: str) -> None:
        self.gold += 1
        if answer is not None:
            self.answered += 1
            self.correct += answer == gold

    def row(self, system: str, level: str, seconds: float = 0.0) -> Row:
        return Row(system, {
            "answered": self.answered / self.gold if self.gold else 0.0,
            "accuracy": self.correct / self.gold if self.gold else 0.0,
            "precision": self.correct / self.answered if self.answered else 0.0,
        }, level, seconds)


def best_overlap(start: int, end: int, spans: Sequence[tuple[int, int, str | None]]) -> str | None:
    """The answer of the resolved span that overlaps ``[start, end)`` most (ties: the first)."""
    best, best_len = None, 0
    for s, e, answer in spans:
        overlap = min(e, end) - max(s, start)
        if answer is not None and overlap > best_len:
            best, best_len = answer, overlap
    return best




def parse_all(name: str, texts: Sequence[str], result: EvalResult) -> list[object]:
    """spaCy docs of ``texts`` (storydesk's model), with the parsing time noted on ``result``
    rather than counted in any system's seconds: every storydesk row shares the same parse."""
    import time

    from storydesk.nlp import load_nlp

    progress(f"{name}: parsing {len(texts)} documents with spaCy")
    started = time.perf_counter()
    parsed: list[object] = list(load_nlp().pipe(texts))
    result.notes.append(
        f"spaCy parsing ({time.perf_counter() - started:.1f} s) is not in the seconds column"
    )
    return parsed
