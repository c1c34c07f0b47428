"""Batch story clustering at scale: ``python -m bench.cluster [--sizes 1000 5000 20000]``.

Corpus: Reuters-21578 bodies (with their dates), then the BBC articles (no dates), then the GVA
articles, read in place from ../shared/datasets and cut to the first N. Each size runs in a fresh
process (``--one N``) so its peak RSS is its own; the table replaces the section between the
markers in docs/benchmarks.md (or is appended once).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import html
import json
import os
import platform
import re
import resource
import subprocess
import sys
import tarfile
import time
from pathlib import Path

from bench.data import DATASETS, bbc_articles
from bench.report import write_section

ROOT = Path(__file__).resolve().parents[1]

_REUTERS = re.compile(r"<REUTERS\b.*?</REUTERS>", re.S)
_FIELD = {name: re.compile(rf"<{name}>(.*?)</{name}>", re.S) for name in ("DATE", "TITLE", "BODY")}


def reuters_articles() -> list[tuple[str, str, str, dt.date | None]]:
    """(id, title, body, date) of every Reuters-21578 story with a body, in archive order."""
    archive = DATASETS / "reuters21578" / "reuters21578_sgml.tar.xz"
    rows: list[tuple[str, str, str, dt.date | None]] = []
    with tarfile.open(archive) as tar:
        members = sorted((m for m in tar if m.name.endswith(".sgm")), key=lambda m: m.name)
        for member in members:
            handle = tar.extractfile(member)
            if handle is None:
                continue
            sgml = handle.read().decode("latin-1")
            for number, record in enumerate(_REUTERS.findall(sgml)):
                fields = {k: p.search(record) for k, p in _FIELD.items()}
                if fields["BODY"] is None:
                    continue
                body = html.unescape(fields["BODY"].group(1)).replace("\x03", "").strip()
                title = html.unescape(fields["TITLE"].group(1)).strip() if fields["TITLE"] else ""
                rows.append((f"reuters-{member.name[-7:-4]}-{number}", title, body,
                             _reuters_date(fields["DATE"].group(1) if fields["DATE"] else "")))
    return rows


def _reuters_date(text: str) -> dt.date | None:
    try:
        return dt.datetime.strptime((text.split() or [""])[0], "%d-%b-%Y").date()
    except ValueError:
        return None


def gva_articles() -> list[tuple[str, str, str, dt.date | None]]:
    rows = []
    with gzip.open(DATASETS / "gva" / "articles.jsonl.gz", "rt", encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            dct = row.get("dct") or ""
            try:
                date = dt.date.fromisoformat(dct[:10]) if dct else None
            except ValueError:
                date = None
            rows.append((f"gva-{row['doc_id']}", row.get("title") or "", row.get("text") or "", date))
    return rows


def corpus(n: int) -> list:
    """The first ``n`` benchmark articles as storydesk Articles."""
    from storydesk.model import Article

    rows = reuters_articles()
    if len(rows) < n:
        rows += [(i, t, b, None) for i, t, b in bbc_articles(n - len(rows))]
    if len(rows) < n:
        rows += gva_articles()
    return [
        Article(id=i, source=i, raw=body, text=body, title=title or None, published=date)
        for i, title, body, date in rows[:n]
    ]


def one(n: int) -> dict[str, float]:
    """Cluster the first ``n`` articles in this process; seconds exclude reading the archives."""
    from storydesk.steps.cluster import StoryClusterer

    articles = corpus(n)
    started = time.perf_counter()
    assignment = StoryClusterer().assign(articles)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"articles": len(articles), "seconds": seconds, "stories": len(set(assignment.values())),
            "peak_mib": peak}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 20000])
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--output", type=Path, default=ROOT / "docs" / "benchmarks.md")
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one(args.one)))
        return
    results = []
    for n in args.sizes:
        out = subprocess.run([sys.executable, "-m", "bench.cluster", "--one", str(n)],
                             capture_output=True, text=True, check=True, cwd=ROOT)
        results.append(json.loads(out.stdout.strip().splitlines()[-1]))
        print(results[-1], file=sys.stderr)
    section = write_section(args.output, "cluster", _section(results))
    print(section)


def _section(results: list[dict[str, float]]) -> str:
    lines = [
        "## Batch story clustering at scale",
        "",
        f"Measured {dt.date.today().isoformat()} with `python -m bench.cluster` on {os.cpu_count()} "
        f"cores, Python {platform.python_version()}. Corpus: Reuters-21578 bodies (dated), then BBC,",
        "then GVA articles, first N. `StoryClusterer().assign` with default settings, each size in a",
        "fresh process; seconds exclude reading the archives, peak MiB is the process's max RSS",
        "(the interpreter and the loaded corpus included).",
        "",
        "| articles | seconds | articles/s | stories | peak MiB |",
        "|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        lines.append(f"| {int(r['articles'])} | {r['seconds']:.1f} | "
                     f"{r['articles'] / r['seconds']:.0f} | {int(r['stories'])} | {r['peak_mib']:.0f} |")
    lines += [
        "",
        "Default method: a logistic-regression pair model (pair_model.json) over body, names,",
        "places, numbers and title TF-IDF cosines, the day gap, the incident day stated in the",
        "text, same outlet, and conflicts of ages, tolls, sums and years (with square-root and",
        "product terms); average linkage on 1 − P cut at",
        "the model's threshold, round-up articles that bridge two stories kept out of the tree.",
        "Up to 2,000 articles every pair is scored (dense). Above, candidates are each article's",
        "20 best body neighbours (cosine ≥ 0.05) within 30 days (rows in date order, blocks of",
        "512) plus pairs sharing two or more rare names (in ≤ 30 articles, any date); linkage runs",
        "exactly on each connected component of the candidate pairs with P above the cut (dense",
        "up to 2,000 members, else on the sparse graph). Only pairs that are not candidates are",
        "lost. Without dates every block meets all n articles, so candidate generation grows as",
        "n² on undated corpora.",
        "",
        "Streaming (`StreamingStoryClusterer`, one pass in publication order, incremental IDF):",
        "GVA B³ F1 0.891 (batch, out of fold: 0.933) in about 3 s for 3,054 articles",
        "(row `storydesk streaming` of `python -m eval cluster-gva`).",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
