"""Pair-model signals: places, names, numbers; the pair model's JSON; candidates by rare names."""

import numpy as np
import pytest
from scipy import sparse

from storydesk.model import Article, Span
from storydesk.steps.cluster.candidates import shared_key_pairs
from storydesk.steps.cluster.features import lemma
from storydesk.steps.cluster.pair_model import (
    FEATURES,
    MODEL_FEATURES,
    PairModel,
    block_features,
    expand,
    pair_features,
)
from storydesk.steps.cluster.signals import article_tokens, article_views


def _tokens(text, title=None, entities=()):
    return article_tokens(Article(id="a", source="a", text=text, title=title, entities=list(entities)))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("BREAUX BRIDGE, La. (AP) - Authorities identified a man.", {"city:breaux bridge", "st:LA"}),
        ("The shooting happened in Lenawee County on Monday.", {"co:lenawee"}),
        ("A man was shot in Lebanon, Pa. on Tuesday.", {"city:lebanon", "st:PA"}),
        ("Police in North Carolina said two people died.", {"st:NC"}),
    ],
)
def test_cluster_signals_find_places(text, expected):
    assert expected <= set(_tokens(text)["places"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A 23-year-old man was shot.", "age:23"),
        ("Clifford Blanchard, 58, was arrested.", "age:58"),
        ("Three people were killed and two injured.", "n:3:kill"),
        ("It happened at 11:38 a.m. on the corner.", "t:11:38a"),
        ("Police were called to 302 E. Weidman Street.", "addr:302:weidman"),
        ("The shooting on Feb. 17 left one dead.", "md:1:17"),
    ],
)
def test_cluster_signals_find_event_numbers(text, expected):
    assert expected in _tokens(text)["numbers"]


def test_cluster_signals_names_skip_sentence_initial_and_title_case_headlines():
    tokens = _tokens("Police said Maria Davis died. Officers arrived.",
                     title="Man Charged After Shooting In Park")["names"]
    assert "maria_davis" in tokens
    assert "police" not in tokens and "officers" not in tokens and "charged" not in tokens


def test_cluster_signals_use_extracted_entities_when_present():
    text = "The mayor of Springfield spoke."
    tokens = _tokens(text, entities=[Span(13, 24, "GPE")])
    assert tokens["names"] == ["springfield"]
    assert "p:springfield" in tokens["places"]


@pytest.mark.parametrize(("word", "expected"), [("shootings", "shoot"), ("killed", "kill"),
                                                ("injuries", "injury"), ("police", "police")])
def test_cluster_lemma(word, expected):
    assert lemma(word) == expected


def test_cluster_pair_features_match_block_features():
    articles = [
        Article(id=str(i), source=str(i), text=text)
        for i, text in enumerate(["Maria Davis, 21, was shot in Franklin, Tenn.",
                                  "Franklin police said Maria Davis, 21, died.",
                                  "Two men were wounded in Dayton, Ohio."])
    ]
    views = article_views(articles)
    rows, cols = np.array([0, 0, 1]), np.array([1, 2, 2])
    pairs = pair_features(views, rows, cols)
    block = block_features(views, np.arange(3)).reshape(3, 3, len(FEATURES))
    assert np.allclose(pairs, block[rows, cols], atol=1e-6)
    assert pairs[0, FEATURES.index("names")] > pairs[1, FEATURES.index("names")]


def test_cluster_pair_model_json_round_trip_and_refuses_other_features():
    model = PairModel(np.arange(len(MODEL_FEATURES), dtype=float), -1.0, 0.4)
    again = PairModel.from_dict(model.to_dict())
    assert np.allclose(again.coef, model.coef) and again.threshold == 0.4
    bad = {**model.to_dict(), "features": ["body"]}
    with pytest.raises(ValueError, match="regenerate"):
        PairModel.from_dict(bad)
    assert 0.0 < float(PairModel.load().probability(np.zeros((1, len(FEATURES))))[0]) < 1.0


def test_cluster_shared_key_pairs_need_rare_shared_keys():
    # columns: a rare name shared by 0,1 (twice over), a common word shared by all
    matrix = sparse.csr_matrix(np.array([[1, 1, 1], [1, 1, 1], [0, 0, 1], [0, 0, 1]], dtype=float))
    pairs = shared_key_pairs(matrix, max_df=2, min_shared=2)
    assert {tuple(p) for p in np.argwhere(pairs.toarray())} == {(0, 1), (1, 0)}


@pytest.mark.parametrize("row", [0, 1])
def test_cluster_pair_model_expand_adds_roots_and_products(row):
    raw = np.zeros((2, len(FEATURES)), dtype=np.float32)
    raw[1, FEATURES.index("names")] = 0.25
    raw[1, FEATURES.index("date_match")] = 1.0
    raw[1, FEATURES.index("log_gap")] = 3.0
    expanded = expand(raw)
    assert expanded.shape == (2, len(MODEL_FEATURES))
    column = {name: i for i, name in enumerate(MODEL_FEATURES)}
    assert expanded[row, column["sqrt_names"]] == pytest.approx(0.5 * row)
    assert expanded[row, column["sqrt_names*date_match"]] == pytest.approx(0.5 * row)
    assert expanded[row, column["log_gap*date_match"]] == pytest.approx(3.0 * row)
    assert "dated*same_week" not in column  # no products among presence flags
    assert expanded[row, column["names"]] == pytest.approx(0.25 * row)
