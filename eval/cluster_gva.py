"""cluster-gva: story clustering on Gun Violence Archive news (gold story = incident).

Hard on purpose: every story is a US shooting, so articles share most of their vocabulary and
only names, places and dates tell incidents apart. All articles of the development part are used
(3,054 articles, 1,781 incidents); ``--limit N`` keeps whole incidents in incident-id order.

Systems: "TF-IDF + agglomerative baseline" (fixed threshold, see ``_clustering``) and
"storydesk": ``StoryClusterer`` with its pair model cross-validated (5-fold GroupKFold by incident;
each fold's model trained on the other folds plus all of ECB+, see eval/train_pair_model.py), so
the figure is out of sample. Metrics: B-cubed and pairwise
P/R/F1. Row "storydesk streaming": ``StreamingStoryClusterer`` fed the articles in publication
order (one pass, incremental IDF).
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from pathlib import Path

from eval._clustering import cross_validated_clusterer, score_clusterings, to_article
from eval.datasets import Doc, load_ecbplus, load_gva
from eval.result import EvalResult, Row, resolve_storydesk
from storydesk.metrics import bcubed_prf, pairwise_prf

NAME = "cluster-gva"


def run(datasets_dir: Path, limit: int | None = None) -> EvalResult:
    """Cluster the GVA articles with each system and score against the incidents."""
    docs = load_gva(datasets_dir, limit)
    result = EvalResult(
        NAME, "story clustering, gold = GVA incident", "gva articles (title + text)", len(docs)
    )
    storydesk = cross_validated_clusterer(result, "incident", "incident", _ecbplus(datasets_dir))
    score_clusterings(NAME, result, docs, ["incident"], show_level=False, storydesk=storydesk)
    _add_streaming_row(result, docs)
    return result


def _ecbplus(datasets_dir: Path) -> Callable[[], tuple[list[Doc], str]]:
    """ECB+ as the other data set the cross-validated pair models also train on."""
    return lambda: (load_ecbplus(datasets_dir), "event")


def _add_streaming_row(result: EvalResult, docs: list) -> None:
    """Score ``StreamingStoryClusterer`` (articles in publication order) as one more row."""
    cls, reason = resolve_storydesk("storydesk.steps.cluster", "StreamingStoryClusterer")
    if cls is None:
        result.missing["storydesk streaming"] = reason
        return
    start = time.perf_counter()
    ordered = sorted(docs, key=lambda d: (d.published or dt.date.min, d.id))
    assigned = cls().assign([to_article(d) for d in ordered])
    seconds = time.perf_counter() - start
    labels = [assigned[d.id] for d in docs]
    gold = [d.labels["incident"] for d in docs]
    metrics = {
        **bcubed_prf(labels, gold).as_dict("bcubed_"),
        **pairwise_prf(labels, gold).as_dict("pairwise_"),
        "clusters": float(len(set(labels))),
    }
    result.rows.append(Row("storydesk streaming", metrics, "", seconds))
