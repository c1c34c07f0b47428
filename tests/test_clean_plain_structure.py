"""List blocks (recurring informative line shapes) and the body region they move."""

from __future__ import annotations

import pytest

from storydesk.steps.clean.facts import build_lines
from storydesk.steps.clean.lines import Line
from storydesk.steps.clean.plain import analyse_page, clean_plain_text
from storydesk.steps.clean.region import body_region
from storydesk.steps.clean.structure import recurring_blocks, shape_code


def _lines(texts: list[str]) -> list[Line]:
    """Lines as the rule pass sees them when it looks for the region (word verdicts only)."""
    return build_lines(texts)[0]


MENU = ["Home", "World", "Politics", "Business", "Sport", "Culture", "Travel", "Weather"]
CALENDAR = [f"{k}a etapa: {k + 3} de março – Interlagos" for k in range(1, 13)]
# A standings table, one cell per line: a driver, then points, wins and top-10 finishes.
STANDINGS = [cell for k in range(12) for cell in (f"Driver Number{k}", str(5040 - 7 * k),
                                                  str(k % 5), str(17 - k))]  # fmt: skip
PRODUCTS = [line for k in range(1, 9) for line in (f"{k}) Board game number {k} for all ages",
                                                   f"http://amzn.to/x{k}")]  # fmt: skip
FEATURES = [f"• Feature {k}: up to {k + 3} hours of battery life" for k in range(12)]
FOOTER = [
    "The information provided on this website is for general purposes only and is not meant to "
    "replace the advice of your physician or any other health care professional at any time.",
    "Consult your physician and follow all safety instructions before beginning any exercise "
    "program or using any supplement or meal replacement product, as the results may vary.",
]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("1a etapa: 10 de março – Interlagos", "N2"),
        ("12) Roger Waters – The Wall (DVD)", "N2"),
        ("June 9 – West Palm Beach, FL @ Coral Sky Amphitheatre", "N2"),
        ("Portion Fix Containers: 1 Green, 1 Red", "K2"),
        ("• Sweat and water resistant", "B2"),
        ("5040", "D0"),
        ("Politics", "C1"),
        ("close", "L1"),
    ],
)
def test_clean_structure_shape_codes(text: str, code: str):
    assert shape_code(_lines([text])[0]) == code


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        (MENU, [False] * len(MENU)),  # capitalised labels recur in menus: never a block
        (CALENDAR, [True] * len(CALENDAR)),
        (STANDINGS, [False] + [True] * (len(STANDINGS) - 1)),  # from the first number cell
        (PRODUCTS, [True] * (len(PRODUCTS) - 1) + [False]),  # the numbered items and between
        (["6", "A caption of a slide", "6", "Another caption", "6"], [False] * 5),  # one text
        # Headlines with their bylines and times: a list of other stories.
        (
            [
                "Storm closes roads",
                "By JANE DOE",
                "11/20/2019 01:14 PM",
                "Mayor opens bridge",
                "By JOHN ROE",
                "11/20/2019 10:08 AM",
                "Council passes budget",
                "By JANE DOE",
                "11/19/2019 09:39 PM",
            ],
            [False] * 9,
        ),
        ([], []),
    ],
)
def test_clean_structure_blocks(texts: list[str], expected: list[bool]):
    assert recurring_blocks(_lines(texts)) == expected


def test_clean_structure_blocks_take_reasons_over_the_lines_own():
    lines = _lines(CALENDAR)
    assert not any(recurring_blocks(lines, ["navigation"] * len(lines)))


@pytest.mark.parametrize("body", [CALENDAR, STANDINGS, FEATURES])
def test_clean_structure_list_body_beats_a_prose_footer(body: list[str]):
    # Menu, the list that is the article, then a footer of disclaimer prose: the densest prose
    # alone is the footer, but the list outweighs it.
    lines = _lines(MENU + ["Calendário da Stock Car 2018"] + body + MENU + FOOTER[:1])
    start, end = body_region(lines)
    first = len(MENU) + 1
    # The region holds the list (from its first number cell, for the table).
    assert first <= start <= first + 1 and end == first + len(body)


def test_clean_structure_region_grows_over_an_adjacent_table():
    prose = [
        "Below, we analyze the snap counts and stats on defense for the Cleveland Browns in their "
        "game against the Pittsburgh Steelers, who were held to a few points all night long.",
        "There is a lot to sort through here, and the defense had a very good game overall, with "
        "pressure on the quarterback from the first snap to the last one of the fourth quarter.",
    ]
    table = ["Pos", "Player", "Plays", "Stats"] + STANDINGS[:16]
    lines = _lines(MENU + prose[:1] + table + MENU[:3] + prose[1:] + MENU)
    # The prose below the table is the densest; the region grows over the table's block (from
    # its first number cell) across the three menu-like lines between them, and no further.
    first_number = len(MENU) + 1 + 4 + 1
    assert body_region(lines) == (first_number, len(MENU) + 1 + len(table) + 3 + 1)


def test_clean_structure_no_block_keeps_the_densest_prose():
    lines = _lines(MENU + FOOTER + MENU)
    assert body_region(lines) == (len(MENU), len(MENU) + len(FOOTER))


@pytest.mark.parametrize(
    ("standfirst", "dropped"),
    [
        # A short standfirst above the byline is not the article (as in aeb's gold bodies).
        (["Officials say the risk from the virus continues until the first hard freeze."], True),
        # Past a paragraph's worth of prose, the byline is inside the body: nothing is dropped.
        (
            FOOTER + ["Officials say the risk from the virus continues until the hard freeze."],
            False,
        ),
    ],
)
def test_clean_structure_region_begins_after_a_byline_near_its_top(
    standfirst: list[str], dropped: bool
):
    body = FOOTER[::-1] + FOOTER
    text = "\n".join(MENU + standfirst + ["By Jane Doe"] + body + MENU)
    analysis = analyse_page(text)
    start, _ = analysis.layout.region
    assert (start == len(MENU) + len(standfirst) + 1) is dropped
    kept = clean_plain_text(text, model=False).text
    assert (standfirst[-1] not in kept) is dropped
