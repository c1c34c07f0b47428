"""attribution-polnear: attribution extraction (source, cue, content) on PolNeAR news articles.

Gold: PolNeAR (political news, 2016 US election) brat annotations, one annotator per article (see
``eval/_polnear.py``). Default split: ``dev`` (85 articles, never used for tuning; tuning was done
on ``train`` only). ``python -m eval.attribution_polnear --split train`` scores the train split.

Matching is on word tokens (``\\w+`` runs; punctuation is ignored), per article:

* **exact**: a predicted span matches a gold span of the same role when both cover the same word
  tokens;
* **overlap**: a predicted span matches a gold span of the same role when they share at least one
  word token; the matching is one-to-one (pairs taken greedily by most shared tokens), so one long
  predicted span cannot match several gold spans.

Role-level precision = matched predicted spans / predicted spans (identical predicted spans of one
role counted once), recall = matched gold spans / gold spans, summed over articles (micro). The
``relation`` metrics need one predicted attribution whose source, cue and content all match the
same gold relation (a missing source matches only a gold ``Attribution-no-source``), one-to-one.

Systems, same articles, same run:

* "pattern baseline": regexes for "X said/says/told ...", "..., said X" and "according to X";
  content is the rest of the sentence;
* "storydesk": ``storydesk.steps.extract.attributions.find_attributions`` on ``load_nlp()``'s
  parse, reduced with ``outermost`` to PolNeAR's convention: it annotates mostly the outer relation,
  so attributions nested in another's content ("X said he *thinks* ...") are dropped unless their
  cue heads a sentence of its own; storydesk keeps them all for source chains.
"""

from __future__ import annotations

import argparse
import re
import time
from collections.abc import Callable
from pathlib import Path

from eval._polnear import (
    Counts,
    PolnearArticle,
    Tokens,
    TokRel,
    load_polnear,
    match,
    match_relations,
)
from eval.result import EvalResult, Row, print_result, progress, resolve_storydesk

NAME = "attribution-polnear"
CharRel = tuple[tuple[int, int] | None, tuple[int, int], tuple[int, int]]
ROLES = ("source", "cue", "content")

# --------------------------------------------------------------------------------------------------
# Pattern baseline
# --------------------------------------------------------------------------------------------------

_NAME = r"(?:(?:[A-Z][\w.'’-]*|of|the)\s+){0,4}[A-Z][\w.'’-]*"
_PRON = r"\b(?:he|she|they|it|we|I|He|She|They|It|We)"
_SAID = r"(?:said|says|say|told|tells)"
_FORWARD = re.compile(rf"(?P<src>{_NAME}|{_PRON})\s+(?P<cue>{_SAID})\b")
_INVERTED = re.compile(rf"[,”\"]\s+(?P<cue>{_SAID})\s+(?P<src>{_NAME}|he|she|they)\b")
_ACCORDING = re.compile(rf"(?P<cue>\b[Aa]ccording to)\s+(?P<src>(?:the\s+)?{_NAME}|\w+)")
_SENT = re.compile(r"[^.!?\n]+(?:[.!?]+[”\"]?|\n|$)")


def _trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return (start, end) if start < end else None


def pattern_baseline(text: str) -> list[CharRel]:
    """Attributions found by three regexes, each sentence's rest as content."""
    out: list[CharRel] = []
    for sent in _SENT.finditer(text):
        s0, s1 = sent.start(), sent.end()
        for regex in (_FORWARD, _INVERTED, _ACCORDING):
            for m in regex.finditer(text, s0, s1):
                phrase = (min(m.start("src"), m.start("cue")), max(m.end("src"), m.end("cue")))
                before = _trimmed(text, s0, phrase[0])
                after = _trimmed(text, phrase[1], s1)
                sides = [r for r in (before, after) if r is not None]
                if not sides:
                    continue
                content = max(sides, key=lambda r: r[1] - r[0])
                out.append((m.span("src"), m.span("cue"), content))
    return out


# --------------------------------------------------------------------------------------------------
# Scoring
# --------------------------------------------------------------------------------------------------


def _tok_rels(tokens: Tokens, rels: list[CharRel] | list) -> list[TokRel]:
    out: list[TokRel] = []
    for source, cue, content in rels:
        src = None if source is None else tokens.of(source if _is_frags(source) else [source])
        cue_t = tokens.of(cue if _is_frags(cue) else [cue])
        con_t = tokens.of(content if _is_frags(content) else [content])
        out.append((src or None, cue_t, con_t))
    return out


