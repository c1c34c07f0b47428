"""Fractions of a group read as shares: "more than half", "nearly a third of", "two-thirds of".

A news text states a share as often in fraction words as in percent: "more than half of the
residents" is at least 50 %. ``fraction_share`` finds the fraction words at a token; the caller
(``numphrases``) attaches the hedge and keeps the share only when one is there or the words
alone make it a share ("two thirds of the voters"), since "the second half" and "a third term"
are no shares.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from storydesk.steps.extract.numbers import is_number_word, read_number
from storydesk.steps.extract.units import AMBIGUOUS_FORMS, lookup_unit

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["fraction_share"]

_SHARE_WORDS = frozenset({"half", "third", "thirds", "quarter", "quarters", "fifth", "fifths"})
_LEADS = frozenset({"a", "an", "one", "-"})


def fraction_share(doc: Doc, i: int) -> tuple[int, float, bool] | None:
    """``(end token, percentage, plural_of)`` for the fraction words starting at token ``i``
    ("half", "a third", "two-thirds", "three quarters"), or None. ``plural_of``: a plural
    fraction followed by "of" ("two thirds of"). A fraction followed by "a"/"an" or a unit
    measures something ("half an hour", "a third mile") and is None here."""
    n = len(doc)
    for size in (3, 2, 1):
        end = i + size
        if end > n or doc[end - 1].lower_ not in _SHARE_WORDS:
            continue
        if size > 1 and doc[i].lower_ not in _LEADS and not is_number_word(doc[i].text):
            continue
        text = doc.text[doc[i].idx : doc[end - 1].idx + len(doc[end - 1].text)]
        reading = read_number(text)
        if reading is None or not 0 < reading.value < 1:
            continue
        after = doc[end].lower_ if end < n else ""
        if after in ("a", "an") or (
            after and lookup_unit(after) is not None and after not in AMBIGUOUS_FORMS
        ):
            return None
        plural_of = doc[end - 1].lower_.endswith("s") and after == "of"
        return end, round(reading.value * 100, 6), plural_of
    return None
