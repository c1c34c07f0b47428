"""find_dates: absolute and relative dates resolved against the publication date; TempEval-3."""

from __future__ import annotations

import datetime as dt
import html
import re
import tarfile

import pytest

from storydesk.model import DateMention
from storydesk.steps.extract import find_dates

PUBLISHED = dt.date(2024, 10, 17)  # a Thursday


def _dates(nlp, text: str, published: dt.date | None = PUBLISHED) -> dict[str, DateMention]:
    return {text[d.span.start : d.span.end]: d for d in find_dates(nlp(text), published)}


@pytest.mark.parametrize(
    ("text", "quote", "resolved", "granularity"),
    [
        ("Suspilne reported on Oct. 15, citing officials.", "Oct. 15", "2024-10-15", "day"),
        ("It was posted on October 15, 2024 8:20 PM.", "October 15, 2024", "2024-10-15", "day"),
        ("The leaders met on 15 October.", "15 October", "2024-10-15", "day"),
        ("Putin visited North Korea in June.", "June", "2024-06-01", "month"),
        ("Fighting began in March 2022.", "March 2022", "2022-03-01", "month"),
        ("This Thursday, in Brussels, Zelensky spoke.", "This Thursday", "2024-10-17", "day"),
        ("Zelensky told lawmakers on Wednesday that talks stalled.", "Wednesday", "2024-10-16",
         "day"),
        ("Zelensky said on Thursday that troops were ready.", "Thursday", "2024-10-17", "day"),
        ("Kim sent Putin a message just last week.", "last week", "2024-10-07", "week"),
        ("Tensions escalated this week.", "this week", "2024-10-14", "week"),
        ("Yesterday, officials confirmed it.", "Yesterday", "2024-10-16", "day"),
        ("Earlier this year, the pact was signed.", "Earlier this year", "2024-01-01", "year"),
        ("The treaty was signed in 2010.", "2010", "2010-01-01", "year"),
        ("He left two weeks ago.", "two weeks ago", "2024-09-30", "week"),
        ("The summit will be held next Monday.", "next Monday", "2024-10-21", "day"),
    ],
)
def test_dates_resolve_against_publication(nlp, text, quote, resolved, granularity) -> None:
    found = _dates(nlp, text)
    assert quote in found, found
    assert found[quote].resolved == dt.date.fromisoformat(resolved)
    assert found[quote].granularity == granularity


@pytest.mark.parametrize(
    ("text", "published", "resolved"),
    [("Prices rose sharply in December.", "2024-03-10", "2023-12-01"),  # months ahead: last year
     ("The vote is set for Nov. 16.", "2024-11-01", "2024-11-16"),  # weeks ahead: this year
     ("Talks will resume in January.", "2024-11-01", "2025-01-01")],
)
def test_dates_without_year_take_the_nearest_sensible_year(nlp, text, published, resolved) -> None:
    found = find_dates(nlp(text), dt.date.fromisoformat(published))
    assert [d.resolved for d in found] == [dt.date.fromisoformat(resolved)]


def test_future_tense_weekday_is_the_coming_one(nlp) -> None:
    found = _dates(nlp, "The ministers will meet on Monday.", dt.date(2024, 10, 17))
    assert found["Monday"].resolved == dt.date(2024, 10, 21)


def test_last_weekday_on_that_weekday_is_a_week_before(nlp) -> None:
    found = _dates(nlp, "The strike happened last Thursday.")
    assert found["last Thursday"].resolved == dt.date(2024, 10, 10)


@pytest.mark.parametrize(
    ("text", "quote"),
    [("This Thursday, in Brussels, Zelensky spoke.", "This Thursday"),
     ("Suspilne reported on Oct. 15, citing officials.", "Oct. 15"),
     ("Kim sent Putin a message last week.", "last week"),
     ("Yesterday, officials confirmed it.", "Yesterday"),
     ("Putin visited North Korea in June.", "June")],
)
def test_without_publication_date_relative_dates_stay_unresolved(nlp, text, quote) -> None:
    found = _dates(nlp, text, None)
    assert quote in found
    assert found[quote].resolved is None


