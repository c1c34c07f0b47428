"""Counts stated by negation: "no one was injured", "nobody was killed", "no injuries were
reported", "none of the victims died" — a zero that a fact-checker must compare like any figure.

``find_negated_counts(doc)`` gives one ``Quantity`` of value 0 per such statement, kind ``count``,
counted words naming the role ("people injured", "people killed"). Negations that leave a
figure open are skipped: "no one was *seriously* hurt" (some were hurt), "no one *else* was
hurt" / "no *other* injuries" (someone was), "none of the injuries are life-threatening" (there
were injuries).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from storydesk.model import Quantity, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["find_negated_counts"]

_ROLE = {"killed": "killed", "dead": "killed", "died": "killed", "slain": "killed",
         "injured": "injured", "hurt": "injured", "wounded": "injured", "harmed": "injured",
         "injuries": "injured", "deaths": "killed", "fatalities": "killed"}
_BE = r"(?:was|were|is|are|has been|have been|had been|got|appeared to be|appears to be)"
_ADVERBS = r"(?:(?:else|other|reportedly|immediately|believed to be|thought to be)\s+)*"
_PATTERNS = [
    # "No one was injured", "no one else was hurt", "Nobody was killed"
    re.compile(rf"\b(?P<subj>no(?:\s+|-)one|nobody|no other (?:people|persons|person|one))"
               rf"\s+{_ADVERBS}{_BE}\s+(?P<role>killed|injured|hurt|wounded|harmed)\b", re.I),
    # "No injuries were reported", "no other injuries or deaths were reported", "There were no
    # injuries"
    re.compile(r"\b(?P<subj>no (?:other |further |additional |immediate )?)"
               r"(?P<role>injuries|deaths|fatalities)\b(?:\s+or\s+(?:injuries|deaths|fatalities))?"
               r"\s+(?:were|have been|had been|was)\s+(?:immediately\s+)?reported", re.I),
    re.compile(r"\bthere (?:were|have been|had been) (?P<subj>no (?:other |further |additional )?)"
               r"(?P<role>injuries|deaths|fatalities)\b(?!\s+(?:to|among|in)\b)", re.I),
    # "none of the victims died", "none were killed"
    re.compile(rf"\b(?P<subj>none(?: of (?:the|them|those)(?:\s+\w+)?)?)\s+{_BE}?\s*"
               r"(?P<role>killed|died|injured|hurt|wounded)\b", re.I),
]
# "no one was seriously hurt": some were hurt; "no one else was hurt", "no other injuries": the
# others were; the total is open either way.
_OPEN = re.compile(r"\b(?:seriously|critically|badly|severely|gravely|fatally|life|else|other|"
                   r"further|additional)\b", re.I)
_COUNTED = {"killed": "people killed", "injured": "people injured"}


def find_negated_counts(doc: Doc) -> list[Quantity]:
    """Zero counts stated by negation in ``doc``, in text order (offsets into ``doc.text``)."""
    text = doc.text
    found: list[Quantity] = []
    taken: list[tuple[int, int]] = []
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            if _OPEN.search(match.group(0)):
                continue
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            taken.append(match.span())
            role = _ROLE[match.group("role").lower()]
            subject_start, subject_end = match.span("subj")
            span = Span(subject_start, subject_end)
            if not text[subject_start:subject_end].strip():
                continue
            span = Span(subject_start, subject_start + len(text[subject_start:subject_end].rstrip()))
            sentence = doc.char_span(match.start(), match.end(), alignment_mode="expand")
            sent = sentence[0].sent if sentence is not None and len(sentence) else None
            found.append(Quantity(
                span=span,
                value=0.0,
                kind="count",
                unit="",
                normalized_value=0.0,
                normalized_unit="count",
                counted=f"{_COUNTED[role]}",
                counted_span=Span(*match.span("role")),
                sentence=Span(sent.start_char, sent.end_char) if sent is not None else None,
            ))
    found.sort(key=lambda q: q.span.start)
    return found
