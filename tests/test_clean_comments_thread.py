"""A comment thread without a heading ends the body: a name over a time stamp, repeated."""

from __future__ import annotations

import pytest

from storydesk.steps.clean import clean_plain_text

BODY = [
    "Business focus is why some people are able to build the online business they dream of "
    "while others think about it for years and never manage to take the first real step.",
    "The laws of physics apply to online business just like offline business, and an object "
    "at rest tends to stay at rest unless a force acts on it, which is where focus comes in.",
]
COMMENT = "Thanks so much for reading this long article, and for leaving a comment {n} too!"


def _page(stamp: str, comments: int) -> str:
    thread = []
    for n in range(comments):
        thread += [f"Reader {chr(65 + n)}", stamp.format(n=n + 1), COMMENT.format(n=n)]
    return "\n".join(["Home", "Blog", *BODY, *thread, "Privacy Policy"])


@pytest.mark.parametrize(
    ("stamp", "comments", "removed"),
    [
        ("August {n}, 2018 at 3:17 pm", 3, True),
        ("Sep {n}, 2019 at 12:22", 4, True),
        ("August {n}, 2018 at 3:17 pm", 2, False),  # two could be the article's own parts
        ("24 November, 199{n}", 3, False),  # a table of names and dates, no time of day
    ],
)
def test_clean_comments_thread_shape_ends_the_body(stamp: str, comments: int, removed: bool):
    result = clean_plain_text(_page(stamp, comments), model=False)
    assert all(paragraph in result.text for paragraph in BODY)
    assert ("leaving a comment" not in result.text) is removed