def _is_frags(value: tuple) -> bool:
    return bool(value) and isinstance(value[0], tuple)


class Scorer:
    """Accumulates exact and overlap counts per role and for whole relations."""

    def __init__(self) -> None:
        self.counts = {
            (level, role): Counts()
            for level in ("exact", "overlap")
            for role in (*ROLES, "relation")
        }

    def add(self, gold: list[TokRel], pred: list[TokRel]) -> None:
        for k, role in enumerate(ROLES):
            g = [r[k] for r in gold if r[k]]
            p = list(dict.fromkeys(r[k] for r in pred if r[k]))
            for level in ("exact", "overlap"):
                self.counts[(level, role)].add(match(p, g, level == "exact"), len(p), len(g))
        for level in ("exact", "overlap"):
            hits = match_relations(pred, gold, level == "exact")
            self.counts[(level, "relation")].add(hits, len(pred), len(gold))

    def metrics(self, level: str) -> dict[str, float]:
        out: dict[str, float] = {}
        for role in (*ROLES, "relation"):
            p, r, f = self.counts[(level, role)].prf()
            out |= {f"{role}_precision": p, f"{role}_recall": r, f"{role}_f1": f}
        return out


def _storydesk_system() -> tuple[Callable[[str], list[CharRel]] | None, str]:
    find, reason = resolve_storydesk("storydesk.steps.extract.attributions", "find_attributions")
    if find is None:
        return None, reason
    from storydesk.nlp import load_nlp
    from storydesk.steps.extract.attributions import outermost

    nlp = load_nlp()

    def storydesk(text: str) -> list[CharRel]:
        out: list[CharRel] = []
        doc = nlp(text)
        for att in outermost(find(doc), doc):
            source = None if att.source is None else (att.source.start, att.source.end)
            out.append((source, (att.cue.start, att.cue.end), (att.content.start, att.content.end)))
        return out

    return storydesk, ""


def run_split(datasets_dir: Path, split: str = "dev", limit: int | None = None) -> EvalResult:
    """Score both systems on ``split`` of PolNeAR (first ``limit`` articles by id)."""
    articles: list[PolnearArticle] = load_polnear(datasets_dir, split, limit)
    result = EvalResult(
        NAME,
        "attribution source/cue/content and full relations, exact and >=1-token overlap P/R/F1",
        f"polnear ({split} split)",
        len(articles),
    )
    gold_relations = sum(len(a.relations) for a in articles)
    result.notes.append(f"{gold_relations} gold relations; scoring defined in the module docstring")
    systems: list[tuple[str, Callable[[str], list[CharRel]]]] = [
        ("pattern baseline", pattern_baseline)
    ]
    storydesk, reason = _storydesk_system()
    if storydesk is None:
        result.missing["storydesk"] = reason
    else:
        systems.append(("storydesk", storydesk))
    tokens = {a.id: Tokens(a.text) for a in articles}
    for name, system in systems:
        scorer = Scorer()
        start = time.perf_counter()
        for i, article in enumerate(articles):
            toks = tokens[article.id]
            gold = _tok_rels(toks, [(r.source, r.cue, r.content) for r in article.relations])
            scorer.add(gold, _tok_rels(toks, system(article.text)))
            if name == "storydesk" and (i + 1) % 25 == 0:
                progress(f"{NAME}: {i + 1}/{len(articles)} articles")
        seconds = time.perf_counter() - start
        for level in ("overlap", "exact"):
            result.rows.append(Row(name, scorer.metrics(level), level, seconds))
    result.rows.sort(key=lambda r: (r.level != "overlap", r.system))
    return result


def run(datasets_dir: Path, limit: int | None = None) -> EvalResult:
    """The default run: the dev split (never used for tuning)."""
    return run_split(datasets_dir, "dev", limit)


def main(argv: list[str] | None = None) -> int:
    """``python -m eval.attribution_polnear [--split train|dev] [--limit N]``."""
    from eval import DEFAULT_DATASETS_DIR

    parser = argparse.ArgumentParser(prog="python -m eval.attribution_polnear")
    parser.add_argument("--split", choices=("train", "dev"), default="dev")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--datasets", type=Path, default=DEFAULT_DATASETS_DIR)
    args = parser.parse_args(argv)
    print_result(run_split(args.datasets, args.split, args.limit))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
