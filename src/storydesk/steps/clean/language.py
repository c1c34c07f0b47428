"""A cheap language guess from function words: enough to route text, not a classifier.

Counts how many words of the text are function words of each language (see ``stopwords``) and
returns the language with the most, when the evidence is clear. Short or ambiguous text gets
``None`` rather than a guess.
"""

from __future__ import annotations

import re
from typing import Any

from storydesk.steps.clean.stopwords import STOPWORDS

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_UKRAINIAN_LETTERS = re.compile(r"[іїєґІЇЄҐ]")
DETECTED = ("en", "de", "fr", "es", "it", "pt", "nl", "ru", "uk")


# Scripts that name their language (or nearly): checked before function words, so a Japanese
# page quoting "Kindle for PC" is not taken for English.
_SCRIPTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("ja", re.compile(r"[\u3040-\u30ff]")),  # hiragana, katakana
    ("ko", re.compile(r"[\uac00-\ud7af\u1100-\u11ff]")),  # hangul
    ("zh", re.compile(r"[\u4e00-\u9fff]")),  # han (after ja: Japanese also writes kanji)
    ("ar", re.compile(r"[\u0600-\u06ff]")),
    ("he", re.compile(r"[\u0590-\u05ff]")),
    ("el", re.compile(r"[\u0370-\u03ff]")),
    ("th", re.compile(r"[\u0e00-\u0e7f]")),
    ("hi", re.compile(r"[\u0900-\u097f]")),
)
_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)


def _script_language(sample: str) -> str | None:
    """The language of a non-Latin, non-Cyrillic script that writes most of ``sample``'s letters."""
    letters = len(_LETTER.findall(sample))
    if not letters:
        return None
    for language, pattern in _SCRIPTS:
        found = len(pattern.findall(sample))
        if language == "ja" and found >= 0.05 * letters:
            return "ja"  # kana mixed with kanji: a few kana are enough to tell it from Chinese
        if found >= 0.5 * letters:
            return language
    return None


def detect_language(text: str, max_words: int = 2000, min_hits: int = 5) -> str | None:
    """ISO 639-1 code of the dominant language, or ``None``: by script for ja/ko/zh/ar/he/el/th/hi,
    by function words among en/de/fr/es/it/pt/nl/ru/uk."""
    script = _script_language(text[: max_words * 12])
    if script:
        return script
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


_LANG_ATTR = re.compile(r"^([a-z]{2,3})(?:[-_][A-Za-z0-9]+)*$")


def page_language(tree: Any) -> str | None:
    """The language a page declares: ``<html lang>``, else a content-language or ``og:locale``
    meta tag; ISO 639 code in lower case ("en-GB" -> "en"), or ``None``."""
    declared = [tree.get("lang"), tree.get("xml:lang")] if hasattr(tree, "get") else []
    for element in tree.iter("meta") if hasattr(tree, "iter") else ():
        key = (element.get("http-equiv") or element.get("property") or element.get("name") or "")
        if key.lower() in {"content-language", "og:locale", "language", "dc.language"}:
            declared.append(element.get("content"))
    for value in declared:
        match = _LANG_ATTR.match((value or "").strip().split(",")[0].strip())
        if match:
            return match.group(1).lower()
    return None


def resolve_language(declared: str | None, text: str) -> str | None:
    """The page's language from what it declares and what its text shows.

    Templates often declare a wrong language (an English ``lang`` on a German blog), so a clear
    detection wins. A declared language the detector cannot recognise (Indonesian, Turkish...)
    is kept unless the script says otherwise, since function-word counting would only guess.
    """
    detected = detect_language(text)
    if declared and declared not in DETECTED and (detected is None or detected in DETECTED):
        return declared
    return detected or declared
