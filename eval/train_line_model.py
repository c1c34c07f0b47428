"""Train the plain-text cleaner's line classifier on the article-extraction-benchmark.

Each aeb page's visible text goes through the rule pass (``analyse_page``); every line becomes a
row of ``line_features``, labelled body when most of its words align with the hand-made gold
body (``difflib`` over word tokens, so a word counts only where it sits in the same order as in
the gold). Rows are weighted by their words over the page's gold length, so every page weighs
about the same, as in the evaluation's mean-over-pages F1. The classifier is scikit-learn's
histogram gradient boosting; its trees are exported to plain JSON (``LineModel``), never pickled.

    .venv/bin/python -m eval.train_line_model            # cross-validate, then write the model
    .venv/bin/python -m eval.train_line_model --cv-only  # the cross-validated figure alone

Cross-validation is by page *and* by site (pages of one host never straddle folds), so the figure
is what the model does on sites it never saw. ``eval/clean_text_aeb.py`` reuses ``fold_models`` to
report the same out-of-sample figure as its "storydesk" row.
"""

from __future__ import annotations

import argparse
import difflib
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import numpy as np

from eval.datasets import Page, load_aeb
from eval.text import visible_text
from storydesk.metrics import token_prf, word_tokens
from storydesk.steps.clean.line_features import FEATURE_NAMES, line_features
from storydesk.steps.clean.line_model import MODEL_PATH, LineModel
from storydesk.steps.clean.page_choice import learn_floor, page_confidence
from storydesk.steps.clean.plain import analyse_page, clean_plain_text, model_decides

FOLDS = 5
MIN_BLOCK = 2  # aligned runs shorter than this are chance matches of common words
BODY_SHARE = 0.5  # a line is body when at least this share of its words aligns with the gold
# Small trees: on 181 pages, deeper ones learn the pages rather than the evidence (measured by
# the cross-validated F1 of 4-leaf-deep vs 6- and 8-deep trees).
PARAMS = {
    "max_iter": 150,
    "learning_rate": 0.1,
    "max_leaf_nodes": 7,
    "max_depth": 4,
    "min_samples_leaf": 50,
    "l2_regularization": 1.0,
    # All 150 trees, on every training line. scikit-learn's default ("auto") turns on early
    # stopping above 10,000 samples, holding out a random tenth of the lines to decide when to
    # stop: on aeb (28,583 lines) that made the cross-validated F1 swing by 0.004 with the seed
    # alone (0.9474 / 0.9513 / 0.9506 for seeds 0-2); without it training is deterministic.
    "early_stopping": False,
}


@dataclass(slots=True)
class PageRows:
    """One page's feature rows, labels and weights; ``trainable`` masks out the lines the rules
    remove whatever the model says (``model_decides``)."""

    page_id: str
    site: str
    x: np.ndarray
    y: np.ndarray
    weight: np.ndarray
    trainable: np.ndarray


def line_labels(lines: Sequence[str], gold: str) -> tuple[np.ndarray, np.ndarray]:
    """Per line: 1 if it is body by alignment with ``gold``, and its number of word tokens."""
    tokens: list[str] = []
    owner: list[int] = []
    sizes = np.zeros(len(lines))
    for i, line in enumerate(lines):
        words = word_tokens(line)
        tokens += words
        owner += [i] * len(words)
        sizes[i] = len(words)
    hits = np.zeros(len(lines))
    matcher = difflib.SequenceMatcher(None, tokens, word_tokens(gold), autojunk=False)
    for a, _, size in matcher.get_matching_blocks():
        if size >= MIN_BLOCK or (size and sizes[owner[a]] == size):
            for k in range(a, a + size):
                hits[owner[k]] += 1
    share = np.divide(hits, sizes, out=np.zeros_like(hits), where=sizes > 0)
    return (share >= BODY_SHARE).astype(int), sizes


def page_rows(page: Page, text: str | None = None) -> PageRows:
    """Features, labels and weights of one aeb page."""
    analysis = analyse_page(visible_text(page.html) if text is None else text)
    lines = analysis.layout.lines
    y, sizes = line_labels([line.text for line in lines], page.gold)
    gold_size = max(len(word_tokens(page.gold)), 50)
    trainable = np.array(model_decides(analysis.layout), dtype=bool)
    return PageRows(
        page.id,
        site_of(page.url) or page.id,
        line_features(analysis.layout),
        y,
        sizes / gold_size,
        trainable,
    )


def site_of(url: str) -> str:
    """The host of a URL without ``www.``: pages of one site share a fold."""
    host = urlparse(url).hostname or ""
    return host.removeprefix("www.")


def fit(rows: Sequence[PageRows], seed: int = 0) -> LineModel:
    """Train on the trainable lines of ``rows`` and export the trees as a ``LineModel``."""
    from sklearn.ensemble import HistGradientBoostingClassifier
    from threadpoolctl import threadpool_limits

    x = np.vstack([r.x[r.trainable] for r in rows])
    y = np.concatenate([r.y[r.trainable] for r in rows])
    w = np.concatenate([r.weight[r.trainable] for r in rows])
    classifier = HistGradientBoostingClassifier(**PARAMS, random_state=seed)
    with threadpool_limits(1):  # one core: the fit is small and the machine is shared
        classifier.fit(x, y, sample_weight=w)
    model = export(classifier)
    # The exported trees must score exactly as scikit-learn does, or the JSON is wrong.
    check = x[: min(len(x), 2000)]
    expected = classifier.decision_function(check)
    if not np.allclose(model.decision(check), expected, atol=1e-6):
        raise AssertionError("exported trees disagree with scikit-learn")
    model.meta = {"pages": len(rows), "lines": int(len(y)), "params": PARAMS}
    return model


