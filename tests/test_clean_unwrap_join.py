"""unwrap_lines joins hard-wrapped paragraphs, rejoins hyphenated words and keeps blank lines."""

from __future__ import annotations

import textwrap

import pytest

from storydesk.steps.clean import clean_plain_text
from storydesk.steps.clean.unwrap import unwrap_lines

PARAGRAPHS = [
    "The river burst its banks on Tuesday night after three days of heavy rain, and by morning "
    "the water had reached the doors of the houses on the lower streets of the town, where "
    "rescue teams in small boats were carrying elderly residents to the school on the hill.",
    "Officials said that the dam upstream was holding but that the level of the reservoir would "
    "be watched through the weekend, and they asked people who live near the river to prepare "
    "a bag of essentials in case the order to leave comes in the middle of the night.",
]


@pytest.mark.parametrize("width", [60, 72, 80])
@pytest.mark.parametrize("separator", ["\n\n", "\n"])
def test_unwrap_joins_each_wrapped_paragraph(width: int, separator: str):
    wrapped = separator.join(textwrap.fill(p, width) for p in PARAGRAPHS)
    assert wrapped.count("\n") > 6  # really wrapped
    assert unwrap_lines(wrapped).split(separator) == PARAGRAPHS


def test_unwrap_keeps_lines_around_the_wrapped_run():
    page = "\n".join(["Home", "World News", *textwrap.wrap(PARAGRAPHS[0], 64), "Share this story",
                      "Related Articles"])  # fmt: skip
    assert unwrap_lines(page).splitlines() == [
        "Home", "World News", PARAGRAPHS[0], "Share this story", "Related Articles"
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("broken", "joined"),
    [
        ("infor-\nmation", "information"),  # a soft hyphen of typesetting
        ("well-\nknown", "well-known"),  # a compound head keeps its hyphen
        ("make-\nup", "make-up"),  # the page writes "make-up" elsewhere
    ],
)
def test_unwrap_rejoins_words_hyphenated_across_a_break(broken: str, joined: str):
    head, tail = broken.split("\n")
    lines = textwrap.wrap(" ".join(PARAGRAPHS), 66)
    # The hyphenated word ends a full line (in place of its last word); the sentence goes on in
    # lower case below it.
    # Words are dropped so that both lines stay within the wrap width.
    words = lines[1].split()[:-1]
    while len(" ".join([*words, head])) > len(lines[1]):
        words.pop()
    lines[1] = " ".join([*words, head])
    words = [tail, *lines[2].split()]
    while len(" ".join(words)) > len(lines[2]):
        words.pop()
    lines[2] = " ".join(words)
    page = "\n".join([*lines, "", "The make-up of the committee changes in the spring."])
    first = unwrap_lines(page).split("\n\n")[0]
    assert "\n" not in first
    assert f" {joined} " in first


def test_clean_plain_text_keeps_the_wrapped_paragraph_as_body():
    page = "\n".join(["Home", "Latest News", "Politics", "Sports", "",
                      *textwrap.wrap(PARAGRAPHS[0], 70), "", *textwrap.wrap(PARAGRAPHS[1], 70),
                      "", "Tags:", "Share on Facebook", "Copyright 2024 Example Media"])  # fmt: skip
    result = clean_plain_text(page, model=False)
    assert result.text.split("\n\n") == PARAGRAPHS
    removed = {r.text for r in result.removed}
    assert {"Home", "Share on Facebook"} <= removed
