"""``Store``: open a store file, ingest into it, and the queries the report and the web UI share."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from storydesk.config import Settings, load_settings
from storydesk.model import Article, Dossier, Skipped, Story
from storydesk.store.codec import article_from_row
from storydesk.store.ingest import CHUNK_SIZE, IngestSummary, ingest
from storydesk.store.schema import connect, translate_errors

if TYPE_CHECKING:
    from rich.progress import Progress


@dataclass(frozen=True)
class StorySummary:
    """One row of ``list_stories``: enough to list a story without loading its dossier."""

    id: str
    headline: str
    article_count: int
    first_date: dt.date | None
    last_date: dt.date | None
    is_open: bool
    updated_at: str


@dataclass(frozen=True)
class StoreStats:
    """Counts over the whole store."""

    articles: int
    duplicates: int
    stories: int
    open_stories: int
    skipped: int
    skipped_by_reason: dict[str, int] = field(default_factory=dict)
    first_date: dt.date | None = None
    last_date: dt.date | None = None


class Store:
    """A storydesk store: one SQLite file (see ``storydesk.store`` for the layout).

    ``create=False`` (the default for reading) refuses a missing file instead of creating an empty
    store; ``timeout`` is how many seconds a writer waits for another writer's lock before
    ``StoreBusyError``. Use as a context manager, or call ``close()``.

    >>> with Store("news.db", create=True) as store:          # doctest: +SKIP
    ...     print(store.ingest(["saved/"]).line())
    ...     story = store.get_story(store.list_stories(limit=1)[0].id)
    """

    def __init__(self, path: str | Path, *, create: bool = False, timeout: float = 5.0) -> None:
        self.path = Path(path)
        self.conn = connect(self.path, create=create, timeout=timeout)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection (safe to call twice)."""
        self.conn.close()

    # ---------------------------------------------------------------------------------------------

    def ingest(
        self,
        paths: Sequence[str | Path],
        *,
        settings: Settings | None = None,
        progress: Progress | None = None,
        chunk_size: int = CHUNK_SIZE,
    ) -> IngestSummary:
        """Add the articles under ``paths``: only what is not stored yet is analysed, and only
        the stories that gain articles are composed again (re-ingesting is a no-op)."""
        with translate_errors(self.path):
            return ingest(
                self.conn, self.path, paths, settings or load_settings(),
                progress=progress, chunk_size=chunk_size,
            )

    def list_stories(
        self, limit: int = 50, offset: int = 0, search: str | None = None
    ) -> list[StorySummary]:
        """Stories, most recently active first (latest member date, then latest ingested).
        ``search`` matches, case-insensitively, the headline or any member's title."""
        where, params = "", []
        if search:
            like = "%" + search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            where = (
                "WHERE s.headline LIKE ? ESCAPE '\\' OR EXISTS (SELECT 1 FROM articles a "
                "WHERE a.story_id = s.id AND a.title LIKE ? ESCAPE '\\')"
            )
            params = [like, like]
        with translate_errors(self.path):
            rows = self.conn.execute(
                "SELECT s.id, s.headline, s.article_count, s.first_date, s.last_date, s.is_open, "
                f"s.updated_at FROM stories s {where} "
                "ORDER BY s.last_date IS NULL, s.last_date DESC, s.last_seq DESC LIMIT ? OFFSET ?",
                (*params, max(0, limit), max(0, offset)),
            ).fetchall()
        return [
            StorySummary(
                id=row["id"], headline=row["headline"], article_count=row["article_count"],
                first_date=_date(row["first_date"]), last_date=_date(row["last_date"]),
                is_open=bool(row["is_open"]), updated_at=row["updated_at"],
            )
            for row in rows
        ]

    def get_story(self, story_id: str) -> Story:
        """The story's part of the dossier (claims, sources, timeline, ...). ``KeyError`` if
        there is no such story."""
        with translate_errors(self.path):
            row = self.conn.execute(
                "SELECT dossier FROM stories WHERE id = ?", (story_id,)
            ).fetchone()
        if row is None:
            raise KeyError(story_id)
        return Story.from_dict(json.loads(row["dossier"]))

    def get_article(self, article_id: str, *, annotations: bool = False) -> Article:
        """A stored article (the dossier's article fields; with ``annotations``, the extract
        stage's views too). ``KeyError`` if there is no such article."""
        with translate_errors(self.path):
            row = self.conn.execute(
                "SELECT * FROM articles WHERE id = ?", (article_id,)
            ).fetchone()
        if row is None:
            raise KeyError(article_id)
        return article_from_row(row, annotations=annotations)

    def story_of(self, article_id: str) -> str | None:
        """The id of the story ``article_id`` belongs to (``KeyError`` if not stored)."""
        with translate_errors(self.path):
            row = self.conn.execute(
                "SELECT story_id FROM articles WHERE id = ?", (article_id,)
            ).fetchone()
        if row is None:
            raise KeyError(article_id)
        return row["story_id"]

    def dossier_for(self, story_ids: Sequence[str] | None = None) -> Dossier:
        """A dossier of the given stories (all stories when None) and their articles, ready for
        the report renderers. The whole store's skipped inputs are listed only for all stories.
        ``KeyError`` for an unknown story id."""
        skipped = self.skipped() if story_ids is None else []
        with translate_errors(self.path):
            if story_ids is None:
                story_ids = [
                    r["id"] for r in self.conn.execute("SELECT id FROM stories ORDER BY number")
                ]
            stories = [self.get_story(story_id) for story_id in story_ids]
            articles = [
                article_from_row(row, annotations=False)
                for story_id in story_ids
                for row in self.conn.execute(
                    "SELECT * FROM articles WHERE story_id = ? ORDER BY seq", (story_id,)
                )
            ]
        return Dossier(articles=articles, stories=stories, skipped=skipped)

    def skipped(self) -> list[Skipped]:
        """Every input an ingest could not use, with its reason (stored once per input)."""
        with translate_errors(self.path):
            rows = self.conn.execute("SELECT * FROM skipped ORDER BY rowid").fetchall()
        return [
            Skipped(r["source"], f"{r['reason']}: {r['detail']}" if r["detail"] else r["reason"],
                    r["stage"])
            for r in rows
        ]

    def stats(self) -> StoreStats:
        """Counts of articles, duplicates, stories (open ones), skipped inputs by reason."""
        with translate_errors(self.path):
            articles = self.conn.execute(
                "SELECT count(*), count(duplicate_of), min(published), max(published) FROM articles"
            ).fetchone()
            stories = self.conn.execute("SELECT count(*), sum(is_open) FROM stories").fetchone()
            reasons = dict(
                self.conn.execute(
                    "SELECT reason, count(*) FROM skipped GROUP BY reason ORDER BY count(*) DESC"
                ).fetchall()
            )
        return StoreStats(
            articles=articles[0], duplicates=articles[1], stories=stories[0],
            open_stories=stories[1] or 0, skipped=sum(reasons.values()),
            skipped_by_reason=reasons, first_date=_date(articles[2]), last_date=_date(articles[3]),
        )


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value[:10]) if value else None


__all__ = ["Store", "StoreStats", "StorySummary"]
