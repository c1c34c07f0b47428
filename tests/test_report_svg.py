"""SVG pictures: well-formed XML, sensible layout, robust to odd input."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from dossier_factory import build_dossier

from storydesk.model import Edge, Story, TimelineEntry
from storydesk.report.common import ArticleIndex
from storydesk.report.svg import provenance_svg, timeline_svg

NS = "{http://www.w3.org/2000/svg}"


def _parse(svg: str) -> ET.Element:
    root = ET.fromstring(svg)
    assert root.tag == f"{NS}svg"
    return root


def _points(root: ET.Element) -> list[float]:
    return [float(c.get("cx", 0)) for c in root.iter(f"{NS}circle")]


def test_timeline_orders_points_by_date() -> None:
    entries = [
        TimelineEntry("2024-10-20", "late", ["a1"]),
        TimelineEntry("2024-10-10", "early", ["a2"]),
        TimelineEntry("2024-10-15T08:00:00", "middle", []),
        TimelineEntry("2024-10", "month only", []),
    ]
    root = _parse(timeline_svg(entries))
    titles = [t.text for c in root.iter(f"{NS}circle") for t in c.iter(f"{NS}title")]
    assert [t.split(": ")[1].split(" [")[0] for t in titles] == [
        "month only",
        "early",
        "middle",
        "late",
    ]
    xs = _points(root)
    assert xs == sorted(xs) and xs[0] < xs[-1]


@pytest.mark.parametrize(
    "entries",
    [[], [TimelineEntry("last week", "x")], [TimelineEntry("2024-13-45", "invalid date")]],
)
def test_timeline_without_dates_draws_nothing(entries: list[TimelineEntry]) -> None:
    assert timeline_svg(entries) == ""


def test_timeline_same_day_labels_do_not_overlap() -> None:
    entries = [TimelineEntry("2024-01-01", f"event number {i}") for i in range(6)]
    root = _parse(timeline_svg(entries))
    assert len(set(_points(root))) == 1
    label_ys = [t.get("y") for t in root.iter(f"{NS}text") if t.get("font-size") == "12"]
    assert len(label_ys) == 6 and len(set(label_ys)) == 6


def test_timeline_escapes_and_strips_control_characters() -> None:
    svg = timeline_svg([TimelineEntry("2024-01-01", "a <b> & \x00\x07 'c' \"d\"")])
    root = _parse(svg)
    assert any("a <b> & " in (t.text or "") for t in root.iter(f"{NS}title"))
    assert "\x00" not in svg


def test_timeline_caps_lanes_but_keeps_every_point() -> None:
    entries = [TimelineEntry("2024-01-01", f"event {i}") for i in range(40)]
    root = _parse(timeline_svg(entries, max_lanes=4))
    assert len(_points(root)) == 40
    assert sum(1 for t in root.iter(f"{NS}text") if t.get("font-size") == "12") == 4


def _columns(root: ET.Element) -> dict[str, float]:
    """Node name (from its tooltip) -> x of its box."""
    out = {}
    for g in root.iter(f"{NS}g"):
        title = g.find(f"{NS}title")
        rect = g.find(f"{NS}rect")
        if title is not None and rect is not None:
            out[title.text or ""] = float(rect.get("x", 0))
    return out


def test_provenance_layers_articles_sources_origins() -> None:
    dossier = build_dossier()
    story = dossier.stories[0]
    root = _parse(provenance_svg(story, ArticleIndex.of(dossier), uid="t"))
    xs = _columns(root)
    article_x = {x for name, x in xs.items() if name.startswith(("Suspilne —", "Newsweek —"))}
    assert len(article_x) == 1
    assert xs["source: Newsweek (outlet, cited by 1)"] > min(article_x)
    assert xs["origin: Suspilne (outlet, cited by 2)"] > xs["source: Newsweek (outlet, cited by 1)"]
    markers = {m.get("id") for m in root.iter(f"{NS}marker")}
    assert markers == {"t-quotes", "t-cites", "t-translates", "t-copies"}
    paths = [p for p in root.iter(f"{NS}path") if p.get("marker-end")]
    assert len(paths) == len(story.edges)
    assert any(p.get("stroke-dasharray") == "6 4" for p in paths)  # copies is dashed


def test_provenance_without_edges_draws_nothing() -> None:
    dossier = build_dossier()
    assert provenance_svg(Story("s"), ArticleIndex.of(dossier)) == ""


def test_provenance_survives_cycles_and_unknown_nodes() -> None:
    story = Story(
        "s",
        article_ids=["a1", "ghost"],
        edges=[
            Edge("a1", "X", "cites"),
            Edge("X", "Y", "cites"),
            Edge("Y", "X", "cites"),
            Edge("Y", "Z", "quotes"),
            Edge("Z", "Z", "cites"),
            Edge("a1", "X", "cites"),
        ],
    )
    root = _parse(provenance_svg(story, ArticleIndex.of(build_dossier()), uid="weird id!"))
    assert {m.get("id") for m in root.iter(f"{NS}marker")} == {
        "weird-id--cites",
        "weird-id--quotes",
    }
    names = set(_columns(root))
    assert {"source: X", "source: Y", "origin: Z"} <= names
    assert (
        sum(1 for p in root.iter(f"{NS}path") if p.get("marker-end")) == 4
    )  # dupes, loops dropped
