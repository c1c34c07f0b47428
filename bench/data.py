"""Benchmark corpora from ../shared/datasets, read in place (never copied into the repository)."""

from __future__ import annotations

import tarfile
from pathlib import Path

DATASETS = Path(__file__).resolve().parents[2] / "shared" / "datasets"


def bbc_articles(limit: int) -> list[tuple[str, str, str]]:
    """(id, title, body) of the first ``limit`` BBC articles in archive order (deterministic)."""
    archive = DATASETS / "bbc" / "bbc_fulltext.tar.xz"
    if not archive.is_file():
        raise SystemExit(f"benchmark data not found: {archive}")
    rows: list[tuple[str, str, str]] = []
    with tarfile.open(archive) as tar:
        for member in tar:
            if not member.isfile() or not member.name.endswith(".txt") or "README" in member.name:
                continue
            handle = tar.extractfile(member)
            if handle is None:
                continue
            text = handle.read().decode("latin-1")
            title, _, body = text.partition("\n")
            rows.append((member.name.replace("/", "_")[:-4], title.strip(), body.strip()))
            if len(rows) >= limit:
                break
    return rows


def write_text_files(rows: list[tuple[str, str, str]], folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for article_id, title, body in rows:
        (folder / f"{article_id}.txt").write_text(f"{title}\n\n{body}\n", encoding="utf-8")
    return folder
