"""Site templates: lines a site repeats across its pages are removed as "template"."""

from __future__ import annotations

import pytest

from storydesk.model import StepStats
from storydesk.steps.clean import CleanStep, SiteTemplates
from storydesk.steps.clean.lines import normalise
from storydesk.steps.clean.step import learn_site_templates, site_of

PROMO = "Follow us on Telegram for the latest updates from the city and the region."
STORIES = [
    ("The council approved the new budget on Monday after a debate that lasted six hours, "
     "officials said, and the mayor welcomed the vote."),
    ("Firefighters brought a warehouse blaze under control on Tuesday night after three hours, "
     "and nobody was hurt, the fire service said."),
    ("The river rose above its banks on Wednesday morning, flooding two streets near the old "
     "bridge, and residents were told to stay indoors."),
    ("A new bus line will link the station with the hospital from March, the transport office "
     "said on Thursday, with buses every ten minutes."),
]  # fmt: skip


def _page(story: str) -> str:
    return "\n\n".join([story, story.replace(" on ", " late on "), PROMO])


@pytest.mark.parametrize(("pages", "expected"), [(2, False), (3, True), (4, True)])
def test_site_templates_need_enough_articles(pages: int, expected: bool):
    templates = SiteTemplates()
    for story in STORIES[:pages]:
        templates.observe("example.com", _page(story))
    assert (normalise(PROMO) in templates.lines("example.com")) is expected
    assert templates.lines("other.org") == frozenset()


def test_site_templates_need_a_share_of_the_site():
    templates = SiteTemplates(min_articles=3, min_share=0.5)
    for i in range(10):
        templates.observe("example.com", f"Story number {i} is told here in full sentences.")
    for story in STORIES[:3]:
        templates.observe("example.com", _page(story))
    # 3 of 13 pages is not half the site: a paragraph shared by a few updates is no template.
    assert normalise(PROMO) not in templates.lines("example.com")


def test_clean_step_learns_and_removes_site_template(make_article):
    articles = [
        make_article(_page(story), id=f"a{i}", outlet="Example News")
        for i, story in enumerate(STORIES)
    ]
    cleaned = list(CleanStep().run(articles, StepStats("clean"), []))
    assert len(cleaned) == 4
    for article in cleaned:
        assert PROMO not in article.text
        assert {"text": PROMO, "reason": "template"} in [
            {"text": r.text, "reason": r.reason} for r in article.removed
        ]
        assert article.text.startswith(STORIES[int(article.id[1:])][:40])


def test_clean_step_without_site_learns_nothing(make_article):
    articles = [make_article(_page(story), id=f"a{i}") for i, story in enumerate(STORIES)]
    assert all(site_of(a) is None for a in articles)
    assert learn_site_templates(articles) == {}
    cleaned = list(CleanStep().run(articles, StepStats("clean"), []))
    assert all(PROMO in article.text for article in cleaned)


def test_clean_step_given_templates_and_learning_off(make_article):
    article = make_article(_page(STORIES[0]), outlet="example.com")
    step = CleanStep(templates={"example.com": {normalise(PROMO)}}, learn_templates=False)
    assert PROMO not in step.process(article).text
