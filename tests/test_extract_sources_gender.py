"""Gender hints for pronoun resolution: "she" never names a man the text marks as male."""

from __future__ import annotations

import pytest

from storydesk.steps.extract.attributions import find_attributions
from storydesk.steps.extract.gender import article_genders, first_names, name_gender


def test_first_name_list_ships() -> None:
    names = first_names()
    assert names["donald"] == "m" and names["hillary"] == "f"


@pytest.mark.parametrize(
    ("text", "surname", "gender"),
    [
        ("Mrs. Warren spoke first.", "warren", "f"),
        ("Mr. Warren spoke first.", "warren", "m"),
        ("Congresswoman Jane Doe spoke first.", "doe", "f"),
        ("Hillary Clinton met Bill Clinton.", "clinton", None),  # conflicting evidence
    ],
)
def test_article_genders(nlp, text: str, surname: str, gender: str | None) -> None:
    assert article_genders(nlp(text)).get(surname) == gender


@pytest.mark.parametrize(
    ("name", "known", "gender"),
    [
        ("Donald Trump", {}, "m"),
        ("Trump", {}, None),
        ("Trump", {"trump": "m"}, "m"),
        ("Kelly", {}, None),  # a lone surname is never read as a first name
        ("", {}, None),
    ],
)
def test_name_gender(name: str, known: dict[str, str], gender: str | None) -> None:
    assert name_gender(name, known) == gender


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Donald Trump said the plan would fail. She said it was reckless.", ""),
        ("Mrs. Warren said the plan would fail. He said it was reckless.", ""),
        ("Mr. Warren said the plan would fail. He said it was reckless.", "Warren"),
        ("Donald Trump spoke in Ohio. Hillary Clinton said the plan would fail. "
         "She said it was reckless.", "Hillary Clinton"),
    ],
)  # fmt: skip
def test_pronoun_respects_gender(nlp, text: str, expected: str) -> None:
    atts = find_attributions(nlp(text))
    pronoun = [a for a in atts if text[a.source.start : a.source.end].lower() in {"he", "she"}]
    assert len(pronoun) == 1 and pronoun[0].source_name == expected
