"""Token-level reading of amounts in a spaCy Doc: the number words, the hedge before them, a range,
and the unit after them ("about six kilometers", "between 5 and 7 people", "a 3,000-strong unit",
"$3bn", "a 12-year-old").

``scan_amounts(doc)`` returns one ``Amount`` per stated amount, in text order, without deciding
whether it is worth reporting (dates, identifiers and list numbers are filtered in
``quantities.py``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from storydesk.steps.extract.bounds import (
    is_change,
    merge_bounds,
    prefix_bound,
    range_separator,
    suffix_bound,
)
from storydesk.steps.extract.compounds import attach_smaller_unit, glued_amount
from storydesk.steps.extract.numbers import read_number
from storydesk.steps.extract.numspans import (
    CURRENCY_TOKENS,
    char_end,
    is_core,
    number_end,
    shared_scale,
    span_text,
    unit_word,
)
from storydesk.steps.extract.pounds import pounds_is_weight
from storydesk.steps.extract.shares import fraction_share
from storydesk.steps.extract.units import AMBIGUOUS_FORMS, UNITS, Unit, lookup_unit

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["Amount", "scan_amounts"]


@dataclass(slots=True)
class Amount:
    """One amount as written. Token indices are half-open; ``start``/``end`` are the character
    offsets of hedge + number + unit (what a quote shows)."""

    num_start: int  # first token of the number (after hedge and currency symbol)
    num_end: int  # token after the number (after the upper bound of a range)
    start: int
    end: int
    value: float
    high: float | None = None
    hedge: str | None = None
    unit: Unit | None = None
    unit_text: str = ""
    last_token: int = 0  # last token of the whole amount (unit included)
    special: str = ""  # "age" ("12-year-old"), "strong" ("3,000-strong"), "" otherwise
    vague: bool = False  # "tens of thousands", "dozens": the words only give a lower bound


# Hedges, longest first so "no more than" wins over "more than".
_HEDGES: list[tuple[tuple[str, ...], str]] = sorted(
    [
        (("about",), "approximate"), (("around",), "approximate"), (("round",), "approximate"),
        (("approximately",), "approximate"), (("approx",), "approximate"),
        (("approx.",), "approximate"), (("roughly",), "approximate"), (("some",), "approximate"),
        (("nearly",), "approximate"), (("almost",), "approximate"), (("close", "to"), "approximate"),
        (("~",), "approximate"), (("circa",), "approximate"), (("ca.",), "approximate"),
        (("an", "estimated"), "estimated"), (("estimated",), "estimated"),
        (("at", "least"), "at_least"), (("more", "than"), "at_least"), (("over",), "at_least"),
        (("upwards", "of"), "at_least"), (("upward", "of"), "at_least"),
        (("in", "excess", "of"), "at_least"), (("a", "minimum", "of"), "at_least"),
        (("just", "over"), "at_least"), (("above",), "at_least"), (("no", "fewer", "than"), "at_least"),
        (("no", "less", "than"), "at_least"),
        (("up", "to"), "at_most"), (("less", "than"), "at_most"), (("fewer", "than"), "at_most"),
        (("under",), "at_most"), (("no", "more", "than"), "at_most"), (("at", "most"), "at_most"),
        (("below",), "at_most"), (("as", "many", "as"), "at_most"), (("just", "under"), "at_most"),
        (("a", "maximum", "of"), "at_most"),
        (("between",), "range"),
    ],
    key=lambda item: -len(item[0]),
)
_FLIPPED = {"at_least": "at_most", "at_most": "at_least"}
_BRACKETS = {"(": ")", "[": "]", "{": "}", "<": ">"}
# Scale words written after a currency code: "75 USD million" (finance style).
_CODE_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
# "5-7", "5k-20k", "20~100", "2bn-$3bn" (after "$") written as one token.
# "5%-10" (spaCy's split of "5%-10%"): the first bound's sign repeats the second's unit
_RANGE_TOKEN = re.compile(r"^(\d[\d,.]*(?:k|m|bn|mn|b)?)(%?)[-–~](?:[$€£¥]|[a-z]{1,3}\$)?"
                          r"(\d[\d,.]*(?:k|m|bn|mn|b)?)$", re.I)


def scan_amounts(doc: Doc) -> list[Amount]:
    """Every amount stated in ``doc``, in order; tokens belong to at most one amount."""
    amounts: list[Amount] = []
    i, n = 0, len(doc)
    while i < n:
        share = _fraction_share(doc, i)  # before the number: "two" in "two-thirds" is no count
        if share is not None:
            amounts.append(share)
            i = share.last_token + 1
            continue
        end = number_end(doc, i)
        reading = None
        while end > i:
            reading = read_number(span_text(doc, i, end))
            if reading is not None:
                break
            end -= 1
        if reading is None:
            ranged = _range_token(doc, i) or _glued_token(doc, i)
            if ranged is not None:
                amounts.append(ranged)
                i = ranged.last_token + 1
                continue
            i += 1
            continue
        amount = Amount(i, end, doc[i].idx, char_end(doc, end), reading.value,
                        vague=reading.hedge is not None, last_token=end - 1)
        if doc[end - 1].text.endswith(".") and doc[end - 1].is_alpha is False:
            amount.end -= 1  # the sentence's full stop is not part of "£30m"
        if reading.hedge:
            amount.hedge = reading.hedge
        _attach_range(doc, amount)
        _attach_unit(doc, amount)
        _attach_unit_range(doc, amount)
        _attach_prefix(doc, amount)
        attach_smaller_unit(doc, amount)
        suffix_bound(doc, amount)
        amounts.append(amount)
        i = amount.last_token + 1
    return merge_bounds(doc, amounts)



def _glued_token(doc: Doc, i: int) -> Amount | None:
    """"HK$10", "USD115", "200lbs": a currency or a unit glued to the number in one token."""
    glued = glued_amount(doc[i].text)
    if glued is None:
        return None
    value, form, how = glued
    unit = lookup_unit(form)
    amount = Amount(i, i + 1, doc[i].idx, char_end(doc, i + 1), value, unit=unit,
                    unit_text=form, last_token=i)
    if how == "currency":
        amount.unit_text = doc[i].text[: len(form)]
        _attach_prefix(doc, amount)  # a hedge before it
    return amount


def _range_token(doc: Doc, i: int) -> Amount | None:
    """"5-7", "5k-20k", "20~100" written as one token."""
    m = _RANGE_TOKEN.match(doc[i].text)
    if not m:
        return None
    low, high = read_number(m[1]), read_number(m[3])
    if low is None or high is None or high.value <= low.value:
        return None
    amount = Amount(i, i + 1, doc[i].idx, char_end(doc, i + 1), low.value, high.value, "range",
                    last_token=i)
    _attach_unit(doc, amount)
    if m[2] and (amount.unit is None or amount.unit.kind != "percent"):
        return None  # "5%-10 people" is no range
    _attach_prefix(doc, amount)
    return amount


def _fraction_share(doc: Doc, i: int) -> Amount | None:
    """A hedged or plural fraction of a group as a share (see ``shares.fraction_share``)."""
    found = fraction_share(doc, i)
    if found is None:
        return None
    end, percent, plural_of = found
    amount = Amount(i, end, doc[i].idx, char_end(doc, end), percent,
                    unit=lookup_unit("percent"), last_token=end - 1)
    _attach_prefix(doc, amount)
    # without a hedge only "two thirds of ..." is surely a share ("the second half" is not)
    return amount if amount.hedge is not None or plural_of else None


# -- around the number -----------------------------------------------------------------------------


def _attach_range(doc: Doc, amount: Amount) -> None:
    """"5 to 7", "5-7", "five or six", and "between 5 and 7" (the "between" is read as a hedge)."""
    j, n = amount.num_end, len(doc)
    if j + 1 >= n:
        return
    sep = doc[j].lower_
    lead = amount.num_start - 1
    if lead > 0 and doc[lead].lower_ in CURRENCY_TOKENS:
        lead -= 1  # "between $50,000 and $60,000"
    between = lead >= 0 and doc[lead].lower_ == "between"
    from_ = lead >= 0 and doc[lead].lower_ == "from"
    if between and sep != "and":
        return
    if from_ and sep == "up" and j + 2 < n and doc[j + 1].lower_ == "to":
        j, sep = j + 1, "to"  # "from 20 up to 30"
    if sep not in ("-", "–", "~", "to", "or", "and", "through", "thru"):
        return
    if sep == "and" and not between:
        return
    if sep == "to" and from_ and is_change(doc, lead):
        return  # "rose from 5 to 7": a change, not a range
    spaced = doc[j - 1].whitespace_ or doc[j].whitespace_
    if sep == "-" and spaced and amount.value < 100:
        return  # "3 - 1" with spaces is more often a score or a list than a range
    k = j + 1
    if doc[k].lower_ in CURRENCY_TOKENS:
        k += 1  # "$5 to $7"
    end = number_end(doc, k)
    reading = read_number(span_text(doc, k, end)) if end > k else None
    if reading is None:
        return
    low = amount.value * shared_scale(doc, amount.num_start, amount.num_end, k, end, amount.value)
    if reading.value <= low:
        return
    amount.value, amount.high = low, reading.value
    amount.hedge = "range"
    amount.num_end = end
    amount.last_token = end - 1
    amount.end = char_end(doc, end)


def _attach_unit_range(doc: Doc, amount: Amount) -> None:
    """"5% to 10%", "between 5% and 10%", "40 per cent - 45 per cent": a range whose bounds each
    carry the same unit (a bare second number, "5% to 10", is left alone)."""
    if amount.high is not None or amount.unit is None or amount.special:
        return
    j, n = amount.last_token + 1, len(doc)
    if j + 2 >= n or not range_separator(doc, amount.num_start, j):
        return
    k = j + 1
    end = number_end(doc, k)
    reading = read_number(span_text(doc, k, end)) if end > k else None
    if reading is None or reading.value <= amount.value:
        return
    second = Amount(k, end, doc[k].idx, char_end(doc, end), reading.value, last_token=end - 1)
    _attach_unit(doc, second)
    if second.unit is None or second.unit.name != amount.unit.name or second.special:
        return
    amount.high = reading.value
    amount.hedge = "range"
    amount.num_end = end
    amount.last_token = second.last_token
    amount.end = second.end


def _attach_unit(doc: Doc, amount: Amount) -> None:
    """The unit right after the number: "miles", "per cent", "-strong", "-year-old", "dollars"."""
    j, n = amount.num_end, len(doc)
    if j >= n:
        return
    tok = doc[j]
    if tok.is_space:
        return
    if tok.lower_ in ("a", "an") and doc[amount.num_start].lower_ == "half" and j + 1 < n:
        j, tok = j + 1, doc[j + 1]  # "half a percent"
    if tok.lower_ in ("yo", "y/o", "y.o.", "y.o"):
        _set_unit(doc, amount, lookup_unit("years"), "years", j, special="age")
        return  # "an 87 yo man"
    # Hyphenated compounds: "3,000-strong", "12-year-old", "10-kilometre", "24-hour".
    if tok.text == "-" and not doc[j - 1].whitespace_ and j + 1 < n:
        word = doc[j + 1].lower_
        if (word == "percentage" and j + 3 < n and doc[j + 2].text == "-"
                and doc[j + 3].lower_ in ("point", "points")):
            _set_unit(doc, amount, lookup_unit("percentage point"), span_text(doc, j + 1, j + 4), j + 3)
            return  # "a 3.5-percentage-point rise"
        if word == "strong":
            _set_unit(doc, amount, None, "strong", j + 1, special="strong")
            return
        if word == "year" and j + 3 < n and doc[j + 2].text == "-" and doc[j + 3].lower_ == "old":
            _set_unit(doc, amount, lookup_unit("years"), "years", j + 3, special="age")
            return
        if word == "year" and j + 2 < n and doc[j + 2].lower_ == "old":
            _set_unit(doc, amount, lookup_unit("years"), "years", j + 2, special="age")
            return  # "a one-year old infant"
        unit = lookup_unit(word)
        if unit is not None and word not in AMBIGUOUS_FORMS:
            _set_unit(doc, amount, unit, doc[j + 1].text, j + 1)
        return
    if (tok.lower_ == "percentage" and j + 2 < n and doc[j + 1].text == "-"
            and doc[j + 2].lower_ in ("point", "points")):
        _set_unit(doc, amount, lookup_unit("percentage point"), span_text(doc, j, j + 3), j + 2)
        return  # "a 3.5 percentage-point rise"
    for size in (4, 3, 2):  # "square miles", "Hong Kong dollars", "United Arab Emirates dirham"
        words = doc[j : j + size]
        if len(words) < size or any(t.is_space for t in words) or not tok.whitespace_:
            continue
        unit = lookup_unit(" ".join(t.lower_ for t in words))
        if unit is not None:
            _set_unit(doc, amount, unit, span_text(doc, j, j + size), j + size - 1)
            return
    if tok.text in _BRACKETS and j + 2 < n and doc[j + 2].text == _BRACKETS[tok.text]:
        unit = lookup_unit(doc[j + 1].text)
        if unit is not None and unit.kind != "money" and unit_word(doc[j + 1].lower_):
            _set_unit(doc, amount, unit, span_text(doc, j, j + 3), j + 2)
        return  # "20 [kg]", "5 (km)": a unit written in brackets, as in tables
    unit = lookup_unit(tok.text)
    if unit is None:
        return
    if (unit.kind == "money" and tok.text.isupper() and j + 1 < n
            and doc[j + 1].lower_ in _CODE_SCALES):
        amount.value *= _CODE_SCALES[doc[j + 1].lower_]
        _set_unit(doc, amount, unit, span_text(doc, j, j + 2), j + 1)
        return  # "75 USD million"
    if unit.kind == "money" and tok.lower_ in CURRENCY_TOKENS and _symbol_starts_next(doc, j):
        return  # "5 $10 bills": a symbol before a number belongs to that number
    if tok.lower_ in ("pound", "pounds") and unit.kind == "money" and pounds_is_weight(
            doc, amount.num_start, amount.num_end, j):
        unit = UNITS["lb"]  # "weighs 180 pounds", "20 pounds of cocaine"
    special = ""
    if unit.name == "year" and j + 1 < n and doc[j + 1].lower_ == "old":
        special, end = "age", j + 1  # "19 years old"
    else:
        end = j
    _set_unit(doc, amount, unit, tok.text, end, special=special)


def _symbol_starts_next(doc: Doc, j: int) -> bool:
    """Whether the currency symbol at ``j`` belongs to the number after it, not the one before:
    "10 $ 30 $" and "10 rmb 20 usd" give each number the unit after it, "5 $10" gives $ to 10."""
    n = len(doc)
    if j + 1 >= n or not is_core(doc[j + 1]):
        return False
    end = number_end(doc, j + 1)
    after = lookup_unit(doc[end].text) if end < n else None
    return not (after is not None and after.kind == "money")  # "10 rmb 20 usd": 20's own unit


def _set_unit(doc: Doc, amount: Amount, unit: Unit | None, text: str, last: int,
              special: str = "") -> None:
    amount.last_token = last
    amount.end = char_end(doc, last + 1)
    if text.endswith(".") and text.lower() not in UNITS:
        text, amount.end = text[:-1], amount.end - 1  # "100 m." ends a sentence
    amount.unit, amount.unit_text, amount.special = unit, text, special


def _attach_prefix(doc: Doc, amount: Amount) -> None:
    """A currency symbol and a hedge before the number ("about $5", "an estimated 18", "~300")."""
    k = amount.num_start
    taken = k > 1 and is_core(doc[k - 2]) and not _symbol_starts_next(doc, k - 1)
    if k > 0 and doc[k - 1].lower_ in CURRENCY_TOKENS and not taken:
        k -= 1
        symbol = doc[k].lower_
        letters = doc[k - 1] if k > 0 else None
        if (symbol == "$" and letters is not None and f"{letters.lower_}$" in CURRENCY_TOKENS
                and (not letters.whitespace_ or letters.lower_ not in ("a", "r"))):
            k -= 1  # "HK $ 10", "C $ 300": the country letters and the dollar sign
            symbol = f"{doc[k].lower_}$"
        currency = lookup_unit(symbol)
        if amount.unit is None or amount.unit.kind != "money":
            text = doc[k].text if symbol == doc[k].lower_ else f"{doc[k].text}$"
            amount.unit, amount.unit_text = currency, text
    amount.start = doc[k].idx
    first = doc[amount.num_start].text
    if first[:1] in ("~", "≈") and amount.hedge is None:
        amount.hedge = "approximate"
    words = [t.lower_ for t in doc[max(0, k - 3) : k]]
    for phrase, hedge in _HEDGES:
        if tuple(words[-len(phrase) :]) == phrase and len(words) >= len(phrase):
            if hedge == "range" and amount.high is None:
                return  # "between" without a second number
            lead = k - len(phrase)
            if hedge in _FLIPPED and lead > 0 and doc[lead - 1].lower_ == "not":
                hedge, lead = _FLIPPED[hedge], lead - 1  # "not more than 20" is at most 20
            if amount.high is None or hedge == "range":
                amount.hedge = hedge  # "about 5-7" stays a range: the bounds say more
            amount.start = doc[lead].idx
            return
    if amount.hedge is None:
        before = doc.text[max(0, doc[k].idx - 60) : doc[k].idx]
        bound = prefix_bound(before)
        if bound is not None:
            amount.hedge, amount.start = bound[0], doc[k].idx - bound[1]
