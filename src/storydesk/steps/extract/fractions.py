"""Fractions as news writes them: "half", "a third", "two-thirds", "three quarters", "1/4",
"2 1/2", "½", "one and a half", "3 million and a half", "half a million", "a quarter million".

``read_fraction(text, read_whole)`` gives the value or ``None``; ``read_whole`` reads the whole
part and the numerator (``numbers.parse_number``), passed in to keep the two modules apart.
Ratios written with "over" or "out of" ("one over three", "two out of five") are not read: in news
"over 300" is a lower bound and "two out of five" a proportion of something else.
"""

from __future__ import annotations

import re
from collections.abc import Callable

__all__ = ["read_fraction", "ordinal_value"]

_VULGAR = {"½": 0.5, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 0.25, "¾": 0.75, "⅕": 0.2, "⅖": 0.4,
           "⅗": 0.6, "⅘": 0.8, "⅙": 1 / 6, "⅚": 5 / 6, "⅛": 0.125, "⅜": 0.375, "⅝": 0.625,
           "⅞": 0.875}
_IRREGULAR = {"first": 1, "second": 2, "third": 3, "fourth": 4, "quarter": 4, "fifth": 5,
              "eighth": 8, "ninth": 9, "twelfth": 12, "half": 2}
# "fourth" is four + th; the irregular ones ("fifth", "eighth") are in _IRREGULAR.
_TH_STEMS = {"four": 4, "six": 6, "seven": 7, "ten": 10, "eleven": 11, "thirteen": 13,
             "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
             "nineteen": 19}
_UNITS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_TENS = frozenset({"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"})
_SLASH = re.compile(r"^(?:(?P<whole>\d+)(?:\s+|-))?(?P<num>\d+)/(?P<den>\d+)$")
# Denominators fractions are written with; "9/11" and "24/7" are names, "1/13" a gallery counter.
_DENOMINATORS = frozenset({2, 3, 4, 5, 6, 8, 10, 12, 16, 32, 64, 100})
_PART_WORDS = frozenset({"half", "quarter", "a", "one"})
_SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}

Reader = Callable[[str], "float | None"]


def ordinal_value(word: str) -> int | None:
    """The number an ordinal word names, singular or plural ("thirds" 3, "twenty-fifth" 25,
    "hundredths" 100, "quarter" 4); ``None`` for any other word."""
    w = word.lower().replace(" - ", "-").strip()
    if w.endswith("s") and not w.endswith("ss"):
        w = w[:-1]
    if "-" in w:
        tens, _, unit = w.partition("-")
        last = ordinal_value(unit)
        return _tens_value(tens) + last if tens in _TENS and last and last < 10 else None
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    if w.endswith("ieth") and w[:-4] + "y" in _TENS:
        return _tens_value(w[:-4] + "y")
    if w.endswith("th"):
        stem = w[:-2]
        if stem in _TH_STEMS:
            return _TH_STEMS[stem]
        if stem in _SCALES:
            return int(_SCALES[stem])
    return None


def _tens_value(word: str) -> int:
    order = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
    return 20 + 10 * order.index(word)


def read_fraction(text: str, read_whole: Reader) -> float | None:
    """The value of the fraction ``text`` states (lower-cased, spaces normalised), or ``None``."""
    t = text.strip()
    if not t:
        return None
    if t in _VULGAR:
        return _VULGAR[t]
    if t[-1] in _VULGAR and t[:-1].strip().isdigit():
        return int(t[:-1]) + _VULGAR[t[-1]]  # "2½"
    m = _SLASH.match(t)
    if m:
        den = int(m["den"])
        if den not in _DENOMINATORS or int(m["num"]) >= den:
            return None
        return (int(m["whole"]) if m["whole"] else 0) + int(m["num"]) / den
    head, _, last = t.rpartition(" ")
    if last in _SCALES and head and _is_mixed(head):
        # "two and a half million", "1 1/2 billion": the scale word scales the whole
        mixed = read_fraction(head, read_whole)
        return mixed * _SCALES[last] if mixed is not None else None
    if " and " in t:
        return _whole_and_part(t, read_whole)
    words = t.replace(" - ", "-").split(" ")
    parts = set(words[:-1])
    if words[-1] in _SCALES and parts & {"half", "quarter"} and parts <= _PART_WORDS:
        # "half a million", "a quarter million", "half million"
        return (0.5 if "half" in parts else 0.25) * _SCALES[words[-1]]
    if words[-1] in _SCALES and len(words) > 2:
        # "three quarters billion", "two thirds of a million": a fraction of the scale
        head = " ".join(words[:-1]).removesuffix(" a").removesuffix(" of")
        part = _simple(head.split(" "), read_whole)
        return part * _SCALES[words[-1]] if part is not None and part < 1 else None
    return _simple(words, read_whole)


def _is_mixed(text: str) -> bool:
    """A whole number and a fraction with no scale word in them: "2 1/2", "two and a half"."""
    if any(word in _SCALES for word in text.split(" ")):
        return False  # "one billion and a quarter" + "million" is a sum, read below
    return "/" in text or " and " in text or text[-1] in _VULGAR


def _simple(words: list[str], read_whole: Reader) -> float | None:
    """"two thirds", "one-eighth", "a hundredth", "three quarters", "half"."""
    if len(words) == 1 and "-" in words[0]:
        lead, _, tail = words[0].partition("-")
        if ordinal_value(tail) and lead in _UNITS + ("a",) and tail.rstrip("s") != "first":
            words = [lead, tail]  # "one-eighth", but "twenty-fifth" is one ordinal
    den = ordinal_value(words[-1])
    if den is None or den < 2:
        return None
    head = words[:-1]
    if len(head) >= 2 and head[-1] in _TENS and "-" not in words[-1]:
        den += _tens_value(head.pop())  # "one hundred thirty fifths": 100 / 35
    if not head:
        return 1 / den if words[-1].rstrip("s") in ("half", "quarter") else None
    if head in (["a"], ["an"]):
        return 1 / den
    num = read_whole(" ".join(head))
    if num is None:
        return None
    if (num == 1) == words[-1].endswith("s") or (den == 2 and num != 1):
        # "two fifths" but "one fifth": "one hundred twenty fifth" is an ordinal
        return None
    return num / den


def _whole_and_part(t: str, read_whole: Reader) -> float | None:
    """"one and a half", "three and one fourth", "3 million and a half" (half a million more);
    "one hundred and three quarters" is 100.75, as a fraction after "hundred" reads."""
    whole_text, _, part_text = t.rpartition(" and ")
    part = read_fraction(part_text, read_whole)
    whole = read_whole(whole_text)
    if part is None or whole is None or not 0 < part < whole:
        return None
    scale = _SCALES.get(whole_text.split(" ")[-1], 1.0)
    if part < 1 and scale >= 1e3:
        return whole + part * scale  # "3 million and a half", "six million and two thirds"
    return whole + part  # "one and a half", "one billion and a quarter million"
