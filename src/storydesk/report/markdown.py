"""The Markdown report: the dossier as a document a journalist can read in any editor or viewer.

Per story: headline, articles, cited summary, a claims table (one row per mention, so every value
sits next to the outlet and exact words it came from), sources, provenance, flags, timeline; then the
inputs that were skipped and why. Article text is escaped, so it can never turn into markup.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from storydesk.model import Claim, Dossier, Story
from storydesk.report.common import (
    FLAG_LABELS,
    STATUS_EXPLAINED,
    ArticleIndex,
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

__all__ = ["render_markdown"]

# CommonMark lets any ASCII punctuation be backslash-escaped; these are the ones that can start
# markup inside a line (emphasis, code, links, table cells). Angle brackets become entities
# instead, so raw HTML can't survive even a renderer that ignores backslash escapes.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]|#~])")
_ENTITY_LIKE = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
_QUOTE_LIMIT = 160


def _md(text: object) -> str:
    """Escape text for inline Markdown (also safe inside a table cell): one line, no markup."""
    text = _ENTITY_LIKE.sub("&amp;", " ".join(str(text).split()))
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return text.replace("<", "&lt;").replace(">", "&gt;")


def _table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    """A GitHub-flavoured table; cells must already be escaped."""
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(" --- " for _ in header) + "|"]
    lines += ["| " + " | ".join(cell or " " for cell in row) + " |" for row in rows]
    return lines


def _cite(article_ids: Sequence[str]) -> str:
    # Plain brackets are safe: article text is escaped, so no link reference definition can match.
    return f"[{', '.join(_md(a) for a in article_ids)}]" if article_ids else ""


def _claim_rows(claim: Claim, index: ArticleIndex) -> list[list[str]]:
    rows = []
    origins = ", ".join(_md(o) for o in claim.origins)
    origin_cell = f"{claim.independent_origins}" + (f": {origins}" if origins else "")
    for i, mention in enumerate(claim.mentions):
        value = _md(mention_value(mention)) or "—"
        extras = [hedge_label(mention.hedge), mention_normalized(mention)]
        extras = [_md(e) for e in extras if e]
        if extras:
            value += f" ({'; '.join(extras)})"
        quote = f"“{_md(truncate(mention.quote, _QUOTE_LIMIT))}”"
        if mention.attributed_to:
            quote += " — per " + ", ".join(_md(s) for s in mention.attributed_to)
        first = i == 0
        rows.append(
            [
                f"{_md(claim.statement)} ({_md(claim.kind)})" if first else "",
                f"**{_md(status_label(claim.status))}**" if first else "",
                f"{_md(index.outlet(mention.article_id))} ({_md(mention.article_id)})",
                value,
                quote,
                origin_cell if first else "",
            ]
        )
    return rows


def _story(story: Story, number: int, index: ArticleIndex) -> list[str]:
    out = [f"## {number}. {_md(story_title(story, number))}", ""]
    counts = ", ".join(f"{n} {status_label(s)}" for s, n in status_counts(story))
    meta = f"Story {_md(story.id)} · {len(story.article_ids)} article(s) · {len(story.claims)} claim(s)"
    out += [meta + (f": {_md(counts)}" if counts else ""), ""]

    articles = story_articles(index, story)
    out += ["### Articles", ""]
    if articles:
        rows = []
        for a in articles:
            note = f"duplicate of {_md(a.duplicate_of)}" if a.duplicate_of else ""
            published = a.published.isoformat() if a.published else "undated"
            rows.append(
                [_md(a.id), _md(index.outlet(a.id)), _md(a.title or "(untitled)"), published, note]
            )
        out += _table(["Id", "Outlet", "Title", "Published", "Note"], rows)
    else:
        out.append("_No articles._")
    out.append("")

    if story.summary:
        out += ["### Summary", ""]
        out += [f"{_md(s.text)} {_cite(s.article_ids)}".rstrip() for s in story.summary]
        out.append("")

    out += ["### Claims", ""]
    if story.claims:
        rows = [row for claim in story.claims for row in _claim_rows(claim, index)]
        header = [
            "Claim",
            "Status",
            "Outlet (article)",
            "Value as written",
            "Quote",
            "Independent origins",
        ]
        out += _table(header, rows)
        used = {c.status for c in story.claims}
        out += [""] + [
            f"- **{status_label(s)}**: {text}" for s, text in STATUS_EXPLAINED.items() if s in used
        ]
    else:
        out.append("_No claims were extracted._")
    out.append("")

    if story.sources:
        out += ["### Sources", ""]
        rows = [
            [_md(s.name), _md(s.kind), ", ".join(_md(a) for a in s.cited_by)] for s in story.sources
        ]
        out += _table(["Source", "Kind", "Cited by"], rows) + [""]

    if story.edges:
        out += ["### Provenance", ""]
        for e in story.edges:
            out.append(f"- {_node(e.source, index)} *{_md(e.relation)}* {_node(e.target, index)}")
        out.append("")

    if story.flags:
        out += ["### Verification flags", ""]
        for f in story.flags:
            label = FLAG_LABELS.get(f.type, f.type)
            where = f"{_md(index.outlet(f.article_id))}, {_md(f.article_id)}"
            statements = {c.id: c.statement for c in story.claims}
            about = "; ".join(_md(statements[c]) for c in f.claim_ids if c in statements)
            about = f" — about: {about}" if about else ""
            out.append(
                f"- **{_md(label)}**: “{_md(truncate(f.quote, _QUOTE_LIMIT))}” ({where}){about}"
            )
        out.append("")

    if story.timeline:
        out += ["### Timeline", ""]
        for t in story.timeline:
            out.append(f"- **{_md(t.date)}**: {_md(t.text)} {_cite(t.article_ids)}".rstrip())
        out.append("")

    if story.entities:
        out += ["### People, places and organisations", ""]
        for ent in story.entities:
            aliases = ", ".join(_md(a) for a in ent.aliases)
            aliases = f"; also written {aliases}" if aliases else ""
            out.append(
                f"- {_md(ent.name)} ({_md(ent.type)}{aliases}) {_cite(ent.article_ids)}".rstrip()
            )
        out.append("")
    return out


def _node(node: str, index: ArticleIndex) -> str:
    if index.get(node) is not None:
        return f"{_md(index.outlet(node))} ({_md(node)})"
    return _md(node)


def render_markdown(dossier: Dossier) -> str:
    """Render the dossier as a Markdown report (GitHub-flavoured tables)."""
    index = ArticleIndex.of(dossier)
    out = [
        "# storydesk dossier",
        "",
        f"{len(dossier.stories)} story(ies) from {len(dossier.articles)} article(s); "
        f"{len(dossier.skipped)} input(s) skipped.",
        "",
    ]
    if not dossier.stories:
        out += ["_No stories were found._", ""]
    for number, story in enumerate(dossier.stories, start=1):
        out += _story(story, number, index)

    leftover = unassigned_articles(dossier)
    if leftover:
        out += ["## Articles not in any story", ""]
        rows = [
            [
                _md(a.id),
                _md(index.outlet(a.id)),
                _md(a.title or "(untitled)"),
                f"duplicate of {_md(a.duplicate_of)}" if a.duplicate_of else "",
            ]
            for a in leftover
        ]
        out += _table(["Id", "Outlet", "Title", "Note"], rows) + [""]

    out += ["## Skipped inputs", ""]
    if dossier.skipped:
        rows = [[_md(s.source), _md(s.stage), _md(s.reason)] for s in dossier.skipped]
        out += _table(["Input", "Stage", "Reason"], rows)
    else:
        out.append("None: every input was analysed.")
    out.append("")

    if dossier.stats:
        out += ["## Processing", ""]
        rows = [
            [
                _md(s.name),
                str(s.read),
                str(s.kept),
                ", ".join(f"{_md(r)}: {n}" for r, n in sorted(s.skipped.items())),
                f"{s.seconds:.2f}",
            ]
            for s in dossier.stats
        ]
        out += _table(["Step", "Read", "Kept", "Skipped", "Seconds"], rows) + [""]
    return "\n".join(out).rstrip() + "\n"
