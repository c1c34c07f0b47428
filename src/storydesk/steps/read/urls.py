"""URL lists (``.urls``): one URL per line, ``#`` comments; each page is fetched with httpx.

Fetching is guarded because the list may come from anyone: http/https only, at most
``MAX_REDIRECTS`` redirects, a connect timeout and a total deadline per URL, a size cap, and
no private, loopback, link-local or reserved addresses (checked for every address the host
resolves to, again at each redirect) unless ``allow_private`` is set. Every failure is one
``Skipped`` whose source is the URL.
"""

from __future__ import annotations

import ipaddress
import re
import socket
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

from storydesk.model import Article
from storydesk.steps.read.decode import DecodeError, decode_bytes
from storydesk.steps.read.formats import looks_like_html
from storydesk.steps.read.ids import IdAllocator, content_id

if TYPE_CHECKING:
    import httpx

# skip(reason, source): the source is the URL that failed (or the list file itself).
Skip = Callable[[str, str], None]

CONNECT_TIMEOUT = 10.0
TOTAL_TIMEOUT = 30.0
MAX_REDIRECTS = 5
_ACCEPTED_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w-]+)", re.I)


class FetchError(Exception):
    """A URL that could not be read; ``str(error)`` is the reason ("url: HTTP 404")."""


@dataclass(slots=True)
class Page:
    """A fetched page: the URL it finally came from, its text and "html" or "text"."""

    url: str
    text: str
    raw_format: str


def parse_url_list(text: str) -> tuple[list[str], list[str]]:
    """The URLs of a list file (in order, each once) and reasons for lines that are not URLs.

    Blank lines and lines starting with "#" are ignored; so is a trailing " # comment".
    """
    urls: list[str] = []
    problems: list[str] = []
    for lineno, line in enumerate(text.splitlines(), start=1):
        line = re.split(r"\s#", line, maxsplit=1)[0].strip()
        if not line or line.startswith("#"):
            continue
        if urlsplit(line).scheme.lower() not in ("http", "https") or not urlsplit(line).hostname:
            problems.append(f"url: line {lineno}: not an http(s) URL ({line[:80]})")
        elif line not in urls:
            urls.append(line)
    return urls, problems


def check_host(url: str, allow_private: bool = False) -> None:
    """Raise ``FetchError`` unless ``url`` is http(s) and its host resolves only to public
    addresses (any address is fine when ``allow_private``)."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        raise FetchError(f"url: refused scheme {parts.scheme or '(none)'!r}, only http/https")
    host = parts.hostname
    if not host:
        raise FetchError("url: no host in the URL")
    try:
        port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError, ValueError) as exc:
        raise FetchError(f"url: cannot resolve host {host} ({exc})") from exc
    if allow_private:
        return
    for info in infos:
        address = ipaddress.ip_address(str(info[4][0]).split("%", 1)[0])
        if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
            address = address.ipv4_mapped  # "::ffff:10.0.0.1" is 10.0.0.1
        if not address.is_global or address.is_multicast:
            raise FetchError(f"url: refused private address {address}")


def fetch(url: str, max_bytes: int, allow_private: bool = False) -> Page:
    """Fetch one page under the guards above; raise ``FetchError`` with the reason."""
    import httpx

    deadline = time.monotonic() + TOTAL_TIMEOUT
    # trust_env=False: no proxy from the environment, so the address checked is the one used.
    with httpx.Client(follow_redirects=False, trust_env=False) as client:
        for _ in range(MAX_REDIRECTS + 1):
            check_host(url, allow_private)
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise FetchError("url: timeout")
            timeout = httpx.Timeout(remaining, connect=min(CONNECT_TIMEOUT, remaining))
            try:
                with client.stream("GET", url, timeout=timeout) as response:
                    if response.status_code in _REDIRECTS and "location" in response.headers:
                        url = urljoin(url, response.headers["location"])
                        continue
                    return _page(response, max_bytes, deadline)
            except httpx.TimeoutException as exc:
                raise FetchError("url: timeout") from exc
            except httpx.HTTPError as exc:
                raise FetchError(f"url: {type(exc).__name__} ({exc})") from exc
    raise FetchError(f"url: more than {MAX_REDIRECTS} redirects")


def _page(response: httpx.Response, max_bytes: int, deadline: float) -> Page:
    if response.status_code != 200:
        raise FetchError(f"url: HTTP {response.status_code}")
    header = response.headers.get("content-type", "")
    mime = header.split(";")[0].strip().lower()
    if mime and mime not in _ACCEPTED_TYPES:
        raise FetchError(f"url: not a web page ({mime})")
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise FetchError(f"url: too large ({int(declared):,} bytes over the cap)")
    body = bytearray()
    for chunk in response.iter_bytes():
        body += chunk
        if len(body) > max_bytes:
            raise FetchError(f"url: too large (over the {max_bytes:,} byte cap)")
        if time.monotonic() > deadline:  # a slow drip never trips the per-read timeout
            raise FetchError("url: timeout")
    text = _decode(bytes(body), header)
    if not text.strip():
        raise FetchError("url: empty page")
    html = mime != "text/plain" and (mime in _ACCEPTED_TYPES or looks_like_html(text))
    return Page(str(response.url), text, "html" if html else "text")


def _decode(data: bytes, content_type: str) -> str:
    charset = _CHARSET.search(content_type)
    if charset:
        try:
            return data.decode(charset.group(1))
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong header is common; sniff instead
    try:
        return decode_bytes(data)
    except DecodeError as exc:
        raise FetchError(f"url: {exc}") from exc


def read_url_list(
    text: str,
    source: str,
    ids: IdAllocator,
    skip: Skip,
    max_bytes: int,
    allow_private: bool = False,
    fetcher: Callable[[str, int, bool], Page] = fetch,
) -> Iterator[Article]:
    """Fetch every URL of a list file; one Article per page, ids hashed from the listed URL."""
    urls, problems = parse_url_list(text)
    for problem in problems:
        skip(problem, source)
    if not urls:
        if not problems:
            skip("url: no URLs in the file (only comments or blank lines)", source)
        return
    for url in urls:
        try:
            page = fetcher(url, max_bytes, allow_private)
        except FetchError as exc:
            skip(str(exc), url)
            continue
        yield Article(
            id=ids.allocate(content_id(url)),
            source=page.url,
            raw=page.text,
            raw_format=page.raw_format,
        )
