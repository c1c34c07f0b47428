"""The tag line under an article ends the body (``tags``)."""

from __future__ import annotations

import pytest

from storydesk.steps.clean import clean_plain_text
from storydesk.steps.clean.facts import build_lines
from storydesk.steps.clean.tags import tags_cut

ITEMS = [f"{n}a etapa: {n + 9} de março – Interlagos" for n in range(1, 9)]
SIDEBAR = "Clique na foto e veja as colunas sobre Formula 1 e MotoGP que ele escreve para o site!"


@pytest.mark.parametrize(
    ("label", "cut"),
    [("Tags", True), ("Tags: stock car, interlagos", True), ("Filed under: Racing |", True),
     ("Topics", True), ("Topics like these come up at every race meeting.", False),
     ("Tagline", False)],
)  # fmt: skip
def test_clean_tags_label_below_a_list_body_ends_it(label: str, cut: bool):
    page = "\n".join(["Calendário da Stock Car 2018", *ITEMS, label, SIDEBAR, "Quem Somos"])
    result = clean_plain_text(page, model=False)
    assert all(item in result.text for item in ITEMS)
    assert (SIDEBAR not in result.text) is cut


def test_clean_tags_label_above_the_body_cuts_nothing():
    lines, _ = build_lines(["Filed under:", *ITEMS])
    assert tags_cut(lines, 0, len(lines)) == len(lines)
