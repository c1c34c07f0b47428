"""docs/benchmarks.md is shared by several benchmarks: each owns one marked section and rewrites
only that, so running one never erases another's figures."""

from __future__ import annotations

from pathlib import Path


def write_section(path: Path, name: str, body: str) -> str:
    """Replace the section ``name`` (between its begin/end markers) in ``path``, or append it."""
    begin, end = f"<!-- bench.{name}:begin -->", f"<!-- bench.{name}:end -->"
    section = f"{begin}\n{body.strip()}\n{end}"
    text = path.read_text(encoding="utf-8") if path.is_file() else "# Benchmarks\n"
    if begin in text and end in text:
        text = text[: text.index(begin)] + section + text[text.index(end) + len(end) :]
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    path.write_text(text, encoding="utf-8")
    return section
