"""Writers for the dossier: JSON (validated against the schema), Markdown and a self-contained HTML
report. ``write_dossier`` picks one by format name and writes the file."""

from __future__ import annotations

import os
from pathlib import Path

from storydesk.errors import UsageError
from storydesk.model import Dossier
from storydesk.report.html import render_html
from storydesk.report.json import render_json
from storydesk.report.markdown import render_markdown

__all__ = ["FORMATS", "render", "render_html", "render_json", "render_markdown", "write_dossier"]

#: format name -> file extension; aliases accepted by ``write_dossier``.
FORMATS: dict[str, str] = {"json": "json", "md": "md", "html": "html"}
_ALIASES = {"markdown": "md", "htm": "html"}
_RENDERERS = {"json": render_json, "md": render_markdown, "html": render_html}


def render(dossier: Dossier, fmt: str) -> str:
    """The dossier as text in ``fmt`` (``json``, ``md`` or ``html``; aliases ``markdown``, ``htm``)."""
    return _RENDERERS[_format_name(fmt)](dossier)


def _format_name(fmt: str) -> str:
    name = _ALIASES.get(fmt.lower(), fmt.lower())
    if name not in _RENDERERS:
        raise UsageError(
            f"unknown dossier format {fmt!r}", hint=f"use one of: {', '.join(FORMATS)}"
        )
    return name


def write_dossier(dossier: Dossier, path: Path, fmt: str) -> Path:
    """Render ``dossier`` as ``fmt`` (``json``, ``md`` or ``html``) and write it to ``path``; if
    ``path`` is an existing directory, write ``dossier.<ext>`` inside it. Returns the file written.

    The document is rendered completely before the file is touched and then moved into place, so a
    failure (e.g. a dossier that does not match the schema) never leaves a half-written file."""
    name = _format_name(fmt)
    text = render(dossier, name)
    path = Path(path)
    if path.is_dir():
        path = path / f"dossier.{FORMATS[name]}"
    path.parent.mkdir(parents=True, exist_ok=True)
    # A sibling temp file (same file system, so the replace is atomic), opened normally so the
    # result gets the usual permissions (mkstemp would make it private to the owner).
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        tmp.write_text(text, encoding="utf-8", newline="\n")
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return path
