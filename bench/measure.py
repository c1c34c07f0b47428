"""One measurement in its own process: ``python -m bench.measure KIND FOLDER`` prints JSON with the
seconds, the articles and the process's peak RSS (its spaCy workers included)."""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path


def spacy_alone(folder: str, n_process: int) -> dict[str, float]:
    from storydesk.nlp import load_nlp

    texts = [p.read_text(encoding="utf-8") for p in sorted(Path(folder).glob("*.txt"))]
    nlp = load_nlp()
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32, n_process=n_process):
        pass
    return {"seconds": time.perf_counter() - started, "articles": len(texts)}


def storydesk_until(folder: str, until: str) -> dict[str, float]:
    from storydesk.nlp import load_nlp
    from storydesk.pipeline import run

    load_nlp()  # model loading is start-up cost, excluded as for the anchor
    started = time.perf_counter()
    dossier = run([folder], until=until)  # type: ignore[arg-type]
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "articles": len(dossier.articles), "stories": len(dossier.stories)}


def main() -> None:
    kind, folder = sys.argv[1], sys.argv[2]
    if kind.startswith("spacy-"):
        result = spacy_alone(folder, int(kind.split("-")[1]))
    else:
        result = storydesk_until(folder, kind)
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    result["peak_mib"] = own / 1024
    result["workers_peak_mib"] = children / 1024
    print(json.dumps(result))


if __name__ == "__main__":
    main()
