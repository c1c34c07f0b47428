"""HTML report: one self-contained, escaped, well-formed page with every section of the dossier."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest
from dossier_factory import XSS, build_dossier

from storydesk.model import Dossier
from storydesk.report import render_html
from storydesk.report.html import anchor

SVG_NS = "{http://www.w3.org/2000/svg}"
VOID = {"meta", "br", "hr", "img", "input", "link", "wbr", "col", "area", "base", "source"}
SVG_VOID_OK = {"line", "circle", "rect", "path"}  # self-closed inside <svg>


class _Checker(HTMLParser):
    """Collects ids, #-links and tag balance problems (HTML parsers forgive; this test doesn't)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.problems: list[str] = []
        self.ids: list[str] = []
        self.hrefs: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.append(values["id"] or "")
        if tag == "a" and values.get("href"):
            self.hrefs.append(values["href"] or "")
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in VOID and tag not in SVG_VOID_OK:
            self.problems.append(f"self-closed <{tag}/>")

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> closes {self.stack[-1:]}")
        else:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


@pytest.fixture(scope="module")
def page() -> str:
    return render_html(build_dossier())


@pytest.fixture(scope="module")
def checked(page: str) -> _Checker:
    checker = _Checker()
    checker.feed(page)
    checker.close()
    return checker


def _svgs(page: str) -> list[ET.Element]:
    return [ET.fromstring(s) for s in re.findall(r"<svg\b.*?</svg>", page, flags=re.S)]


def test_page_is_balanced_and_links_resolve(checked: _Checker) -> None:
    assert checked.problems == []
    assert checked.stack == []
    assert len(checked.ids) == len(set(checked.ids)), "duplicate ids"
    internal = [h[1:] for h in checked.hrefs if h.startswith("#")]
    assert internal and set(internal) <= set(checked.ids)


def test_self_contained(page: str) -> None:
    assert page.startswith("<!DOCTYPE html>")
    assert "<script" not in page  # no JavaScript at all, and none smuggled in by article text
    assert "<link" not in page and "@import" not in page and "url(http" not in page
    assert not re.search(r"\ssrc=", page)
    assert "prefers-color-scheme: dark" in page


def test_article_text_is_escaped(page: str, checked: _Checker) -> None:
    assert XSS not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    # the hostile title and text still reach the reader, as text
    text = "".join(checked.text)
    assert "Soldiers flee <script>alert(1)</script>" in text
    assert f"caption {XSS}" in text


def test_hostile_ids_and_urls_are_neutralised() -> None:
    dossier = build_dossier()
    dossier.articles[0].source = "javascript:alert(1)"
    dossier.articles[1].source = 'https://example.org/"><img src=x onerror=alert(1)>'
    page = render_html(dossier)
    assert 'href="javascript:' not in page
    assert "<img" not in page
    assert anchor("article", 'a b"<>') != anchor("article", "a-b---")
    assert re.fullmatch(r"article-[A-Za-z0-9_.-]+", anchor("article", 'a b"<>'))


def test_summary_cites_article_anchors(page: str) -> None:
    assert 'North Korean soldiers deserted near the border. <span class="cite">[' in page
    assert '<a href="#article-a1"' in page and 'id="article-a1"' in page


@pytest.mark.parametrize(
    ("status", "label"),
    [
        ("consistent", "consistent"),
        ("discrepant", "discrepant"),
        ("contested", "contested"),
        ("single_source", "single source"),
    ],
)
def test_status_badges_are_coloured(page: str, status: str, label: str) -> None:
    assert re.search(rf'<span class="badge status-{status}"[^>]*>{label}</span>', page)
    assert re.search(rf"\.status-{status} \{{ background: var\(--\w+\); \}}", page)


def test_mention_rows(page: str) -> None:
    claim = page[page.index('id="claim-s1-c1"') : page.index('id="claim-s1-c2"')]
    assert claim.count("<tr>") == 1 + 3  # header + one row per mention
    assert "<q>around twenty soldiers</q>" in claim
    assert "approximately" in claim and "Newsweek, Suspilne" in claim
    assert "1 independent origin: Suspilne" in claim
    distance = page[page.index('id="claim-s1-c2"') : page.index('id="claim-s1-c3"')]
    assert "= 6.43738 km" in distance and "2 independent origins" in distance


@pytest.mark.parametrize(
    "expected",
    [
        "<h3>Verification flags</h3>",
        "no evidence</span> <q>No picture or video evidence has emerged</q>",
        "<h3>Sources</h3>",
        "<td>unnamed Ukrainian intelligence officials</td><td>unnamed</td>",
        "<h3>Timeline</h3>",
        "<h3>Provenance</h3>",
        '<span class="reason">advertisement</span> ADVERTISEMENT',
        "Cleaned text (",
        "<td>empty.txt</td><td>read</td><td>empty</td>",
        "Skipped inputs (3)",
        "Articles not in any story (1)",
        'duplicate of <a href="#article-a1"',
    ],
)
def test_sections_present(page: str, expected: str) -> None:
    assert expected in page


def test_claim_quotes_are_marked_in_article_text(page: str) -> None:
    article = page[page.index('id="article-a1"') : page.index('id="article-a2"')]
    assert '<mark title="North Korean soldiers deserted">18 North Korean soldiers</mark>' in article
    assert ">has not yet been confirmed by independent sources</mark>" in article


def test_bad_offsets_do_not_break_the_text() -> None:
    dossier = build_dossier()
    for claim in dossier.stories[0].claims:
        for mention in claim.mentions:
            if mention.article_id == "a1":
                mention.start, mention.end = 10_000, 10_010  # past the end of the text
    dossier.stories[0].flags[0].start = -5
    page = render_html(dossier)
    article = page[page.index('id="article-a1"') : page.index('id="article-a2"')]
    assert "<mark" not in article
    assert dossier.articles[0].text in article  # the whole text, unmarked


def test_svgs_are_well_formed(page: str) -> None:
    svgs = _svgs(page)
    assert len(svgs) == 4  # a timeline and a provenance graph per story
    for svg in svgs:
        assert svg.tag == f"{SVG_NS}svg"
        assert svg.get("viewBox")


def test_provenance_graph_of_fifty_articles_stays_readable(page: str) -> None:
    graph = _svgs(page)[3]
    groups = [g for g in graph.iter(f"{SVG_NS}g") if g.get("class") == "sd-node-article"]
    assert len(groups) == 50
    height = float(graph.get("height", 0))
    assert height >= 50 * 20  # one row per article, not squeezed
    labels = [t.text or "" for t in graph.iter(f"{SVG_NS}text")]
    long_name = "Local newspaper number 0 with a very long name"
    assert long_name not in labels and any(lbl.endswith("…") for lbl in labels)
    titles = [t.text or "" for t in graph.iter(f"{SVG_NS}title")]
    assert any(long_name in t for t in titles)  # full text in the tooltip
    ys = sorted(float(r.get("y", 0)) for g in groups for r in g.iter(f"{SVG_NS}rect"))
    assert all(b - a >= 18 for a, b in zip(ys, ys[1:], strict=False)), "article boxes overlap"


def test_empty_dossier_renders() -> None:
    page = render_html(Dossier())
    assert "No stories were found." in page
    assert "<svg" not in page
