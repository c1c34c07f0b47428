"""The PolNeAR loader and scorer of ``attribution-polnear`` on tiny inline brat fixtures."""

from __future__ import annotations

import io
import tarfile
from pathlib import Path

import pytest

from eval._polnear import Tokens, load_polnear, match, match_relations, parse_ann
from eval.attribution_polnear import Scorer, _tok_rels, pattern_baseline

TEXT = "Trump said the wall would rise. According to Reuters, it fell.\n"
ANN = (
    "T1\tSource 0 5\tTrump\n"
    "T2\tCue 6 10\tsaid\n"
    "T3\tContent 11 30\tthe wall would rise\n"
    "T4\tAttribution 6 10\tsaid\n"
    "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
    "T5\tCue 32 44\tAccording to\n"
    "T6\tSource 45 52\tReuters\n"
    "T7\tContent 54 61\tit fell\n"
    "T8\tAttribution 32 44\tAccording to\n"
    "E2\tAttribution:T8 Source:T6 Cue:T5 Content:T7\n"
    "T9\tCue 0 5;11 14\tTrump the\n"
    "a stray continuation line of a span text\n"
    "T10\tContent 15 19\twall\n"
    "T11\tAttribution-no-source 0 5\tTrump\n"
    "E3\tAttribution-no-source:T11 Content:T10 Cue:T9\n"
    "#1\tAnnotatorNotes T1\tnote\n"
)


def test_parse_ann_reads_relations_fragments_and_skips_junk() -> None:
    rels = parse_ann(ANN)
    assert len(rels) == 3
    assert rels[0].source == ((0, 5),) and rels[0].cue == ((6, 10),)
    assert rels[1].source == ((45, 52),) and rels[1].content == ((54, 61),)
    assert rels[2].source is None and rels[2].cue == ((0, 5), (11, 14))


@pytest.mark.parametrize(
    ("fragments", "words"),
    [
        (((0, 5),), ["Trump"]),
        (((0, 11),), ["Trump", "said"]),
        (((28, 32),), ["rise"]),  # a partial word counts whole; the full stop is ignored
        (((0, 5), (11, 14)), ["Trump", "the"]),
    ],
)
def test_tokens_ignore_punctuation_and_touch_partial_words(fragments, words) -> None:
    toks = Tokens(TEXT)
    got = [TEXT[toks.starts[i] : toks.ends[i]] for i in sorted(toks.of(fragments))]
    assert got == words


@pytest.mark.parametrize(
    ("pred", "gold", "exact", "hits"),
    [
        ([{1, 2}], [{1, 2}], True, 1),
        ([{1, 2}], [{1}], True, 0),
        ([{1, 2}], [{1}], False, 1),
        ([{1, 2, 3, 4}], [{1}, {4}], False, 1),  # one-to-one: a long span matches once
        ([{1}, {4}], [{1, 2, 3, 4}], False, 1),
        ([{9}], [{1}], False, 0),
    ],
)
def test_match_is_one_to_one(pred, gold, exact, hits) -> None:
    to = lambda sets: [frozenset(s) for s in sets]  # noqa: E731
    assert match(to(pred), to(gold), exact) == hits


def test_relation_needs_all_three_roles_and_missing_source_matches_only_missing() -> None:
    f = frozenset
    gold = [(f({0}), f({1}), f({2, 3})), (None, f({5}), f({6}))]
    assert match_relations([(f({0}), f({1}), f({3}))], gold, exact=False) == 1
    assert match_relations([(f({0}), f({1}), f({3}))], gold, exact=True) == 0
    assert match_relations([(f({0}), f({5}), f({6}))], gold, exact=False) == 0
    assert match_relations([(None, f({5}), f({6}))], gold, exact=False) == 1


def test_pattern_baseline_finds_said_and_according_to() -> None:
    found = {(TEXT[s[0] : s[1]], TEXT[c[0] : c[1]]) for s, c, _ in pattern_baseline(TEXT)}
    assert ("Trump", "said") in found
    assert ("Reuters", "According to") in found


def test_scorer_perfect_prediction_scores_one() -> None:
    toks = Tokens(TEXT)
    gold = _tok_rels(toks, [(r.source, r.cue, r.content) for r in parse_ann(ANN)])
    scorer = Scorer()
    scorer.add(gold, list(gold))
    for level in ("exact", "overlap"):
        metrics = scorer.metrics(level)
        assert metrics["source_f1"] == 1.0 and metrics["relation_f1"] == 1.0


def _tarball(root: Path) -> Path:
    folder = root / "polnear"
    folder.mkdir()
    path = folder / "polnear.tar.xz"
    files = {
        "data/dev/text/a1.txt": TEXT,
        "data/dev/attributions/a1_ef2d.ann": ANN,
        "data/dev/attributions/a1_4b22.ann": "T1\tCue 6 10\tsaid\n",  # first annotator wins
        "data/train/text/b1.txt": "x",
        "data/train/attributions/b1_4b22.ann": "",
    }
    with tarfile.open(path, "w:xz") as tar:
        for name, text in files.items():
            data = text.encode("utf-8")
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return path


def test_load_polnear_reads_one_split_and_one_annotator(tmp_path: Path) -> None:
    _tarball(tmp_path)
    dev = load_polnear(tmp_path, "dev")
    assert [a.id for a in dev] == ["a1"] and dev[0].text == TEXT
    assert dev[0].relations == []  # the 4b22 file sorts first and has no relation
    assert [a.id for a in load_polnear(tmp_path, "train")] == ["b1"]


def test_load_polnear_errors(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="polnear"):
        load_polnear(tmp_path, "dev")
    with pytest.raises(ValueError, match="split"):
        load_polnear(tmp_path, "test")
