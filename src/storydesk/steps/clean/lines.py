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

from storydesk.steps.clean import onebyte
from storydesk.steps.clean.stopwords import FUNCTION_WORDS

_WORD_START = r"[^\W\d_]"  # a letter
_WORD_CLASS = r"[\w'’.-]"
_WORD = re.compile(f"{_WORD_START}{_WORD_CLASS}*", re.UNICODE)
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
    # per distinct text when the line comes from ``facts.build_lines`` (else computed when needed):
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
    data: bytes | None
    if text.isascii():
        data, decode = text.encode(), _ascii_decode
    else:
        data, decode = onebyte.encode(text), onebyte.decode
    if data is not None:
        # One byte per character: the word classes by ``bytes.translate`` (see ``_TOKENS``); no
        # character of ``onebyte.CHARS`` is CJK.
        runs = decode(data.translate(_TOKENS)).split()
        openings = data.translate(_OPENINGS)
        if openings.startswith(b"0") or b" 0" in openings:
            # A run opens with a digit, "_" or a mark: the word is its rest from the first letter.
            tokens = tuple(filter(None, map(str.lstrip, runs, repeat(_NOT_FIRST))))
        else:
            tokens = tuple(runs)
        key = " ".join(decode(data.translate(_WORDISH_LOWER)).split())
        n = len(tokens)
        starts = data.translate(_STARTS, _NOT_FIRST_BYTES)
        capital = starts.count(b" U") + starts.startswith(b"U")
    else:
        words = _WORD.findall(text)
        key = " ".join(_WORDISH.findall(text.lower()))
        n = len(words)
        cjk = len(_CJK.findall(text))
        if cjk > 0.3 * len(text):
            n = max(n, cjk // 2)
        tokens = tuple(map(str.lower, words))  # lower-cased once, for the counts and the features
        capital = sum(map(str.isupper, map(_FIRST, words)))  # a found word is never empty
    function = sum(map(FUNCTION_WORDS.__contains__, tokens))
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
_ascii_decode: Callable[[bytes], str] = bytes.decode


def _is(pattern: str) -> Callable[[str], bool]:
    return lambda char: re.fullmatch(pattern, char) is not None


# ``_WORD``, ``_WORDISH`` and the capitals on a line of ``onebyte.CHARS``, without a regular
# expression. ``_WORD`` finds, in each run of its word class (letters, digits and "_'’.-"), the
# rest of the run from its first letter: the run with its leading ``_NOT_FIRST`` characters
# stripped. ``_TOKENS`` takes every word-class character to its lower case (one character of the
# word class again, with the same start) and every other character to a space, so ``split``
# yields the runs and ``lstrip`` the lower-cased words (not needed when no run of ``_OPENINGS``
# opens with "0"); ``_WORDISH_LOWER`` does the same for ``_WORDISH`` on the lower-cased line.
# ``_STARTS`` deletes the ``_NOT_FIRST`` characters and gives a word's possible first character
# "U" (upper case) or "l" (else): the runs left are the words, so " U" and a leading "U" count
# the capitalised ones (tests/test_clean_plain_onebyte.py checks the tables on every character
# and the shapes on random lines against the expressions).
_in_word, _starts_word = _is(_WORD_CLASS), _is(_WORD_START)
_NOT_FIRST = "".join(c for c in onebyte.CHARS if _in_word(c) and not _starts_word(c))
_NOT_FIRST_BYTES = onebyte.encode(_NOT_FIRST) or b""
_TOKENS = onebyte.table(lambda c: c.lower() if _in_word(c) else " ")
_WORDISH_LOWER = onebyte.table(lambda c: c.lower() if _is(r"\w")(c) else " ")
_OPENINGS = onebyte.table(lambda c: ("0" if c in _NOT_FIRST else "a") if _in_word(c) else " ")
_STARTS = onebyte.table(lambda c: ("U" if c.isupper() else "l") if _starts_word(c) else " ")
# ``shape_of``, cached: a pure function of the text.
line_shape = text_cache(shape_of)


def normalise(text: str) -> str:
    """A comparison key: lower case, letters and digits only, single spaces."""
    return " ".join(_WORDISH.findall(text.lower()))
