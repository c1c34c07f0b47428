"""Every writer copes with odd but schema-valid dossiers: dangling ids, empty fields, odd names."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

import pytest
from dossier_factory import build_dossier

from storydesk.model import Article, Claim, Dossier, Edge, Mention, Story, TimelineEntry
from storydesk.report import render_html, render_json, render_markdown
from storydesk.report.common import fmt_number


def _dangling() -> Dossier:
    story = Story(
        "s 1/é",
        headline="",
        article_ids=["missing", "a b"],
        claims=[Claim("c", "", "other", "single_source", [Mention("nowhere", "", 0, 0)])],
        edges=[Edge("missing", "somebody", "cites"), Edge("a b", "a b", "copies")],
        timeline=[TimelineEntry("sometime", "", ["nowhere"])],
    )
    return Dossier(articles=[Article("a b", "", text="")], stories=[story])


def _unicode() -> Dossier:
    text = "Zelensky — « 20 000 » soldats\u200b; 日本語 \U0001f600 ok"
    article = Article("ü", "https://bad[host/x", text=text, title="\u202eevil", outlet="Le Monde")
    mention = Mention("ü", "20 000", text.index("20 000"), text.index("20 000") + 6, 20000.0, "")
    story = Story("s", headline="Ünïcødé", article_ids=["ü"])
    story.claims = [Claim("c", "soldiers", "count", "discrepant", [mention, mention])]
    return Dossier(articles=[article], stories=[story])


def _twice() -> Dossier:
    dossier = build_dossier()
    dossier.stories.append(Story("s3", "Same articles again", ["a1", "a2"]))
    return dossier


CASES = {
    "dangling ids": _dangling,
    "unicode and bad url": _unicode,
    "article in two stories": _twice,
}


@pytest.mark.parametrize("build", CASES.values(), ids=CASES.keys())
def test_every_format_renders(build) -> None:
    dossier = build()
    assert json.loads(render_json(dossier))["schema"] == "storydesk.dossier/1"
    assert render_markdown(dossier).startswith("# storydesk dossier")
    page = render_html(dossier)
    ids = re.findall(r'\sid="([^"]+)"', page)
    assert len(ids) == len(set(ids))
    for svg in re.findall(r"<svg\b.*?</svg>", page, flags=re.S):
        ET.fromstring(svg)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, ""),
        (3000.0, "3,000"),
        (6.437376, "6.43738"),
        (0.5, "0.5"),
        (-2, "-2"),
        (float("inf"), "inf"),
    ],
)
def test_fmt_number(value: float | None, expected: str) -> None:
    assert fmt_number(value) == expected