def export(classifier: object) -> LineModel:
    """A fitted binary ``HistGradientBoostingClassifier`` as a ``LineModel``.

    Uses the fitted predictors' node arrays (scikit-learn's internal but long-stable layout);
    ``fit`` checks the export against scikit-learn's own scores every time.
    """
    trees = []
    for (predictor,) in classifier._predictors:  # type: ignore[attr-defined]
        nodes = predictor.nodes
        leaf = nodes["is_leaf"].astype(bool)
        trees.append(
            {
                "feature": [int(f) for f in nodes["feature_idx"]],
                "threshold": [float(t) for t in nodes["num_threshold"]],
                "left": np.where(leaf, -1, nodes["left"].astype(np.int64)).tolist(),
                "right": np.where(leaf, -1, nodes["right"].astype(np.int64)).tolist(),
                "value": np.where(leaf, nodes["value"], 0.0).astype(float).tolist(),
            }
        )
    baseline = float(np.ravel(classifier._baseline_prediction)[0])  # type: ignore[attr-defined]
    return LineModel(trees, baseline, 0.5, FEATURE_NAMES)


def folds_of(rows: Sequence[PageRows], folds: int = FOLDS) -> list[int]:
    """A fold number per page, whole sites per fold, balanced by page count, deterministic."""
    sites: dict[str, list[int]] = {}
    for i, r in enumerate(rows):
        sites.setdefault(r.site, []).append(i)
    k = max(1, min(folds, len(sites)))
    sizes = [0] * k
    fold = [0] * len(rows)
    for site in sorted(sites, key=lambda s: (-len(sites[s]), s)):
        target = min(range(k), key=lambda f: (sizes[f], f))
        for i in sites[site]:
            fold[i] = target
        sizes[target] += len(sites[site])
    return fold


def fold_models(rows: Sequence[PageRows], folds: int = FOLDS) -> dict[str, LineModel]:
    """For every page, a model trained on the other folds only (its out-of-sample model)."""
    fold = folds_of(rows, folds)
    out: dict[str, LineModel] = {}
    for f in sorted(set(fold)):
        train = [r for r, g in zip(rows, fold, strict=True) if g != f]
        if not train:
            continue
        model = fit(train)
        for r, g in zip(rows, fold, strict=True):
            if g == f:
                out[r.page_id] = model
    return out


def page_outcome(text: str, gold: str, model: LineModel) -> tuple[float, float, float]:
    """One page: the model's confidence in what it keeps, and the F1 of the model's output
    (without a page floor) and of the rules' output."""
    layout = analyse_page(text).layout
    free = np.array(model_decides(layout), dtype=bool)
    probability = model.probability(line_features(layout)) if layout.lines else np.zeros(0)
    words = np.array([line.words for line in layout.lines], dtype=float)
    confidence = page_confidence(probability, words, free & (probability >= model.threshold))
    floor = model.meta.pop("page_floor", None)
    try:
        with_model = token_prf(clean_plain_text(text, model=model).text, gold).f1
    finally:
        if floor is not None:
            model.meta["page_floor"] = floor
    rules = token_prf(clean_plain_text(text, model=False).text, gold).f1
    return confidence, with_model, rules


def set_page_floors(
    pages: Sequence[Page], texts: dict[str, str], models: dict[str, LineModel]
) -> float:
    """Learn the page floor (see ``page_choice``) and store it in each fold model's meta.

    Every fold's floor is learned on the pages of the other folds (each scored by its own
    out-of-fold model), so the cross-validated figure stays out of sample for the floor too;
    returns the floor learned on all pages, for the shipped model.
    """
    outcomes = np.array([page_outcome(texts[p.id], p.gold, models[p.id]) for p in pages])
    if not len(outcomes):
        return 0.0
    owner = [id(models[p.id]) for p in pages]
    for model in {id(m): m for m in models.values()}.values():
        others = np.array([o != id(model) for o in owner])
        floor, _ = learn_floor(*outcomes[others].T) if others.any() else (0.0, 0.0)
        model.meta["page_floor"] = floor
    floor, _ = learn_floor(*outcomes.T)
    return floor


def _score(pages: Sequence[Page], texts: dict[str, str], models: dict[str, LineModel]) -> float:
    f1 = [token_prf(clean_plain_text(texts[p.id], model=models[p.id]).text, p.gold).f1 for p in pages]
    return float(np.mean(f1))


def main(argv: Sequence[str] | None = None) -> int:
    """Cross-validate, then train on every page and write ``line_model.json``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = Path(__file__).resolve().parents[2] / "shared" / "datasets"
    parser.add_argument("--datasets", type=Path, default=default)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--cv-only", action="store_true")
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    args = parser.parse_args(argv)
    pages = load_aeb(args.datasets, args.limit)
    texts = {p.id: visible_text(p.html) for p in pages}
    rows = [page_rows(p, texts[p.id]) for p in pages]
    models = fold_models(rows)
    floor = set_page_floors(pages, texts, models)
    cv = _score(pages, texts, models)
    print(f"cross-validated token F1 ({FOLDS} folds by site): {cv:.4f}; page floor {floor:.2f}",
          file=sys.stderr)  # fmt: skip
    if args.cv_only:
        return 0
    model = fit(rows)
    model.meta["page_floor"] = floor
    model.meta["cv_f1"] = round(cv, 4)
    full = _score(pages, texts, dict.fromkeys(texts, model))
    model.meta["in_sample_f1"] = round(full, 4)
    print(f"in-sample token F1: {full:.4f}", file=sys.stderr)
    args.out.write_text(json.dumps(model.to_dict(), separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({args.out.stat().st_size // 1024} KiB)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
