"""Reading numbers as news writes them: numerals ("3,000", "1.5", "10 000", "10k", "$3bn"), number
words ("eighteen", "twenty-one", "two dozen", "half a million") and vague plurals ("tens of
thousands", read as a lower bound).

``parse_number`` gives the value; ``read_number`` also says whether the words only give a bound
("tens of thousands" is at least 10,000). Ordinals ("first", "72nd") are positions, not counts, and
vague words ("several", "a few", "a group") are not numbers: both give ``None``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from text_to_num import alpha2digit, text2num

from storydesk.steps.extract.fractions import read_fraction

__all__ = ["NumberReading", "parse_number", "read_number", "is_number_word", "MULTIPLIERS"]


@dataclass(frozen=True, slots=True)
class NumberReading:
    """A number read from words: ``value`` and, for vague plurals, ``hedge`` ("at_least")."""

    value: float
    hedge: str | None = None


# Scale words that multiply what precedes them ("1.2 million", "two dozen", "3bn").
MULTIPLIERS: dict[str, float] = {
    "dozen": 12,
    "dozens": 12,
    "hundred": 1e2,
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "mln": 1e6,
    "mil": 1e6,
    "mm": 1e6,  # finance shorthand: "$1mm"
    "mn": 1e6,
    "m": 1e6,
    "billion": 1e9,
    "bln": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "g": 1e9,
    "trillion": 1e12,
    "lakh": 1e5,  # Indian English: "1 lakh" = 100,000, "3 crore" = 30 million
    "lakhs": 1e5,
    "crore": 1e7,
    "crores": 1e7,
    "tn": 1e12,
    "t": 1e12,
}
# Single-letter suffixes are only multipliers when glued to or right after a numeral ("10k",
# "2.33 k"), never as words of their own ("m" alone is metres).
_WORD_MULTIPLIERS = {k: v for k, v in MULTIPLIERS.items() if len(k) > 1}

_UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_NUMBER_WORDS = frozenset(_UNITS + _TENS + list(_WORD_MULTIPLIERS) + ["hundreds", "thousands",
                                                                       "millions", "billions"])

# Vague plurals: the words give only a lower bound ("thousands of people": at least 1,000).
_VAGUE_PLURALS: dict[str, float] = {
    "dozens": 12,
    "scores": 20,
    "hundreds": 1e2,
    "thousands": 1e3,
    "millions": 1e6,
    "billions": 1e9,
}
_VAGUE = re.compile(
    r"^(?P<outer>tens|dozens|scores|hundreds|thousands|millions|billions)"
    r"(?: of (?P<inner>thousands|millions|billions|hundreds))?$"
)
# Words that sound like amounts but are not numbers.
_NOT_NUMBERS = frozenset({"several", "a few", "few", "many", "some", "a number", "numerous",
                          "a group", "a handful", "a lot", "lots", "a couple of dozen"})

_CURRENCY_PREFIX = re.compile(r"^(?:us\$|a\$|c\$|\$|€|£|¥|₴|₽)\s*")
_SPACES = re.compile(r"[\s\u00a0\u2009\u202f]+")
# "3,000" / "10 000" / "1 234 567.89" / "1500" / ".08" / "4.800"; groups must be 3 digits.
_NUMERAL = r"(?:\d{1,3}(?:,\d{3})+|\d{1,3}(?: \d{3})+|\d+)?(?:\.\d+)?"
_NUMERAL_RE = re.compile(rf"^(?P<sign>[-+−])?\s*(?P<num>{_NUMERAL})(?:\s*(?P<mult>[a-z]+))?$")
_ORDINAL_RE = re.compile(r"^\d+(?:st|nd|rd|th)$")
_ORDINAL_WORDS = re.compile(
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
    r"teenth|tieth|hundredth|thousandth|millionth|billionth)s?$"
)


def is_number_word(word: str) -> bool:
    """True for cardinal number words and scale words ("eighteen", "dozen", "million")."""
    w = word.lower()
    if w in _NUMBER_WORDS:
        return True
    parts = w.split("-")
    return len(parts) == 2 and parts[0] in _TENS and parts[1] in _UNITS[1:10]


def parse_number(text: str) -> float | None:
    """The number ``text`` states, or ``None`` when it is not a cardinal number.

    >>> parse_number("3,000"), parse_number("two dozen"), parse_number("1.2 million")
    (3000.0, 24.0, 1200000.0)
    >>> parse_number("several") is None, parse_number("first") is None
    (True, True)
    """
    reading = read_number(text)
    return reading.value if reading else None


def read_number(text: str) -> NumberReading | None:
    """Like ``parse_number`` but keeps whether the words only state a lower bound."""
    if not isinstance(text, str):
        return None
    t = _normalise(text)
    if not t or t in _NOT_NUMBERS:
        return None
    sign = 1.0
    for prefix in ("minus ", "negative ", "- "):
        if t.startswith(prefix):
            sign, t = -1.0, t[len(prefix) :]
    reading = _read_unsigned(t)
    if reading is None:
        return None
    return NumberReading(sign * reading.value, reading.hedge)


def _normalise(text: str) -> str:
    t = _SPACES.sub(" ", text.strip().lower())
    t = t.replace("’", "'").replace("–", "-").replace("—", "-")
    t = t.lstrip("~≈").strip()
    t = re.sub(r"(?<=\d[a-z])\.$|(?<=\d[a-z]{2})\.$", "", t)  # "30m." ends a sentence
    t = _CURRENCY_PREFIX.sub("", t)
    # "fifty - two" is "fifty-two"; a leading "- 1" is a sign and stays as it is.
    t = re.sub(r"(?<=[a-z]) ?- ?(?=[a-z])", "-", t)
    t = re.sub(r"\b(?:nought|naught)\b", "zero", t)  # British "nought point five"
    return t.removesuffix(" of").strip()


def _read_unsigned(t: str) -> NumberReading | None:
    fraction = read_fraction(t, _whole_number)
    if fraction is not None:
        return NumberReading(fraction)  # before ordinals: "two thirds" ends like one
    if _ORDINAL_RE.match(t) or _ORDINAL_WORDS.search(t):
        return None
    numeral = _read_numeral(t)
    if numeral is not None:
        return NumberReading(numeral)
    vague = _VAGUE.match(t)
    if vague:
        outer, inner = vague["outer"], vague["inner"]
        base = 10.0 if outer == "tens" else _VAGUE_PLURALS[outer]
        if inner:
            base *= _VAGUE_PLURALS[inner]
        elif outer == "tens":
            return None  # "tens" alone is not an amount of anything
        return NumberReading(base, "at_least")
    if t in ("a couple", "couple"):
        return NumberReading(2.0)
    if t.startswith("half a "):
        whole = _read_unsigned("one " + t[len("half a ") :])
        return NumberReading(whole.value / 2) if whole else None
    if t.startswith(("a ", "an ")):
        # "a dozen", "a hundred", "a million": the article is the number one.
        rest = t.split(" ", 1)[1]
        if rest.split(" ")[0].split("-")[0] in _WORD_MULTIPLIERS:
            return _read_unsigned("one " + rest)
        return None
    value = _read_words(t)
    return NumberReading(value) if value is not None else None


def _whole_number(t: str) -> float | None:
    """A number that is not a bound, for the whole part and numerator of a fraction."""
    reading = _read_unsigned(t)
    return reading.value if reading and reading.hedge is None else None


def _read_numeral(t: str) -> float | None:
    m = _NUMERAL_RE.match(t)
    if not m or not m["num"] or m["num"] == ".":
        return None
    value = float(m["num"].replace(",", "").replace(" ", ""))
    mult = m["mult"]
    if mult:
        if mult not in MULTIPLIERS:
            return None
        value *= MULTIPLIERS[mult]
    if m["sign"] in ("-", "−"):
        value = -value
    return value


def _read_words(t: str) -> float | None:
    """Number words, possibly mixed with numerals and scale words: "two dozen", "1.2 million"."""
    words = t.split(" ")
    if "and" in words[1:-1]:
        # "three hundred and two dozens" is 300 + 24; "twenty-one trillion and three hundred" is a
        # sum text2num refuses. Only a larger part before a smaller part reads as a sum.
        cut = len(words) - 1 - words[::-1].index("and")
        left, right = _read_words(" ".join(words[:cut])), _read_words(" ".join(words[cut + 1 :]))
        summable = words[cut - 1] in _WORD_MULTIPLIERS or words[-1] in ("dozen", "dozens")
        if left is not None and right is not None and summable and left > right:
            return left + right
    # Trailing "dozen(s)" multiplies whatever precedes it: "two dozen" = 24.
    if words[-1] in ("dozen", "dozens") and len(words) > 1:
        head = _read_unsigned(" ".join(words[:-1]))
        return head.value * 12 if head and head.hedge is None else None
    # A numeral followed by scale words: "1.2 million", "322 hundred", "3 thousand million".
    lead = _read_numeral(words[0])
    if lead is not None and len(words) > 2 and any(_read_numeral(w) is not None
                                                    for w in words[2:]):
        return _read_mixed(words)  # "4 thousand 3 hundred and 21"
    if lead is not None and len(words) > 1:
        value = lead
        for word in words[1:]:
            if word not in _WORD_MULTIPLIERS:
                return None
            value *= _WORD_MULTIPLIERS[word]
        return value
    if not all(_is_wordish(w) for w in words):
        return None
    try:
        return float(text2num(t, "en"))
    except (ValueError, IndexError, KeyError):
        pass
    # alpha2digit reads what text2num refuses ("two hundred point zero three"); accept only when
    # the whole phrase became one numeral, so a sentence never passes for a number.
    converted = _SPACES.sub(" ", alpha2digit(t, "en", threshold=0).strip())
    numeral = _read_numeral(converted)
    if numeral is not None:
        return numeral
    if converted != t and converted[:1].isdigit():
        return _read_words(converted)  # "21 trillion": a numeral and scale words
    return None


def _read_mixed(words: list[str]) -> float | None:
    """Numerals each with their scale words, largest first: "4 thousand 3 hundred and 21"."""
    total, group, last_scale = 0.0, None, float("inf")
    for word in words:
        if word == "and" and group is None:
            continue
        numeral = _read_numeral(word)
        if numeral is not None and group is None:
            group = numeral
        elif word in _WORD_MULTIPLIERS and group is not None:
            scale = _WORD_MULTIPLIERS[word]
            if scale >= last_scale:
                return None  # "3 hundred 2 thousand" is two numbers, not one
            total, group, last_scale = total + group * scale, None, scale
        else:
            return None
    return total + (group if group is not None and group < last_scale else 0.0)


def _is_wordish(word: str) -> bool:
    return word in ("and", "point", "a") or all(
        is_number_word(p) or p.isdigit() for p in word.split("-") if p
    )
