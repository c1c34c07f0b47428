"""Learn the attribution cue lexicon from the PolNeAR *train* split.

``python -m eval.train_cue_lexicon [--cache DIR]`` writes
src/storydesk/steps/extract/cue_lexicon.json and prints the cross-validated source F1 of each
threshold pair it tried. The dev split is never read.

Statistics: with every lemma allowed as a cue (``cue_lexicon.open_lexicon``), the rules propose
verb, noun and adjective cues on each train article; a proposal *matches* when a gold relation's
cue shares a token with it and its source matches that relation's source (>= 1 shared token, or
both absent). Proposals whose cue lies inside a gold content and match nothing are left out: they
are nested words ("he said he *wants* ...") whose fate the outer attribution decides. For each
(part of speech, lemma): proposals and matches.

A lemma outside the hand lists joins the lexicon with at least ``min_support`` proposals and a
matched share of at least ``min_precision``. The pair is chosen by 5-fold cross-validation over
train articles: each fold's lexicon is learned on the other four folds and the whole pipeline
(``find_attributions`` + ``outermost``) is scored on the held-out fold; the pair with the best
pooled source-overlap F1 is kept, and the shipped lexicon is learned on all of train with it.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterable, Sequence
from pathlib import Path

from spacy.tokens import Doc, DocBin

from eval._polnear import PolnearArticle, Tokens, load_polnear
from eval.attribution_polnear import Scorer, _tok_rels
from storydesk.nlp import load_nlp
from storydesk.steps.extract import cue_lexicon
from storydesk.steps.extract.attributions import attribution_candidates, outermost

FOLDS = 5
SUPPORTS = (3, 6)
PRECISIONS = (0.35, 0.5, 0.65)
# Statistics kept in the JSON for the prior of lemmas seen at least this often.
KEEP_STATS = 2
Parsed = list[tuple[PolnearArticle, Doc]]
Stats = dict[str, dict[str, list[int]]]


def parsed_split(datasets: Path, split: str, cache: Path | None = None) -> Parsed:
    """The articles of ``split`` with their spaCy parses (read from / written to ``cache``)."""
    articles = load_polnear(datasets, split)
    nlp = load_nlp()
    path = None if cache is None else cache / f"polnear-{split}.spacy"
    if path is not None and path.exists():
        docs = list(DocBin().from_disk(path).get_docs(nlp.vocab))
        if len(docs) == len(articles):
            return list(zip(articles, docs, strict=True))
    docs = list(nlp.pipe((a.text for a in articles), batch_size=16))
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        bin_ = DocBin(store_user_data=False)
        for doc in docs:
            bin_.add(doc)
        bin_.to_disk(path)
    return list(zip(articles, docs, strict=True))


def gold_relations(article: PolnearArticle, tokens: Tokens) -> list:
    """The article's gold relations as word-token sets (``eval._polnear.TokRel``)."""
    return _tok_rels(tokens, [(r.source, r.cue, r.content) for r in article.relations])


def _pos(doc: Doc, rule: str, cue: tuple[int, int]) -> str | None:
    if rule == "noun":
        return "NOUN"
    if rule == "adjective":
        return "ADJ"
    if rule in {"verb", "agentless"} and doc[cue[0]].pos_ == "VERB":
        return "VERB"
    return None


def collect(parsed: Parsed) -> dict[str, Stats]:
    """Per article id: (pos -> lemma -> [proposals, matches]) with every lemma allowed."""
    out: dict[str, Stats] = {}
    with cue_lexicon.open_lexicon():
        for article, doc in parsed:
            tokens = Tokens(article.text)
            gold = gold_relations(article, tokens)
            stats: Stats = {}
            for att, cand in attribution_candidates(doc):
                pos = _pos(doc, cand.rule, cand.cue)
                if pos is None or not cand.cue_lemma:
                    continue
                cue = tokens.of([(att.cue.start, att.cue.end)])
                src = (
                    None if att.source is None else tokens.of([(att.source.start, att.source.end)])
                )
                hit = any(
                    g[1] & cue
                    and (g[0] is None and src is None or bool(g[0] and src and g[0] & src))
                    for g in gold
                )
                if not hit and any(cue <= g[2] for g in gold):
                    continue
                entry = stats.setdefault(pos, {}).setdefault(cand.cue_lemma, [0, 0])
                entry[0] += 1
                entry[1] += int(hit)
            out[article.id] = stats
    return out


