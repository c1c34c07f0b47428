"""The SQLite store: articles and stories kept across runs, ingested incrementally.

``storydesk ingest PATH... --db FILE`` adds what is new; the report (``storydesk export``) and the
web UI read from the same queries (``Store.list_stories``, ``get_story``, ``get_article``,
``dossier_for``, ``stats``).

Layout (``schema.py``): ``articles`` (the dossier's article fields, content and raw hashes, the
story, the extract stage's annotations as JSON), ``stories`` (headline, counts, dates, open flag
and the story's part of the dossier as JSON), ``skipped`` (source, reason, detail), ``meta`` (the
stream's latest date) and ``schema_version``.

Ingest (``ingest.py``) reads, cleans, dedups against the store, extracts, and assigns each new
article to a story with the streaming clusterer; then only the stories that changed are composed
again. The clusterer's state is rebuilt at each ingest by replaying the open stories' articles
(``stream.py``), so it needs no serialised model and memory stays bounded by the time window.
"""

from storydesk.store.core import Store, StoreStats, StorySummary
from storydesk.store.ingest import IngestSummary
from storydesk.store.schema import STORE_VERSION, StoreBusyError, StoreError

__all__ = [
    "STORE_VERSION",
    "IngestSummary",
    "Store",
    "StoreBusyError",
    "StoreError",
    "StoreStats",
    "StorySummary",
]
