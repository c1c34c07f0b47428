"""Date expressions and their resolution against the publication date.

``find_dates(doc, published)`` takes spaCy's DATE entities plus weekday and relative expressions the
model misses ("on Wednesday", "last week"), keeps the words that state a date (never a duration such
as "24 years" or an age such as "12-year-old") and resolves them:

* absolute: "October 15, 2024" (day), "Oct. 15" (day; the year is the publication year, or the year
  before when that would put a past-tense event after publication), "in June" (month), "2010"
  (year);
* relative to ``published``: "yesterday", "on Wednesday"/"this Thursday" (a bare weekday in news is
  the most recent such day on or before publication; with "will" or "next", the coming one),
  "last week" (granularity "week": the Monday of that week), "earlier this year" (year),
  "two weeks ago".

Without a publication date a relative expression stays unresolved (``resolved=None``): it is kept as
text and never guessed.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from storydesk.model import DateMention, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["find_dates", "resolve_date", "resolve_dates", "resolve_span"]

_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9,
    "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12,
    "december": 12,
}
_WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
             "saturday": 5, "sunday": 6}
_MONTH_WORDS = (r"jan(?:uary|\.)?|feb(?:ruary|\.)?|mar(?:ch|\.)?|apr(?:il|\.)?|may|june?\.?|"
                r"july?\.?|aug(?:ust|\.)?|sept?(?:ember|\.)?|oct(?:ober|\.)?|nov(?:ember|\.)?|"
                r"dec(?:ember|\.)?")
_WEEKDAY_WORDS = r"monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_MONTH = rf"(?P<month>{_MONTH_WORDS})"
_YEAR = r"(?P<year>1[6-9]\d\d|20\d\d)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_WEEKDAY = rf"(?P<weekday>{_WEEKDAY_WORDS})"
_UNIT = r"(?P<unit>day|week|weekend|month|year)"
_NUM = (r"(?P<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
        r"a few|several)")

# Patterns, most specific first; each names the granularity it gives.
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b")),
    ("mdy", re.compile(rf"\b(?:{_WEEKDAY_WORDS}),?\s+{_MONTH}\s+{_DAY}\b(?:,?\s+{_YEAR}\b)?", re.I)),
    ("mdy", re.compile(rf"\b{_MONTH}\s+{_DAY}\b(?:,?\s+{_YEAR}\b)?", re.I)),
    ("dmy", re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR}\b)?", re.I)),
    ("ago", re.compile(rf"\b{_NUM}\s+(?P<unit>day|week|month|year)s?\s+ago\b", re.I)),
    ("rel_day", re.compile(r"\b(?P<word>yesterday|today|tomorrow|tonight)\b", re.I)),
    ("weekday", re.compile(rf"\b(?:(?P<mod>last|this|next|past|coming)\s+)?{_WEEKDAY}\b", re.I)),
    ("my", re.compile(rf"\b{_MONTH}\s*,?\s+{_YEAR}\b", re.I)),
    ("month_rel", re.compile(rf"\b{_MONTH}\s+(?:of\s+)?(?P<mod>this|last|next)\s+year\b", re.I)),
    ("rel_unit", re.compile(
        rf"\b(?:(?P<early>earlier|later|early|late)\s+)?(?:(?:in|of)\s+)?(?P<mod>last|this|next|"
        rf"past|previous|coming|current)\s+{_UNIT}\b", re.I)),
    ("month", re.compile(rf"\b(?:(?P<mod>last|this|next)\s+)?{_MONTH}(?![\w-])", re.I)),
    ("year", re.compile(rf"\b{_YEAR}\b(?!s|['’]s)")),
]
# Words showing an entity is a date at all; spaCy also tags durations and ages as DATE.
_ANCHORS = re.compile(
    rf"\b(?:{_MONTH_WORDS}|{_WEEKDAY_WORDS}|yesterday|today|tomorrow|tonight|ago|last|this|"
    r"next|earlier|1[6-9]\d\d|20\d\d)\b", re.I)
_EXTRA = re.compile(
    rf"\b(?:(?:on|last|this|next)\s+)?{_WEEKDAY}\b|\b(?:yesterday|tomorrow)\b|"
    r"\b(?:earlier|later)?\s*(?:last|this|next)\s+(?:week|weekend|month|year)\b", re.I)
_WORD_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                 "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}


@dataclass(frozen=True, slots=True)
class _Resolution:
    start: int  # offsets within the expression
    end: int
    resolved: dt.date | None
    granularity: str


def find_dates(doc: Doc, published: dt.date | None) -> list[DateMention]:
    """Date mentions in ``doc``, resolved against ``published`` where that is safe."""
    candidates: list[tuple[int, int]] = [
        (ent.start_char, ent.end_char) for ent in doc.ents if ent.label_ == "DATE"
    ]
    for m in _EXTRA.finditer(doc.text):
        # The model sometimes tags only part ("year" of "this year's"): take the union.
        start, end = m.span()
        for s, e in [c for c in candidates if c[0] < m.end() and m.start() < c[1]]:
            candidates.remove((s, e))
            start, end = min(start, s), max(end, e)
        candidates.append((start, end))
    mentions: list[DateMention] = []
    for start, end in sorted(candidates):
        if not _ANCHORS.search(doc.text[start:end]):
            continue  # "24 years", "12-year-old", "the day": not a point in time
        found = resolve_span(doc, start, end, published)
        mentions += found or [DateMention(Span(start, end), None, "day")]
    return mentions


def resolve_span(doc: Doc, start: int, end: int, published: dt.date | None) -> list[DateMention]:
    """The date expressions within ``doc.text[start:end]``, resolved against ``published``; the
    clause around the span says whether a bare weekday or month is past or coming."""
    future = _is_future(doc, start, end)
    return [
        DateMention(Span(start + r.start, start + r.end), r.resolved, r.granularity)
        for r in resolve_dates(doc.text[start:end], published, future=future)
    ]


def resolve_date(text: str, published: dt.date | None, future: bool = False) -> _Resolution | None:
    """Resolve the first date expression in ``text``; ``None`` when there is none to read."""
    found = resolve_dates(text, published, future)
    return found[0] if found else None


def resolve_dates(text: str, published: dt.date | None, future: bool = False) -> list[_Resolution]:
    """Every date expression in ``text`` ("Oct. 15 and October 15, 2024" holds two), in order."""
    found: list[_Resolution] = []
    for name, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if any(r.start < m.end() and m.start() < r.end for r in found):
                continue
            try:
                resolved, granularity = _RESOLVERS[name](m, published, future)
            except (ValueError, OverflowError, KeyError):
                continue  # "February 30": not a date
            found.append(_Resolution(m.start(), m.end(), resolved, granularity))
    return sorted(found, key=lambda r: r.start)


# Verbs whose infinitive complement is still to come: "is expected to join in April".
_PLAN_VERBS = frozenset({"expect", "schedule", "plan", "set", "due", "intend", "hope", "aim",
                         "prepare", "go", "propose", "vow", "promise", "pledge"})
# Words right before a date that make it a deadline or a coming day: "until Tuesday".
_FUTURE_CUES = re.compile(r"\b(?:until|till|as (?:soon|early) as)\s+(?:\S+\s+){0,3}\S*$", re.I)


def _is_future(doc: Doc, start: int, end: int) -> bool:
    """Whether the clause around the date speaks of the future ("will meet on Thursday", "is
    expected to join in April", "postponed until Tuesday")."""
    # The model sometimes takes the cue into the entity ("as early as Tuesday").
    if _FUTURE_CUES.search(doc.text[max(0, start - 40) : end]):
        return True
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    tok = span.root
    for _ in range(4):
        if tok.pos_ in ("VERB", "AUX"):
            return _verb_is_future(tok)
        if tok.head is tok:
            break
        tok = tok.head
    return False


def _verb_is_future(verb: Token) -> bool:
    if verb.lower_ in ("will", "'ll"):
        return True
    if any(c.lower_ in ("will", "'ll", "shall") for c in verb.children):
        return True
    # "expected to join", "set to resume", "plans to leave": the plan verb governs "to" + verb.
    has_to = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    return has_to and verb.dep_ in ("xcomp", "ccomp") and verb.head.lemma_ in _PLAN_VERBS


# -- resolvers: (match, published, future) -> (date | None, granularity) ---------------------------

Resolved = tuple[dt.date | None, str]


def _month_number(word: str) -> int:
    key = word.lower().rstrip(".")
    return int(key) if key.isdigit() else _MONTHS[key[:4] if key[:4] == "sept" else key[:3]]


def _infer_year(month: int, day: int, published: dt.date | None, future: bool) -> int | None:
    """A date written without a year takes the publication year; a past-tense event that would
    then fall months after publication happened the year before ("in December", written in March).

    News often announces dates a few weeks ahead without "will" ("the vote is set for Nov. 16"),
    so only a date more than ~3 months ahead is moved back (90 days measured best on TimeBank).
    """
    if published is None:
        return None
    candidate = dt.date(published.year, month, min(day, 28))
    if not future and candidate > published + dt.timedelta(days=90):
        return published.year - 1
    if future and candidate < published - dt.timedelta(days=7):
        return published.year + 1
    return published.year


def _day_date(m: re.Match[str], published: dt.date | None, future: bool) -> Resolved:
    month, day = _month_number(m["month"]), int(m["day"])
    if not 1 <= day <= 31:
        raise ValueError(day)
    year = int(m["year"]) if m["year"] else _infer_year(month, day, published, future)
    return (dt.date(year, month, day) if year else None), "day"


def _month_date(m: re.Match[str], published: dt.date | None, future: bool) -> Resolved:
    month = _month_number(m["month"])
    groups = m.groupdict()
    if groups.get("year"):
        return dt.date(int(m["year"]), month, 1), "month"
    mod = (groups.get("mod") or "").lower()
    if published is None:
        return None, "month"
    if mod == "last":
        year = published.year if month < published.month else published.year - 1
    elif mod == "next":
        year = published.year if month > published.month else published.year + 1
    elif mod == "this":
        year = published.year
    else:
        year = _infer_year(month, 1, published, future) or published.year
    return dt.date(year, month, 1), "month"


def _month_rel_year(m: re.Match[str], published: dt.date | None, future: bool) -> Resolved:
    """"January this year", "June last year", "April next year"."""
    if published is None:
        return None, "month"
    step = {"last": -1, "this": 0, "next": 1}[m["mod"].lower()]
    return dt.date(published.year + step, _month_number(m["month"]), 1), "month"


def _year_date(m: re.Match[str], published: dt.date | None, future: bool) -> Resolved:
    return dt.date(int(m["year"]), 1, 1), "year"


def _rel_day(m: re.Match[str], published: dt.date | None, future: bool) -> Resolved:
    if published is None:
        return None, "day"
    offset = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}[m["word"].lower()]
    return published + dt.timedelta(days=offset), "day"


