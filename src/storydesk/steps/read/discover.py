"""Which files a list of paths names: files as given, folders walked recursively in sorted order,
hidden files and folders (".git", ".DS_Store") left out."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from pathlib import Path

from storydesk.errors import InputError


def check_paths(paths: Sequence[str | Path]) -> list[Path]:
    """Return the paths as ``Path`` objects; raise ``InputError`` for one that does not exist."""
    if isinstance(paths, (str, Path)):
        paths = [paths]
    checked = []
    for path in paths:
        p = Path(path).expanduser()
        if not p.exists():
            raise InputError(
                f"input path does not exist: {path}",
                hint="check the spelling, or pass a file or folder of .txt/.html/.jsonl articles",
            )
        checked.append(p)
    return checked


def iter_files(paths: Sequence[Path]) -> Iterator[Path]:
    """Every file the paths name, each once, in a stable order."""
    seen: set[Path] = set()
    for path in paths:
        for file in _walk(path) if path.is_dir() else [path]:
            key = file.resolve()
            if key not in seen:
                seen.add(key)
                yield file


def _walk(root: Path) -> Iterator[Path]:
    # os.walk does not follow symlinked folders, so a link loop cannot trap the walk.
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(folder) / name
