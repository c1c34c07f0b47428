"""A cheap language guess from function words: enough to route text, not a classifier.

Counts how many words of the text are function words of each language (see ``stopwords``) and
returns the language with the most, when the evidence is clear. Short or ambiguous text gets
``None`` rather than a guess.
"""

from __future__ import annotations

import re

from storydesk.steps.clean.stopwords import STOPWORDS

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_UKRAINIAN_LETTERS = re.compile(r"[іїєґІЇЄҐ]")
DETECTED = ("en", "de", "fr", "es", "it", "pt", "nl", "ru", "uk")


def detect_language(text: str, max_words: int = 2000, min_hits: int = 5) -> str | None:
    """ISO 639-1 code of the dominant language among en/de/fr/es/it/pt/nl/ru/uk, or ``None``."""
    words = [w.lower() for w in _WORD.findall(text[: max_words * 12])][:max_words]
    if not words:
        return None
    scores = {lang: sum(1 for w in words if w in STOPWORDS[lang]) for lang in DETECTED}
    if scores["ru"] or scores["uk"]:
        # Russian and Ukrainian share many short words; letters only Ukrainian has settle it.
        ukrainian = len(_UKRAINIAN_LETTERS.findall(text[: max_words * 12]))
        scores["uk"] += ukrainian
    ranked = sorted(scores.items(), key=lambda item: item[1], reverse=True)
    (best, top), (_, second) = ranked[0], ranked[1]
    if top < min_hits or top < 1.2 * second:
        return None
    return best
