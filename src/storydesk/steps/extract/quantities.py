"""Quantities in an article: counts, distances, money, durations, percentages, ages.

``find_quantities(doc)`` reads every amount (``numphrases.scan_amounts``), drops what is not a
quantity — years and other date parts, times, ordinals, list and gallery numbers ("1 / 13"),
phone numbers, numbers inside URLs and handles, identifiers ("Article 5", "Covid-19"), "one of" —
normalises the unit (``units.normalize``) and says what is counted (``counted.describe_counted``).

A conversion in parentheses ("around 7 kilometers (4 miles)") restates the same quantity: only the
main value is kept, so one statement is one ``Quantity`` (the compare stage would otherwise see the
article twice).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from storydesk.model import Quantity, Span
from storydesk.steps.extract.counted import describe_counted
from storydesk.steps.extract.negation import find_negated_counts
from storydesk.steps.extract.numphrases import Amount, scan_amounts
from storydesk.steps.extract.units import lookup_unit, normalize

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["find_quantities"]

MONTHS = frozenset(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "jan", "jan.", "feb", "feb.", "mar", "mar.", "apr", "apr.", "jun", "jun.", "jul", "jul.", "aug", "aug.", "sep", "sep.", "sept", "sept.", "oct", "oct.", "nov", "nov.", "dec", "dec."]
)
WEEKDAYS = frozenset(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])
_DATE_WORDS = MONTHS | WEEKDAYS | frozenset(
    ["ago", "today", "yesterday", "tomorrow", "century", "decade", "year", "years", "week", "weeks", "month", "months", "day", "days", "spring", "summer", "autumn", "fall", "winter", "morning", "evening", "night"]
)
_TIME_AFTER = frozenset({"a.m.", "p.m.", "am", "pm", "a.m", "p.m", "gmt", "utc", "o'clock",
                         "hrs", "cet", "est", "edt", "bst", "kyiv", "local"})
_DATE_OFFSETS = frozenset({"ago", "earlier", "later", "before", "after", "prior"})
_ID_WORDS = frozenset({"no", "no.", "nos", "number", "#", "article", "section", "chapter",
                       "paragraph", "clause", "resolution", "page", "p.", "pp.", "vol", "vol.",
                       "room", "flight", "route", "highway", "line", "gate", "level", "phase",
                       "episode", "season", "part", "item", "rule", "model", "version", "grade",
                       "class", "category", "covid", "g", "f", "su", "mig", "t", "il", "tu"})
# Headline case capitalises verbs: "Shooting Kills 1 Person, Wounds 5" is no "Windows 10".
_VERBS_BEFORE_COUNTS = frozenset({"kills", "kill", "killed", "wounds", "wounded", "injures",
                                  "injured", "leaves", "leave", "left", "hurts", "hurt", "shoots",
                                  "shot", "hits", "claims", "claimed", "takes", "sends", "arrests",
                                  "arrested", "charges", "charged", "injuring", "wounding",
                                  "killing", "leaving", "and", "with", "among", "including"})
_CASUALTY_VERBS = frozenset({"killed", "killing", "kills", "wounded", "wounding", "wounds",
                             "injured", "injuring", "injures", "hurt", "hurting"})
_CASUALTY_STATES = frozenset({"fatally", "dead", "died", "dies", "killed", "slain", "deceased",
                              "injured", "wounded", "hurt", "critically", "seriously"})
_AUXILIARIES = frozenset({"is", "was", "were", "are", "has", "have", "had", "been", "later",
                          "also", "reportedly", "being", "found", "pronounced", "declared"})
_GALLERY_WORDS = frozenset({"image", "photo", "picture", "slide", "page", "video", "item",
                            "part", "story"})
_STREETS = frozenset({"street", "st", "avenue", "ave", "road", "rd", "boulevard", "blvd", "lane",
                      "ln", "drive", "dr", "court", "ct", "place", "pl", "parkway", "pkwy"})
# URLs, @handles, e-mail addresses and phone numbers: digits there are never quantities.
_BLOCKED = re.compile(
    r"(?:https?://|www\.)\S+|\S+\.(?:com|org|net|co|ua|ru|uk|io)/\S*|[@#]\w+|\S+@\S+\.\w+"
    r"|(?<![\w,.])\+?\(?\d{1,4}\)?(?:[ .-]\(?\d{2,4}\)?){2,4}(?![\w,]|\.\d)",
)


def find_quantities(doc: Doc) -> list[Quantity]:
    """Every quantity stated in ``doc``, in text order; offsets are into ``doc.text``."""
    blocked = [m.span() for m in _BLOCKED.finditer(doc.text) if _is_blocked_match(m[0])]
    found: list[Quantity] = []
    for amount in scan_amounts(doc):
        if _overlaps(amount, blocked) or _not_a_quantity(doc, amount):
            continue
        if _is_appositive_age(doc, amount):
            amount.special, amount.unit, amount.unit_text = "age", lookup_unit("years"), "years"
        found.append(_to_quantity(doc, amount))
    found = _drop_conversions(doc.text, found)
    # "no one was injured" states a zero as surely as "two were injured" states a two
    zeros = [z for z in find_negated_counts(doc)
             if not any(z.span.overlaps(q.span) for q in found)]
    return sorted(found + zeros, key=lambda q: q.span.start) if zeros else found


def _is_blocked_match(text: str) -> bool:
    # The phone pattern also matches "10 000 000"; real phone numbers have separators other than
    # single spaces, or a leading "+".
    return not re.fullmatch(r"[\d ]+", text)


def _overlaps(amount: Amount, blocked: list[tuple[int, int]]) -> bool:
    return any(amount.start < end and start < amount.end for start, end in blocked)


def _to_quantity(doc: Doc, amount: Amount) -> Quantity:
    unit = amount.unit
    value = amount.value
    if amount.special == "age":
        kind, base, norm = "other", "years", value
    elif unit is not None:
        norm, base, kind = normalize(value, unit.name)
    else:
        norm, base, kind = value, "count", "count"
    counted = describe_counted(doc, amount, kind, base)
    # For counts the unit is the counted noun ("soldiers"); for measures, the unit as written.
    unit_text = amount.unit_text if unit is not None else counted.noun
    sent = doc[amount.num_start].sent
    return Quantity(
        span=Span(amount.start, amount.end),
        value=value,
        kind=kind,
        unit=unit_text,
        normalized_value=norm,
        normalized_unit=base,
        high=amount.high,
        hedge=amount.hedge,
        counted=counted.words,
        counted_span=counted.span,
        sentence=Span(sent.start_char, sent.end_char),
    )


# -- what is not a quantity -----------------------------------------------------------------------


def _not_a_quantity(doc: Doc, amount: Amount) -> bool:
    first, last_num = doc[amount.num_start], doc[amount.num_end - 1]
    words = doc.text[first.idx : last_num.idx + len(last_num.text)].lower()
    after = doc[amount.last_token + 1] if amount.last_token + 1 < len(doc) else None
    before = doc[amount.num_start - 1] if amount.num_start > 0 else None
    if words == "one" and before is not None and before.lower_ in ("no", "not"):
        return True  # "no one was injured" is a zero (see negation.py), never a one
    if (words == "one" and amount.unit is None and not _modifies_noun(first)
            and not _states_casualty(doc, amount.last_token + 1)
            and not (before is not None and before.lower_ in _CASUALTY_VERBS)):
        return True  # "one of", "the one who", "one another": a pronoun, not a count
    if (amount.unit is None and not amount.special and after is not None and after.text == "-"
            and not doc[amount.num_end - 1].whitespace_):
        return True  # "a five-point plan", "a two-way street": an adjective, not a count
    if _is_identifier(doc, amount, before, after) or _is_address(doc, amount):
        return True
    if _is_list_marker(doc, amount, before, after):
        return True
    if amount.unit is not None and amount.unit.kind == "duration" and amount.special != "age":
        return after is not None and after.lower_ in _DATE_OFFSETS  # "24 years ago" is a date
    if amount.unit is not None or amount.special:
        return False
    return _is_date_or_time(doc, amount, before, after)


def _states_casualty(doc: Doc, i: int) -> bool:
    """"(six were shot,) one fatally", "one is dead", "one was later found dead": a count."""
    for tok in doc[i : min(len(doc), i + 4)]:
        if tok.lower_ in _CASUALTY_STATES:
            return True
        if tok.lower_ not in _AUXILIARIES:
            return False
    return False


def _is_appositive_age(doc: Doc, amount: Amount) -> bool:
    """"John Smith, 24, was shot": a bare number between commas after a name is an age."""
    start, end = amount.num_start, amount.last_token + 1
    if amount.unit is not None or amount.hedge or start < 2 or end >= len(doc):
        return False
    name, comma, after = doc[start - 2], doc[start - 1], doc[end]
    return (
        comma.text == "," and after.text in (",", ")", ";")
        and (name.pos_ == "PROPN" or name.ent_type_ == "PERSON")
        and amount.value.is_integer() and 0 < amount.value < 120
    )


def _is_address(doc: Doc, amount: Amount) -> bool:
    """"the 5500 block of Main Street", "1200 West Madison Street": house numbers (a numeral
    without a unit: "a four-mile drive" is a distance)."""
    if amount.unit is not None or not doc[amount.num_start].text[:1].isdigit():
        return False
    following = doc[amount.last_token + 1 : amount.last_token + 5]
    if following and following[0].lower_ == "block":
        return True
    for tok in following:
        if tok.lower_.rstrip(".") in _STREETS:
            return True
        if not tok.is_title:
            return False
    return False


def _modifies_noun(tok: Token) -> bool:
    return tok.dep_ in ("nummod", "quantmod") and tok.head.pos_ in ("NOUN", "PROPN")


def _is_identifier(doc: Doc, amount: Amount, before: Token | None, after: Token | None) -> bool:
    if amount.hedge is not None or amount.start != doc[amount.num_start].idx:
        return False  # a hedge or currency symbol makes it an amount
    if before is None:
        return False
    if before.text in ("-", "–") and before.whitespace_ == "" and amount.num_start >= 2:
        glued = doc[amount.num_start - 2]
        return glued.is_alpha and glued.whitespace_ == ""  # "Covid-19", "Su-34"
    if before.lower_ in _ID_WORDS:
        return True
    if before.lower_ in _VERBS_BEFORE_COUNTS or (after is not None and after.tag_ in ("NNS", "NNPS")
                                                  and after.lower_ not in _STREETS):
        return False
    # "Windows 10", "Apollo 11": a capitalised name directly followed by a bare number.
    return (
        (before.is_title or before.is_upper)
        and before.pos_ in ("PROPN", "NOUN")
        and before.ent_type_ not in ("GPE", "NORP", "PERSON")
        and before.lower_ not in MONTHS
    )


def _is_list_marker(doc: Doc, amount: Amount, before: Token | None, after: Token | None) -> bool:
    if after is not None and after.text in ("/", "of") and amount.unit is None:
        nxt = doc[after.i + 1] if after.i + 1 < len(doc) else None
        if after.text == "/" or (nxt is not None and nxt.like_num and not nxt.is_alpha):
            return True  # "1 / 13", "3 of 12" (galleries, pagination)
    if before is not None and before.text == "/":
        return True
    if (before is not None and before.lower_ == "of" and before.i >= 2
            and doc[before.i - 1].like_num and doc[before.i - 2].lower_ in _GALLERY_WORDS):
        return True  # the 10 of "Image 2 of 10"
    line_start = before is None or "\n" in before.text or "\n" in before.whitespace_ or (
        doc.text[before.idx + len(before.text) : doc[amount.num_start].idx].count("\n") > 0
    )
    return line_start and after is not None and after.text in (".", ")", ":")


def _is_date_or_time(doc: Doc, amount: Amount, before: Token | None, after: Token | None) -> bool:
    first = doc[amount.num_start]
    text = first.text
    if amount.num_end - amount.num_start == 1 and re.fullmatch(r"\d{4}", text):
        year = int(text)
        if 1800 <= year <= 2100 and not (first.dep_ == "nummod" and first.head.tag_ == "NNS"):
            return True  # "in 2024", "the 2024 election"
    if after is not None and (after.lower_ in _TIME_AFTER or after.lower_ in MONTHS
                              and after.text != "may"):
        return True  # "8 p.m.", "15 October"; "12 and over may enter" is the verb
    if before is not None and (before.lower_ in MONTHS or before.lower_ in WEEKDAYS):
        return True  # "Oct. 15", "Monday 14"
    if before is not None and before.text == "," and before.i > 0:
        prev = doc[before.i - 1]
        if prev.like_num and prev.i > 0 and doc[prev.i - 1].lower_ in MONTHS:
            return True  # the year in "October 15, 2024"
    if first.ent_type_ in ("DATE", "TIME"):
        ent = next((e for e in doc.ents if e.start <= first.i < e.end), None)
        if ent is not None and any(t.lower_ in _DATE_WORDS for t in ent):
            return True
    # "two days later" tagged as a date by the model
    return after is not None and after.lower_ in _DATE_OFFSETS and first.ent_type_ == "DATE"


def _drop_conversions(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """Drop "(4 miles)" right after "7 kilometers": a conversion, not a second statement."""
    kept: list[Quantity] = []
    for q in quantities:
        if kept:
            prev = kept[-1]
            between = text[prev.span.end : q.span.start]
            # "5000 or less than 6000" are two counts; only a measure is restated in another unit
            restated = between.strip() in ("(", "[") or (
                between.strip() in (", or", "or", "/") and q.kind != "count"
                and q.unit.lower() != prev.unit.lower())
            if restated and prev.kind == q.kind:
                continue
        kept.append(q)
    return kept
