"""Sentence shape of one line: the cues a person reads before reading the words.

A body paragraph is long, ends in sentence punctuation and is full of small function words
("the", "of", "der", "de"); a menu item or headline is short, capitalised and unpunctuated.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from storydesk.steps.clean.stopwords import FUNCTION_WORDS

_WORD = re.compile(r"[^\W\d_][\w'’.-]*", re.UNICODE)
_CLOSERS = "”\"’')]»›*"
_TERMINAL = ".!?…:;。！？．"
# Chinese, Japanese and Korean script: no spaces between words, so words are estimated from
# characters (about two per word).
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")

# Words a sentence cannot end on: a line ending in one was cut off ("… has sent 10,000 soldiers to").
DANGLING_WORDS = frozenset(
    ["a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "from", "with", "and", "or", "but", "as", "that", "than", "into", "its", "their", "his", "her", "der", "die", "das", "den", "dem", "des", "ein", "eine", "und", "oder", "mit", "von", "zu", "im", "für", "le", "la", "les", "un", "une", "des", "du", "et", "de", "avec", "pour", "el", "los", "las", "y", "con", "para", "por", "en", "que", "il", "di", "e", "per"]
)


@dataclass(slots=True)
class Line:
    """One line of the input with the shape features the classifier uses."""

    index: int
    text: str
    words: int = 0
    function_ratio: float = 0.0
    capital_ratio: float = 0.0
    terminal: bool = False
    reason: str | None = None  # furniture reason once classified
    teaser_heading: bool = False
    comment_heading: bool = False
    furniture_phrase: bool = False  # the whole line is a known furniture phrase ("Menu")
    date: dt.date | None = None  # set on datelines
    tokens: tuple[str, ...] = ()  # lower-cased words, for the overlap features
    key: str = ""  # ``normalise(text)``, computed once

    @property
    def prose(self) -> bool:
        """Reads like running text: a sentence, or a long run of words with function words."""
        if self.words >= 7 and self.terminal and (self.function_ratio >= 0.12 or self.words >= 15):
            return True
        return self.words >= 25 and self.function_ratio >= 0.2

    @property
    def headline_like(self) -> bool:
        """Short, unpunctuated at the end, starting with a capital or digit: a title or heading."""
        if not 2 <= self.words <= 25 or self.text.rstrip().endswith((".", ";", ",")):
            return False
        return not self.text[:1].islower() or self.words >= 4

    @property
    def dangling(self) -> bool:
        """Ends mid-sentence on a function word: a truncated teaser ("… has sent 10,000 soldiers to")."""
        tail = self.text.rstrip(_CLOSERS + " ").rsplit(" ", 1)[-1].lower()
        return not self.terminal and tail in DANGLING_WORDS and self.words >= 12


def measure(index: int, text: str) -> Line:
    """Compute the shape features of one stripped line."""
    words = _WORD.findall(text)
    n = len(words)
    if not text.isascii():  # an ASCII line has no CJK characters: skip the scan
        cjk = len(_CJK.findall(text))
        if cjk > 0.3 * len(text):
            n = max(n, cjk // 2)
    tokens = tuple(w.lower() for w in words)  # lower-cased once, for the counts and the features
    function = sum(1 for t in tokens if t in FUNCTION_WORDS)
    capital = sum(1 for w in words if w[:1].isupper())
    end = text.rstrip(_CLOSERS + " ")
    return Line(
        index=index,
        text=text,
        words=n,
        function_ratio=function / n if n else 0.0,
        capital_ratio=capital / n if n else 0.0,
        terminal=bool(end) and end[-1] in _TERMINAL,
        tokens=tokens,
        key=normalise(text),
    )


def normalise(text: str) -> str:
    """A comparison key: lower case, letters and digits only, single spaces."""
    return " ".join(re.findall(r"\w+", text.lower()))
