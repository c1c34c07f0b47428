"""Casualty figures: which quantities count the killed / injured, and the one figure per article."""

from __future__ import annotations

import pytest

from storydesk.model import Article
from storydesk.steps.extract import find_quantities
from storydesk.steps.extract.casualties import casualty_figures, casualty_role
from storydesk.steps.extract.negation import find_negated_counts


def _article(nlp, text: str) -> Article:
    article = Article(id="a", source="a", text=text)
    article.quantities = find_quantities(nlp(text))
    return article


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        # headline case: "Kills 1 Person" is no "Windows 10"; the title runs into the lead
        ("Shooting Kills 1 Person, Wounds 5 In South Chicago\n\nSix people were shot early "
         "Saturday.", {"killed": 1, "injured": 5}),
        ("2 dead, 3 wounded in Brighton Park shooting\n\nPolice said two people were killed.",
         {"killed": 2, "injured": 3}),
        ("Six people were shot, one fatally, during an attack early Saturday.", {"killed": 1}),
        ("The shooting killed one and wounded five others, police said.",
         {"killed": 1, "injured": 5}),
        ("Two people, including the gunman, were killed in the shooting.", {"killed": 2}),
        ("Including two children, four people were killed in the shooting.", {"killed": 4}),
        # ages are not counts
        ("Police said Calvin Williams, 23, of Chicago, was killed on Monday.", {}),
        ("A child under the age of 10 was killed in a drive-by shooting.", {}),
        # the 8 is an age, not the toll; the one girl killed is (read by victims.lone_victims)
        ("An 8 yo girl was killed by gunfire off the Beltway.", {"killed": 1}),
        # "no one" is never "one"; a zero is not taken as the article's figure
        ("A man was shot in the leg. No one was injured in the second shooting.", {}),
        # a round-up of several incidents states no one incident's figures
        ("8 dead, 27 wounded in weekend shootings across Chicago\n\nFour people were killed "
         "in the most recent homicide.", {}),
        # related-video lists are not the article
        ("Man shot in Tacoma\n\n1:27 2 dead after Fife collision\n\nA man was shot on Sunday.", {}),
        ("Police found 3 shell casings near the car.", {}),
        # "among 8 injured": the 8 is the total, the girl is the part
        ("Girl, 3, among 8 injured in east Baltimore shooting\n\nPolice are searching.",
         {"injured": 8}),
        # a subset named after the figure is no total when a total is stated
        ("Five people were shot. Three of the victims died at the scene, and two others were "
         "killed on Sunday.", {"killed": 2}),
        # the latest toll wins
        ("Two people were killed on Sunday. By Monday the death toll rose to 4, police said.",
         {"killed": 4}),
        # other incidents and statistics give no figure, even when nothing else is stated
        ("Man wounded on Main Street\n\nEarlier in the day, two other shootings left three "
         "people injured. A man was "
         "wounded in the leg; two people were injured, police said.", {"injured": 2}),
        # a lead that reports several incidents
        ("Six shot in Baltimore on Saturday\n\nTwo men were killed and four were wounded in "
         "three separate shootings.", {}),
    ],
)  # fmt: skip
def test_casualty_figures(nlp, text, figures):
    assert casualty_figures(_article(nlp, text)) == figures


@pytest.mark.parametrize(
    ("text", "quote", "role"),
    [
        ("Two people were shot and killed near the corner.", "Two", ("killed", 0)),
        ("Four men were wounded in the attack.", "Four", ("injured", 1)),
        ("The gunman killed six people at the mall.", "six", ("killed", 0)),
        ("Five people were sent to the hospital, and one of the victims has died.", "Five", None),
        ("Police fired 12 shots; nobody died.", "12", None),
    ],
)
def test_casualty_role(nlp, text, quote, role):
    article = _article(nlp, text)
    (quantity,) = [q for q in article.quantities if text[q.span.start : q.span.end] == quote]
    assert casualty_role(text, quantity) == role


@pytest.mark.parametrize(
    ("text", "zeros"),
    [
        ("No one was injured in the shooting.", ["people injured"]),
        ("Nobody was hurt, police said.", ["people injured"]),
        ("No injuries were reported.", ["people injured"]),
        ("None of the victims died.", ["people killed"]),
        ("No one else was hurt.", []),  # someone was: the total stays open
        ("No other injuries were reported.", []),
        ("No one was seriously hurt.", []),
        ("None of the victims' injuries are life-threatening.", []),
        ("Police said 3 people were injured.", []),
    ],
)
def test_negated_counts(nlp, text, zeros):
    found = find_negated_counts(nlp(text))
    assert [q.counted for q in found] == zeros
    assert all(q.value == 0 and q.kind == "count" for q in found)
    for q in found:
        assert q.sentence is not None and q.sentence.contains(q.span)


def test_no_one_is_a_zero_not_a_one(nlp):
    text = "No one was injured in the shooting."
    values = [q.value for q in find_quantities(nlp(text))]
    assert values == [0.0]


@pytest.mark.parametrize(
    "text",
    [
        "He was shot in the 5500 block of Main Street on Monday.",
        "Anyone with information should call 312-555-0100.",
        "Call (713) 222-8477 with tips about the shooting.",
    ],
)
def test_addresses_and_phone_numbers_are_no_counts(nlp, text):
    assert [q for q in find_quantities(nlp(text)) if q.kind == "count"] == []
