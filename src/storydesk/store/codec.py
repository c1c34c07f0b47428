"""Articles to rows and back, including the extract stage's annotations.

The dossier's article fields get columns (they are what queries and the web UI show). The
annotations (sentences, entities, quantities, dates, attributions, flags) are stored as one JSON
object per article, because the per-story steps need them again whenever the story changes and
re-parsing every member with spaCy would cost far more than reading them back. (De)serialisation
is driven by the dataclasses' own type hints, so a field added to the model later is stored
without a change here, and a stored field the model no longer has is ignored.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import sqlite3
import types
from functools import cache
from typing import Any, Union, get_args, get_origin, get_type_hints

from storydesk.model import Article, Removed
from storydesk.steps.dedup import normalised_words

#: Article fields that are neither a column nor an annotation.
_NOT_STORED = {"raw", "raw_format"}
#: Article fields that have their own column.
COLUMNS = ("id", "source", "outlet", "title", "published", "language", "text", "removed",
           "duplicate_of")


def content_hash(text: str) -> str:
    """What "the same text" means for exact duplicates: the dedup step's normalised words."""
    return hashlib.sha1(" ".join(normalised_words(text)).encode()).hexdigest()


def raw_hash(article: Article) -> str:
    """A hash of what the reader got, so re-ingesting a file is recognised before cleaning it."""
    raw = article.raw if isinstance(article.raw, str) else ""
    return hashlib.sha1(f"{article.raw_format}\0{raw}".encode("utf-8", "replace")).hexdigest()


def annotation_fields() -> tuple[str, ...]:
    """The Article fields stored in the ``annotations`` JSON column."""
    return tuple(
        f.name for f in dataclasses.fields(Article) if f.name not in _NOT_STORED
        and f.name not in COLUMNS
    )


def encode_annotations(article: Article) -> str:
    """The article's annotations as JSON (dates as ISO strings)."""
    data = {name: _plain(getattr(article, name)) for name in annotation_fields()}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def article_row(article: Article) -> dict[str, Any]:
    """Column values for ``article`` (without story, hashes and timestamps)."""
    return {
        "id": article.id,
        "source": article.source,
        "outlet": article.outlet,
        "title": article.title,
        "published": article.published.isoformat() if article.published else None,
        "language": article.language,
        "text": article.text,
        "removed": json.dumps(
            [dataclasses.asdict(r) for r in article.removed], ensure_ascii=False
        ),
        "duplicate_of": article.duplicate_of,
        "annotations": encode_annotations(article),
    }


def article_from_row(row: sqlite3.Row, *, annotations: bool = True) -> Article:
    """Rebuild an Article from its row; with ``annotations``, its extract-stage views too."""
    published = row["published"]
    article = Article(
        id=row["id"],
        source=row["source"],
        text=row["text"],
        outlet=row["outlet"],
        title=row["title"],
        published=dt.date.fromisoformat(published[:10]) if published else None,
        language=row["language"],
        removed=_decode(list[Removed], json.loads(row["removed"] or "[]")),
        duplicate_of=row["duplicate_of"],
    )
    if annotations and "annotations" in row.keys():  # noqa: SIM118 - sqlite3.Row has no __contains__
        stored = json.loads(row["annotations"] or "{}")
        hints = _hints(Article)
        for name in annotation_fields():
            if name in stored:
                setattr(article, name, _decode(hints[name], stored[name]))
    return article


@cache
def _hints(cls: type) -> dict[str, Any]:
    return get_type_hints(cls)


def _decode(hint: Any, value: Any) -> Any:
    """``value`` (plain JSON) as an instance of the type ``hint`` names."""
    if value is None:
        return None
    origin = get_origin(hint)
    if origin in (Union, types.UnionType):
        options = [a for a in get_args(hint) if a is not type(None)]
        return _decode(options[0], value) if len(options) == 1 else value
    if origin is list:
        (item,) = get_args(hint) or (Any,)
        return [_decode(item, v) for v in value]
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        hints = _hints(hint)
        known = {f.name for f in dataclasses.fields(hint) if f.init}
        return hint(**{k: _decode(hints[k], v) for k, v in value.items() if k in known})
    if hint is dt.date and isinstance(value, str):
        return dt.date.fromisoformat(value)
    if hint is float and isinstance(value, int):
        return float(value)
    return value
