"""Incremental ingest: new articles in, stories updated, everything else left as it was.

One ingest is one write transaction (an interrupted or failed ingest leaves the store as it was;
readers see the old state until the commit). The input is read lazily and handled in chunks of
``chunk_size`` articles, so memory is bounded by a chunk plus the open stories, not by the input:

1. read; an article whose raw input is already stored under its id is counted as
   "already stored" before any cleaning (this is what makes re-ingest a cheap no-op);
2. clean (the pipeline's clean steps);
3. dedup against the store: exact copies by content hash against every stored article; near
   copies by the pipeline's dedup step against the originals of the open stories (the window);
   duplicates are stored, marked ``duplicate_of``, in their original's story;
4. extract (the pipeline's extract steps) — annotations are stored with the article;
5. cluster: in time order, each original joins an open story or starts one (``StreamState``);
6. the per-story steps (compare, provenance, compose, ...) run again for the stories that gained
   an article, on all their members, and the story's dossier part is stored.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING

from storydesk.config import Settings
from storydesk.model import Article, Skipped, Story
from storydesk.pipeline import PipelineParts, read_articles, run_on_corpus, split_steps
from storydesk.steps.base import Corpus
from storydesk.store.codec import article_from_row, article_row, content_hash, raw_hash
from storydesk.store.schema import write_transaction
from storydesk.store.stream import StreamState

if TYPE_CHECKING:
    from rich.progress import Progress

CHUNK_SIZE = 500


@dataclass
class IngestSummary:
    """What one ingest did. ``new`` counts stored articles, duplicates included."""

    new: int = 0
    duplicates: int = 0
    already_stored: int = 0
    skipped_inputs: list[Skipped] = field(default_factory=list)  # this run's, with reasons
    touched: set[str] = field(default_factory=set)  # ids of the stories that gained articles
    stories_new: int = 0
    stories_closed: int = 0

    @property
    def stories_touched(self) -> int:
        return len(self.touched)

    @property
    def skipped(self) -> Counter[str]:
        """Skipped inputs of this run by short reason."""
        return Counter(s.reason.partition(": ")[0] for s in self.skipped_inputs)

    def line(self) -> str:
        """One line for the user: new / duplicates / already stored / skipped / stories."""
        skipped = sum(self.skipped.values())
        reasons = ", ".join(f"{reason}: {n}" for reason, n in self.skipped.most_common())
        return (
            f"{self.new} new articles ({self.duplicates} duplicates), "
            f"{self.already_stored} already stored, {skipped} skipped"
            + (f" ({reasons})" if reasons else "")
            + f"; {_plural(self.stories_touched, 'story', 'stories')} touched "
            f"({self.stories_new} new)"
        )


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def ingest(
    conn: sqlite3.Connection,
    db_path: Path,
    paths: Sequence[str | Path],
    settings: Settings,
    *,
    progress: Progress | None = None,
    chunk_size: int = CHUNK_SIZE,
) -> IngestSummary:
    """Add the articles under ``paths`` to the store on ``conn`` (see the module docstring)."""
    parts = split_steps(settings)
    skipped: list[Skipped] = []
    reader = read_articles(paths, skipped, settings)  # raises at once for a missing path
    summary = IngestSummary()
    with write_transaction(conn, db_path):
        state = StreamState(conn, settings)
        for chunk in _chunks(reader, max(1, chunk_size)):
            _ingest_chunk(conn, chunk, parts, state, settings, summary, skipped, progress)
        summary.stories_closed = state.close_stale()
        for entry in skipped:
            _store_skipped(conn, entry)
        summary.skipped_inputs = list(skipped)
    return summary


def _ingest_chunk(
    conn: sqlite3.Connection,
    chunk: list[Article],
    parts: PipelineParts,
    state: StreamState,
    settings: Settings,
    summary: IngestSummary,
    skipped: list[Skipped],
    progress: Progress | None,
) -> None:
    workers = settings.run.workers
    fresh = []
    for article in chunk:
        if _raw_stored(conn, article):
            summary.already_stored += 1
        else:
            article.duplicate_of = None  # the store decides, against what it holds
            fresh.append(article)
    if not fresh:
        return  # nothing new: not even the spaCy model is loaded
    hashes = {a.id: raw_hash(a) for a in fresh}
    corpus = Corpus(articles=fresh, skipped=skipped)
    run_on_corpus(parts.clean, corpus, progress=progress, workers=workers)
    articles = _resolve_ids(conn, corpus.articles, hashes, summary)
    if not articles:
        return
    _mark_duplicates(conn, articles, parts, progress)
    corpus = Corpus(articles=articles, skipped=skipped)
    run_on_corpus(parts.extract, corpus, progress=progress, workers=workers)
    order = sorted(
        enumerate(corpus.articles), key=lambda item: (item[1].published or dt.date.max, item[0])
    )
    touched: set[str] = set()
    now = _now()
    for _, article in order:
        story_id = _story_for(conn, state, article, summary)
        row = article_row(article)
        row.update(
            content_hash=content_hash(article.text), raw_hash=hashes[article.id],
            story_id=story_id, ingested_at=now,
        )
        names = ", ".join(row)
        conn.execute(
            f"INSERT INTO articles ({names}) VALUES ({', '.join(':' + n for n in row)})", row
        )
        summary.new += 1
        summary.duplicates += article.duplicate_of is not None
        touched.add(story_id)
    if touched:
        _recompose(conn, state, sorted(touched), parts, progress, workers)
    summary.touched |= touched


def _raw_stored(conn: sqlite3.Connection, article: Article) -> bool:
    pattern = article.id.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "-%"
    row = conn.execute(
        "SELECT 1 FROM articles WHERE raw_hash = ? AND (id = ? OR id LIKE ? ESCAPE '\\') LIMIT 1",
        (raw_hash(article), article.id, pattern),
    ).fetchone()
    return row is not None


def _resolve_ids(
    conn: sqlite3.Connection,
    articles: list[Article],
    hashes: dict[str, str],
    summary: IngestSummary,
) -> list[Article]:
    """Drop what is stored already; give an id taken by *different* content a stable new id
    (``<id>-<hash>``, the same on every re-ingest); mark exact copies of stored articles."""
    kept: list[Article] = []
    for article in articles:
        digest = content_hash(article.text)
        row = conn.execute("SELECT content_hash FROM articles WHERE id = ?", (article.id,)).fetchone()
        if row is not None:
            if row["content_hash"] == digest:
                summary.already_stored += 1
                continue
            new_id = f"{article.id}-{digest[:8]}"
            hashes[new_id] = hashes.pop(article.id)
            article.id = new_id
            if conn.execute("SELECT 1 FROM articles WHERE id = ?", (new_id,)).fetchone():
                summary.already_stored += 1
                continue
        original = conn.execute(
            "SELECT id, duplicate_of FROM articles WHERE content_hash = ? ORDER BY seq LIMIT 1",
            (digest,),
        ).fetchone()
        if original is not None:
            article.duplicate_of = original["duplicate_of"] or original["id"]
        kept.append(article)
    return kept


def _mark_duplicates(
    conn: sqlite3.Connection, articles: list[Article], parts: PipelineParts, progress: Progress | None
) -> None:
    """Near (and in-batch exact) copies: the dedup step over the new articles and the originals
    of the open stories. Marks on stored articles are discarded: the store never rewrites them."""
    if not parts.dedup:
        return
    candidates = [a for a in articles if a.duplicate_of is None]
    if not candidates:
        return
    window = [
        article_from_row(row, annotations=False)
        for row in conn.execute(
            "SELECT a.* FROM articles a JOIN stories s ON s.id = a.story_id "
            "WHERE s.is_open = 1 AND a.duplicate_of IS NULL ORDER BY a.seq"
        )
    ]
    corpus = Corpus(articles=window + candidates)
    run_on_corpus(parts.dedup, corpus, progress=progress)
    marks = {a.id: a.duplicate_of for a in corpus.articles}
    for article in candidates:
        article.duplicate_of = marks.get(article.id)


def _story_for(
    conn: sqlite3.Connection, state: StreamState, article: Article, summary: IngestSummary
) -> str:
    """A duplicate goes to its original's story; an original through the streaming clusterer."""
    if article.duplicate_of:
        row = conn.execute(
            "SELECT story_id FROM articles WHERE id = ?", (article.duplicate_of,)
        ).fetchone()
        if row is not None and row["story_id"]:
            return str(row["story_id"])
    story_id, is_new = state.assign(article)
    summary.stories_new += is_new
    return story_id


