"""WARC reading: HTML responses become Articles; other records and damage are counted skips."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from storydesk.model import Skipped
from storydesk.steps.read import read_paths

PAGE = "<html><head><title>T{n}</title></head><body><p>Story number {n} body.</p></body></html>"
DATED = (
    '<html><head><meta property="article:published_time" content="2024-10-15">'
    "</head><body><p>Dated story.</p></body></html>"
)


def _record(
    writer: WARCWriter,
    url: str,
    body: bytes,
    status: str = "200 OK",
    ctype: str | None = "text/html; charset=utf-8",
    kind: str = "response",
    date: str = "2024-10-20T10:00:00Z",
):
    headers = [("Content-Type", ctype)] if ctype else []
    if kind == "request":
        http = StatusAndHeaders("GET / HTTP/1.1", [("Host", "x")], is_http_request=True)
    else:
        http = StatusAndHeaders(status, headers, protocol="HTTP/1.1")
    record = writer.create_warc_record(
        url,
        kind,
        payload=io.BytesIO(body),
        http_headers=http,
        warc_headers_dict={"WARC-Date": date},
    )
    writer.write_record(record)


def _warc(path: Path, records: list[dict], gzip: bool) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)
    for spec in records:
        _record(writer, **spec)
    path.write_bytes(buffer.getvalue())
    return buffer.getvalue()


def _read(path: Path, **kwargs) -> tuple[list, list[Skipped]]:
    skipped: list[Skipped] = []
    return list(read_paths([path], skipped, **kwargs)), skipped


MIXED = [
    {"url": "https://news.example/a", "body": PAGE.format(n=1).encode()},
    {"url": "https://news.example/logo.png", "body": b"\x89PNG....", "ctype": "image/png"},
    {"url": "https://news.example/gone", "body": b"<html>x</html>", "status": "404 Not Found"},
    {"url": "https://news.example/b", "body": PAGE.format(n=2).encode(), "ctype": None},
    {"url": "https://news.example/c", "body": b"", "kind": "request"},
]


@pytest.mark.parametrize("gzip", [False, True])
def test_warc_html_responses_become_articles(tmp_path: Path, gzip: bool):
    path = tmp_path / ("crawl.warc.gz" if gzip else "crawl.warc")
    _warc(path, MIXED, gzip)
    articles, skipped = _read(path)
    assert [a.source for a in articles] == ["https://news.example/a", "https://news.example/b"]
    assert all(a.raw_format == "html" for a in articles)
    assert "Story number 2 body." in articles[1].raw  # untyped, recognised by sniffing
    assert len({a.id for a in articles}) == 2 and all(len(a.id) == 36 for a in articles)
    # one aggregated skip; the request record is bookkeeping, not a loss
    assert [s.reason for s in skipped] == [
        "warc: not an HTML response (2 records: 1 non-200 status, 1 non-HTML type)"
    ]
    assert skipped[0].source == str(path)


def test_warc_date_is_only_a_fallback(tmp_path: Path):
    path = tmp_path / "dates.warc"
    _warc(
        path,
        [
            {"url": "https://x.example/plain", "body": PAGE.format(n=1).encode()},
            {"url": "https://x.example/dated", "body": DATED.encode()},
        ],
        gzip=False,
    )
    articles, _ = _read(path)
    by_url = {a.source: a for a in articles}
    assert by_url["https://x.example/plain"].published == dt.date(2024, 10, 20)
    # the page has its own date: leave it to the cleaning stage
    assert by_url["https://x.example/dated"].published is None


def test_warc_sniffed_without_extension(tmp_path: Path):
    path = tmp_path / "crawl.dat"
    _warc(path, MIXED[:1], gzip=False)
    articles, skipped = _read(path)
    assert [a.source for a in articles] == ["https://news.example/a"]
    assert skipped == []


@pytest.mark.parametrize("gzip", [False, True])
def test_truncated_warc_keeps_complete_records(tmp_path: Path, gzip: bool):
    path = tmp_path / ("cut.warc.gz" if gzip else "cut.warc")
    records = [
        {"url": f"https://x.example/{n}", "body": (PAGE.format(n=n) * 20).encode()}
        for n in range(3)
    ]
    data = _warc(path, records, gzip)
    path.write_bytes(data[: len(data) - 40])
    articles, skipped = _read(path)
    assert [a.source for a in articles] == ["https://x.example/0", "https://x.example/1"]
    assert len(skipped) == 1
    assert skipped[0].reason.startswith("warc: ")
    assert "after 2 article(s)" in skipped[0].reason


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"this is not a warc at all\n" * 3, "warc: not a WARC file"),
        (b"WARC/1.0\r\n", "warc: malformed record"),
        (b"\x1f\x8b\x08\x00garbage", "warc: "),
    ],
)
def test_bad_warc_is_one_skip(tmp_path: Path, data: bytes, reason: str):
    path = tmp_path / "bad.warc.gz" if data.startswith(b"\x1f\x8b") else tmp_path / "bad.warc"
    path.write_bytes(data)
    articles, skipped = _read(path)
    assert articles == []
    assert len(skipped) == 1 and skipped[0].reason.startswith(reason)


def test_warc_record_over_cap_is_counted(tmp_path: Path):
    path = tmp_path / "big.warc"
    _warc(
        path,
        [
            {"url": "https://x.example/big", "body": b"<html><p>" + b"x" * 5000 + b"</p></html>"},
            {"url": "https://x.example/small", "body": PAGE.format(n=1).encode()},
        ],
        gzip=False,
    )
    articles, skipped = _read(path, max_bytes=1000)
    assert [a.source for a in articles] == ["https://x.example/small"]
    assert [s.reason for s in skipped] == [
        "warc: not an HTML response (1 record: 1 over the size cap)"
    ]
