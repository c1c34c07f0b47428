"""URL lists: pages fetched from a local server only; every failure is a counted skip."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from storydesk.model import Skipped
from storydesk.steps.read import read_paths, urls
from storydesk.steps.read.urls import FetchError, check_host, parse_url_list

PAGE = b"<html><head><title>Local</title></head><body><p>A local story.</p></body></html>"


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        path = self.path
        if path == "/page":
            self._send(200, PAGE, "text/html; charset=utf-8")
        elif path == "/plain":
            self._send(200, b"Just plain words of a story.", "text/plain")
        elif path == "/big":
            self._send(200, b"<p>" + b"x" * 5000 + b"</p>", "text/html")
        elif path == "/image":
            self._send(200, b"\x89PNG", "image/png")
        elif path == "/slow":
            time.sleep(1.5)
            self._send(200, PAGE, "text/html")
        elif path == "/moved":
            self._redirect("/page")
        elif path.startswith("/loop"):
            self._redirect(f"/loop{len(path)}")
        else:
            self._send(404, b"not found", "text/plain")

    def _send(self, status: int, body: bytes, ctype: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _redirect(self, target: str) -> None:
        self.send_response(302)
        self.send_header("Location", target)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args: object) -> None:  # keep test output quiet
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def _read(tmp_path: Path, lines: list[str], **kwargs) -> tuple[list, list[Skipped]]:
    path = tmp_path / "list.urls"
    path.write_text("\n".join(lines) + "\n")
    skipped: list[Skipped] = []
    return list(read_paths([path], skipped, **kwargs)), skipped


def test_urls_are_fetched_in_order(tmp_path: Path, server: str):
    lines = [
        "# saved links",
        "",
        f"{server}/page",
        f"{server}/plain  # a comment",
        f"{server}/moved",
    ]
    articles, skipped = _read(tmp_path, lines, allow_private=True)
    assert skipped == []
    assert [a.raw_format for a in articles] == ["html", "text", "html"]
    assert articles[0].raw == PAGE.decode() and articles[0].source == f"{server}/page"
    assert articles[2].source == f"{server}/page"  # the final URL after the redirect
    assert len({a.id for a in articles}) == 3  # ids hash the listed URL, so they differ


@pytest.mark.parametrize(
    ("route", "reason"),
    [
        ("/missing", "url: HTTP 404"),
        ("/image", "url: not a web page (image/png)"),
        ("/big", "url: too large"),
        ("/loop", "url: more than 5 redirects"),
    ],
)
def test_url_failures_are_skips(tmp_path: Path, server: str, route: str, reason: str):
    articles, skipped = _read(
        tmp_path, [f"{server}{route}", f"{server}/page"], allow_private=True, max_bytes=1000
    )
    assert [a.source for a in articles] == [f"{server}/page"]
    assert len(skipped) == 1
    assert skipped[0].reason.startswith(reason)
    assert skipped[0].source == f"{server}{route}"


def test_slow_server_times_out(tmp_path: Path, server: str, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(urls, "TOTAL_TIMEOUT", 0.3)
    articles, skipped = _read(tmp_path, [f"{server}/slow"], allow_private=True)
    assert articles == []
    assert [s.reason for s in skipped] == ["url: timeout"]


def test_loopback_is_refused_by_default(tmp_path: Path, server: str):
    articles, skipped = _read(tmp_path, [f"{server}/page"])
    assert articles == []
    assert [s.reason for s in skipped] == ["url: refused private address 127.0.0.1"]


@pytest.mark.parametrize(
    "url",
    [
        "http://10.0.0.1/",
        "http://192.168.1.1/",
        "http://169.254.169.254/latest/meta-data",
        "http://[::1]/",
        "http://[::ffff:10.0.0.1]/",
        "http://0.0.0.0/",
        "http://240.0.0.1/",
    ],
)
def test_private_and_reserved_addresses_are_refused(url: str):
    with pytest.raises(FetchError, match="url: refused private address"):
        check_host(url)


def test_bad_schemes_are_refused():
    with pytest.raises(FetchError, match="only http/https"):
        check_host("file:///etc/passwd", allow_private=True)


@pytest.mark.parametrize(
    ("lines", "reasons"),
    [
        ([], ["empty file"]),
        (["# only a comment", "   "], ["url: no URLs in the file (only comments or blank lines)"]),
        (
            ["ftp://files.example/a", "not a url"],
            ["url: line 1: not an http(s) URL", "url: line 2: not an http(s) URL"],
        ),
    ],
)
def test_empty_or_bad_url_files(tmp_path: Path, lines: list[str], reasons: list[str]):
    path = tmp_path / "list.urls"
    path.write_text("\n".join(lines))
    skipped: list[Skipped] = []
    assert list(read_paths([path], skipped)) == []
    assert len(skipped) == len(reasons)
    assert all(s.reason.startswith(r) for s, r in zip(skipped, reasons, strict=True))
    assert all(s.source == str(path) for s in skipped)


def test_parse_url_list_dedups_and_keeps_fragments():
    urls, problems = parse_url_list("https://a.example/x#top\nhttps://a.example/x#top\n#c\n")
    assert urls == ["https://a.example/x#top"] and problems == []
