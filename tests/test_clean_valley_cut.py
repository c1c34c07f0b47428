"""A deep valley of site chrome inside the body region ends the body (``valley``)."""

from __future__ import annotations

import pytest

from storydesk.steps.clean import clean_plain_text
from storydesk.steps.clean.valley import valley_end

ARTICLE = [
    "The council voted on Tuesday to close the old bridge for repairs that will take most of "
    "the coming year, and the mayor said the detour would add ten minutes to every commute.",
    "Engineers found cracks in two of the supports during an inspection last spring, and the "
    "state agreed in the summer to pay for most of the work on the structure and the roads.",
    "Residents who spoke at the meeting asked for a shuttle bus across the river, and the "
    "council promised to study the idea and report back to them before the end of the month.",
    "The bridge was built in 1931 and carries about twelve thousand cars a day, according to "
    "figures from the county, which also expects more traffic on the ring road this winter.",
]
RULES = [
    "Users are obliged to speak respectfully to the other participants in the discussion "
    "and to the moderators who keep it orderly for the readers of the site.",
    "A comment will be deleted if it contains insults or links to other sites, and the "
    "moderators may block the account of a user who breaks these rules again.",
]
CHROME = ["Reddit", "Telegram", "Log in", "Register", "Password", "News", "World", "Sport",
          "Business", "Opinion", "Video", "Photo", "About Us", "Contact Us"]  # fmt: skip


@pytest.mark.parametrize(
    ("weights", "expected"),
    [
        ([50, 50, *[-6] * 10, 40, 40], 2),  # 60 deep, below worth 80: cut at the valley
        ([50, 50, *[-6] * 4, 40, 40], 8),  # 24 deep: a share row, not a valley
        ([40, 40, *[-6] * 10, 50, 50], 14),  # the lighter side is above: left alone
        ([300, *[-6] * 6, 200], 8),  # 36 deep, below worth 200 (less than 0.3 of it)
        ([10], 1),
    ],
)
def test_clean_valley_end_cuts_only_deep_valleys_above_lighter_prose(
    weights: list[float], expected: int
):
    assert valley_end(weights, 0, len(weights)) == expected


@pytest.mark.parametrize(("chrome", "removed"), [(CHROME, True), (CHROME[:3], False)])
def test_clean_valley_chrome_between_article_and_site_rules(chrome: list[str], removed: bool):
    page = "\n".join(["Home", *ARTICLE, *chrome, *RULES, "Privacy Policy"])
    result = clean_plain_text(page, model=False)
    assert all(paragraph in result.text for paragraph in ARTICLE)
    assert all((rule not in result.text) is removed for rule in RULES)