def _recompose(
    conn: sqlite3.Connection,
    state: StreamState,
    story_ids: Iterable[str],
    parts: PipelineParts,
    progress: Progress | None,
    workers: int,
) -> None:
    """Run the per-story steps again on every member of each touched story; store the result."""
    stories: list[Story] = []
    articles: list[Article] = []
    for story_id in story_ids:
        members = [
            article_from_row(row)
            for row in conn.execute(
                "SELECT * FROM articles WHERE story_id = ? ORDER BY seq", (story_id,)
            )
        ]
        # A fresh Story each time: the steps derive everything (headline included) from members.
        stories.append(Story(id=story_id, article_ids=[a.id for a in members]))
        articles.extend(members)
    corpus = Corpus(articles=articles, stories=stories)
    run_on_corpus(parts.story, corpus, progress=progress, workers=workers)
    now = _now()
    for story in corpus.stories:
        dates = conn.execute(
            "SELECT min(published), max(published), count(*), max(seq) FROM articles "
            "WHERE story_id = ?",
            (story.id,),
        ).fetchone()
        last = dt.date.fromisoformat(dates[1][:10]) if dates[1] else None
        window = state.window_date(last)
        conn.execute(
            "UPDATE stories SET headline = ?, article_count = ?, first_date = ?, last_date = ?, "
            "window_date = ?, last_seq = ?, updated_at = ?, dossier = ? WHERE id = ?",
            (
                story.headline or "", dates[2], dates[0], dates[1],
                window.isoformat() if window else None, dates[3], now,
                json.dumps(story.to_dict(), ensure_ascii=False, allow_nan=False), story.id,
            ),
        )


def _store_skipped(conn: sqlite3.Connection, entry: Skipped) -> None:
    """Store a skipped input once (re-ingesting it changes nothing)."""
    reason, _, detail = entry.reason.partition(": ")
    conn.execute(
        "INSERT OR IGNORE INTO skipped (source, reason, detail, stage, ingested_at) "
        "VALUES (?, ?, ?, ?, ?)",
        (entry.source, reason, detail, entry.stage, _now()),
    )


def _chunks(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(articles)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
