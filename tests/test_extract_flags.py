"""Verification flags: markers found by lemma, one per sentence and type, spans inside the text."""

from __future__ import annotations

import pytest

from storydesk.model import FLAG_TYPES
from storydesk.steps.extract.flags import find_flags


def _flags(nlp, text: str) -> list[tuple[str, str]]:
    doc = nlp(text)
    out = []
    for flag in find_flags(doc):
        assert 0 <= flag.span.start < flag.span.end <= len(text)
        assert flag.type in FLAG_TYPES
        out.append((flag.type, text[flag.span.start : flag.span.end]))
    return out


@pytest.mark.parametrize(
    ("text", "flag_type", "quote"),
    [
        (
            "The information has not yet been confirmed by independent sources.",
            "unconfirmed",
            "The information has not yet been confirmed by independent sources",
        ),
        ("The claim could not be independently verified.", "unconfirmed", None),
        ("The footage cannot be verified.", "unconfirmed", None),
        ("The report is unverified.", "unconfirmed", None),
        ("Unconfirmed reports spoke of a second blast.", "unconfirmed", None),
        ("Moscow denied the allegations.", "denied", None),
        ("The ministry denies that troops crossed the border.", "denied", None),
        ("Peskov has dismissed reports that troops were sent.", "denied", None),
        ("The government rejected claims of a cover-up.", "denied", None),
        ("There were absolutely nowhere near 3,000 soldiers.", "denied", None),
        ("The spokesman said the story was false.", "denied", None),
        ("They don’t provide any evidence.", "no_evidence", None),
        ("No picture or video evidence has emerged to date.", "no_evidence", None),
        ("He offered no evidence for the claim.", "no_evidence", None),
        ("She repeated the claim without evidence.", "no_evidence", None),
        ("Correction: the minister's name was misspelled.", "correction", None),
        ("An earlier version of this article misstated the number.", "correction", None),
        ("Update: the death toll has risen.", "update", None),
        ("UPDATE\nThe death toll has risen.", "update", "UPDATE"),
        ("The story was updated at 10:00 GMT.", "update", None),
    ],
)
def test_markers_are_flagged(nlp, text: str, flag_type: str, quote: str | None) -> None:
    flags = _flags(nlp, text)
    assert flag_type in {t for t, _ in flags}
    if quote is not None:
        assert (flag_type, quote) in flags


@pytest.mark.parametrize(
    "text",
    [
        "The soldiers deserted near the border.",
        "The motive behind their desertion has not yet been established.",
        "He did not deny the report.",
        "She was denied entry at the border.",
        "Rights had been denied victims of other shootings.",
        "The step goes nowhere near far enough.",
        "I would absolutely not support him.",
        "The evidence was presented in court.",
        "Officials confirmed the attack.",
        "",
    ],
)
def test_no_flags_without_markers(nlp, text: str) -> None:
    assert _flags(nlp, text) == []


def test_one_flag_per_sentence_and_type(nlp) -> None:
    flags = _flags(nlp, "Russia denied it and Ukraine denied it too. The claim is unverified.")
    assert [t for t, _ in flags] == ["denied", "unconfirmed"]


def test_samples_carry_the_documented_markers(nlp, samples_dir) -> None:
    by_type: dict[str, list[str]] = {}
    for path in sorted(samples_dir.glob("*.txt")):
        for flag_type, quote in _flags(nlp, path.read_text(encoding="utf-8")):
            by_type.setdefault(flag_type, []).append(quote)
    assert any("not yet been confirmed" in q for q in by_type["unconfirmed"])
    assert any("No picture or video evidence" in q for q in by_type["no_evidence"])
    assert any("nowhere near 3,000" in q for q in by_type["denied"])
    assert not any("motive" in q for qs in by_type.values() for q in qs)
