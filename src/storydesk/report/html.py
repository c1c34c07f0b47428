"""The HTML report: one self-contained page (inline CSS and SVG, no scripts, no external assets).

Everything that comes from an article (text, titles, quotes, names, ids) goes through
``html.escape``; ids used as anchors are reduced to safe characters. The pictures come from
``report.svg``; the stylesheet is ``report/static/report.css``, inlined at render time.
"""

from __future__ import annotations

import hashlib
import html
import re
from collections.abc import Iterable, Sequence
from functools import cache
from importlib import resources

from storydesk.model import SCHEMA_ID, Article, Claim, Dossier, Story
from storydesk.report.common import (
    FLAG_LABELS,
    STATUS_EXPLAINED,
    ArticleIndex,
    fmt_number,
    hedge_label,
    mention_normalized,
    mention_value,
    status_counts,
    status_label,
    story_articles,
    story_title,
    truncate,
    unassigned_articles,
)
from storydesk.report.svg import SVG_CSS, provenance_svg, timeline_svg

__all__ = ["render_html"]

_UNSAFE_ID = re.compile(r"[^A-Za-z0-9_.-]")


def _e(text: object) -> str:
    """Escape text for HTML content and attribute values."""
    return html.escape(str(text), quote=True)


@cache
def _css() -> str:
    css = resources.files("storydesk.report").joinpath("static/report.css").read_text("utf-8")
    return css + SVG_CSS


def anchor(prefix: str, ident: str) -> str:
    """A safe, stable HTML id for ``ident`` (``article-a1``). Unsafe characters are replaced and a
    short hash added so two ids that differ only in such characters stay distinct."""
    safe = _UNSAFE_ID.sub("-", ident)
    if safe != ident or not safe:
        safe += "-" + hashlib.sha1(ident.encode("utf-8")).hexdigest()[:8]
    return f"{prefix}-{safe}"


