"""Ingest in batches: articles join the open story across runs, a story closes after the window,
copies join their original's story, and a reused id with new content gets a stable id."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3

import pytest

from storydesk.store import Store

FIRE = [
    "A fire broke out at the Maasvlakte chemical warehouse in Rotterdam on Tuesday night, "
    "the Rotterdam fire brigade said. Forty firefighters fought the blaze at the Vopak depot "
    "for six hours. Two workers were taken to Erasmus hospital with burns.",
    "Rotterdam firefighters battled a blaze at the Vopak chemical warehouse on the Maasvlakte "
    "for six hours, the fire brigade said. Two Vopak workers were treated at Erasmus hospital. "
    "Residents of Rotterdam were told to keep windows closed.",
    "The Vopak warehouse fire on the Maasvlakte in Rotterdam is under control, the fire "
    "brigade said on Wednesday. Forty firefighters were deployed and two workers were taken "
    "to Erasmus hospital. The cause of the Rotterdam fire is not yet known.",
    "Investigators in Rotterdam are examining the Vopak warehouse on the Maasvlakte after the "
    "fire. The two workers treated at Erasmus hospital have been released, Vopak said.",
]
QUAKE = [
    "A magnitude 6.8 earthquake struck near Valparaiso in Chile on Friday, the Chilean "
    "seismology centre said. Buildings in Valparaiso and Vina del Mar were damaged and "
    "three people were injured, Chile's emergency office Senapred said.",
    "Chile's Senapred said three people were injured when the magnitude 6.8 quake hit the "
    "Valparaiso region. Power was cut in Vina del Mar and Valparaiso for several hours.",
]
DAY = dt.date(2024, 3, 5)


def _write(path, records):
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def _record(id, text, day, title=None):
    return {"id": id, "text": text, "published": day.isoformat(), "title": title or text[:60]}


def _story_of(store: Store) -> dict[str, str]:
    return {
        a.id: s.id for s in store.list_stories(limit=100) for a in store.dossier_for([s.id]).articles
    }


def test_store_second_batch_joins_the_open_story(tmp_path, nlp):
    first = _write(tmp_path / "one.jsonl", [
        _record("f1", FIRE[0], DAY), _record("f2", FIRE[1], DAY), _record("q1", QUAKE[0], DAY),
    ])
    second = _write(tmp_path / "two.jsonl", [
        _record("f3", FIRE[2], DAY + dt.timedelta(days=1)),
        _record("q2", QUAKE[1], DAY + dt.timedelta(days=1)),
    ])
    with Store(tmp_path / "s.db", create=True) as store:
        one = store.ingest([first])
        two = store.ingest([second])
        story = _story_of(store)
        counts = {s.id: s.article_count for s in store.list_stories()}
    assert (one.new, one.stories_new) == (3, 2)
    assert (two.new, two.stories_new, two.stories_touched) == (2, 0, 2)
    assert story["f1"] == story["f2"] == story["f3"]
    assert story["q1"] == story["q2"] != story["f1"]
    assert sorted(counts.values()) == [2, 3]


def test_store_batches_give_the_same_stories_as_one_run(tmp_path, nlp):
    records = [_record(f"f{i}", t, DAY) for i, t in enumerate(FIRE)] + [
        _record(f"q{i}", t, DAY) for i, t in enumerate(QUAKE)
    ]
    whole = _write(tmp_path / "all.jsonl", records)
    part1 = _write(tmp_path / "p1.jsonl", records[::2])
    part2 = _write(tmp_path / "p2.jsonl", records[1::2])
    with Store(tmp_path / "one.db", create=True) as store:
        store.ingest([whole])
        once = _story_of(store)
    with Store(tmp_path / "two.db", create=True) as store:
        store.ingest([part1])
        store.ingest([part2])
        twice = _story_of(store)
    groups = lambda assignment: {frozenset(a for a in assignment if assignment[a] == s)  # noqa: E731
                                 for s in assignment.values()}
    assert groups(once) == groups(twice)


def test_store_story_closes_after_the_window(tmp_path, nlp):
    first = _write(tmp_path / "one.jsonl", [_record("f1", FIRE[0], DAY)])
    later = _write(tmp_path / "two.jsonl", [_record("f4", FIRE[3], DAY + dt.timedelta(days=60))])
    with Store(tmp_path / "s.db", create=True) as store:
        store.ingest([first])
        summary = store.ingest([later])
        stories = {s.id: s for s in store.list_stories()}
        assert store.story_of("f1") != store.story_of("f4")
        assert not stories[store.story_of("f1")].is_open
        assert stories[store.story_of("f4")].is_open
        assert store.stats().open_stories == 1
    assert summary.stories_new == 1 and summary.stories_closed == 1


def test_store_copy_under_another_name_joins_its_original(tmp_path, nlp):
    first = _write(tmp_path / "one.jsonl", [_record("f1", FIRE[0], DAY), _record("q1", QUAKE[0], DAY)])
    copy = _write(tmp_path / "two.jsonl", [_record("copy", FIRE[0], DAY + dt.timedelta(days=1))])
    with Store(tmp_path / "s.db", create=True) as store:
        store.ingest([first])
        summary = store.ingest([copy])
        article = store.get_article("copy")
        assert article.duplicate_of == "f1"
        assert store.story_of("copy") == store.story_of("f1")
        assert "copy" in store.get_story(store.story_of("f1")).article_ids
    assert (summary.new, summary.duplicates, summary.stories_new) == (1, 1, 0)


def test_store_reused_id_with_new_content_gets_a_stable_id(tmp_path, nlp):
    folder_a, folder_b = tmp_path / "a", tmp_path / "b"
    folder_a.mkdir()
    folder_b.mkdir()
    (folder_a / "report.txt").write_text(FIRE[0], encoding="utf-8")
    (folder_b / "report.txt").write_text(QUAKE[0], encoding="utf-8")
    with Store(tmp_path / "s.db", create=True) as store:
        store.ingest([folder_a])
        second = store.ingest([folder_b])
        again = store.ingest([folder_b])
        ids = sorted(a.id for a in store.dossier_for().articles)
    assert second.new == 1 and again.new == 0 and again.already_stored == 1
    assert ids[0] == "report" and ids[1].startswith("report-")


@pytest.mark.parametrize("chunk_size", [1, 2])
def test_store_small_chunks_give_the_same_result(tmp_path, nlp, chunk_size):
    records = [_record(f"f{i}", t, DAY) for i, t in enumerate(FIRE[:3])]
    path = _write(tmp_path / "all.jsonl", records)
    with Store(tmp_path / "s.db", create=True) as store:
        summary = store.ingest([path], chunk_size=chunk_size)
        assert len({store.story_of(r["id"]) for r in records}) == 1
    assert summary.new == 3 and summary.stories_touched == 1


def test_store_schema_version_and_wal(tmp_path, nlp):
    with Store(tmp_path / "s.db", create=True):
        pass
    conn = sqlite3.connect(tmp_path / "s.db")
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("SELECT version, application FROM schema_version").fetchone() == (
            1, "storydesk.store"
        )
    finally:
        conn.close()
