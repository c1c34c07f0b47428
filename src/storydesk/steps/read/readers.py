"""``read_paths``: files and folders in, Articles out; bad input becomes a ``Skipped`` entry."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from storydesk.model import Article, Skipped
from storydesk.steps.read.decode import DecodeError, decode_bytes, gunzip, sniff_binary
from storydesk.steps.read.discover import check_paths, iter_files
from storydesk.steps.read.formats import content_format, suffix_format
from storydesk.steps.read.ids import IdAllocator, content_id, file_id
from storydesk.steps.read.jsonl import (
    BadLine,
    iter_json_document,
    iter_records,
    record_id,
    record_to_article,
)

log = logging.getLogger(__name__)

DEFAULT_MAX_BYTES = 50_000_000


def read_paths(
    paths: Sequence[str | Path], skipped: list[Skipped], max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Article]:
    """Read every article under ``paths`` (files, or folders walked recursively).

    Plain text, HTML and JSON Lines (also gzip-compressed) are recognised by extension and
    content. Anything unreadable is appended to ``skipped`` with a reason and reading goes on.
    Raises ``InputError`` at once if a path does not exist.
    """
    checked = check_paths(paths)  # eager, so a typo fails before anything is read
    return _read(checked, skipped, max_bytes)


def _read(paths: list[Path], skipped: list[Skipped], max_bytes: int) -> Iterator[Article]:
    ids = IdAllocator()
    for path in iter_files(paths):
        yield from read_file(path, skipped, ids, max_bytes)


def read_file(
    path: Path, skipped: list[Skipped], ids: IdAllocator, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Article]:
    """The articles of one file (one for text/HTML, many for JSONL)."""
    source = str(path)

    def skip(reason: str) -> None:
        log.info("skipped %s: %s", source, reason)
        skipped.append(Skipped(source, reason, "read"))

    declared = suffix_format(path)
    if declared and declared.startswith("unsupported:"):
        skip(f"unsupported format: {declared.split(':', 1)[1]} files are not read yet")
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
