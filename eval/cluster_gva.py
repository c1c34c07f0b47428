"""cluster-gva: story clustering on Gun Violence Archive news (gold story = incident).

Hard on purpose: every story is a US shooting, so articles share most of their vocabulary and
only names, places and dates tell incidents apart. All articles of the development part are used
(3,054 articles, 1,781 incidents); ``--limit N`` keeps whole incidents in incident-id order.

Systems: "TF-IDF + agglomerative baseline" (fixed threshold, see ``_clustering``) and
"storydesk" (``storydesk.steps.cluster.StoryClusterer().assign``). Metrics: B-cubed and pairwise
P/R/F1.
"""

from __future__ import annotations

from pathlib import Path

from eval._clustering import score_clusterings
from eval.datasets import load_gva
from eval.result import EvalResult

NAME = "cluster-gva"


def run(datasets_dir: Path, limit: int | None = None) -> EvalResult:
    """Cluster the GVA articles with each system and score against the incidents."""
    docs = load_gva(datasets_dir, limit)
    result = EvalResult(
        NAME, "story clustering, gold = GVA incident", "gva articles (title + text)", len(docs)
    )
    score_clusterings(NAME, result, docs, ["incident"], show_level=False)
    return result
