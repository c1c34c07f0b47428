"""The claims-quantity-free evaluation's filter keeps only sentences without any figure."""

from __future__ import annotations

import pytest

from eval.claims_quantity_free import quantity_free


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Police closed the road. Two people were hurt. The mayor spoke.",
         "Police closed the road. The mayor spoke."),
        ("It cost $5m. Several shops shut. Nobody knew why.", "Nobody knew why."),
        ("The first train left late! Passengers waited? Staff apologised.",
         "Passengers waited? Staff apologised."),
        ("Around 40 percent voted. Half stayed home.", ""),
    ],
)  # fmt: skip
def test_quantity_free_drops_sentences_with_figures(text: str, kept: str):
    assert quantity_free(text) == kept
