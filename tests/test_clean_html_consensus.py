"""consensus.combine / post_pass, the extractor fallbacks and the page metadata of HTML."""

from __future__ import annotations

import datetime as dt

import pytest

from storydesk.steps.clean import extract_html
from storydesk.steps.clean.consensus import combine, is_title, post_pass
from storydesk.steps.clean.language import page_language
from storydesk.steps.clean.metadata import page_metadata, site_of
from storydesk.steps.clean.visible import parse_html

BODY = [f"Paragraph {i} tells the reader what happened at the harbour on day {i}." for i in range(8)]


def test_clean_html_combine_keeps_precision_and_lines_both_voters_agree_on():
    default = "\n".join(["Standfirst that precision mode dropped.", *BODY, "More stories"])
    precision = "\n".join(BODY)
    voters = ["Standfirst that precision mode dropped.\n" + precision, default]
    text, removed = combine(default, precision, voters)
    assert text.splitlines()[0] == "Standfirst that precision mode dropped."
    assert "More stories" not in text  # only one voter has it, and it is furniture anyway
    assert [r.text for r in removed] == ["More stories"]


def test_clean_html_combine_needs_every_voter():
    default = "\n".join(["A teaser line one voter keeps.", *BODY])
    text, removed = combine(default, "\n".join(BODY), [default, "\n".join(BODY)])
    assert "teaser line" not in text
    assert removed[0].reason == "boilerplate"


def test_clean_html_combine_uses_default_text_when_precision_collapses():
    default = "\n".join(BODY)
    text, removed = combine(default, BODY[0], [default, default])
    assert text == default and removed == []


@pytest.mark.parametrize(
    ("line", "title", "expected"),
    [
        ("River ferry resumes service", "River ferry resumes service | Harbour Gazette", True),
        ("River ferry resumes service after the storm", "River ferry resumes service after storm", True),
        ("The ferry runs again.", "River ferry resumes service", False),
        ("Anything", None, False),
    ],
)
def test_clean_html_is_title(line: str, title: str | None, expected: bool):
    assert is_title(line, title) is expected


def test_clean_html_post_pass_drops_headline_kicker_and_furniture():
    text = "\n".join(["Politics", "River ferry resumes service", *BODY[:2], "Related: Bridge opens",
                      "ADVERTISEMENT", BODY[2]])
    cleaned, removed = post_pass(text, "River ferry resumes service - Harbour Gazette")
    assert cleaned.splitlines() == [BODY[0], BODY[1], BODY[2]]
    assert {r.reason for r in removed} == {"metadata", "title", "teaser", "advertisement"}


@pytest.mark.parametrize(
    ("url", "site"),
    [
        ("https://www.wsj.com/articles/x", "wsj.com"),
        ("http://web.archive.org/web/20170316044717/http://www.saukvalley.com/2014/08/a", "saukvalley.com"),
        ("https://archive.ph/2020/https://news.example.org/story", "news.example.org"),
        ("https://web.archive.org/web/2017/juergenheitmann.com/essays/", "juergenheitmann.com"),
        (None, None),
        ("not a url", None),
    ],
)
def test_clean_html_site_of(url: str | None, site: str | None):
    assert site_of(url) == site


META_PAGE = """<html lang="de-DE"><head><title>Fähre fährt wieder | Hafenblatt</title>
<meta property="og:site_name" content="Hafenblatt">
<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
 {"@type": "WebSite", "name": "ignored"},
 {"@type": "NewsArticle", "headline": "Fähre fährt wieder", "datePublished": "2024-03-05T08:00:00Z",
  "author": [{"@type": "Person", "name": "Mara Lind"}, {"@type": "Person", "name": "Ole Berg"}],
  "publisher": {"@type": "Organization", "name": "Hafenblatt"}}]}</script>
<script type="application/ld+json">{broken json</script>
</head><body><p>Text.</p></body></html>"""


def test_clean_html_page_metadata_reads_json_ld_and_meta():
    tree = parse_html(META_PAGE)
    meta = page_metadata(tree)
    assert meta.title == "Fähre fährt wieder"
    assert meta.author == "Mara Lind, Ole Berg"
    assert meta.published == dt.date(2024, 3, 5)
    assert meta.site_name == "Hafenblatt"
    assert page_language(tree) == "de"


@pytest.mark.parametrize(
    ("html", "language"),
    [
        ('<html lang="en-GB"><body>x</body></html>', "en"),
        ('<html><head><meta http-equiv="content-language" content="fr"></head><body>x</body></html>', "fr"),
        ('<html><head><meta property="og:locale" content="es_ES"></head><body>x</body></html>', "es"),
        ("<html><body>x</body></html>", None),
        ('<html lang="{{lang}}"><body>x</body></html>', None),
    ],
)
def test_clean_html_page_language(html: str, language: str | None):
    assert page_language(parse_html(html)) == language


def test_clean_html_outlet_of_archived_page_is_the_archived_site():
    html = "<html><body><article>" + "".join(f"<p>{p}</p>" for p in BODY) + "</article></body></html>"
    url = "http://web.archive.org/web/20170316044717/http://www.saukvalley.com/2014/08/story"
    assert extract_html(html, url=url).outlet == "saukvalley.com"


@pytest.mark.parametrize(
    ("trafilatura_works", "readability_works", "method"),
    [(True, True, "trafilatura"), (False, True, "readability"), (False, False, "visible-text")],
)
def test_clean_html_records_the_extractor_that_produced_the_text(
    monkeypatch: pytest.MonkeyPatch, trafilatura_works: bool, readability_works: bool, method: str
):
    from storydesk.steps.clean import html as html_module

    if not trafilatura_works:  # as on a page whose markup trafilatura cannot read
        monkeypatch.setattr(html_module, "_trafilatura", lambda *args, **kwargs: {})
    if not readability_works:
        monkeypatch.setattr(html_module, "readability_text", lambda html: "")
    html = ("<html><body><div>Home</div><article>"
            + "".join(f"<p>{p}</p>" for p in BODY)
            + "</article><div>Share</div></body></html>")
    result = extract_html(html)
    assert result.method == method
    assert all(p in result.text for p in BODY)  # never lose the article
    assert "Home" not in result.text.splitlines()