def test_without_publication_date_absolute_dates_still_resolve(nlp) -> None:
    found = _dates(nlp, "It was posted on October 15, 2024 and amended in 2010.", None)
    assert found["October 15, 2024"].resolved == dt.date(2024, 10, 15)
    assert found["2010"].resolved == dt.date(2010, 1, 1)


@pytest.mark.parametrize(
    "text",
    ["The first such visit in 24 years.", "A 12-year-old boy was hurt.",
     "The ceasefire lasted two weeks.", "No dates here.", ""],
)
def test_durations_and_ages_are_not_dates(nlp, text) -> None:
    assert find_dates(nlp(text), PUBLISHED) == []


def test_two_dates_in_one_entity_are_two_mentions(nlp) -> None:
    found = _dates(nlp, "It happened on Oct. 15 and October 16, 2024.", None)
    assert "October 16, 2024" in found and "Oct. 15" in found


# -- TempEval-3 platinum: resolution of the DATE timexes the finder matches ------------------------
# Measured on the 20 TE3-platinum documents: 72 of 74 gold DATE timexes with a calendar value
# matched, 71 of 72 resolved exactly (98.6%); on TimeBank+AQUAINT (257 docs) 90.4% of 1,031.
TEMPEVAL_ACCURACY_FLOOR = 0.93
TEMPEVAL_MATCH_FLOOR = 0.9
_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
_CALENDAR_VALUE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?|\d{4}-W\d{2}")


def _parse_timeml(xml: str) -> tuple[dt.date, str, list[tuple[int, int, dict[str, str]]]]:
    dct = re.search(r'<DCT>.*?value="([^"]+)"', xml, re.S)
    assert dct is not None
    body = xml[xml.index("<TEXT>") + 6 : xml.index("</TEXT>")]
    parts: list[str] = []
    timexes, opened, pos, length = [], None, 0, 0
    for m in _TAG.finditer(body):
        chunk = html.unescape(body[pos : m.start()])
        parts.append(chunk)
        length += len(chunk)
        pos = m.end()
        if m[2] == "TIMEX3":
            if m[1] == "":
                opened = (length, dict(re.findall(r'(\w+)="([^"]*)"', m[3])))
            elif opened is not None:
                timexes.append((opened[0], length, opened[1]))
    parts.append(html.unescape(body[pos:]))
    return dt.date.fromisoformat(dct[1][:10]), "".join(parts), timexes


def _as_timex_value(mention: DateMention) -> str | None:
    r = mention.resolved
    if r is None:
        return None
    if mention.granularity == "week":
        year, week, _ = r.isocalendar()
        return f"{year}-W{week:02d}"
    return {"day": r.isoformat(), "month": r.strftime("%Y-%m"), "year": str(r.year)}[
        mention.granularity
    ]


def test_tempeval3_platinum_date_resolution(nlp, datasets_dir) -> None:
    archive = datasets_dir / "tempeval3" / "TempEval3_platinum_TBAQ.tar.xz"
    if not archive.is_file():
        pytest.skip("tempeval3 archive is not in the datasets folder")
    gold = matched = correct = 0
    with tarfile.open(archive) as tar:
        for member in tar.getmembers():
            if not (member.name.startswith("TempEval3/Evaluation/te3-platinum/")
                    and member.name.endswith(".tml")):
                continue
            handle = tar.extractfile(member)
            assert handle is not None
            dct, text, timexes = _parse_timeml(handle.read().decode("utf-8"))
            mentions = find_dates(nlp(text), dct)
            for start, end, attrs in timexes:
                if attrs.get("type") != "DATE" or not _CALENDAR_VALUE.fullmatch(
                    attrs.get("value", "")
                ):
                    continue
                gold += 1
                hits = [d for d in mentions if d.span.start < end and start < d.span.end]
                if hits:
                    matched += 1
                    correct += _as_timex_value(hits[0]) == attrs["value"]
    assert gold > 50
    assert matched / gold >= TEMPEVAL_MATCH_FLOOR, f"matched {matched}/{gold}"
    assert correct / matched >= TEMPEVAL_ACCURACY_FLOOR, f"correct {correct}/{matched}"
