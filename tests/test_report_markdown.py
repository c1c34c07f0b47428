"""Markdown report: everything a journalist needs per story, with article text escaped."""

from __future__ import annotations

import pytest
from dossier_factory import XSS, build_dossier

from storydesk.model import Dossier
from storydesk.report import render_markdown


@pytest.fixture(scope="module")
def markdown() -> str:
    return render_markdown(build_dossier())


def _section(markdown: str, heading: str) -> str:
    start = markdown.index(heading)
    end = markdown.find("\n### ", start + len(heading))
    return markdown[start : end if end != -1 else None]


def test_story_headlines_and_articles(markdown: str) -> None:
    assert "## 1. North Korean soldiers desert near the Ukrainian border" in markdown
    assert "## 2. Storm hits the coast" in markdown
    assert "| a1 | Suspilne | Soldiers desert (Suspilne) | 2024-10-17 |" in markdown


def test_claims_table_has_one_row_per_mention(markdown: str) -> None:
    claims = _section(markdown, "### Claims")
    header = (
        "| Claim | Status | Outlet (article) | Value as written | Quote | Independent origins |"
    )
    assert header in claims
    rows = [line for line in claims.splitlines() if line.startswith("| ") and "---" not in line]
    story = build_dossier().stories[0]
    assert len(rows) - 1 == sum(len(c.mentions) for c in story.claims)
    first = rows[1]
    assert "North Korean soldiers deserted" in first and "**discrepant**" in first
    assert (
        "Suspilne (a1)" in first
        and "18 soldiers" in first
        and "“18 North Korean soldiers”" in first
    )
    assert "1: Suspilne" in first
    assert any("4 miles (6.43738 km)" in row for row in rows)
    assert any("20 soldiers (approximately)" in row for row in rows)
    for status in ("**consistent**", "**contested**", "**single source**"):
        assert status in claims


def test_summary_cites_articles(markdown: str) -> None:
    assert "North Korean soldiers deserted near the border. [a1, a3]" in markdown


@pytest.mark.parametrize(
    "expected",
    [
        "### Sources",
        "| unnamed Ukrainian intelligence officials | unnamed | a1 |",
        "- Le Monde (a4) *translates* Suspilne (a1)",
        "- **denied**: “absolutely nowhere near 3,000” (Kyiv Post, a3)",
        "- **2024-10-15**: Soldiers sent to Russia [a5]",
        "- **last week**: Unit formed [a3]",
        "- Zelensky (PERSON; also written Zelenskyy) [a1, a3]",
        "| empty.txt | read | empty |",
        "| read | 58 | 56 | binary: 1, empty: 1 | 0.12 |",
        "| x1 | x1 | (untitled) | duplicate of a1 |",
    ],
)
def test_sections_present(markdown: str, expected: str) -> None:
    assert expected in markdown


def test_article_text_cannot_become_markup(markdown: str) -> None:
    assert XSS not in markdown
    assert "<script" not in markdown
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in markdown


def test_table_cells_escape_pipes_and_newlines() -> None:
    dossier = build_dossier()
    dossier.stories[0].sources[0].name = "A | B\nC"
    text = render_markdown(dossier)
    assert r"| A \| B C | outlet |" in text


def test_empty_dossier() -> None:
    text = render_markdown(Dossier())
    assert "_No stories were found._" in text
    assert "None: every input was analysed." in text
