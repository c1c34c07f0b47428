"""Amounts written in two parts or glued into one token:

* a measure and a smaller unit of the same dimension: "5 feet 2 inches", "12 ft 2 in",
  "2 hours and 30 minutes", "3 kg 200 g";
* money and its cents: "3 dollars 50 cents", "thirteen dollars and forty-five cents",
  "15 dollars 50", "C$ 100 and fifty";
* one token holding a currency and a number, or a number and a unit: "HK$10", "USD115",
  "nzd$15", "200lbs", "24703m2", "50p" (pence); "5k-20k" is read in ``numphrases``.

``attach_smaller_unit`` extends an ``Amount`` in place; ``glued_amount`` reads one token.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from storydesk.steps.extract.numbers import read_number
from storydesk.steps.extract.units import AMBIGUOUS_FORMS, CURRENCY_SYMBOLS, lookup_unit

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from storydesk.steps.extract.numphrases import Amount

__all__ = ["attach_smaller_unit", "glued_amount", "GLUED"]

# A currency written before the number in the same token ("HK$10", "USD115"), or a unit after
# it ("200lbs", "5km").
GLUED = re.compile(r"^(?P<cur>[a-z]{0,3}\$|[a-z]{3})?(?P<num>\d[\d,]*(?:\.\d+)?)"
                   r"(?P<unit>[a-z]+[23²]?)?$", re.I)
_SUBUNITS = frozenset({"cent", "cents", "pence", "penny", "p"})
# "in" is a unit only right after feet ("12 ft 2 in"): alone it is a preposition.
_INCH_AFTER_FEET = frozenset({"in"})


def glued_amount(text: str) -> tuple[float, str, str] | None:
    """``(value, unit form, kind)`` for a token like "HK$10" ("hk$", "currency") or "200lbs"
    ("lbs", "unit"); ``None`` otherwise."""
    m = GLUED.match(text)
    if m is None or bool(m["cur"]) == bool(m["unit"]):
        return None  # exactly one of the two: "10" alone or "US$10m" are read elsewhere
    reading = read_number(m["num"])
    if reading is None:
        return None
    if m["cur"]:
        cur = m["cur"].lower()
        return (reading.value, cur, "currency") if cur in CURRENCY_SYMBOLS else None
    unit = m["unit"].lower()
    if unit == "p" and reading.value < 100 and reading.value.is_integer():
        return reading.value, "pence", "unit"  # "50p"; "1080p" is a screen resolution
    if lookup_unit(unit) is None or unit in AMBIGUOUS_FORMS or len(unit) < 2:
        return None
    return reading.value, m["unit"], "unit"


def attach_smaller_unit(doc: Doc, amount: Amount) -> None:
    """Add a following smaller part of the same quantity: "5 feet 2 inches" (a number and a
    smaller unit of the same dimension) or "3 dollars 50 (cents)" (money written as a word)."""
    unit = amount.unit
    if unit is None or amount.high is not None or amount.special or amount.hedge == "range":
        return
    j, n = amount.last_token + 1, len(doc)
    if j < n and doc[j].lower_ in ("and", ","):
        j += 1
    end = _number_end(doc, j)
    if end == j:
        return
    reading = read_number(doc.text[doc[j].idx : doc[end - 1].idx + len(doc[end - 1].text)])
    if reading is None or reading.hedge or reading.value < 0:
        return
    nxt = doc[end] if end < n else None
    word = nxt.lower_ if nxt is not None else ""
    if unit.kind == "money":
        if unit.factor != 1.0 or not 0 < reading.value < 100:
            return
        if word in _SUBUNITS:
            last = end
        elif word in ("-", "–"):
            return  # "£10 one-way": a compound word, not cents
        elif nxt is None or not (nxt.is_alpha or nxt.like_num or nxt.text in ("$", "%")):
            last = end - 1  # "15 dollars 50." ends there: cents without the word
        else:
            return  # "5 dollars 3 people": another amount
        amount.value += reading.value / 100
    else:
        small = lookup_unit(word) if nxt is not None else None
        if small is None and word in _INCH_AFTER_FEET and unit.name == "foot":
            small = lookup_unit("inch")
        if small is None or small.base != unit.base or small.factor >= unit.factor:
            return
        amount.value += reading.value * small.factor / unit.factor
        last = end
    amount.last_token = last
    amount.end = doc[last].idx + len(doc[last].text)


def _number_end(doc: Doc, i: int) -> int:
    """The token after a short number ("2", "forty-five", "forty five") starting at ``i``."""
    from storydesk.steps.extract.numbers import is_number_word

    j = i
    while j < len(doc) and j - i < 3:
        tok = doc[j]
        if re.fullmatch(r"\d+(?:\.\d+)?", tok.text) and j == i:
            return j + 1
        if is_number_word(tok.text) or tok.text == "-" and j > i:
            j += 1
            continue
        break
    while j > i and doc[j - 1].text == "-":
        j -= 1
    return j
