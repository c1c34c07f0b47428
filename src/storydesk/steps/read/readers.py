"""``read_paths``: files and folders in, Articles out; bad input becomes a ``Skipped`` entry."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from storydesk.model import Article, Skipped
from storydesk.steps.read.decode import DecodeError, decode_bytes, gunzip, sniff_binary
from storydesk.steps.read.discover import check_paths, iter_files
from storydesk.steps.read.feeds import read_feed
from storydesk.steps.read.formats import content_format, suffix_format
from storydesk.steps.read.ids import IdAllocator, content_id, file_id
from storydesk.steps.read.jsonl import (
    BadLine,
    iter_json_document,
    iter_records,
    record_id,
    record_to_article,
)
from storydesk.steps.read.urls import read_url_list
from storydesk.steps.read.warc import looks_like_warc, read_warc

log = logging.getLogger(__name__)

DEFAULT_MAX_BYTES = 50_000_000


def read_paths(
    paths: Sequence[str | Path],
    skipped: list[Skipped],
    max_bytes: int = DEFAULT_MAX_BYTES,
    allow_private: bool = False,
) -> Iterator[Article]:
    """Read every article under ``paths`` (files, or folders walked recursively).

    Plain text, HTML, JSON Lines (also gzip-compressed), WARC, RSS/Atom feeds and URL lists
    (``.urls``, fetched over the network) are recognised by extension and content. Anything
    unreadable is appended to ``skipped`` with a reason and reading goes on. URL lists may
    reach private/loopback addresses only with ``allow_private``. Raises ``InputError`` at
    once if a path does not exist.
    """
    checked = check_paths(paths)  # eager, so a typo fails before anything is read
    return _read(checked, skipped, max_bytes, allow_private)


def _read(
    paths: list[Path], skipped: list[Skipped], max_bytes: int, allow_private: bool
) -> Iterator[Article]:
    ids = IdAllocator()
    for path in iter_files(paths):
        yield from read_file(path, skipped, ids, max_bytes, allow_private)


def read_file(
    path: Path,
    skipped: list[Skipped],
    ids: IdAllocator,
    max_bytes: int = DEFAULT_MAX_BYTES,
    allow_private: bool = False,
) -> Iterator[Article]:
    """The articles of one file (one for text/HTML, many for JSONL, WARC, feeds, URL lists)."""
    source = str(path)

    def skip(reason: str, where: str = source) -> None:
        log.info("skipped %s: %s", where, reason)
        skipped.append(Skipped(where, reason, "read"))

    declared = suffix_format(path)
    if declared and declared.startswith("unsupported:"):
        skip(f"unsupported format: {declared.split(':', 1)[1]} files are not read yet")
        return
    if declared == "warc" or (declared is None and _starts_like_warc(path)):
        # Streamed record by record: max_bytes caps each record, not the whole crawl.
        yield from read_warc(path, ids, skip, max_bytes)
        return
    try:
        size = path.stat().st_size
        if size > max_bytes:
            skip(f"too large: {size / 1_000_000:.1f} MB is over the {max_bytes / 1_000_000:g} MB cap")
            return
        data = path.read_bytes()
    except OSError as exc:
        skip(f"unreadable: {exc.strerror or exc}")
        return

    problem = None
    if path.name.lower().endswith(".gz") or data.startswith(b"\x1f\x8b"):
        if not data.startswith(b"\x1f\x8b"):
            skip("corrupt gzip: the file does not start with a gzip header")
            return
        data, problem = gunzip(data, max_bytes)
        if problem and (declared != "jsonl" or not problem.startswith("truncated")):
            skip(problem)  # a truncated JSONL still yields its complete lines, below
            return
    if not data.strip():
        skip("empty file" if not data else "empty file (whitespace only)")
        return
    binary = sniff_binary(data)
    if binary:
        skip(binary)
        return
    try:
        text = decode_bytes(data)
    except DecodeError as exc:
        skip(str(exc))
        return
    if not text.strip():
        skip("empty file (whitespace only)")
        return

    kind = content_format(path, text)
    if kind.startswith("unsupported:"):
        skip(f"unsupported format: {kind.split(':', 1)[1]}")
        return
    if kind == "feed":
        yield from read_feed(data, path, ids, skip)
        return
    if kind == "urls":
        yield from read_url_list(text, source, ids, skip, max_bytes, allow_private)
        return
    if kind in {"jsonl", "json"}:
        if problem:  # truncated: the last line is cut off, so read only the complete ones
            text = text[: text.rfind("\n") + 1]
        yield from _records(path, text, kind, ids, skip)
        if problem:
            skip(problem)
        return
    yield Article(
        id=ids.allocate(file_id(path) or content_id(text)),
        source=source,
        raw=text,
        raw_format="html" if kind == "html" else "text",
    )


def _records(
    path: Path, text: str, kind: str, ids: IdAllocator, skip: Callable[[str], None]
) -> Iterator[Article]:
    parsed = iter_records(text) if kind == "jsonl" else iter_json_document(text)
    count = 0
    for item in parsed:
        if isinstance(item, BadLine):
            skip(item.reason)
            continue
        lineno, record = item
        content = record.get("text") or record.get("html") or ""
        article_id = ids.allocate(record_id(record) or content_id(str(content)))
        count += 1
        yield record_to_article(record, article_id, f"{path}:{lineno}")
    if count == 0:
        log.info("%s held no usable records", path)


def _starts_like_warc(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return looks_like_warc(handle.read(64))
    except OSError:
        return False  # the normal path below reports the error