def pooled(per_article: dict[str, Stats], ids: Iterable[str]) -> Stats:
    """Statistics summed over the articles ``ids``."""
    total: Stats = {}
    for article_id in ids:
        for pos, lemmas in per_article[article_id].items():
            for lemma, (seen, hits) in lemmas.items():
                entry = total.setdefault(pos, {}).setdefault(lemma, [0, 0])
                entry[0] += seen
                entry[1] += hits
    return total


def lexicon_data(stats: Stats, min_support: int, min_precision: float) -> dict[str, object]:
    """The ``cue_lexicon.json`` layout for ``stats`` at one threshold pair."""
    cues = {
        pos: sorted(
            lemma
            for lemma, (seen, hits) in lemmas.items()
            if seen >= min_support and hits / seen >= min_precision
        )
        for pos, lemmas in sorted(stats.items())
    }
    kept = {
        pos: {lemma: v for lemma, v in sorted(lemmas.items()) if v[0] >= KEEP_STATS}
        for pos, lemmas in sorted(stats.items())
    }
    return {
        "schema": "storydesk.cue_lexicon/1",
        "trained_on": "PolNeAR train split (eval/train_cue_lexicon.py)",
        "min_support": min_support,
        "min_precision": min_precision,
        "cues": cues,
        "lemmas": kept,
    }


def score(parsed: Parsed) -> Scorer:
    """The pipeline's scores on ``parsed`` under the lexicon in force."""
    scorer = Scorer()
    for article, doc in parsed:
        tokens = Tokens(article.text)
        pred = []
        for att in outermost([a for a, _ in attribution_candidates(doc)]):
            source = None if att.source is None else (att.source.start, att.source.end)
            pred.append(
                (source, (att.cue.start, att.cue.end), (att.content.start, att.content.end))
            )
        scorer.add(gold_relations(article, tokens), _tok_rels(tokens, pred))
    return scorer


def folds(parsed: Parsed, k: int = FOLDS) -> list[Parsed]:
    """``k`` folds of whole articles (article ids in sorted order, dealt round-robin)."""
    ordered = sorted(parsed, key=lambda pair: pair[0].id)
    return [ordered[i::k] for i in range(k)]


def cross_validate(parsed: Parsed, per_article: dict[str, Stats]) -> dict[tuple[int, float], float]:
    """Pooled held-out source-overlap F1 of each (min_support, min_precision) pair."""
    parts = folds(parsed)
    out: dict[tuple[int, float], float] = {}
    for support in SUPPORTS:
        for precision in PRECISIONS:
            scorer = Scorer()
            for i, held in enumerate(parts):
                train_ids = [a.id for j, part in enumerate(parts) if j != i for a, _ in part]
                data = lexicon_data(pooled(per_article, train_ids), support, precision)
                with cue_lexicon.using(data):
                    fold = score(held)
                for key, counts in fold.counts.items():
                    scorer.counts[key].add(counts.tp, counts.pred, counts.gold)
            out[(support, precision)] = scorer.metrics("overlap")["source_f1"]
            print(
                f"min_support={support} min_precision={precision}: source F1 {out[(support, precision)]:.4f}",
                flush=True,
            )
    return out


def training_args(prog: str, out: Path, argv: Sequence[str] | None) -> argparse.Namespace:
    """The options every PolNeAR training script takes: --datasets, --cache (parsed train docs,
    so a rerun skips spaCy), --out (the JSON to write, by default the shipped one)."""
    from eval import DEFAULT_DATASETS_DIR

    parser = argparse.ArgumentParser(prog=prog)
    parser.add_argument("--datasets", type=Path, default=DEFAULT_DATASETS_DIR)
    parser.add_argument("--cache", type=Path, default=None, help="folder for parsed train docs")
    parser.add_argument("--out", type=Path, default=out)
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """Learn the lexicon on train, choose its thresholds by cross-validation, write the JSON."""
    args = training_args("python -m eval.train_cue_lexicon", cue_lexicon.LEXICON_PATH, argv)
    parsed = parsed_split(args.datasets, "train", args.cache)
    per_article = collect(parsed)
    with cue_lexicon.using({}):
        base = score(parsed).metrics("overlap")["source_f1"]
    print(f"hand lists only: source F1 {base:.4f} (train, in-sample)")
    results = cross_validate(parsed, per_article)
    support, precision = max(results, key=lambda key: (results[key], key[0], key[1]))
    data = lexicon_data(pooled(per_article, per_article), support, precision)
    args.out.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    cues = data["cues"]
    sizes = {pos: len(words) for pos, words in cues.items()} if isinstance(cues, dict) else {}
    print(f"chose min_support={support} min_precision={precision}; cues {sizes}; wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
