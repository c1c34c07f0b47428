"""Shared fixtures. The spaCy model is loaded once for the whole test run."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from storydesk.model import Article

SAMPLES = Path(__file__).resolve().parents[1] / "src" / "storydesk" / "samples"
SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture(scope="session")
def nlp():
    from storydesk.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    return SAMPLES


@pytest.fixture(scope="session")
def datasets_dir() -> Path:
    path = SHARED / "datasets"
    if not path.is_dir():
        pytest.skip("../shared/datasets is not beside the checkout")
    return path


@pytest.fixture
def make_article():
    """Build an Article from text with sensible defaults: make_article("text", id="a1")."""

    def _make(text: str, id: str = "a1", published: dt.date | None = None, **kw) -> Article:
        return Article(id=id, source=f"{id}.txt", raw=text, text=text, published=published, **kw)

    return _make
