"""The streaming clusterer's state across ``ingest`` runs.

Nothing of the clusterer is serialised: its state is *rebuilt* at the start of each ingest by
replaying the stored articles of the open stories, in the order they were first ingested, into a
fresh ``StreamingStoryClusterer``. That needs only the public API (``add``), survives changes to
the clusterer's features (another version simply rebuilds different vectors), and costs one
vectorisation per article still inside the window, which is what bounds it: a story is open
while its latest member is at most ``window_days`` older than the newest date the stream has
seen (the clusterer's own rule) and at most ``max_open`` stories stay open (the least recently
updated close first). A closed story is never reopened, so memory and replay time depend on the
window, not on the size of the store.

Duplicates never go through the clusterer (they join their original's story directly, and the
clusterer would not let them vote anyway), neither when ingested nor when replayed.

The clusterer names stories ``s1, s2, …`` per run; ``StreamState`` maps those names to the
store's story ids (the stored story of the first replayed article in each, or a new id).

Known drift: the clusterer's incremental IDF is rebuilt from the replayed articles only, so the
document frequencies of closed stories are forgotten between runs. Ingesting one batch or the
same articles in several batches gives the same stories as long as no story closed in between.
"""

from __future__ import annotations

import datetime as dt
import sqlite3

from storydesk.config import Settings
from storydesk.model import Article
from storydesk.steps.cluster import StreamingStoryClusterer

#: Upper bound on open stories (the clusterer's ``max_open``): memory and replay time.
MAX_OPEN = 5000


class StreamState:
    """A ``StreamingStoryClusterer`` positioned where the previous ingest left it."""

    def __init__(self, conn: sqlite3.Connection, settings: Settings, max_open: int = MAX_OPEN) -> None:
        self.conn = conn
        self.window_days = settings.cluster.window_days
        self.max_open = max_open
        self.clusterer = StreamingStoryClusterer(
            threshold=settings.cluster.threshold,
            window_days=settings.cluster.window_days,
            max_open=max_open,
        )
        self._store_id: dict[str, str] = {}  # clusterer's story name -> store story id
        self.stream_date = _get_meta_date(conn, "stream_date")
        self.replayed = self._replay()

    def _replay(self) -> int:
        rows = self.conn.execute(
            "SELECT a.id, a.source, a.title, a.text, a.published, a.duplicate_of, a.story_id "
            "FROM articles a JOIN stories s ON s.id = a.story_id "
            "WHERE s.is_open = 1 AND a.duplicate_of IS NULL ORDER BY a.seq"
        )
        count = 0
        for row in rows:
            published = row["published"]
            article = Article(
                id=row["id"], source=row["source"], title=row["title"], text=row["text"],
                published=dt.date.fromisoformat(published[:10]) if published else None,
                duplicate_of=row["duplicate_of"],
            )
            self._store_id.setdefault(self.clusterer.add(article), row["story_id"])
            count += 1
        return count

    def assign(self, article: Article) -> tuple[str, bool]:
        """The store story ``article`` joins, and whether that story is new."""
        if article.published and (self.stream_date is None or article.published > self.stream_date):
            self.stream_date = article.published
        name = self.clusterer.add(article)
        if name in self._store_id:
            return self._store_id[name], False
        story_id = _next_story_id(self.conn)
        self._store_id[name] = story_id
        return story_id, True

    def window_date(self, last_date: dt.date | None) -> dt.date | None:
        """What a story's window is measured from: its latest date, else (all members undated)
        the stream's date when it was last touched, as the clusterer does for undated articles."""
        return last_date or self.stream_date

    def close_stale(self) -> int:
        """Mark stories outside the window, and the oldest beyond ``max_open``, as closed."""
        closed = 0
        if self.stream_date is not None:
            cutoff = (self.stream_date - dt.timedelta(days=self.window_days)).isoformat()
            closed += self.conn.execute(
                "UPDATE stories SET is_open = 0 WHERE is_open = 1 AND window_date < ?", (cutoff,)
            ).rowcount
            _set_meta(self.conn, "stream_date", self.stream_date.isoformat())
        closed += self.conn.execute(
            "UPDATE stories SET is_open = 0 WHERE id IN (SELECT id FROM stories WHERE is_open = 1 "
            "ORDER BY last_seq DESC LIMIT -1 OFFSET ?)",
            (self.max_open,),
        ).rowcount
        return closed


def _next_story_id(conn: sqlite3.Connection) -> str:
    row = conn.execute("SELECT coalesce(max(number), 0) + 1 FROM stories").fetchone()
    number = int(row[0])
    # The row is created now (filled in after the per-story steps) so the next id is unique.
    conn.execute(
        "INSERT INTO stories (id, number, updated_at) VALUES (?, ?, ?)",
        (f"s{number}", number, _now()),
    )
    return f"s{number}"


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _get_meta_date(conn: sqlite3.Connection, key: str) -> dt.date | None:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return dt.date.fromisoformat(row[0]) if row else None


def _set_meta(conn: sqlite3.Connection, key: str, value: str) -> None:
    conn.execute(
        "INSERT INTO meta (key, value) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (key, value),
    )
