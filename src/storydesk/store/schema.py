"""The store's SQLite schema, how a file is opened and checked, and the store's errors.

A store is one SQLite file in WAL mode (readers, e.g. the web UI, never block the one writer).
``PRAGMA application_id`` and the ``schema_version`` table mark it as a storydesk store; a file
without them, from a newer storydesk, or that is not SQLite at all is refused with a clear error
instead of being modified.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from storydesk.errors import InputError, StorydeskError

#: The layout written by this version; bump it (and add a migration) when a table changes.
STORE_VERSION = 1
#: "SDSK" as a big-endian int: lets ``file`` and sqlite tools recognise a store.
APPLICATION_ID = 0x5344534B
APPLICATION = "storydesk.store"

DDL = """
CREATE TABLE schema_version (
    version     INTEGER NOT NULL,
    application TEXT NOT NULL
);
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE stories (
    id            TEXT PRIMARY KEY,
    number        INTEGER NOT NULL UNIQUE,   -- s<number>: order of creation
    headline      TEXT NOT NULL DEFAULT '',
    article_count INTEGER NOT NULL DEFAULT 0,
    first_date    TEXT,                      -- earliest member publication date (ISO)
    last_date     TEXT,                      -- latest member publication date (ISO)
    window_date   TEXT,                      -- what the streaming window is measured from
    last_seq      INTEGER NOT NULL DEFAULT 0,-- articles.seq of the latest member
    is_open       INTEGER NOT NULL DEFAULT 1,-- still accepting articles (replayed by ingest)
    updated_at    TEXT NOT NULL,
    dossier       TEXT NOT NULL DEFAULT '{}' -- the story's part of the dossier (JSON)
);
CREATE INDEX stories_open ON stories(is_open, last_seq);
CREATE TABLE articles (
    seq          INTEGER PRIMARY KEY AUTOINCREMENT,  -- ingest order, the stream's order
    id           TEXT NOT NULL UNIQUE,
    content_hash TEXT NOT NULL,   -- sha1 of the normalised cleaned words (exact duplicates)
    raw_hash     TEXT NOT NULL,   -- sha1 of the raw input (re-ingest skips before cleaning)
    source       TEXT NOT NULL,
    outlet       TEXT,
    title        TEXT,
    published    TEXT,
    language     TEXT,
    text         TEXT NOT NULL,
    removed      TEXT NOT NULL DEFAULT '[]',  -- JSON [{"text", "reason"}]
    duplicate_of TEXT,
    story_id     TEXT REFERENCES stories(id),
    annotations  TEXT NOT NULL DEFAULT '{}',  -- JSON: the extract stage's views into text
    ingested_at  TEXT NOT NULL
);
CREATE INDEX articles_story ON articles(story_id, seq);
CREATE INDEX articles_content ON articles(content_hash);
CREATE INDEX articles_raw ON articles(raw_hash);
CREATE TABLE skipped (
    source      TEXT NOT NULL,
    reason      TEXT NOT NULL,
    detail      TEXT NOT NULL DEFAULT '',
    stage       TEXT NOT NULL DEFAULT 'read',
    ingested_at TEXT NOT NULL,
    UNIQUE (source, reason, detail)
);
"""

_CREATE_HINT = "pass a file written by `storydesk ingest`, or a new file name to start a store"


class StoreError(InputError):
    """The file is not a usable storydesk store (not SQLite, corrupted, foreign, too new)."""


class StoreBusyError(StorydeskError):
    """Another process holds the store's write lock for longer than the busy timeout."""


def connect(path: Path, *, create: bool, timeout: float = 5.0) -> sqlite3.Connection:
    """Open (and with ``create``, initialise) the store at ``path`` and check it is one.

    Raises ``StoreError`` for a missing file (without ``create``), a file that is not SQLite, a
    foreign SQLite database or a store of an unknown version."""
    path = Path(path)
    if path.is_dir():
        raise StoreError(f"{path} is a folder, not a store file", hint=_CREATE_HINT)
    if not path.exists() and not create:
        raise StoreError(
            f"no store at {path}", hint="create one with `storydesk ingest PATH... --db FILE`"
        )
    # isolation_level=None: transactions are explicit (``write_transaction``), so a long ingest
    # is one BEGIN IMMEDIATE … COMMIT and a reader never sees half of it.
    conn = sqlite3.connect(path, timeout=timeout, isolation_level=None)
    conn.row_factory = sqlite3.Row
    try:
        with translate_errors(path):
            _check_or_create(conn, path, create)
            conn.execute("PRAGMA foreign_keys = ON")
    except BaseException:
        conn.close()
        raise
    return conn


def _check_or_create(conn: sqlite3.Connection, path: Path, create: bool) -> None:
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if not tables:
        if not create:
            raise StoreError(f"{path} is an empty database, not a storydesk store", hint=_CREATE_HINT)
        conn.execute("PRAGMA journal_mode = WAL")
        with write_transaction(conn, path):
            # Another process may have created the store while we waited for the lock.
            if conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0:
                for statement in DDL.split(";"):
                    if statement.strip():
                        conn.execute(statement)
                conn.execute(
                    "INSERT INTO schema_version (version, application) VALUES (?, ?)",
                    (STORE_VERSION, APPLICATION),
                )
                conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        return
    if "schema_version" not in tables:
        raise StoreError(
            f"{path} is an SQLite database but not a storydesk store (no schema_version table)",
            hint=_CREATE_HINT,
        )
    row = conn.execute("SELECT version, application FROM schema_version").fetchone()
    if row is None or row["application"] != APPLICATION:
        raise StoreError(f"{path} is not a storydesk store (foreign schema_version)", hint=_CREATE_HINT)
    version = int(row["version"])
    if version > STORE_VERSION:
        raise StoreError(
            f"{path} is a store of version {version}, newer than this storydesk reads "
            f"(up to {STORE_VERSION})",
            hint="upgrade storydesk (pip install -U storydesk) to open it",
        )
    if version < STORE_VERSION:  # pragma: no cover - no older layout exists yet
        raise StoreError(f"{path} is a store of unknown old version {version}", hint=_CREATE_HINT)
    conn.execute("PRAGMA journal_mode = WAL")


@contextmanager
def translate_errors(path: Path) -> Iterator[None]:
    """SQLite's errors as storydesk errors with a hint (the CLI prints them without a traceback)."""
    try:
        yield
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise StoreBusyError(
                f"the store {path} is locked by another writer ({exc})",
                hint="wait for the other `storydesk ingest` to finish, or use another --db file",
            ) from exc
        raise StoreError(f"cannot use the store {path}: {exc}", hint=_CREATE_HINT) from exc
    except sqlite3.DatabaseError as exc:
        raise StoreError(
            f"{path} is not a storydesk store or is corrupted ({exc})", hint=_CREATE_HINT
        ) from exc


@contextmanager
def write_transaction(conn: sqlite3.Connection, path: Path) -> Iterator[sqlite3.Connection]:
    """One write transaction: ``BEGIN IMMEDIATE`` takes the write lock at once (waiting up to the
    busy timeout), so two ingests never interleave; commit on success, roll back on any error."""
    with translate_errors(path):
        conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    with translate_errors(path):
        conn.execute("COMMIT")
