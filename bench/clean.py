"""Cleaning speed per input path: ``python -m bench.clean [--pages N]``.

Corpus: the article-extraction-benchmark pages (``../shared/datasets/aeb``, read in place). Each
path runs in a fresh process pinned to one core (``--one KIND``), so its rate and peak RSS are
its own:

* plain text — ``clean_plain_text`` over each page's visible text (computed before timing);
* HTML — ``extract_html(html, url)`` on each page;
* WARC — the pages as HTML ``response`` records of one ``.warc.gz`` (written with warcio before
  timing), read by storydesk's reader and cleaned by ``CleanStep``;
* JSONL — the pages as ``{"id", "url", "html"}`` records of one ``.jsonl``, read and cleaned
  the same way.

The table replaces the "cleaning" section of docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.data import DATASETS
from bench.report import write_section

ROOT = Path(__file__).resolve().parents[1]
KINDS = ("plain", "html", "warc", "jsonl")
_LABELS = {
    "plain": "plain text (`clean_plain_text` on visible text)",
    "html": "HTML (`extract_html`)",
    "warc": "WARC (`read_paths` + `CleanStep`)",
    "jsonl": "JSONL with HTML (`read_paths` + `CleanStep`)",
}


def _pages(limit: int) -> list[tuple[str, str, str]]:
    """(id, url, html) of the first ``limit`` aeb pages in id order."""
    sys.path.insert(0, str(ROOT))
    from eval.datasets import load_aeb

    return [(p.id, p.url, p.html) for p in load_aeb(DATASETS, limit)]


def _write_warc(pages: list[tuple[str, str, str]], path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for _, url, html in pages:
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            record = writer.create_warc_record(
                url or "http://example.invalid/", "response",
                payload=io.BytesIO(html.encode("utf-8")), http_headers=headers,
            )  # fmt: skip
            writer.write_record(record)


def _write_jsonl(pages: list[tuple[str, str, str]], path: Path) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for page_id, url, html in pages:
            handle.write(json.dumps({"id": page_id, "url": url, "html": html}) + "\n")


def one(kind: str, limit: int) -> dict[str, float]:
    """Time one path in this process; input preparation is excluded from the seconds."""
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    from storydesk.model import Skipped, StepStats
    from storydesk.steps.clean import CleanStep, clean_plain_text, extract_html, visible_text
    from storydesk.steps.read import read_paths

    pages = _pages(limit)
    # Warm-up on one page, untimed: imports and lazy set-up (trafilatura's and htmldate's
    # tables, the line model) are start-up cost, excluded as model loading is in bench.measure.
    clean_plain_text(visible_text(pages[0][2]))
    extract_html(pages[0][2], pages[0][1] or None)
    with tempfile.TemporaryDirectory() as tmp:
        count = 0
        if kind == "plain":
            texts = [visible_text(html) for _, _, html in pages]
            started = time.process_time()
            for text in texts:
                clean_plain_text(text)
                count += 1
        elif kind == "html":
            started = time.process_time()
            for _, url, html in pages:
                extract_html(html, url or None)
                count += 1
        else:
            path = Path(tmp) / ("pages.warc.gz" if kind == "warc" else "pages.jsonl")
            (_write_warc if kind == "warc" else _write_jsonl)(pages, path)
            skipped: list[Skipped] = []
            started = time.process_time()
            for _ in CleanStep().run(read_paths([path], skipped), StepStats("clean"), skipped):
                count += 1
        # CPU seconds of this process (pinned to one core): other load on the machine does not count.
        seconds = time.process_time() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"pages": count, "seconds": seconds, "peak_mib": peak}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=181)
    parser.add_argument("--one", choices=KINDS, help=argparse.SUPPRESS)
    parser.add_argument("--output", type=Path, default=ROOT / "docs" / "benchmarks.md")
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one(args.one, args.pages)))
        return
    results: dict[str, dict[str, float]] = {}
    for kind in KINDS:
        out = subprocess.run(
            [sys.executable, "-m", "bench.clean", "--one", kind, "--pages", str(args.pages)],
            capture_output=True, text=True, check=True, cwd=ROOT,
        )  # fmt: skip
        results[kind] = json.loads(out.stdout.strip().splitlines()[-1])
        print(kind, results[kind], file=sys.stderr)
    print(write_section(args.output, "cleaning", _section(results, args.pages)))


def _section(results: dict[str, dict[str, float]], pages: int) -> str:
    lines = [
        "## Cleaning, per input path",
        "",
        f"Measured {dt.date.today().isoformat()} with `python -m bench.clean --pages {pages}` on "
        f"one core (each path in a fresh process pinned to one CPU), Python "
        f"{platform.python_version()}. Corpus: the article-extraction-benchmark pages "
        "(`../shared/datasets/aeb`); WARC and JSONL files are written before timing. Seconds "
        "are CPU time and exclude preparing the input and a one-page warm-up; peak MiB is the "
        "process's max RSS.",
        "",
        "| path | pages | seconds | pages/s | peak MiB |",
        "|---|---:|---:|---:|---:|",
    ]
    for kind, r in results.items():
        rate = r["pages"] / r["seconds"] if r["seconds"] else float("inf")
        lines.append(f"| {_LABELS[kind]} | {int(r['pages'])} | {r['seconds']:.2f} | {rate:.1f} | "
                     f"{r['peak_mib']:.0f} |")
    lines += [
        "",
        "The HTML paths run trafilatura twice (default and precision mode), readability-lxml and",
        "resiliparse on every page (see `storydesk.steps.clean.consensus`), so they cost several",
        "times trafilatura alone (`python -m eval clean-html-aeb` shows each extractor's time).",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
