"""Where a number phrase ends in a spaCy Doc: numerals ("3,000", "10 000", "3bn"), number words
("twenty - one", "one hundred and six", "two point five"), vague plurals ("tens of thousands"),
fractions with their whole part ("one and a half", "2 1/2", "two and a half million") and scale words
after them.

``number_end(doc, i)`` gives the token after the longest number phrase starting at token ``i``;
``numphrases`` reads it (``numbers.read_number``) and attaches hedge, range and unit.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from storydesk.steps.extract.numbers import MULTIPLIERS, is_number_word, read_number
from storydesk.steps.extract.units import AMBIGUOUS_FORMS, CURRENCY_SYMBOLS, Unit, lookup_unit

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["number_end", "span_text", "char_end", "is_core", "unit_word", "CURRENCY_TOKENS",
           "VAGUE_PLURALS", "ARTICLE_MULTIPLIERS", "shared_scale"]

VAGUE_PLURALS = frozenset({"tens", "dozens", "scores", "hundreds", "thousands", "millions",
                           "billions"})
# Scale words an article can stand before: "a million", "half a dozen".
ARTICLE_MULTIPLIERS = frozenset({"dozen", "hundred", "thousand", "million", "billion",
                                 "trillion"})
# Suffixes glued to a numeral: "3bn", "10k". "m" is a multiplier only with a currency ("£30m",
# "77m euros"); "100m" alone is a distance.
_GLUED_SUFFIX = frozenset({"bn", "k", "mn", "tn", "b", "mln", "bln"})
_VULGAR = "½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞"
_NUMERAL_TOKEN = re.compile(
    rf"^[~≈]?\d[\d,.]*(?:bn|k|mn|tn|b|mln|bln)?$|^[~≈]?\.\d+$|^\d*[{_VULGAR}]$", re.I)
# The fraction of a mixed number after its whole part: "2 1/2", "2 ½", "1-1/2".
_PART = re.compile(rf"^(?:\d{{1,2}}/\d{{1,3}}|[{_VULGAR}])$")
_SPACED = re.compile(r"\d{1,3}(?: \d{3})*")
_GROUP = re.compile(r"^\d{3}$")
_SLASH_FRACTION = re.compile(r"^\d{1,2}/\d{1,2}$")
_FRACTION_WORDS = frozenset({"half", "quarter", "quarters", "third", "thirds"})
_SIGNED = re.compile(r"^[-+−]\d[\d,]*(?:\.\d+)?$")
_NO_UNIT = Unit("", "", 1.0, "")
_DIGIT_WORDS = frozenset({"zero", "oh", "one", "two", "three", "four", "five", "six", "seven",
                          "eight", "nine"})
CURRENCY_TOKENS = frozenset(CURRENCY_SYMBOLS)
# Scale words a range's bounds share ("2 to 3 billion"); "dozen" is a count of its own.
_WORD_SCALES = {w: v for w, v in MULTIPLIERS.items() if len(w) > 1 and v >= 100}
_GLUED_SCALE = re.compile(r"\d(?:k|m|bn|mn|tn|b|mln|bln)$")


def is_core(tok: Token) -> bool:
    """Whether ``tok`` alone can start a number: a numeral ("3,000", "3bn") or a number word."""
    text = tok.text
    if _NUMERAL_TOKEN.match(text):
        return True
    return is_number_word(text)


def _is_word_number(tok: Token) -> bool:
    return tok.is_alpha or "-" in tok.text and is_number_word(tok.text)


def number_end(doc: Doc, i: int) -> int:
    """The token after the longest number phrase starting at ``i`` (``i`` when none starts)."""
    n = len(doc)
    low = doc[i].lower_
    nxt = doc[i + 1].lower_ if i + 1 < n else ""
    if low in ("a", "an"):
        if nxt in ARTICLE_MULTIPLIERS:
            j = i + 2
        elif nxt == "couple" and i + 2 < n and doc[i + 2].lower_ == "of":
            return i + 2
        elif nxt == "quarter" and i + 2 < n and doc[i + 2].lower_ in ARTICLE_MULTIPLIERS:
            return i + 3  # "a quarter million"
        else:
            return i
    elif low == "half":
        if nxt == "a" and i + 2 < n and doc[i + 2].lower_ in ARTICLE_MULTIPLIERS:
            j = i + 3
        elif nxt in ARTICLE_MULTIPLIERS:
            j = i + 2  # "half million"
        elif nxt in ("a", "an") and i + 2 < n and unit_word(doc[i + 2].lower_):
            return i + 1  # "half a percent": the "a" is skipped by _attach_unit
        elif (lookup_unit(nxt) or _NO_UNIT).kind == "percent":
            return i + 1  # "half percent"
        else:
            return i
    elif low in VAGUE_PLURALS:
        if low == "tens" and nxt != "of":
            return i
        j = i + 1
    elif is_core(doc[i]):
        j = i + 1
    elif _SIGNED.match(doc[i].text) and nxt and (lookup_unit(nxt) or _NO_UNIT).kind == "percent":
        return i + 1  # "-5%", "+10 percent": a signed change (other signs are bullets, scores)
    elif _SLASH_FRACTION.match(doc[i].text):
        # "1/4 mile", "more than 1/2": a fraction only with a unit or a bound around it; alone,
        # "3/4" and "9/11" are dates and names
        unit_next = nxt and unit_word(nxt)
        bound_before = i > 0 and doc[i - 1].lower_ in ("than", "over", "about", "nearly",
                                                        "almost", "under", "least", "most")
        return i + 1 if unit_next or bound_before else i
    else:
        return i
    while j < n:
        prev, tok = doc[j - 1], doc[j]
        word_prev = _is_word_number(prev) or prev.lower_ in VAGUE_PLURALS
        if prev.lower_ in VAGUE_PLURALS:
            # "tens of thousands", "hundreds of thousands": "of" is part of the number.
            if tok.lower_ == "of" and j + 1 < n and doc[j + 1].lower_ in (
                "thousands", "millions", "billions", "hundreds"
            ) and prev.lower_ in ("tens", "hundreds", "dozens", "scores"):
                j += 2
                continue
            break
        suffix = tok.lower_.rstrip(".")  # "£30m." at the end of a sentence is one token "m."
        if prev.whitespace_ == "" and suffix in _GLUED_SUFFIX | {"m"} and not word_prev:
            money_after = j + 1 < n and (lookup_unit(doc[j + 1].text) or _NO_UNIT).kind == "money"
            if suffix != "m" or money_after or (i > 0 and doc[i - 1].lower_ in CURRENCY_TOKENS):
                j += 1
            break
        if j == i + 1 and prev.text.isdigit() and (
                _PART.match(tok.text) and prev.whitespace_
                or tok.text == "-" and not prev.whitespace_ and not tok.whitespace_
                and j + 2 < n and _PART.match(doc[j + 1].text) and unit_word(doc[j + 2].lower_)):
            j += 1 if _PART.match(tok.text) else 2  # "2 1/2 hours", "1-1/2 inches"
            continue
        if tok.lower_ in MULTIPLIERS and len(tok.text) > 1 and tok.lower_ not in ("mm",):
            j += 1  # "1.2 million", "two dozen", "three hundred"
            continue
        if word_prev and _is_word_number(tok) and is_number_word(tok.text):
            j += 1  # "twenty one", "one hundred six"
            continue
        if (tok.lower_ in _FRACTION_WORDS and word_prev and j + 1 < n
                and doc[j + 1].lower_ in ARTICLE_MULTIPLIERS):
            j += 2  # "three quarters billion"
            continue
        if (tok.text in ("-", "–") and word_prev and j + 1 < n
                and is_number_word(doc[j + 1].text) and doc[j + 1].is_alpha):
            j += 2  # "twenty - one" as spaCy splits "twenty-one"
            continue
        if (tok.lower_ == "and" and word_prev and j + 1 < n and is_number_word(doc[j + 1].text)
                and prev.lower_ in ("hundred", "thousand", "million", "billion", "trillion")):
            j += 2  # "one hundred and six"
            continue
        if (tok.lower_ == "and" and j + 2 < n and doc[j + 2].lower_ in _FRACTION_WORDS
                and (doc[j + 1].lower_ in ("a", "an", "one") or is_number_word(doc[j + 1].text))
                and (word_prev or _NUMERAL_TOKEN.match(prev.text))):
            j += 3  # "one and a half", "2 and three quarters"
            if j < n and doc[j].lower_ in ARTICLE_MULTIPLIERS:
                j += 1  # "two and a half million"
            return j
        if (tok.lower_ == "point" and word_prev and j + 1 < n
                and doc[j + 1].lower_ in _DIGIT_WORDS):
            j += 2  # "two point five"
            while j < n and doc[j].lower_ in _DIGIT_WORDS:
                j += 1  # "one point two five"
            return j
        if (_GROUP.match(tok.text) and prev.whitespace_ == " "
                and _SPACED.fullmatch(span_text(doc, i, j))):
            j += 1  # "10 000": a space as the thousands separator
            continue
        break
    return j


def span_text(doc: Doc, i: int, j: int) -> str:
    """The text of tokens ``i`` to ``j`` (exclusive) as written, inner spaces kept."""
    return doc.text[doc[i].idx : char_end(doc, j)]


def char_end(doc: Doc, j: int) -> int:
    """The character offset where token ``j - 1`` ends."""
    last = doc[j - 1]
    return last.idx + len(last.text)


def unit_word(word: str) -> bool:
    """Whether ``word`` surely names a unit (not a short ambiguous form like "m" or "in.")."""
    unit = lookup_unit(word)
    return unit is not None and word not in AMBIGUOUS_FORMS



def shared_scale(doc: Doc, low_start: int, low_end: int, high_start: int, high_end: int,
                 low: float) -> float:
    """The scale word of a range's upper bound that its bare lower bound shares: "2 to 3 billion"
    and "between one and two million" are 2-3 billion and 1-2 million (returns 1e9, 1e6), while
    "500 to 1 million" keeps 500 (a bare number above the upper bound's own figure is whole)."""
    if any(tok.lower_ in MULTIPLIERS or _GLUED_SCALE.search(tok.lower_)
           for tok in doc[low_start:low_end]):
        return 1.0  # "1 million to 2 million": the lower bound has its own scale
    scale, k = 1.0, high_end
    while k > high_start + 1 and doc[k - 1].lower_ in _WORD_SCALES:
        scale *= _WORD_SCALES[doc[k - 1].lower_]
        k -= 1
    if scale == 1.0:
        return 1.0
    head = read_number(span_text(doc, high_start, k))
    return scale if head is not None and low < head.value else 1.0
