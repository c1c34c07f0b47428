"""Bad store files and a busy store give clear errors; skipped inputs are stored with reasons."""

from __future__ import annotations

import sqlite3

import pytest

from storydesk.errors import InputError
from storydesk.store import STORE_VERSION, Store, StoreBusyError, StoreError


def _foreign(path):
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (body TEXT)")
    conn.commit()
    conn.close()


def _newer(path):
    Store(path, create=True).close()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE schema_version SET version = ?", (STORE_VERSION + 1,))
    conn.commit()
    conn.close()


def _garbage(path):
    path.write_bytes(b"this is not a database\n" * 200)


def _truncated_header(path):
    Store(path, create=True).close()
    data = bytearray(path.read_bytes())
    data[:16] = b"garbage garbage!"
    path.write_bytes(bytes(data))


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (_garbage, "not a storydesk store or is corrupted"),
        (_truncated_header, "not a storydesk store or is corrupted"),
        (_foreign, "not a storydesk store"),
        (_newer, "newer than this storydesk reads"),
    ],
)
@pytest.mark.parametrize("create", [False, True])
def test_store_refuses_bad_files(tmp_path, make, message, create):
    path = tmp_path / "bad.db"
    make(path)
    before = path.read_bytes()
    with pytest.raises(StoreError, match=message) as info:
        Store(path, create=create)
    assert info.value.hint  # says what to do
    assert isinstance(info.value, InputError)
    assert path.read_bytes() == before  # never modified


@pytest.mark.parametrize("kind", ["missing", "folder", "empty"])
def test_store_reading_needs_an_existing_store(tmp_path, kind):
    path = tmp_path / "news.db"
    if kind == "folder":
        path.mkdir()
    elif kind == "empty":
        path.write_bytes(b"")
    with pytest.raises(StoreError) as info:
        Store(path)
    assert "storydesk ingest" in info.value.hint


def test_store_busy_writer_is_a_clear_error(tmp_path, samples_dir):
    path = tmp_path / "news.db"
    Store(path, create=True).close()
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another writer holds the lock
    try:
        with Store(path, timeout=0.05) as store, pytest.raises(StoreBusyError) as info:
            store.ingest([samples_dir])
        assert "another" in info.value.hint
    finally:
        other.execute("ROLLBACK")
        other.close()
    with Store(path) as store:  # nothing was written
        assert store.stats().articles == 0


def test_store_keeps_skipped_inputs_with_reasons_once(tmp_path, nlp):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02\x03 not text")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_text("   \n\n  ", encoding="utf-8")
    with Store(tmp_path / "s.db", create=True) as store:
        first = store.ingest([folder])
        second = store.ingest([folder])
        stored = store.skipped()
        stats = store.stats()
        dossier = store.dossier_for()
    assert first.new == 0 and sum(first.skipped.values()) == 3
    assert sum(second.skipped.values()) == 3  # reported again, stored once
    assert len(stored) == 3 and stats.skipped == 3
    reasons = {entry.source.rsplit("/", 1)[-1]: entry.reason for entry in stored}
    assert reasons["binary.txt"].startswith("binary")
    assert all(reasons.values())
    assert len(dossier.skipped) == 3 and dossier.stories == []


def test_store_missing_input_path_fails_before_writing(tmp_path):
    with Store(tmp_path / "s.db", create=True) as store:
        with pytest.raises(InputError):
            store.ingest([tmp_path / "nope"])
        assert store.stats().articles == 0
