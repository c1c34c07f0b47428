"""claims-quantity-free: text that states no quantity must give no claims.

The issue's goal "Text with no quantities gives no claims rather than invented ones", measured on
real news prose. Data: the ECB+ documents (``ecbplus/ecbplus_docs.jsonl.gz``, 43 topics of
everyday news), each cut down to its sentences that hold no figure by an independent filter
(``QUANTITY_WORDS``: any digit, number word, count or share word, "several", "first" ...) so the
filter does not share storydesk's number reader. Documents left with fewer than ``MIN_SENTENCES``
sentences are dropped. The remaining texts go through the whole pipeline (``storydesk.analyze``
on one file per document: cleaning, clustering, extraction, comparison), so every claim a story
shows is counted, whatever step made it.

Metrics (system "storydesk"): ``claim_free_share`` = documents no claim mention comes from /
documents analysed (1.0 is the goal); ``claims_per_100`` = claims in all stories per 100
documents; ``quantities_per_100`` = quantity mentions extracted per 100 documents. There is no
baseline: a regex number reader finds nothing in these texts by construction. The notes list
every claim statement, so a reader can tell an invented claim from a filter miss (a zero claim
read from "no one was hurt" is a real quantity the filter does not know).
"""

from __future__ import annotations

import re
import tempfile
import time
from pathlib import Path

from eval.datasets import load_ecbplus
from eval.result import EvalResult, Row, resolve_storydesk

NAME = "claims-quantity-free"
MIN_SENTENCES = 3
QUANTITY_WORDS = re.compile(
    r"\d|\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|"
    r"seventy|eighty|ninety|hundreds?|thousands?|millions?|billions?|trillions?|dozens?|"
    r"half|halves|quarters?|thirds?|several|few|many|couple|single|once|twice|thrice|first|"
    r"second|both|pairs?|percent|per\s+cent|scores?|tens|numerous|multiple)\b",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def quantity_free(text: str) -> str:
    """``text`` without its sentences that ``QUANTITY_WORDS`` finds a figure in."""
    sentences = _SENTENCE_END.split(text)
    return " ".join(s for s in sentences if s.strip() and not QUANTITY_WORDS.search(s))


def run(datasets_dir: Path, limit: int | None = None) -> EvalResult:
    """Analyse the quantity-free ECB+ texts (the first ``limit`` documents, whole topics) and count
    the claims and quantities storydesk still reports."""
    docs = load_ecbplus(datasets_dir, limit)
    texts = {doc.id: quantity_free(doc.text) for doc in docs}
    texts = {i: t for i, t in texts.items() if len(_SENTENCE_END.split(t)) >= MIN_SENTENCES}
    result = EvalResult(NAME, "claims made from text that states no quantity",
                        "ecbplus (sentences with a figure removed)", len(texts))  # fmt: skip
    analyze, reason = resolve_storydesk("storydesk", "analyze")
    if analyze is None:
        result.missing["storydesk"] = reason
        return result
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="storydesk-eval-") as folder:
        paths = []
        for n, text in enumerate(texts.values()):
            path = Path(folder) / f"{n:05d}.txt"
            path.write_text(text, encoding="utf-8")
            paths.append(path)
        dossier = analyze(paths)
    claims = [claim for story in dossier.stories for claim in story.claims]
    claiming = {m.article_id for claim in claims for m in claim.mentions}
    analysed = len(dossier.articles) or 1
    quantities = sum(len(article.quantities) for article in dossier.articles)
    result.rows.append(
        Row(
            "storydesk",
            {
                "claim_free_share": 1 - len(claiming) / analysed,
                "claims_per_100": 100 * len(claims) / analysed,
                "quantities_per_100": 100 * quantities / analysed,
            },
            seconds=time.perf_counter() - start,
        )
    )
    skipped = len(texts) - len(dossier.articles)
    result.notes.append(
        f"{len(dossier.articles)} documents analysed ({skipped} skipped by cleaning), "
        f"{len(dossier.stories)} stories"
    )
    for claim in claims:
        quote = claim.mentions[0].quote if claim.mentions else ""
        result.notes.append(f"claim {claim.status}: {claim.statement!r} from {quote[:80]!r}")
    return result
