"""cluster-ecbplus: event clustering on ECB+, at two gold levels.

Each ECB+ topic holds two different real events of the same type (two earthquakes, two
celebrity rehab stays), so the event level has built-in hard negatives; the topic level asks
only that the same kind of story ends up together. One clustering per system is scored against
both levels. The text is tokenised in the source and detokenised before use; there are no
titles or dates. ``--limit N`` keeps whole topics.

Systems and metrics as in cluster-gva; the "storydesk" row is cross-validated by topic (5-fold
GroupKFold, both events of a topic held out together; each fold's pair model trained on the other
folds plus all of GVA).
"""

from __future__ import annotations

from pathlib import Path

from eval._clustering import cross_validated_clusterer, score_clusterings
from eval.datasets import load_ecbplus, load_gva
from eval.result import EvalResult

NAME = "cluster-ecbplus"


def run(datasets_dir: Path, limit: int | None = None) -> EvalResult:
    """Cluster the ECB+ documents with each system and score at the event and topic level."""
    docs = load_ecbplus(datasets_dir, limit)
    result = EvalResult(
        NAME, "event clustering, gold = ECB+ event / topic", "ecbplus documents", len(docs)
    )
    storydesk = cross_validated_clusterer(
        result, "event", "topic", lambda: (load_gva(datasets_dir), "incident")
    )
    score_clusterings(NAME, result, docs, ["event", "topic"], show_level=True, storydesk=storydesk)
    return result
