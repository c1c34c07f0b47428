"""RSS/Atom reading: entries become Articles offline; entries without text are counted skips."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from storydesk.model import Skipped
from storydesk.steps.read import read_paths

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Daily Example</title>
<item><title>Soldiers desert</title><link>https://daily.example/a</link>
<guid>https://daily.example/a</guid>
<pubDate>Tue, 15 Oct 2024 20:20:00 GMT</pubDate>
<description><![CDATA[<p>Eighteen soldiers deserted, officials said.</p>]]></description></item>
<item><title>Only a title</title><link>https://daily.example/b</link></item>
<item><title>No link</title><description>Plain summary text.</description></item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Wire</title>
<id>urn:feed</id><updated>2024-10-16T00:00:00Z</updated>
<entry><title>Follow-up</title><id>urn:entry:1</id>
<link href="https://wire.example/1"/><updated>2024-10-16T08:00:00Z</updated>
<summary>Short summary.</summary>
<content type="html">&lt;p&gt;The full story body.&lt;/p&gt;</content></entry>
</feed>
"""


def _read(path: Path) -> tuple[list, list[Skipped]]:
    skipped: list[Skipped] = []
    return list(read_paths([path], skipped)), skipped


@pytest.mark.parametrize("name", ["news.rss", "news.xml", "news.txt", "news.rss.gz"])
def test_rss_entries_become_articles(tmp_path: Path, name: str):
    path = tmp_path / name
    if name.endswith(".gz"):
        import gzip

        path.write_bytes(gzip.compress(RSS.encode()))
    else:
        path.write_text(RSS)
    articles, skipped = _read(path)
    assert [a.title for a in articles] == ["Soldiers desert", "No link"]
    first, second = articles
    assert first.source == "https://daily.example/a" and first.id == "https://daily.example/a"
    assert first.outlet == "Daily Example" and first.published == dt.date(2024, 10, 15)
    assert "Eighteen soldiers deserted" in first.raw and first.raw_format == "html"
    assert second.source == f"{path}#entry-3" and second.published is None
    assert [s.reason for s in skipped] == ["feed: 1 entry without content or summary"]


def test_atom_prefers_content_over_summary(tmp_path: Path):
    path = tmp_path / "wire.atom"
    path.write_text(ATOM)
    articles, skipped = _read(path)
    assert skipped == []
    (article,) = articles
    assert article.raw == "<p>The full story body.</p>"
    assert (article.id, article.source, article.outlet) == (
        "urn:entry:1",
        "https://wire.example/1",
        "Atom Wire",
    )
    assert article.published == dt.date(2024, 10, 16)


@pytest.mark.parametrize(
    ("name", "text", "reason"),
    [
        ("junk.rss", "this is not a feed at all <<<>>>", "feed: not an RSS/Atom feed"),
        (
            "empty.atom",
            '<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title></feed>',
            "feed: no entries",
        ),
        ("data.xml", "<?xml version='1.0'?><config><a>1</a></config>", "unsupported format: XML"),
        # a string that looks like a URL must never be fetched or opened
        ("link.rss", "http://127.0.0.1:9/feed.xml", "feed: not an RSS/Atom feed"),
    ],
)
def test_bad_feed_is_one_skip(tmp_path: Path, name: str, text: str, reason: str):
    path = tmp_path / name
    path.write_text(text)
    articles, skipped = _read(path)
    assert articles == []
    assert len(skipped) == 1 and skipped[0].reason.startswith(reason)
    assert skipped[0].source == str(path)


def test_html_mentioning_rss_is_still_html(tmp_path: Path):
    path = tmp_path / "page.html"
    path.write_text("<html><body><p>Subscribe to our <rss> feed</p></body></html>")
    articles, skipped = _read(path)
    assert [a.raw_format for a in articles] == ["html"] and skipped == []
