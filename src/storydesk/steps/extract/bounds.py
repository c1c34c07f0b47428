"""Bounds written around an amount, beyond the fixed hedge phrases of ``numphrases``:

* comparatives before the number: "greater than 100", "less than or equal to 40", "higher or equal
  than 20", "no fewer than 5", and the verbs "exceed(s)" / "surpass(es)";
* a bound after the number: "200 or more", "18 and over", "5,000 or less", "40 or fewer";
* two opposite bounds joined by "and" are one range: "more than 10 and less than 40",
  "at most 100 and at least 20".

``prefix_bound`` and ``suffix_bound`` read one amount; ``merge_bounds`` joins neighbours;
``range_separator`` and ``is_change`` tell a range ("5% to 10% of patients") from a change
("rose from 5% to 7%").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from storydesk.steps.extract.numphrases import Amount

__all__ = ["prefix_bound", "suffix_bound", "merge_bounds", "is_change", "range_separator"]

_UP = r"more|greater|larger|higher|bigger"
_DOWN = r"less|fewer|smaller|lower"
# "(no) greater (or equal) than|to (or equal to)" right before the number; "no more than" flips.
_COMPARATIVE = re.compile(
    rf"(?:\b(?P<no>no|not)\s+)?\b(?P<cmp>{_UP}|{_DOWN})(?:\s+or\s+equal)?\s+(?:than|to)"
    r"(?:\s+or\s+equal\s+to)?\s*$",
    re.I,
)
_VERB = re.compile(r"(?:(?P<no>\bnot|\bnever|n't)\s+)?\b(?:exceed(?:s|ed|ing)?|surpass(?:es|ed|ing)?)"
                   r"\s*$", re.I)
_SUFFIX_UP = frozenset({"more", "greater", "higher", "larger", "bigger", "above", "over", "up",
                        "upwards", "upward", "plus"})
_SUFFIX_DOWN = frozenset({"less", "fewer", "lower", "smaller", "below", "under"})
_JOINERS = frozenset({"and", ",", ", and", "but", ", but"})
# "rose from 5 to 7" is a change, two values; "from 5 to 7 people" is a range.
_CHANGE_LEMMAS = frozenset({"rise", "fall", "increase", "decrease", "grow", "drop", "climb",
                            "jump", "decline", "reduce", "raise", "cut", "go", "change", "move",
                            "shrink", "expand", "soar", "plunge", "surge", "slip", "slide", "dip",
                            "lower", "boost", "double", "triple", "revise", "up", "down", "swell",
                            "balloon", "tumble", "sink", "lift", "hike", "upgrade", "downgrade"})



def prefix_bound(before: str) -> tuple[str, int] | None:
    """``(hedge, length)`` for a comparative that ends ``before`` (the text right before a
    number): "greater than or equal to" -> ("at_least", 24); ``None`` when there is none."""
    m = _COMPARATIVE.search(before)
    if m is not None:
        up = re.fullmatch(_UP, m["cmp"], re.I) is not None
        if m["no"]:
            up = not up  # "no more than 5" is at most 5
        return ("at_least" if up else "at_most"), len(before) - m.start()
    m = _VERB.search(before)
    if m is not None:  # "must not exceed 100" is at most 100
        return ("at_most" if m["no"] else "at_least"), len(before) - m.start()
    return None


def suffix_bound(doc: Doc, amount: Amount) -> None:
    """"200 or more", "18 and over", "40 or fewer (than)": set the hedge and take the words in.

    A following number keeps "than" for itself: in "200 or greater than 190" the bound belongs
    to 190, and 200 stays a plain number."""
    if amount.hedge is not None:
        return
    j, n = amount.last_token + 1, len(doc)
    if j + 1 >= n or doc[j].lower_ not in ("or", "and"):
        return
    word = doc[j + 1].lower_
    if word in _SUFFIX_UP:
        hedge = "at_least"
    elif word in _SUFFIX_DOWN and doc[j].lower_ == "or" or word in ("below", "under"):
        hedge = "at_most"
    else:
        return
    last = j + 1
    if last + 1 < n and doc[last + 1].lower_ in ("than", "to"):
        after = doc[last + 2] if last + 2 < n else None
        if after is not None and (after.like_num or after.lower_ in ("a", "an")):
            return  # "200 or greater than 190": the bound is 190's
        last += 1
    amount.hedge = hedge
    amount.last_token = last
    amount.end = doc[last].idx + len(doc[last].text)


def merge_bounds(doc: Doc, amounts: list[Amount]) -> list[Amount]:
    """Join "more than 10 and less than 40" (a lower and an upper bound, in either order,
    joined by "and" or a comma, in compatible units) into one range amount."""
    merged: list[Amount] = []
    for amount in amounts:
        prev = merged[-1] if merged else None
        if prev is not None and _opposite_bounds(doc, prev, amount):
            low, high = (prev, amount) if prev.hedge == "at_least" else (amount, prev)
            if low.value < high.value:
                prev.value, prev.high, prev.hedge = low.value, high.value, "range"
                prev.unit = prev.unit or amount.unit
                prev.unit_text = prev.unit_text or amount.unit_text
                prev.end, prev.last_token = amount.end, amount.last_token
                prev.num_end = amount.num_end
                continue
        merged.append(amount)
    return merged


def _opposite_bounds(doc: Doc, a: Amount, b: Amount) -> bool:
    if {a.hedge, b.hedge} != {"at_least", "at_most"} or a.vague or b.vague:
        return False
    if a.unit is not None and b.unit is not None and a.unit.base != b.unit.base:
        return False
    between = " ".join(doc.text[a.end : b.start].split()).lower()
    return between in _JOINERS


def is_change(doc: Doc, from_index: int) -> bool:
    """Whether a word of change ("rose", "up", "a rise") stands in the four tokens before
    ``from_index`` (the "from" of "rose from 5 to 7", or the number of "fell 5% to 2%")."""
    for tok in doc[max(0, from_index - 4) : from_index]:
        if tok.lemma_.lower() in _CHANGE_LEMMAS or tok.lower_ in _CHANGE_LEMMAS:
            return True
    return False


def range_separator(doc: Doc, num_start: int, j: int) -> bool:
    """Whether token ``j`` joins the amount whose number starts at token ``num_start`` to an
    upper bound: "-", "to", "through", or "and" after "between"; "rose from 5% to 7%" is a
    change, not a range."""
    sep = doc[j].lower_
    before = doc[num_start - 1].lower_ if num_start > 0 else ""
    if before == "between":
        return sep == "and"
    if sep not in ("-", "–", "to", "through", "thru"):
        return False
    # "fell 0.5 per cent to 2 per cent" and "rose from 5% to 7%" are changes: by, and to
    return not (sep == "to" and is_change(doc, num_start))
