"""Readers on bad input: never raise, skip with a clear reason, go on with the rest."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from storydesk.model import Skipped
from storydesk.steps.read import read_paths

GOOD = "A good article that must still be read after the bad one."
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(32)


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("image.txt", PNG, "binary: looks like a PNG image"),
        ("doc.html", b"%PDF-1.7\n" + bytes(40), "binary: looks like a PDF document"),
        ("blob.txt", b"abc\x00\x01\x02def" * 10, "binary: contains NUL bytes"),
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\t\n  ", "empty file (whitespace only)"),
        ("page.html.gz", b"not gzip at all", "corrupt gzip"),
        ("crawl.warc", b"WARC/1.0\r\n", "warc: malformed record"),
    ],
)
def test_read_skips_bad_file_and_continues(tmp_path: Path, name: str, data: bytes, reason: str):
    (tmp_path / name).write_bytes(data)
    (tmp_path / "zz_good.txt").write_text(GOOD)
    skipped: list[Skipped] = []
    articles = list(read_paths([tmp_path], skipped))
    assert [a.raw for a in articles] == [GOOD]
    assert len(skipped) == 1
    assert skipped[0].source == str(tmp_path / name)
    assert skipped[0].reason.startswith(reason)
    assert skipped[0].stage == "read"


def test_read_jsonl_bad_lines_are_skipped_with_line_numbers(tmp_path: Path):
    lines = [
        json.dumps({"id": "ok1", "text": GOOD}),
        "{not json",
        json.dumps(["a", "list"]),
        json.dumps({"id": "no-text", "title": "only a title"}),
        json.dumps({"id": "blank", "text": "   "}),
        json.dumps({"id": "ok2", "html": "<p>" + GOOD + "</p>"}),
        "[" * 100_000,
        '{"id": 1' + "9" * 5000 + ', "text": "x"}',
    ]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(lines) + "\n")
    skipped: list[Skipped] = []
    articles = list(read_paths([path], skipped))
    assert [a.id for a in articles] == ["ok1", "ok2"]
    reasons = [s.reason for s in skipped]
    assert reasons[0].startswith("line 2: invalid JSON")
    assert reasons[1] == "line 3: not a JSON object"
    assert reasons[2] == 'line 4: no "text" or "html" with content'
    assert reasons[3] == 'line 5: no "text" or "html" with content'
    assert reasons[4] == "line 7: invalid JSON (nested too deeply)"
    assert reasons[5].startswith("line 8: invalid JSON")


def test_read_truncated_gzip_keeps_complete_records(tmp_path: Path):
    body = "".join(json.dumps({"id": f"r{i}", "text": GOOD * 20}) + "\n" for i in range(50))
    data = gzip.compress(body.encode())
    path = tmp_path / "feed.jsonl.gz"
    path.write_bytes(data[: len(data) * 2 // 3])
    skipped: list[Skipped] = []
    articles = list(read_paths([path], skipped))
    assert 0 < len(articles) < 50
    assert all(a.raw == GOOD * 20 for a in articles)
    assert [s.reason for s in skipped] == [
        "truncated gzip: the file ends before the end of the stream"]


def test_read_truncated_gzip_html_is_skipped(tmp_path: Path):
    data = gzip.compress(("<html><body><p>" + GOOD * 200 + "</p></body></html>").encode())
    path = tmp_path / "page.html.gz"
    path.write_bytes(data[: len(data) // 2])
    skipped: list[Skipped] = []
    assert list(read_paths([path], skipped)) == []
    assert skipped[0].reason.startswith("truncated gzip")


def test_read_gz_html_is_read(tmp_path: Path):
    path = tmp_path / "page.html.gz"
    path.write_bytes(gzip.compress(b"<html><body><p>Hello there.</p></body></html>"))
    articles = list(read_paths([path], []))
    assert articles[0].raw_format == "html" and articles[0].id == "page"


@pytest.mark.parametrize("gz", [False, True])
def test_read_size_cap(tmp_path: Path, gz: bool):
    text = GOOD * 100
    path = tmp_path / ("big.txt.gz" if gz else "big.txt")
    path.write_bytes(gzip.compress(text.encode()) if gz else text.encode())
    skipped: list[Skipped] = []
    assert list(read_paths([path], skipped, max_bytes=1000)) == []
    assert skipped[0].reason.startswith("too large")
    assert len(list(read_paths([path], [], max_bytes=100_000))) == 1


def test_read_undecodable_bytes(tmp_path: Path):
    # Control bytes that are not NUL: no encoding makes sense of them.
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(range(1, 9)) * 300)
    skipped: list[Skipped] = []
    assert list(read_paths([path], skipped)) == []
    assert skipped[0].reason.startswith(("undecodable", "binary"))