def _weekday(m: re.Match[str], published: dt.date | None, future: bool) -> Resolved:
    if published is None:
        return None, "day"
    target = _WEEKDAYS[m["weekday"].lower()]
    mod = (m["mod"] or "").lower()
    if mod in ("next", "coming") or (future and mod != "last"):
        ahead = (target - published.weekday()) % 7
        if mod == "next" and ahead == 0:
            ahead = 7
        return published + dt.timedelta(days=ahead), "day"
    back = (published.weekday() - target) % 7
    if mod == "last" and back == 0:
        back = 7  # "last Thursday", written on a Thursday, is a week ago
    return published - dt.timedelta(days=back), "day"


def _rel_unit(m: re.Match[str], published: dt.date | None, future: bool) -> Resolved:
    unit = m["unit"].lower()
    granularity = "week" if unit in ("week", "weekend") else unit
    if unit == "day":
        granularity = "day"
    if published is None:
        return None, granularity
    mod = m["mod"].lower()
    step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(mod, 0)
    if unit in ("week", "weekend"):
        monday = published - dt.timedelta(days=published.weekday())
        return monday + dt.timedelta(weeks=step), "week"
    if unit == "month":
        index = published.year * 12 + published.month - 1 + step
        return dt.date(index // 12, index % 12 + 1, 1), "month"
    if unit == "year":
        return dt.date(published.year + step, 1, 1), "year"
    return published + dt.timedelta(days=step), "day"


def _ago(m: re.Match[str], published: dt.date | None, future: bool) -> Resolved:
    unit = m["unit"].lower()
    word = m["n"].lower()
    if published is None or word in ("a few", "several"):
        return None, unit if unit != "week" else "week"
    n = int(word) if word.isdigit() else _WORD_NUMBERS[word]
    if unit == "day":
        return published - dt.timedelta(days=n), "day"
    if unit == "week":
        then = published - dt.timedelta(weeks=n)
        return then - dt.timedelta(days=then.weekday()), "week"
    if unit == "month":
        index = published.year * 12 + published.month - 1 - n
        return dt.date(index // 12, index % 12 + 1, 1), "month"
    return dt.date(published.year - n, 1, 1), "year"


def _iso(m: re.Match[str], published: dt.date | None, future: bool) -> Resolved:
    return dt.date(int(m["year"]), int(m["month"]), int(m["day"])), "day"


_RESOLVERS = {
    "iso": _iso, "mdy": _day_date, "dmy": _day_date, "ago": _ago, "rel_day": _rel_day,
    "weekday": _weekday, "my": _month_date, "rel_unit": _rel_unit, "month": _month_date,
    "year": _year_date, "month_rel": _month_rel_year,
}
