"""``list_vote._list_lead`` tells the lines whose ``shape_code`` lead cannot be a list's without
the expressions, and gives ``shape_code``'s lead for every other line."""

from __future__ import annotations

import re
import sys

import pytest

from storydesk.steps.clean import list_vote, structure
from storydesk.steps.clean.lines import Line

_RESTS = ["", "an 5 -- Tampa", "ep 9: Oslo", "x: y", ") item", ". First", " 5 Tampa", "ug. 3rd"]


def _lead_agrees(text: str) -> None:
    line = Line(0, text, words=len(text.split()))
    lead = structure.shape_code(line)[0]
    got = list_vote._list_lead(line)
    assert got == lead if got else lead not in list_vote.LIST_LEADS


@pytest.mark.parametrize("rest", _RESTS)
def test_list_lead_agrees_with_shape_code_for_every_first_character(rest: str):
    for code in range(0x3000):  # Latin, Greek, Cyrillic, the punctuation and arrows, bullets
        _lead_agrees(chr(code) + rest)
    for char in "■●◦✓✔►▶→▪—–•·»›":
        _lead_agrees(char + rest)


@pytest.mark.parametrize(
    "text",
    ["June 9 -- Coral Sky", "JAN 5: opening", "ſept 3 -- Oslo", "Sep. 21st, Berlin", "Mayor: yes",
     "A long sentence that has its colon far beyond the forty-second character: here",
     "Dec 2019 was cold", "#4 Tampa", "(3) Oslo", "12 Tampa", "²nd", "Octopus 5 arms"],
)  # fmt: skip
def test_list_lead_agrees_with_shape_code_on_tricky_lines(text: str):
    _lead_agrees(text)


def test_month_starts_hold_every_case_the_expression_matches():
    # ``_DATED`` reads the month case-insensitively: every code point it takes for a letter of
    # a month's first three must be in ``_MONTH_STARTS`` at that place.
    assert structure._DATED.pattern.startswith("^(?:" + "|".join(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"]
    ) + ")")  # fmt: skip
    letters = "".join(sorted(set("".join(list_vote._MONTH_PREFIXES))))
    any_letter = re.compile(f"[{letters}]", re.IGNORECASE).fullmatch
    for char in filter(any_letter, map(chr, range(sys.maxunicode + 1))):
        for letter in letters:
            if not re.fullmatch(letter, char, re.IGNORECASE):
                continue
            for month in list_vote._MONTH_PREFIXES:
                for at in (at for at, wanted in enumerate(month) if wanted == letter):
                    assert month[:at] + char + month[at + 1 :] in list_vote._MONTH_STARTS
