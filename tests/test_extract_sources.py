"""Source naming and classification (plain text, no model needed)."""

from __future__ import annotations

import pytest

from storydesk.model import SOURCE_KINDS
from storydesk.steps.extract.sources import classify_source, normalize_source_name, source_role


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the Kyiv Independent", "Kyiv Independent"),
        ("Ukrainian public broadcaster Suspilne", "Suspilne"),
        ("Kremlin spokesman Dmitry Peskov", "Dmitry Peskov"),
        ("Ukrainian President Volodymyr Zelensky", "Volodymyr Zelensky"),
        ("Dmitry Peskov, the Kremlin spokesman", "Dmitry Peskov"),
        ("South Korea’s Yonhap News Agency", "Yonhap News Agency"),
        ("Suspilne's sources", "Suspilne sources"),
        ("unnamed intelligence officials", "unnamed intelligence officials"),
        ("A Western diplomat", "Western diplomat"),
        ("Secretary of State Antony Blinken", "Antony Blinken"),
        ("North Korean leader Kim Jong Un", "Kim Jong Un"),
        ("the Russian Ministry of Defense", "Russian Ministry of Defense"),
        ("Ukrainian outlet LIGA", "LIGA"),
        ("The New York Post", "New York Post"),
        ("Newsweek", "Newsweek"),
        ("", ""),
        ("  , ", ""),
    ],
)
def test_normalize_source_name(text: str, expected: str) -> None:
    assert normalize_source_name(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kremlin spokesman Dmitry Peskov", "Kremlin spokesman"),
        ("Ukrainian President Volodymyr Zelensky", "Ukrainian President"),
        ("Ukrainian public broadcaster Suspilne", "Ukrainian public broadcaster"),
        ("Dmitry Peskov, the Kremlin spokesman", "Kremlin spokesman"),
        ("Kyiv Independent", None),
        ("unnamed intelligence officials", None),
        ("", None),
    ],
)
def test_source_role(text: str, expected: str | None) -> None:
    assert source_role(text) == expected


@pytest.mark.parametrize(
    ("text", "label", "expected"),
    [
        ("the Kyiv Independent", "ORG", "outlet"),
        ("Ukrainian public broadcaster Suspilne", "ORG", "outlet"),
        ("Newsweek", "ORG", "outlet"),
        ("the American magazine", None, "outlet"),
        ("BBC Russian", "ORG", "outlet"),
        ("Reuters", "ORG", "agency"),
        ("AP", None, "agency"),
        ("South Korea’s Yonhap News Agency", "ORG", "agency"),
        ("Interfax-Ukraine", "ORG", "agency"),
        ("Kremlin spokesman Dmitry Peskov", "PERSON", "person"),
        ("South Korean Defense Minister Kim Yong-hyun", None, "person"),
        ("the Russian Ministry of Defense", "ORG", "official"),
        ("the police", None, "official"),
        ("Ukrainian intelligence officials", "NORP", "official"),
        ("the Pentagon", "ORG", "official"),
        ("unnamed intelligence officials", None, "unnamed"),
        ("A Western diplomat", None, "unnamed"),
        ("a military source", None, "unnamed"),
        ("the sources", None, "unnamed"),
        ("officials", None, "unnamed"),
        ("a source familiar with the matter", None, "unnamed"),
        ("the report", None, "document"),
        ("a court filing", None, "document"),
        ("", None, "unnamed"),
    ],
)
def test_classify_source(text: str, label: str | None, expected: str) -> None:
    kind = classify_source(text, label)
    assert kind in SOURCE_KINDS
    assert kind == expected


@pytest.mark.parametrize(("cue", "expected"), [("report", "outlet"), ("say", "official")])
def test_classify_unknown_org_uses_the_cue(cue: str, expected: str) -> None:
    assert classify_source("Suspilne", "ORG", cue) == expected
