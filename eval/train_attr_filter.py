"""Train the attribution filter (``steps/extract/attr_filter.json``) on the PolNeAR train split.

``python -m eval.train_attr_filter [--cache DIR]`` proposes attributions on every train article
(rules + the shipped cue lexicon, ``attribution_candidates``), labels each proposal 1 when a gold
relation's cue shares a token with its cue and its source matches that relation's source (>= 1
shared token, or both absent), and fits a logistic regression on ``attr_filter.features``. The
dev split is never read.

The probability threshold is chosen by 5-fold cross-validation over train articles: each fold's
proposals are scored by a model fitted on the other folds, the kept proposals go through
``outermost`` and are scored like ``attribution-polnear``; the threshold with the best pooled
held-out source-overlap F1 is shipped with a model refitted on all of train.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from sklearn.linear_model import LogisticRegression

from eval._polnear import Tokens
from eval.attribution_polnear import Scorer, _tok_rels
from eval.train_cue_lexicon import (
    Parsed,
    collect,
    folds,
    gold_relations,
    lexicon_data,
    parsed_split,
    pooled,
    training_args,
)
from storydesk.model import Attribution
from storydesk.steps.extract import attr_filter, cue_lexicon
from storydesk.steps.extract.attributions import attribution_candidates, outermost

THRESHOLDS = tuple(round(0.05 * i, 2) for i in range(1, 13))
C = 1.0


@dataclass
class ArticleRows:
    """One article's proposals: attributions, feature dicts, labels, gold and tokens."""

    atts: list[Attribution]
    feats: list[dict[str, float]]
    labels: list[int]
    gold: list
    tokens: Tokens


def rows(parsed: Parsed) -> list[ArticleRows]:
    """Features and labels of every proposal on ``parsed``."""
    out: list[ArticleRows] = []
    for article, doc in parsed:
        tokens = Tokens(article.text)
        gold = gold_relations(article, tokens)
        pairs = attribution_candidates(doc)
        cands = [c for _, c in pairs]
        feats, labels = [], []
        for att, cand in pairs:
            feats.append(attr_filter.features(doc, att, cand, cands))
            cue = tokens.of([(att.cue.start, att.cue.end)])
            src = None if att.source is None else tokens.of([(att.source.start, att.source.end)])
            labels.append(int(any(
                g[1] & cue and (g[0] is None and src is None or bool(g[0] and src and g[0] & src))
                for g in gold
            )))  # fmt: skip
        out.append(ArticleRows([a for a, _ in pairs], feats, labels, gold, tokens))
    return out


def _matrix(arts: list[ArticleRows], names: list[str]) -> tuple[np.ndarray, np.ndarray]:
    index = {n: i for i, n in enumerate(names)}
    feats = [f for a in arts for f in a.feats]
    x = np.zeros((len(feats), len(names)))
    for r, f in enumerate(feats):
        for name, value in f.items():
            if name in index:
                x[r, index[name]] = value
    y = np.array([lab for a in arts for lab in a.labels])
    return x, y


def fit(arts: list[ArticleRows]) -> dict[str, float]:
    """Logistic-regression weights by feature name (the "bias" feature is the intercept)."""
    names = sorted({n for a in arts for f in a.feats for n in f})
    x, y = _matrix(arts, names)
    model = LogisticRegression(C=C, fit_intercept=False, max_iter=2000).fit(x, y)
    return {n: round(float(w), 5) for n, w in zip(names, model.coef_[0], strict=True)}


def score(arts: list[ArticleRows], probs: list[list[float]], threshold: float) -> Scorer:
    """Pipeline scores when proposals below ``threshold`` are dropped."""
    scorer = Scorer()
    for art, p in zip(arts, probs, strict=True):
        kept = [a for a, q in zip(art.atts, p, strict=True) if q >= threshold]
        pred = []
        for att in outermost(kept):
            source = None if att.source is None else (att.source.start, att.source.end)
            pred.append(
                (source, (att.cue.start, att.cue.end), (att.content.start, att.content.end))
            )
        scorer.add(art.gold, _tok_rels(art.tokens, pred))
    return scorer


def fold_rows(parsed: Parsed) -> list[list[ArticleRows]]:
    """Each fold's proposals under a cue lexicon learned on the other folds (with the shipped
    lexicon's thresholds), so neither the cue lemmas nor their priors saw the held-out fold."""
    shipped = cue_lexicon._shipped()
    support, precision = shipped.get("min_support"), shipped.get("min_precision")
    support = support if isinstance(support, int) else 3
    precision = precision if isinstance(precision, float) else 1.0
    per_article = collect(parsed)
    parts = folds(parsed)
    out = []
    for k, held in enumerate(parts):
        train_ids = [a.id for j, part in enumerate(parts) if j != k for a, _ in part]
        with cue_lexicon.using(lexicon_data(pooled(per_article, train_ids), support, precision)):
            out.append(rows(held))
    return out


def cross_validate(parts: list[list[ArticleRows]]) -> dict[float, dict[str, float]]:
    """Pooled held-out metrics for each threshold (and 0.0: no filter)."""
    arts: list[ArticleRows] = []
    probs: list[list[float]] = []
    for k, held in enumerate(parts):
        model: dict[str, object] = {
            "weights": fit([a for j, part in enumerate(parts) if j != k for a in part])
        }
        for art in held:
            arts.append(art)
            probs.append([attr_filter.probability(f, model) for f in art.feats])
    return {t: score(arts, probs, t).metrics("overlap") for t in (0.0, *THRESHOLDS)}


def main(argv: Sequence[str] | None = None) -> int:
    """Fit on train, choose the threshold by cross-validation, write the JSON."""
    args = training_args("python -m eval.train_attr_filter", attr_filter.MODEL_PATH, argv)
    parsed = parsed_split(args.datasets, "train", args.cache)
    results = cross_validate(fold_rows(parsed))
    for t, m in results.items():
        print(
            f"threshold {t:.2f}: source P {m['source_precision']:.4f} R {m['source_recall']:.4f} "
            f"F1 {m['source_f1']:.4f}  relation F1 {m['relation_f1']:.4f}"
        )
    best = max(results, key=lambda t: results[t]["source_f1"])
    data = {
        "schema": "storydesk.attr_filter/1",
        "trained_on": "PolNeAR train split (eval/train_attr_filter.py)",
        "threshold": best,
        "cv_source_f1": round(results[best]["source_f1"], 4),
        "weights": fit(rows(parsed)),
    }
    args.out.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"chose threshold {best}; wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
