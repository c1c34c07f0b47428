"""Server-side SVG pictures for the HTML report: a timeline and a provenance graph.

Both are plain, well-formed SVG strings (no script, no external reference) laid out here in Python,
so the report needs no JavaScript to show them. Presentation attributes give light-theme colours
that work even when the SVG is viewed alone; ``SVG_CSS`` (included by the HTML page) overrides them
with theme variables for dark mode. Long labels are truncated, with the full text in ``<title>``
tooltips. A function returns ``""`` when there is nothing to draw.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from storydesk.model import Story, TimelineEntry
from storydesk.report.common import ArticleIndex, truncate

__all__ = ["SVG_CSS", "provenance_svg", "timeline_svg"]

_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:$|T|\s)")
_CHAR_W = 6.6  # average glyph width at 12px, for estimating label extents
_FONT = 'font-family="system-ui, sans-serif"'

RELATION_STYLE: dict[str, tuple[str, str]] = {  # relation -> (colour, dash pattern)
    "cites": ("#6b7280", ""),
    "copies": ("#d97706", "6 4"),
    "translates": ("#2563eb", "2 3"),
    "quotes": ("#7c3aed", ""),
}
_NODE_STYLE: dict[str, tuple[str, str]] = {  # node kind -> (fill, stroke)
    "article": ("#e8eef7", "#4a6fa5"),
    "source": ("#f3efe3", "#8a7a4a"),
    "origin": ("#fbe7e7", "#b04a4a"),
}

SVG_CSS = """
.sd-svg { max-width: 100%; height: auto; color: var(--fg); }
.sd-svg text { fill: var(--fg); }
.sd-svg .sd-muted { fill: var(--muted); }
.sd-svg .sd-axis { stroke: var(--muted); }
.sd-svg .sd-point { fill: var(--accent); }
.sd-svg .sd-leader { stroke: var(--border); }
.sd-svg .sd-node-article rect { fill: var(--node-article); }
.sd-svg .sd-node-source rect { fill: var(--node-source); }
.sd-svg .sd-node-origin rect { fill: var(--node-origin); }
"""


def _x(text: object) -> str:
    """Escape for XML text and attributes, dropping characters XML 1.0 forbids."""
    return html.escape(_INVALID_XML.sub("", str(text)), quote=True)


def _open_svg(width: float, height: float, label: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="sd-svg" role="img" '
        f'width="{width:.0f}" height="{height:.0f}" viewBox="0 0 {width:.0f} {height:.0f}" '
        f'aria-label="{_x(label)}"><title>{_x(label)}</title>'
    )


def _parse_date(text: str) -> dt.date | None:
    match = _ISO.match(text.strip())
    if not match:
        return None
    year, month, day = match.group(1), match.group(2) or "1", match.group(3) or "1"
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None


# --------------------------------------------------------------------------------------------------
# Timeline
# --------------------------------------------------------------------------------------------------


def _assign_lanes(extents: Sequence[tuple[float, float]], max_lanes: int) -> list[int | None]:
    """Greedy interval packing: each label goes to the first lane where it does not overlap the
    previous label; ``None`` when all lanes are full (the point keeps its tooltip)."""
    lane_end: list[float] = []
    lanes: list[int | None] = []
    for left, right in extents:
        for lane, end in enumerate(lane_end):
            if left > end + 6:
                lane_end[lane] = right
                lanes.append(lane)
                break
        else:
            if len(lane_end) < max_lanes:
                lane_end.append(right)
                lanes.append(len(lane_end) - 1)
            else:
                lanes.append(None)
    return lanes


def timeline_svg(entries: Sequence[TimelineEntry], width: int = 900, max_lanes: int = 16) -> str:
    """Dated timeline entries as points on a horizontal date axis, each with a label. Entries whose
    date is not an ISO date (kept as written) are not drawn; the caller lists them."""
    dated = sorted(
        ((d, e) for e in entries if (d := _parse_date(e.date)) is not None), key=lambda p: p[0]
    )
    if not dated:
        return ""
    margin, lane_h = 70.0, 20.0
    first, last = dated[0][0], dated[-1][0]
    span = max((last - first).days, 0)

    def x_of(day: dt.date) -> float:
        if span == 0:
            return width / 2
        return margin + (day - first).days / span * (width - 2 * margin)

    labels, extents = [], []
    for day, entry in dated:
        label = truncate(f"{entry.date[:10]} {entry.text}", 40)
        w = len(label) * _CHAR_W + 4
        x = x_of(day)
        anchor_end = x + w > width - 8
        labels.append((x, label, anchor_end, day, entry))
        extents.append((x - w, x) if anchor_end else (x, x + w))
    order = sorted(range(len(extents)), key=lambda i: extents[i][0])
    packed = _assign_lanes([extents[i] for i in order], max_lanes)
    lanes: list[int | None] = [None] * len(extents)
    for i, lane in zip(order, packed, strict=True):
        lanes[i] = lane
    # Alternate lanes above and below the axis so labels stay close to their points.
    above = sum(1 for lane in set(lanes) if lane is not None and lane % 2 == 0)
    below = sum(1 for lane in set(lanes) if lane is not None and lane % 2 == 1)
    axis_y = 24 + above * lane_h + 10
    height = axis_y + 28 + below * lane_h + 10

    parts = [_open_svg(width, height, f"Timeline: {len(dated)} dated event(s)")]
    parts.append(
        f'<line class="sd-axis" x1="{margin - 20:.0f}" y1="{axis_y:.0f}" x2="{width - margin + 20:.0f}" '
        f'y2="{axis_y:.0f}" stroke="#888" stroke-width="1.5"/>'
    )
    n_ticks = min(span + 1, 6)
    tick_days = sorted({round(i * span / max(n_ticks - 1, 1)) for i in range(n_ticks)})
    for offset in tick_days:
        day = first + dt.timedelta(days=offset)
        tx = x_of(day)
        parts.append(
            f'<line class="sd-axis" x1="{tx:.1f}" y1="{axis_y - 4:.0f}" x2="{tx:.1f}" '
            f'y2="{axis_y + 4:.0f}" stroke="#888"/>'
            f'<text class="sd-muted" x="{tx:.1f}" y="{axis_y + 18:.0f}" text-anchor="middle" '
            f'{_FONT} font-size="10" fill="#666">{day.isoformat()}</text>'
        )
    for (x, label, anchor_end, _day, entry), lane in zip(labels, lanes, strict=True):
        full = f"{entry.date}: {entry.text}"
        if entry.article_ids:
            full += f" [{', '.join(entry.article_ids)}]"
        parts.append(
            f'<circle class="sd-point" cx="{x:.1f}" cy="{axis_y:.0f}" r="5" fill="#2563eb">'
            f"<title>{_x(full)}</title></circle>"
        )
        if lane is None:
            continue
        level = lane // 2 + 1
        y = axis_y - level * lane_h if lane % 2 == 0 else axis_y + 28 + (level - 1) * lane_h + 12
        y_line = y + 4 if lane % 2 == 0 else y - 12
        parts.append(
            f'<line class="sd-leader" x1="{x:.1f}" y1="{axis_y:.0f}" x2="{x:.1f}" y2="{y_line:.0f}" '
            f'stroke="#ccc"/>'
            f'<text x="{x + (-3 if anchor_end else 3):.1f}" y="{y:.0f}" '
            f'text-anchor="{"end" if anchor_end else "start"}" {_FONT} font-size="12" fill="#1d1d1f">'
            f"<title>{_x(full)}</title>{_x(label)}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


# --------------------------------------------------------------------------------------------------
# Provenance graph
# --------------------------------------------------------------------------------------------------


@dataclass
class _Node:
    name: str
    kind: str  # article | source | origin
    column: int = 0
    row: float = 0.0
    label: str = ""
    tooltip: str = ""


def _classify(story: Story, index: ArticleIndex) -> dict[str, _Node]:
    """Articles left, origins right, everything else (cited sources) in between."""
    nodes: dict[str, _Node] = {}
    for article_id in story.article_ids:
        nodes.setdefault(article_id, _Node(article_id, "article"))
    endpoints = [n for e in story.edges for n in (e.source, e.target)]
    for name in endpoints:
        if name not in nodes and index.get(name) is not None:
            nodes[name] = _Node(name, "article")
    claimed = {o for claim in story.claims for o in claim.origins}
    others = [n for n in dict.fromkeys(endpoints) if n not in nodes]
    origins = {n for n in others if n in claimed}
    if not origins:  # origin names don't match graph nodes: fall back to the graph's sinks
        has_out = {e.source for e in story.edges if e.source != e.target}
        origins = {n for n in others if n not in has_out}
    for name in others:
        nodes[name] = _Node(name, "origin" if name in origins else "source")
    return nodes


def _columns(nodes: dict[str, _Node], story: Story, max_middle: int = 3) -> int:
    """Put sources in middle columns by their depth in citation chains (capped), return the number
    of columns."""
    depth = {n.name: 0 for n in nodes.values() if n.kind == "source"}
    # Longest-path relaxation, bounded by the cap, so cycles cannot loop forever.
    for _ in range(max_middle):
        changed = False
        for e in story.edges:
            if e.source in depth and e.target in depth and depth[e.target] < depth[e.source] + 1:
                depth[e.target] = min(depth[e.source] + 1, max_middle - 1)
                changed = True
        if not changed:
            break
    middle = max(depth.values()) + 1 if depth else 0
    for node in nodes.values():
        if node.kind == "source":
            node.column = 1 + depth[node.name]
        elif node.kind == "origin":
            node.column = 1 + middle
    return 2 + middle if any(n.kind == "origin" for n in nodes.values()) else 1 + middle


def _order(nodes: dict[str, _Node], story: Story, n_columns: int) -> list[list[_Node]]:
    """Order each column by the barycentre of its neighbours (two sweeps) to reduce crossings."""
    columns: list[list[_Node]] = [[] for _ in range(n_columns)]
    for node in nodes.values():
        columns[node.column].append(node)
    neighbours: dict[str, list[str]] = defaultdict(list)
    for e in story.edges:
        neighbours[e.source].append(e.target)
        neighbours[e.target].append(e.source)
    for col in columns:
        for i, node in enumerate(col):
            node.row = i
    sweep = list(range(1, n_columns)) + list(range(n_columns - 2, -1, -1))
    for c in sweep:
        for node in columns[c]:
            rows = [nodes[n].row for n in neighbours[node.name] if nodes[n].column != c]
            if rows:
                node.row = sum(rows) / len(rows)
        columns[c].sort(key=lambda n: n.row)
        for i, node in enumerate(columns[c]):
            node.row = i
    return columns


def _place(columns: list[list[_Node]], story: Story, rows: int, row_h: float) -> dict[str, float]:
    """Vertical positions: the tallest column evenly spaced; every other column, working outwards
    from it, near the mean height of its already placed neighbours (so a source sits beside the
    articles citing it), pushed apart to keep one row between nodes and kept inside the picture."""
    neighbours: dict[str, list[str]] = defaultdict(list)
    for e in story.edges:
        neighbours[e.source].append(e.target)
        neighbours[e.target].append(e.source)
    tallest = max(range(len(columns)), key=lambda c: len(columns[c]))
    ys: dict[str, float] = {}
    for i, node in enumerate(columns[tallest]):
        ys[node.name] = ((rows - len(columns[tallest])) / 2 + i) * row_h
    order = list(range(tallest + 1, len(columns))) + list(range(tallest - 1, -1, -1))
    bottom = (rows - 1) * row_h
    for c in order:
        col = columns[c]
        wanted = []
        for i, node in enumerate(col):
            placed = [ys[n] for n in neighbours[node.name] if n in ys]
            fallback = ((rows - len(col)) / 2 + i) * row_h
            wanted.append((sum(placed) / len(placed) if placed else fallback, i, node))
        wanted.sort(key=lambda w: (w[0], w[1]))
        y = [w[0] for w in wanted]
        for i in range(1, len(y)):  # push down to keep a row between nodes ...
            y[i] = max(y[i], y[i - 1] + row_h)
        for i in range(len(y) - 1, -1, -1):  # ... then up, so nothing falls off the bottom
            y[i] = min(y[i], bottom - (len(y) - 1 - i) * row_h)
            if i + 1 < len(y):
                y[i] = min(y[i], y[i + 1] - row_h)
        for (_, _, node), value in zip(wanted, y, strict=True):
            ys[node.name] = max(value, 0.0)
    return ys


def _dash(pattern: str) -> str:
    return f'stroke-dasharray="{pattern}"' if pattern else ""


def _display(node: _Node, index: ArticleIndex) -> str:
    return f"{index.outlet(node.name)} ({node.name})" if node.kind == "article" else node.name


def provenance_svg(story: Story, index: ArticleIndex, uid: str = "pg") -> str:
    """The story's provenance edges as a layered graph: articles on the left, cited sources in the
    middle, origins on the right, one arrow per edge styled by relation. ``uid`` keeps marker ids
    unique when several graphs share one HTML page."""
    if not story.edges:
        return ""
    uid = re.sub(r"[^A-Za-z0-9_-]", "-", uid)
    nodes = _classify(story, index)
    sources = {s.name: s for s in story.sources}
    for node in nodes.values():
        if node.kind == "article":
            outlet = index.outlet(node.name)
            node.label = truncate(
                node.name if outlet == node.name else f"{outlet} · {node.name}", 26
            )
            node.tooltip = index.describe(node.name)
        else:
            src = sources.get(node.name)
            kind = f" ({src.kind}, cited by {len(src.cited_by)})" if src else ""
            node.label = truncate(node.name, 26)
            node.tooltip = f"{'origin' if node.kind == 'origin' else 'source'}: {node.name}{kind}"
    n_columns = _columns(nodes, story)
    columns = _order(nodes, story, n_columns)

    box_w, box_h, row_h, gap, top = 180.0, 18.0, 24.0, 110.0, 62.0
    width = 20 + n_columns * box_w + (n_columns - 1) * gap
    rows = max(len(col) for col in columns)
    height = top + rows * row_h + 10
    ys = _place(columns, story, rows, row_h)
    pos = {n.name: (10 + n.column * (box_w + gap), top + ys[n.name]) for n in nodes.values()}

    relations = list(dict.fromkeys(e.relation for e in story.edges))
    parts = [_open_svg(width, height, f"Provenance graph: {len(story.edges)} edge(s)"), "<defs>"]
    for rel in relations:
        colour = RELATION_STYLE.get(rel, ("#6b7280", ""))[0]
        parts.append(
            f'<marker id="{uid}-{_x(rel)}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
            f'markerHeight="7" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" '
            f'fill="{colour}"/></marker>'
        )
    parts.append("</defs>")
    # Legend and column headings.
    lx = 10.0
    for rel in relations:
        colour, dash = RELATION_STYLE.get(rel, ("#6b7280", ""))
        parts.append(
            f'<line x1="{lx:.0f}" y1="14" x2="{lx + 28:.0f}" y2="14" stroke="{colour}" stroke-width="2" '
            f'{_dash(dash)}/><text x="{lx + 34:.0f}" y="18" {_FONT} font-size="12" fill="#1d1d1f">'
            f"{_x(rel)}</text>"
        )
        lx += 40 + len(rel) * _CHAR_W + 14
    headings = ["Articles"] + ["Sources"] * (n_columns - 1)
    if any(n.kind == "origin" for n in nodes.values()):
        headings[-1] = "Origins"
    for c, heading in enumerate(headings):
        x = 10 + c * (box_w + gap)
        parts.append(
            f'<text class="sd-muted" x="{x:.0f}" y="44" {_FONT} font-size="12" font-weight="600" fill="#666">'
            f"{heading} ({len(columns[c])})</text>"
        )
    seen = set()
    for e in story.edges:
        if (e.source, e.target, e.relation) in seen or e.source == e.target:
            continue
        seen.add((e.source, e.target, e.relation))
        (sx, sy), (tx, ty) = pos[e.source], pos[e.target]
        sy, ty = sy + box_h / 2, ty + box_h / 2
        colour, dash = RELATION_STYLE.get(e.relation, ("#6b7280", ""))
        if tx > sx:  # forward: right side to left side
            x1, x2 = sx + box_w, tx - 2
            bend = (x2 - x1) / 2
            d = f"M{x1:.1f},{sy:.1f} C{x1 + bend:.1f},{sy:.1f} {x2 - bend:.1f},{ty:.1f} {x2:.1f},{ty:.1f}"
        elif tx == sx:  # same column: loop out on the right
            x1 = sx + box_w
            d = f"M{x1:.1f},{sy:.1f} C{x1 + 60:.1f},{sy:.1f} {x1 + 60:.1f},{ty:.1f} {x1 + 2:.1f},{ty:.1f}"
        else:  # backward: left side to right side
            x1, x2 = sx, tx + box_w + 2
            bend = (x1 - x2) / 2
            d = f"M{x1:.1f},{sy:.1f} C{x1 - bend:.1f},{sy:.1f} {x2 + bend:.1f},{ty:.1f} {x2:.1f},{ty:.1f}"
        tip = f"{_display(nodes[e.source], index)} {e.relation} {_display(nodes[e.target], index)}"
        parts.append(
            f'<path d="{d}" fill="none" stroke="{colour}" stroke-width="1.4" '
            f'{_dash(dash)} marker-end="url(#{uid}-{_x(e.relation)})" opacity="0.85">'
            f"<title>{_x(tip)}</title></path>"
        )
    for node in nodes.values():
        x, y = pos[node.name]
        fill, stroke = _NODE_STYLE[node.kind]
        parts.append(
            f'<g class="sd-node-{node.kind}"><title>{_x(node.tooltip)}</title>'
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{box_w:.0f}" height="{box_h:.0f}" rx="4" '
            f'fill="{fill}" stroke="{stroke}"/>'
            f'<text x="{x + 6:.1f}" y="{y + 13:.1f}" {_FONT} font-size="12" fill="#1d1d1f">{_x(node.label)}</text></g>'
        )
    parts.append("</svg>")
    return "".join(parts)
