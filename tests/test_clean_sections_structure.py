"""Long lines that recur as the body's structure (an interview's questions) stay each time."""

from __future__ import annotations

import pytest

from storydesk.steps.clean import clean_plain_text
from storydesk.steps.clean.lines import Line, measure
from storydesk.steps.clean.sections import structural_repeats

QUESTION = "What made you start a cooking page of your own, and what keeps you going?"
ANSWERS = [
    "I always loved to cook for my friends, and one day they asked me to write it all down.",
    "My grandmother taught me to bake when I was six, and I wanted to share her recipes.",
    "It started as a diary of what I ate while I lived abroad, then people began to follow it.",
]
CAPTION = "The chef Anna Smith, left, and her sister pose in the kitchen of their new restaurant."
CREDIT = "Photo: John Doe"
LEAD = (
    "We asked three of the most popular food bloggers of the year how they began, and what they "
    "cook at home when nobody is watching them."
)


def _lines(texts: list[str]) -> list[Line]:
    return [measure(i, text) for i, text in enumerate(texts)]


TEMPLATE = ["Your favourite dish", "Her recipe for a quick dinner", "Where to find her"]


def _interview() -> list[str]:
    """Three sections of one template: a name, the question and its answer, then three short
    template headings, each followed by this blogger's own line."""
    texts = [LEAD]
    for k, answer in enumerate(ANSWERS):
        texts += [f"Blogger number {k + 1}", QUESTION, answer]
        for heading in TEMPLATE:
            texts += [heading, f"Blogger {k + 1} says that {heading.lower()} is a secret for now."]
    return texts


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        # Each question comes with its template lines (the credit) and a new answer.
        (_interview(), {2, 11, 20}),
        # The same caption twice in a row: a duplicate, not structure.
        ([LEAD, CAPTION, CAPTION, ANSWERS[0]], set()),
        # A gallery printed twice: nothing new between the two copies.
        ([LEAD, CAPTION, CREDIT, "Image", "1", "of", "2", CAPTION, CREDIT, "Image"], set()),
        # No repeat at all.
        ([LEAD, *ANSWERS], set()),
    ],
)
def test_structural_repeats(texts: list[str], expected: set[int]) -> None:
    lines = _lines(texts)
    assert structural_repeats(lines, 0, len(lines)) == expected


def test_structural_repeats_skip_lines_with_a_reason() -> None:
    lines = _lines(_interview())
    for line in lines:
        if line.text == QUESTION:
            line.reason = "caption"
    assert structural_repeats(lines, 0, len(lines)) == set()


@pytest.mark.parametrize("model", [False])
def test_interview_question_kept_each_time(model: bool) -> None:
    text = "\n".join(["Home", "News", "Food", *_interview(), "Share on Facebook", "Contact us"])
    kept = clean_plain_text(text, model=model).text.split("\n\n")
    assert kept.count(QUESTION) == len(ANSWERS)
    assert all(answer in kept for answer in ANSWERS)


def test_duplicate_long_line_still_kept_once() -> None:
    body = [LEAD, ANSWERS[0], ANSWERS[1], ANSWERS[1], ANSWERS[2]]
    kept = clean_plain_text("\n".join(["Home", *body, "Contact us"]), model=False).text
    assert kept.split("\n\n").count(ANSWERS[1]) == 1
