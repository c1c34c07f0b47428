"""The store: the demo corpus in, one story out; re-ingest is a no-op; queries; the dossier from
the store matches the schema and what `analyze` finds."""

from __future__ import annotations

import shutil
import sqlite3

import pytest

from storydesk.model import Article
from storydesk.schema import validate_dossier
from storydesk.store import Store


def _snapshot(path) -> dict[str, list[tuple]]:
    """Every row of every table: what "nothing changed" means."""
    conn = sqlite3.connect(path)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {t: sorted(map(tuple, conn.execute(f"SELECT * FROM {t}"))) for t in tables}
    finally:
        conn.close()


@pytest.fixture(scope="module")
def samples_db(tmp_path_factory, samples_dir, nlp):
    path = tmp_path_factory.mktemp("store") / "news.db"
    with Store(path, create=True) as store:
        summary = store.ingest([samples_dir])
    return path, summary


def test_store_samples_are_one_story_of_five(samples_db):
    path, summary = samples_db
    assert (summary.new, summary.duplicates, summary.stories_new) == (5, 0, 1)
    assert "5 new articles" in summary.line()
    with Store(path) as store:
        stories = store.list_stories()
        assert len(stories) == 1 and stories[0].article_count == 5
        story = store.get_story(stories[0].id)
        assert len(story.article_ids) == 5
        assert story.claims and story.sources and story.summary
        assert story.headline == stories[0].headline != ""


def test_store_reingest_is_a_noop(samples_db, samples_dir, tmp_path):
    path, _ = samples_db
    copy = tmp_path / "copy.db"
    shutil.copy(path, copy)
    before = _snapshot(copy)
    with Store(copy) as store:
        summary = store.ingest([samples_dir])
    assert summary.new == 0 and summary.already_stored == 5 and summary.stories_touched == 0
    assert summary.line().startswith("0 new articles")
    assert _snapshot(copy) == before


def test_store_dossier_validates_and_quotes_point_into_stored_text(samples_db):
    path, _ = samples_db
    with Store(path) as store:
        dossier = store.dossier_for()
    data = dossier.to_dict()
    validate_dossier(data)
    assert len(data["articles"]) == 5 and len(data["stories"]) == 1
    texts = {a.id: a.text for a in dossier.articles}
    for claim in dossier.stories[0].claims:
        for mention in claim.mentions:
            assert texts[mention.article_id][mention.start : mention.end] == mention.quote


def test_store_story_matches_the_batch_pipeline(samples_db, samples_dir):
    from storydesk import analyze

    path, _ = samples_db
    batch = analyze([samples_dir]).stories[0]
    with Store(path) as store:
        stored = store.get_story(store.list_stories()[0].id)
    assert sorted(stored.article_ids) == sorted(batch.article_ids)
    # Same members, same per-story steps: the same claims and sources. Member order may differ
    # (the store keeps time order), and so may the headline (the batch clusterer picks one).
    assert _claims(stored) == _claims(batch)
    assert {s.name for s in stored.sources} == {s.name for s in batch.sources}


def _claims(story) -> set[tuple]:
    return {
        (c.statement, c.status, c.independent_origins,
         frozenset((m.article_id, m.quote, m.start) for m in c.mentions))
        for c in story.claims
    }


def test_store_article_keeps_its_annotations(samples_db):
    path, _ = samples_db
    with Store(path) as store:
        article_id = store.get_story("s1").article_ids[0]
        bare = store.get_article(article_id)
        full = store.get_article(article_id, annotations=True)
        assert store.story_of(article_id) == "s1"
    assert isinstance(full, Article) and bare.text == full.text
    assert bare.quantities == [] and full.sentences and full.quantities
    quantity = full.quantities[0]
    assert full.text[quantity.span.start : quantity.span.end]
    assert isinstance(quantity.value, float)


@pytest.mark.parametrize(
    ("search", "found"),
    [(None, 1), ("north korean", 1), ("NORTH", 1), ("no such words", 0), ("%", 0)],
)
def test_store_list_stories_search(samples_db, search, found):
    path, _ = samples_db
    with Store(path) as store:
        assert len(store.list_stories(search=search)) == found


@pytest.mark.parametrize(("limit", "offset", "found"), [(10, 0, 1), (0, 0, 0), (10, 1, 0)])
def test_store_list_stories_pages(samples_db, limit, offset, found):
    path, _ = samples_db
    with Store(path) as store:
        assert len(store.list_stories(limit=limit, offset=offset)) == found


@pytest.mark.parametrize("method", ["get_story", "get_article", "story_of"])
def test_store_unknown_ids_raise_key_error(samples_db, method):
    path, _ = samples_db
    with Store(path) as store, pytest.raises(KeyError):
        getattr(store, method)("nope")


def test_store_stats(samples_db):
    path, _ = samples_db
    with Store(path) as store:
        stats = store.stats()
    assert (stats.articles, stats.stories, stats.open_stories, stats.skipped) == (5, 1, 1, 0)
    assert stats.first_date is not None and stats.first_date <= stats.last_date
