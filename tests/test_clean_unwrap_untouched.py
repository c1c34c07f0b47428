"""unwrap_lines changes nothing that is not a wrapped paragraph: lists, tables, headings,
ordinary scraped pages, empty and one-line input."""

from __future__ import annotations

import textwrap

import pytest

from storydesk.steps.clean.unwrap import unwrap_lines

PARAGRAPH = (
    "The council voted on Monday evening to close the old bridge to heavy traffic until the "
    "repairs are finished, after engineers found cracks in two of the supports and warned "
    "that the structure could not carry lorries safely through another winter of frost and "
    "salt, which has eaten into the steel over the last forty years of heavy use."
)
WRAPPED = textwrap.wrap(PARAGRAPH, 68)

ORDINARY_PAGE = "\n".join([
    "Home", "News", "Sport", "Weather",
    "Council Votes To Close Old Bridge To Heavy Traffic Until Repairs Are Done",
    "By Jane Smith",
    PARAGRAPH,
    "Engineers will inspect the supports again in the spring, the council said in a statement.",
    "More stories",
    "Flood warnings issued for three rivers after a week of rain across the north",
    "school meals to be funded for another year, minister tells parliament at last",
    "Police appeal for witnesses after a collision on the ring road on Saturday",
    "commuters face delays as the line is closed for engineering work this weekend",
])  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "One line only, with no break at all.",
        "\n\n\n",
        "\x00\x01\x02 binary \xff garbage \n\x00\x00",
        ORDINARY_PAGE,
    ],
)
def test_unwrap_returns_text_without_a_wrap_width_unchanged(text: str):
    assert unwrap_lines(text) is text


@pytest.mark.parametrize(
    "block",
    [
        # A list: its items end short of the width and start with a marker.
        [
            "- sandbags for the houses on the lower streets of the town near",
            "- the river and for the school on the hill above the old bridge,",
            "- food and water for the families moved out of the flooded streets",
        ],
        [
            "1. sandbags for the houses on the lower streets of the town near",
            "2. the river and for the school on the hill above the old bridge,",
            "3. food and water for the families moved out of the flooded streets",
        ],
        # A table: columns kept apart by runs of spaces, or by pipes.
        [
            "Bridge        Supports cracked    Closed since      Reopens in",
            "Old bridge    two of the six      the tenth of May  the spring",
        ],
        [
            "| bridge | supports cracked | closed since the tenth of the month |",
            "| river  | level still rising at the gauge above the weir this week |",
        ],
    ],
)
def test_unwrap_leaves_list_items_and_table_rows_alone(block: list[str]):
    page = "\n".join([*WRAPPED, "", *block, "", *WRAPPED])
    out = unwrap_lines(page).split("\n")
    assert out[0] == PARAGRAPH  # the page is wrapped, and its paragraphs are joined ...
    assert out[2 : 2 + len(block)] == block  # ... but not the list or the table


def test_unwrap_never_joins_a_title_case_heading_or_a_label():
    heading = "Engineers Warn The Old Bridge Could Not Survive Another Hard Winter"
    page = "\n".join([heading, *WRAPPED, "Tags:", "bridges", "", *WRAPPED])
    out = unwrap_lines(page).split("\n")
    assert out[:4] == [heading, PARAGRAPH, "Tags:", "bridges"]
