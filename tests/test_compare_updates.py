"""A figure that changed as the story developed: an update explains a difference between outlets."""

from __future__ import annotations

import datetime as dt

import pytest

from storydesk.model import Article, Dossier, StepStats, Story
from storydesk.schema import validate_dossier
from storydesk.steps.compare import ClaimAligner
from storydesk.steps.compose import FlagCollector
from storydesk.steps.extract import SpacyExtractor

MONDAY, TUESDAY = dt.date(2024, 3, 4), dt.date(2024, 3, 5)
KILLED_4 = "Four people were killed in the blast at the market on Monday, police said."
KILLED_5 = "Five people were killed in the blast at the market on Monday, police said."
ROSE_5 = "The death toll in the market blast has risen to five, police said."


def _story(nlp, *dated: tuple[str, dt.date | None]) -> tuple[Story, dict[str, Article]]:
    articles = [
        Article(id=f"a{i}", source=f"a{i}.txt", text=text, published=day)
        for i, (text, day) in enumerate(dated)
    ]
    extracted = list(SpacyExtractor(nlp=nlp).run(articles, StepStats("extract"), []))
    by_id = {a.id: a for a in extracted}
    story = Story(id="s1", article_ids=list(by_id))
    story = ClaimAligner(nlp=nlp).run_story(story, by_id)
    return FlagCollector().run_story(story, by_id), by_id


def _toll(story: Story):
    """The claim holding a 4 (the earlier figure)."""
    return next(c for c in story.claims if 4.0 in {m.value for m in c.mentions})


@pytest.mark.parametrize(
    ("first", "second", "status", "statement", "flag"),
    [
        # a later report updates the toll: the outlets agree once time is taken into account
        ((KILLED_4, MONDAY), (ROSE_5, TUESDAY), "consistent", "People killed: 5 (rose from 4)",
         ("a1", "The death toll in the market blast has risen to five")),
        # the update inside one article ("raising the death toll to five")
        ((KILLED_4 + " One of the injured later died in hospital, raising the death toll to "
          "five.", MONDAY), (KILLED_5, TUESDAY), "consistent", "People killed: 5 (rose from 4)",
         ("a0", "raising the death toll to five")),
        # unknown dates: the update's own words say which figure is newer
        ((KILLED_4, None), (ROSE_5, None), "consistent", "People killed: 5 (rose from 4)",
         ("a1", "The death toll in the market blast has risen to five")),
        # two plain figures: a real discrepancy
        ((KILLED_4, MONDAY), (KILLED_5, TUESDAY), "discrepant", "People killed: 4–5", None),
        # update words on an unrelated quantity do not make the toll an update
        ((KILLED_4, MONDAY), (KILLED_5 + " Fuel prices rose to $5 after the blast.", TUESDAY),
         "discrepant", "People killed: 4–5", None),
        # the update is older than the figure it would replace: wrong way in time
        ((KILLED_4, TUESDAY), (ROSE_5, MONDAY), "discrepant", None, None),
        # the values move against the update's words: "rose" to a lower figure
        ((KILLED_5, MONDAY), ("The death toll in the market blast has risen to four, police "
                              "said.", TUESDAY), "discrepant", None, None),
    ],
)  # fmt: skip
def test_updates_explain_differences(nlp, first, second, status, statement, flag):
    story, _ = _story(nlp, first, second)
    claim = _toll(story)
    assert claim.status == status
    assert sorted(m.value for m in claim.mentions if m.value is not None) in (
        [4.0, 5.0],
        [4.0, 5.0, 5.0],
    )
    if statement is not None:
        assert claim.statement == statement
    updates = [(f.article_id, f.quote) for f in story.flags if f.type == "update"]
    if flag is None:
        assert updates == []
    else:
        assert updates == [flag]
        assert claim.id in next(f.claim_ids for f in story.flags if f.type == "update")


def test_rerun_adds_no_second_flag(nlp):
    story, by_id = _story(nlp, (KILLED_4, MONDAY), (ROSE_5, TUESDAY))
    again = FlagCollector().run_story(ClaimAligner(nlp=nlp).run_story(story, by_id), by_id)
    assert [f.type for f in again.flags].count("update") == 1


def test_updated_dossier_validates(nlp):
    story, by_id = _story(nlp, (KILLED_4, MONDAY), (ROSE_5, TUESDAY))
    dossier = Dossier(articles=list(by_id.values()), stories=[story])
    data = dossier.to_dict()
    validate_dossier(data)
    again = Dossier.from_dict(data)
    assert again.stories[0].flags[0].type == "update"
    assert again.stories[0].claims[0].statement == "People killed: 5 (rose from 4)"
