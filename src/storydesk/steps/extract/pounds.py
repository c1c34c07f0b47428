"""Whether "pounds" after a number is a weight or money.

News writes sterling mostly with "£", and "pounds" as a word after a number is read as money
(``units.UNITS["pounds"]``: "361 million pounds", "a 500 pounds fine"). It is a weight when the
sentence says so: a word of weighing ("weighs 180 pounds", "a heavy 20 pounds"), "pounds of" a
substance ("20 pounds of cocaine", never "pounds of funding"), or ounces after it ("seven pounds
and eight ounces"). A scale word ("30 million pounds") keeps it money unless weighing is named.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["pounds_is_weight"]

_WEIGHING = frozenset({"weigh", "weighs", "weighed", "weighing", "weight", "weights", "heavy",
                       "heavier", "heaviest", "lighter", "lightest", "overweight",
                       "underweight", "lbs", "lb", "ounces", "ounce", "oz"})
# What "pounds of ..." can be when it is money ("10 pounds of taxpayers' money").
_MONEY_OF = frozenset({"money", "cash", "funding", "funds", "investment", "spending", "debt",
                       "debts", "savings", "tax", "taxes", "taxpayers", "taxpayer", "revenue",
                       "profit", "profits", "sales", "damage", "fees", "compensation", "aid",
                       "public", "government", "his", "her", "their", "its", "our", "your", "my",
                       "income", "credit", "goods", "shares", "stock"})
_SCALES = frozenset({"hundred", "thousand", "million", "billion", "trillion", "m", "bn", "k",
                     "mn", "mln", "bln"})


def pounds_is_weight(doc: Doc, num_start: int, num_end: int, unit_index: int) -> bool:
    """Whether the "pound(s)" at token ``unit_index`` after the number at
    ``num_start:num_end`` weighs something (see the module docstring)."""
    sent = doc[unit_index].sent
    if any(tok.lower_ in _WEIGHING for tok in sent):
        return True
    if any(tok.lower_ in _SCALES for tok in doc[num_start:num_end]):
        return False  # "30 million pounds" for a striker
    n = len(doc)
    after = doc[unit_index + 1].lower_ if unit_index + 1 < n else ""
    if after == "of" and unit_index + 2 < n:
        noun = doc[unit_index + 2]
        return noun.is_alpha and noun.lower_ not in _MONEY_OF and noun.pos_ in ("NOUN", "PROPN")
    return False
