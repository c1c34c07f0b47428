"""End to end: the demo corpus through the whole pipeline, checked against the dossier contract."""

from __future__ import annotations

import pytest

from storydesk import analyze
from storydesk.model import Dossier
from storydesk.report import render_json
from storydesk.schema import validate_dossier

FURNITURE = [
    "ADVERTISEMENT",
    "Share icon",
    "View this post on Instagram",
    "Image credits",
    "Most popular",
    "Editors' Picks",
    "This audio is created with AI assistance",
    "Translated and adapted from German",
    "Exit mobile version",
    "Connect with us",
    "More articles about Russia",
    "This might also interest you",
    "imago-images",
]


@pytest.fixture(scope="module")
def dossier(samples_dir) -> Dossier:
    return analyze([samples_dir])


def test_pipeline_demo_validates_against_the_schema(dossier):
    data = dossier.to_dict()
    validate_dossier(data)
    assert data["schema"] == "storydesk.dossier/1"
    assert len(data["articles"]) == 5


def test_pipeline_demo_is_one_story(dossier):
    assert len(dossier.stories) == 1
    assert sorted(dossier.stories[0].article_ids) == sorted(a.id for a in dossier.articles)


@pytest.mark.parametrize("furniture", FURNITURE)
def test_pipeline_demo_keeps_no_page_furniture(dossier, furniture):
    for article in dossier.articles:
        assert furniture not in article.text, (article.id, furniture)


def test_pipeline_every_quote_is_the_text_it_points_to(dossier):
    texts = {a.id: a.text for a in dossier.articles}
    mentions = [m for s in dossier.stories for c in s.claims for m in c.mentions]
    assert mentions
    for mention in mentions:
        assert texts[mention.article_id][mention.start : mention.end] == mention.quote
    for story in dossier.stories:
        for flag in story.flags:
            assert texts[flag.article_id][flag.start : flag.end] == flag.quote


def test_pipeline_summary_sentences_cite_articles_that_say_them(dossier):
    texts = {a.id: a.text for a in dossier.articles}
    story = dossier.stories[0]
    assert story.summary
    for sentence in story.summary:
        assert sentence.article_ids
        assert any(sentence.text in texts[aid] for aid in sentence.article_ids)


def test_pipeline_demo_compares_the_desertion_count_across_outlets(dossier):
    story = dossier.stories[0]
    desertion = [c for c in story.claims if c.kind == "count" and any(
        m.normalized.value == 18 for m in c.mentions)]
    assert len(desertion) == 1
    claim = desertion[0]
    assert claim.status == "consistent"
    assert len({m.article_id for m in claim.mentions}) >= 3
    values = {m.normalized.value for m in claim.mentions}
    assert 20 in values  # "around twenty" sits beside "18"


def test_pipeline_demo_keeps_unit_size_and_troops_sent_apart(dossier):
    claims = dossier.stories[0].claims
    holding = {v: {c.id for c in claims for m in c.mentions if m.normalized.value == v}
               for v in (3000, 10000)}
    assert holding[3000] and holding[10000]
    assert not holding[3000] & holding[10000]


def test_pipeline_demo_distance_is_normalised_to_km(dossier):
    claims = dossier.stories[0].claims
    distance = [c for c in claims if c.kind == "distance" and len(c.mentions) >= 3]
    assert distance, "the 4 miles / 6 km / 7 km distance should be one claim"
    for mention in distance[0].mentions:
        assert mention.normalized.unit == "km"
        assert 5.5 <= mention.normalized.value <= 7.5
    assert distance[0].status == "consistent"


def test_pipeline_demo_json_round_trips(dossier):
    text = render_json(dossier)
    import json

    again = Dossier.from_dict(json.loads(text))
    assert again.to_dict() == dossier.to_dict()


def test_pipeline_skips_bad_files_and_analyses_the_rest(tmp_path, samples_dir):
    import shutil

    for path in sorted(samples_dir.glob("*.txt"))[:2]:
        shutil.copy(path, tmp_path / path.name)
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (tmp_path / "bad.jsonl").write_text('{"text": "ok"\n')
    result = analyze([tmp_path])
    assert len(result.articles) == 2
    reasons = {s.source.rsplit("/", 1)[-1]: s.reason for s in result.skipped}
    assert {"empty.txt", "image.txt"} <= set(reasons)
    assert any("bad.jsonl" in s.source for s in result.skipped)
    validate_dossier(result.to_dict())
    read_stats = result.stats[0]
    assert read_stats.name == "read" and sum(read_stats.skipped.values()) >= 3


def test_pipeline_demo_counts_independent_origins(dossier):
    claims = dossier.stories[0].claims
    desertion = next(c for c in claims if any(m.normalized.value == 18 for m in c.mentions))
    sent = next(c for c in claims if any(m.normalized.value == 10000 for m in c.mentions))
    # Five outlets, one origin: Suspilne citing unnamed Ukrainian intelligence officials.
    assert desertion.independent_origins == 1
    assert "Suspilne" in desertion.origins[0]
    # Zelensky, and separately a Western diplomat speaking to the Kyiv Independent.
    assert sent.independent_origins == 2