def _table(header: Sequence[str], rows: Iterable[Sequence[str]], cls: str = "") -> str:
    """Cells must already be HTML; header labels are escaped here."""
    head = "".join(f"<th>{_e(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return f'<div class="scroll"><table class="{cls}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>'


class _Page:
    """Renders one dossier; remembers which articles already have an anchor on the page."""

    def __init__(self, dossier: Dossier) -> None:
        self.dossier = dossier
        self.index = ArticleIndex.of(dossier)
        self.rendered: set[str] = set()
        self.highlights = self._collect_highlights()

    # -- small pieces ------------------------------------------------------------------------------

    def link(self, article_id: str, text: str | None = None) -> str:
        label = article_id if text is None else text
        title = self.index.describe(article_id)
        return f'<a href="#{anchor("article", article_id)}" title="{_e(title)}">{_e(label)}</a>'

    def cite(self, article_ids: Sequence[str]) -> str:
        if not article_ids:
            return ""
        return '<span class="cite">[' + ", ".join(self.link(a) for a in article_ids) + "]</span>"

    def _collect_highlights(self) -> dict[str, list[tuple[int, int, str]]]:
        """Spans of article text that claims and flags point to, to mark them in the text."""
        spans: dict[str, list[tuple[int, int, str]]] = {}
        for story in self.dossier.stories:
            for claim in story.claims:
                for m in claim.mentions:
                    spans.setdefault(m.article_id, []).append((m.start, m.end, claim.statement))
            for f in story.flags:
                label = f"flag: {FLAG_LABELS.get(f.type, f.type)}"
                spans.setdefault(f.article_id, []).append((f.start, f.end, label))
        return spans

    def marked_text(self, article: Article) -> str:
        """The cleaned text, escaped, with claim and flag spans in ``<mark>`` (overlaps skipped)."""
        text, out, pos = article.text, [], 0
        for start, end, title in sorted(self.highlights.get(article.id, [])):
            if not (pos <= start < end <= len(text)):
                continue  # overlapping or out-of-range offsets: show the text unmarked
            out.append(_e(text[pos:start]))
            out.append(f'<mark title="{_e(title)}">{_e(text[start:end])}</mark>')
            pos = end
        out.append(_e(text[pos:]))
        return "".join(out)

    # -- story sections ----------------------------------------------------------------------------

    def qualifies(self, story: Story, claim_ids: Sequence[str]) -> str:
        """The " · about: <claim links>" note for the claims a flag qualifies ("" when none)."""
        statements = {c.id: c.statement for c in story.claims}
        links = [
            f'<a href="#{anchor("claim", f"{story.id}-{cid}")}">{_e(statements[cid])}</a>'
            for cid in claim_ids
            if cid in statements
        ]
        return f' <span class="muted">· about: {", ".join(links)}</span>' if links else ""

    def claim(self, story: Story, claim: Claim) -> str:
        rows = []
        for m in claim.mentions:
            value = _e(mention_value(m)) or "—"
            norm = mention_normalized(m)
            if norm:
                value += f'<br><span class="muted">= {_e(norm)}</span>'
            rows.append(
                [
                    self.link(m.article_id, self.index.outlet(m.article_id))
                    + f' <span class="muted">{_e(m.article_id)}</span>',
                    f"<q>{_e(m.quote)}</q>",
                    value,
                    _e(hedge_label(m.hedge)) or '<span class="muted">—</span>',
                    _e(", ".join(m.attributed_to)) or '<span class="muted">not attributed</span>',
                ]
            )
        origins = f": {_e(', '.join(claim.origins))}" if claim.origins else ""
        n = claim.independent_origins
        return (
            f'<div class="claim" id="{anchor("claim", f"{story.id}-{claim.id}")}"><div class="claim-head">'
            f'<span class="badge status-{_e(claim.status)}" title="{_e(STATUS_EXPLAINED.get(claim.status, ""))}">'
            f"{_e(status_label(claim.status))}</span><strong>{_e(claim.statement)}</strong>"
            f'<span class="kind">{_e(claim.kind)}</span></div>'
            f'<p class="origins">{n} independent origin{"" if n == 1 else "s"}{origins} · '
            f"{len(claim.mentions)} mention(s)</p>"
            + _table(
                ["Outlet", "Quote", "Value as written", "Hedge", "Attributed to"], rows, "mentions"
            )
            + "</div>"
        )

    def article(self, article: Article) -> str:
        if article.id in self.rendered:  # already on the page (in an earlier story): link to it
            return (
                f'<div class="doc">{self.link(article.id, self.index.describe(article.id))}</div>'
            )
        self.rendered.add(article.id)
        meta = [article.published.isoformat() if article.published else "undated"]
        if article.language:
            meta.append(_e(article.language))
        if article.source.startswith(("http://", "https://")):
            meta.append(
                f'<a href="{_e(article.source)}" rel="noopener noreferrer">{_e(article.source)}</a>'
            )
        elif article.source:
            meta.append(f"<code>{_e(article.source)}</code>")
        if article.duplicate_of:
            meta.append("duplicate of " + self.link(article.duplicate_of))
        parts = [
            f'<article class="doc" id="{anchor("article", article.id)}">',
            f"<h4>{_e(self.index.outlet(article.id))} — {_e(article.title or '(untitled)')} "
            f'<span class="muted">{_e(article.id)}</span></h4>',
            f'<p class="meta">{" · ".join(meta)}</p>',
            f"<details><summary>Cleaned text ({len(article.text):,} characters)</summary>"
            f'<div class="text">{self.marked_text(article)}</div></details>',
        ]
        if article.removed:
            items = "".join(
                f'<li><span class="reason">{_e(r.reason)}</span> {_e(r.text)}</li>'
                for r in article.removed
            )
            parts.append(
                f"<details><summary>Removed by cleaning ({len(article.removed)})</summary>"
                f'<ul class="removed">{items}</ul></details>'
            )
        parts.append("</article>")
        return "".join(parts)

    def timeline(self, story: Story, uid: str) -> str:
        if not story.timeline:
            return ""
        svg = timeline_svg(story.timeline)
        rows = [[_e(t.date), _e(t.text), self.cite(t.article_ids)] for t in story.timeline]
        table = _table(["Date", "Event", "Articles"], rows)
        out = "<h3>Timeline</h3>"
        if svg:
            out += f'<figure id="{uid}-timeline">{svg}<figcaption>Hover a point for the full entry.</figcaption></figure>'
            return (
                out
                + f"<details><summary>All {len(story.timeline)} entries</summary>{table}</details>"
            )
        return out + table

    def provenance(self, story: Story, uid: str) -> str:
        if not story.edges:
            return ""
        svg = provenance_svg(story, self.index, uid=uid)

        def node(name: str) -> str:
            return self.link(name, self.index.outlet(name)) if self.index.get(name) else _e(name)

        edges = "".join(
            f"<li>{node(e.source)} <em>{_e(e.relation)}</em> {node(e.target)}</li>"
            for e in story.edges
        )
        return (
            f"<h3>Provenance</h3><figure>{svg}<figcaption>Who got it from whom: articles on the left, "
            "the sources they cite in the middle, independent origins on the right.</figcaption></figure>"
            f'<details><summary>All {len(story.edges)} edges</summary><ul class="edges">{edges}</ul></details>'
        )

    def story(self, story: Story, number: int) -> str:
        uid = anchor("story", story.id)
        pills = " ".join(
            f'<span class="pill status-{_e(s)}">{n} {_e(status_label(s))}</span>'
            for s, n in status_counts(story)
        )
        articles = story_articles(self.index, story)
        outlets = {self.index.outlet(a.id) for a in articles}
        out = [
            f'<section class="story" id="{uid}"><h2>{_e(story_title(story, number))}</h2>',
            f'<p class="meta">{len(articles)} article(s) from {len(outlets)} outlet(s) · '
            f"{len(story.claims)} claim(s) {pills}</p>",
        ]
        if story.summary:
            sentences = "".join(
                f"<p>{_e(s.text)} {self.cite(s.article_ids)}</p>" for s in story.summary
            )
            out.append(f'<h3>Summary</h3><div class="summary">{sentences}</div>')
        out.append("<h3>Claims</h3>")
        out.append(
            "".join(self.claim(story, c) for c in story.claims)
            or '<p class="muted">No claims were extracted.</p>'
        )
        if story.flags:
            items = "".join(
                f'<li><span class="pill flag-type flag-{_e(f.type)}">{_e(FLAG_LABELS.get(f.type, f.type))}</span> '
                f"<q>{_e(f.quote)}</q> — {self.link(f.article_id, self.index.outlet(f.article_id))}"
                f"{self.qualifies(story, f.claim_ids)}</li>"
                for f in story.flags
            )
            out.append(f'<h3>Verification flags</h3><ul class="flags">{items}</ul>')
        out.append(self.timeline(story, uid))
        out.append(self.provenance(story, uid))
        if story.sources:
            rows = [[_e(s.name), _e(s.kind), self.cite(s.cited_by)] for s in story.sources]
            out.append("<h3>Sources</h3>" + _table(["Source", "Kind", "Cited by"], rows))
        if story.entities:
            rows = [
                [_e(e.name), _e(e.type), _e(", ".join(e.aliases)), self.cite(e.article_ids)]
                for e in story.entities
            ]
            out.append(
                f"<details><summary>People, places and organisations ({len(story.entities)})</summary>"
                + _table(["Name", "Type", "Also written", "Articles"], rows)
                + "</details>"
            )
        out.append(f"<h3>Articles ({len(articles)})</h3>")
        out.append("".join(self.article(a) for a in articles))
        out.append("</section>")
        return "".join(out)

    # -- page --------------------------------------------------------------------------------------

    def extras(self) -> str:
        out = []
        leftover = unassigned_articles(self.dossier)
        if leftover:
            out.append(
                f'<section class="extra" id="unassigned"><h2>Articles not in any story ({len(leftover)})</h2>'
                + "".join(self.article(a) for a in leftover)
                + "</section>"
            )
        skipped = self.dossier.skipped
        body = (
            _table(
                ["Input", "Stage", "Reason"],
                [[_e(s.source), _e(s.stage), _e(s.reason)] for s in skipped],
            )
            if skipped
            else '<p class="muted">None: every input was analysed.</p>'
        )
        out.append(
            f'<section class="extra" id="skipped"><h2>Skipped inputs ({len(skipped)})</h2>{body}</section>'
        )
        if self.dossier.stats:
            rows = [
                [
                    _e(s.name),
                    f'<span class="num">{fmt_number(s.read)}</span>',
                    f'<span class="num">{fmt_number(s.kept)}</span>',
                    _e(", ".join(f"{r}: {n}" for r, n in sorted(s.skipped.items()))),
                    f"{s.seconds:.2f}",
                ]
                for s in self.dossier.stats
            ]
            out.append(
                '<section class="extra" id="processing"><h2>Processing</h2>'
                + _table(["Step", "Read", "Kept", "Skipped", "Seconds"], rows)
                + "</section>"
            )
        return "".join(out)

    def render(self, title: str) -> str:
        d = self.dossier
        toc = "".join(
            f'<li><a href="#{anchor("story", s.id)}">{_e(truncate(story_title(s, i), 110))}</a></li>'
            for i, s in enumerate(d.stories, start=1)
        )
        stories = "".join(self.story(s, i) for i, s in enumerate(d.stories, start=1))
        return (
            '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            '<meta name="color-scheme" content="light dark">'
            f"<title>{_e(title)}</title><style>{_css()}</style></head><body>"
            f'<header class="page"><h1>{_e(title)}</h1>'
            f'<p class="meta">{len(d.stories)} story(ies) · {len(d.articles)} article(s) · '
            f'<a href="#skipped">{len(d.skipped)} skipped input(s)</a></p>'
            + (f'<nav class="toc"><ol>{toc}</ol></nav>' if toc else "")
            + "</header><main>"
            + (stories or '<section class="extra"><p>No stories were found.</p></section>')
            + self.extras()
            + f'</main><footer class="page">storydesk · schema <code>{_e(SCHEMA_ID)}</code></footer>'
            "</body></html>\n"
        )


def render_html(dossier: Dossier, title: str = "storydesk dossier") -> str:
    """Render the dossier as one self-contained HTML page (inline CSS and SVG, no JavaScript)."""
    return _Page(dossier).render(title)
