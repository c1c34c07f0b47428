"""Sentence shape of one line: the cues a person reads before reading the words.

A body paragraph is long, ends in sentence punctuation and is full of small function words
("the", "of", "der", "de"); a menu item or headline is short, capitalised and unpunctuated.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache, wraps
from itertools import repeat
from operator import itemgetter
from typing import TypeVar

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
    """One line of the input with the shape features the classifier uses.

    The shape fields (``words`` to ``dangling``) depend on the text alone and are set by
    ``measure``; the rule pass fills in ``reason`` and the flags after them.
    """

    index: int
    text: str
    words: int = 0
    function_ratio: float = 0.0
    capital_ratio: float = 0.0
    terminal: bool = False
    tokens: tuple[str, ...] = ()  # lower-cased words, for the overlap features
    key: str = ""  # ``normalise(text)``, computed once
    # Reads like running text: a sentence, or a long run of words with function words.
    prose: bool = False
    # Short, unpunctuated at the end, starting with a capital or digit: a title or heading.
    headline_like: bool = False
    # Ends mid-sentence on a function word: a truncated teaser ("… has sent 10,000 soldiers to").
    dangling: bool = False
    reason: str | None = None  # furniture reason once classified
    teaser_heading: bool = False
    comment_heading: bool = False
    furniture_phrase: bool = False  # the whole line is a known furniture phrase ("Menu")
    date: dt.date | None = None  # set on datelines
    # The text-only feature columns (``line_features.text_columns``) as float64 bytes, packed once
    # per distinct text when the line comes from ``facts.build_line`` (else computed when needed):
    # a page's rows become one array with one ``b"".join`` and ``np.frombuffer``.
    row: bytes = b""


# Lines repeat across the pages of one site (menus, footers, teaser titles, bylines): the
# text-only facts of a short line are computed once per distinct text. Long lines are paragraphs,
# which almost never repeat (on aeb, 42 of 3,276 lines over 200 characters), so they are not
# kept; the caches are bounded, so a long run over many sites keeps a fixed footprint.
CACHE_LINES = 1 << 14
CACHED_CHARS = 200
_T = TypeVar("_T")
_CACHES: list[Callable[[], None]] = []


def text_cache(func: Callable[[str], _T]) -> Callable[[str], _T]:
    """Memoise ``func``, a pure function of one line's text, for lines of up to
    ``CACHED_CHARS`` characters (the least recently used of ``CACHE_LINES`` texts are dropped)."""
    cached = lru_cache(maxsize=CACHE_LINES)(func)
    _CACHES.append(cached.cache_clear)

    @wraps(func)
    def call(text: str) -> _T:
        return cached(text) if len(text) <= CACHED_CHARS else func(text)

    return call


def clear_text_caches() -> None:
    """Empty every ``text_cache`` (for measurements of a cold start, and tests)."""
    for clear in _CACHES:
        clear()

LineShape = tuple[int, float, float, bool, tuple[str, ...], str, bool, bool, bool]


def measure(index: int, text: str) -> Line:
    """Compute the shape features of one stripped line."""
    return Line(index, text, *line_shape(text))


def shape_of(text: str) -> LineShape:
    """The shape fields of ``Line`` for one stripped line, in field order."""
    lower = text.lower()
    if text.isascii():
        # Without regular expressions (see ``_ASCII_WORDS``); an ASCII line has no CJK characters.
        words = list(filter(None, map(str.lstrip, text.translate(_ASCII_WORDS).split(),
                                      repeat(_NOT_FIRST))))  # fmt: skip
        key = " ".join(lower.translate(_ASCII_WORDISH).split())
        n = len(words)
    else:
        words = _WORD.findall(text)
        key = " ".join(_WORDISH.findall(lower))
        n = len(words)
        cjk = len(_CJK.findall(text))
        if cjk > 0.3 * len(text):
            n = max(n, cjk // 2)
    tokens = tuple(map(str.lower, words))  # lower-cased once, for the counts and the features
    function = sum(map(FUNCTION_WORDS.__contains__, tokens))
    capital = sum(map(str.isupper, map(_FIRST, words)))  # a found word is never empty
    end = text.rstrip(_CLOSERS + " ")
    terminal = bool(end) and end[-1] in _TERMINAL
    function_ratio = function / n if n else 0.0
    prose = (n >= 7 and terminal and (function_ratio >= 0.12 or n >= 15)) or (
        n >= 25 and function_ratio >= 0.2
    )
    headline_like = (
        2 <= n <= 25
        and not text.rstrip().endswith((".", ";", ","))
        and (not text[:1].islower() or n >= 4)
    )
    tail = end.rsplit(" ", 1)[-1].lower()
    dangling = not terminal and tail in DANGLING_WORDS and n >= 12
    return (
        n, function_ratio, capital / n if n else 0.0, terminal, tokens, key,  # ``normalise(text)``
        prose, headline_like, dangling,
    )  # fmt: skip


_WORDISH = re.compile(r"\w+")
_FIRST = itemgetter(0)
# ``_WORD`` and ``_WORDISH`` on an ASCII line, without a regular expression (``str.translate`` has
# a fast path for ASCII text): ``_WORD`` finds, in each run of its word class (letters, digits,
# "_", "'", ".", "-"; "’" is not ASCII), the rest of the run from its first letter, which is the
# run with its leading ``_NOT_FIRST`` characters stripped; ``_WORDISH`` finds the runs of letters,
# digits and "_". Every other ASCII character becomes a space, so ``split`` yields the runs
# (tests/test_clean_plain_fastpaths.py checks both against the expressions on every ASCII
# character and on tricky lines).
_NOT_FIRST = "0123456789_'.-"


def _ascii_table(keep: Callable[[str], bool]) -> dict[int, int]:
    """A ``str.translate`` table of every ASCII character: itself where ``keep``, else a space.
    Every character has an entry: a missing one costs a KeyError inside ``translate``."""
    return {i: i if keep(chr(i)) else 32 for i in range(128)}


_ASCII_WORDS = _ascii_table(lambda c: c.isalnum() or c in _NOT_FIRST)
_ASCII_WORDISH = _ascii_table(lambda c: c.isalnum() or c == "_")
# ``shape_of``, cached: a pure function of the text.
line_shape = text_cache(shape_of)


def normalise(text: str) -> str:
    """A comparison key: lower case, letters and digits only, single spaces."""
    return " ".join(_WORDISH.findall(text.lower()))
