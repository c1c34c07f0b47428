"""Repair link texts that a scrape glued to the next word: "cited by LIGANorth Korean soldiers",
"the magazine writes Newsweekreferring to".

Cautious by design, since a wrong split damages a real name. Two shapes only:

* an all-capitals run of three or more letters glued to a capitalised word ("LIGANorth" →
  "LIGA North"), when the capitalised part has at least three lower-case letters;
* a capitalised name glued to a common lower-case word that typically follows a name:
  a function word ("Reuterssaid", "Kyivwhich") or an "-ing"/"-ed" verb form from the shipped list
  (``join_words.txt``, built by ``eval/build_join_words.py``) of at least eight letters, when the
  name part has five letters or more and is not itself a common word ("Facebook" is not "Face book") and the whole token is not a known word.

Tokens with digits, ``@``, ``#``, ``/`` or ``.`` inside (handles, URLs, hashtags) are left alone.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from string import ascii_lowercase, ascii_uppercase

from storydesk.steps.clean.lines import text_cache
from storydesk.steps.clean.stopwords import STOPWORDS

WORDS_PATH = Path(__file__).with_name("join_words.txt")
MIN_NAME = 5  # letters of the name part ("Deco|rating" is one word, "Newsweek|referring" two)
MIN_TAIL = 4  # letters of a glued function word ("said")
MIN_VERB = 8  # letters of a glued "-ing"/"-ed" word: shorter ones end ordinary words ("Intimi|dating")

# The look-behind ``(?<![\w@#/.])`` before the first capital is tested after it instead
# (``[A-Z](?<![\w@#/.][A-Z])``): same matches, but the pattern opens with a character set, which
# ``re`` scans for quickly instead of trying the look-behind at every position.
_CAPS = re.compile(r"([A-Z](?<![\w@#/.][A-Z])[A-Z]{2,})([A-Z][a-z]{3,})(?![\w@#/])")
# The same move for ``(?<![\w@#/.])([A-Z][a-z]{8,})``: a pattern that opens with a look-behind
# is tried at every position of the line; one that opens with ``[A-Z]`` only where a capital is
# (tests/test_clean_plain_joins.py checks both forms find the same names).
_NAME = re.compile(
    rf"([A-Z](?<![\w@#/.][A-Z])[a-z]{{{MIN_NAME + MIN_TAIL - 1},}})(?![\w@#/])"
)
# Words that follow a source's name ("Reuterssaid", "Kyivwhich"); not "over", "more", "than",
# "where": those end ordinary words ("Discover", "Furthermore", "Jonathan", "Elsewhere").
_TAIL_FUNCTION = frozenset(
    ["said", "says", "told", "wrote", "writes", "reports", "which", "that", "according"]
)


# Name parts that are really word prefixes ("Preoccupied", "Outnumbered", "Overpriced").
_PREFIXES = STOPWORDS["en"] | {
    "anti", "back", "counter", "cross", "down", "fore", "inter", "multi", "over", "post", "super",
    "trans", "under",
}  # fmt: skip


@lru_cache(maxsize=1)
def join_words() -> frozenset[str]:
    """The shipped "-ing"/"-ed" word list (empty when the file is missing)."""
    if not WORDS_PATH.exists():
        return frozenset()
    return frozenset(WORDS_PATH.read_text(encoding="utf-8").split())


@lru_cache(maxsize=1)
def _tail_endings() -> frozenset[str]:
    """The last two letters of every word ``_split_name`` can cut off as a tail."""
    tails = [w for w in join_words() if len(w) >= MIN_VERB] + list(_TAIL_FUNCTION)
    return frozenset(w[-2:] for w in tails)


def _split_name(token: str) -> str:
    # A tail is a suffix of the token: a token whose last two letters end no tail keeps its
    # shape (most capitalised words: "Washington", "President").
    if token[-2:] not in _tail_endings():
        return token
    words = join_words()
    if token.lower() in words or token.lower() in _TAIL_FUNCTION:
        return token
    for cut in range(MIN_NAME, len(token) - MIN_TAIL + 1):
        name, tail = token[:cut], token[cut:]
        if (len(tail) >= MIN_VERB and tail in words) or tail in _TAIL_FUNCTION:
            if name.lower() in _PREFIXES or name.lower() in words:
                return token  # two ordinary words ("Seasoned"): not a glued name
            return f"{name} {tail}"
    return token


def _letter_class(byte: int) -> int:
    """The class of one byte in ``_LETTER_CLASSES``."""
    char = chr(byte)
    if char in ascii_uppercase:
        return ord("U")
    return ord("l") if char in ascii_lowercase else ord(" ")


# Each character's class for the pre-screens of ``split_run_together``: "U" for ``[A-Z]``, "l"
# for ``[a-z]``, a space for anything else (a non-ASCII character is encoded as "?"). Both
# patterns need a run of these classes, which ``bytes.translate`` and ``in`` find in C: ``_CAPS``
# four capitals and three lower-case letters, ``_NAME`` a capital and eight lower-case letters
# (no non-ASCII character is in either set; tests/test_clean_plain_joins.py).
_LETTER_CLASSES = bytes(map(_letter_class, range(256)))
_CAPS_RUN = b"UUUUlll"
_NAME_RUN = b"U" + b"l" * (MIN_NAME + MIN_TAIL - 1)


@text_cache
def split_run_together(text: str) -> str:
    """``text`` with glued link texts split (see the module docstring); otherwise unchanged.
    A pure function of the text, cached: kept lines repeat across a site's pages."""
    # ``sub`` with a template hands it to Python code (``re._subx``) on every call, match or
    # not; most lines hold no glued capitals, so the classes and a ``search`` rule them out first.
    classes = text.encode("ascii", "replace").translate(_LETTER_CLASSES)
    if _CAPS_RUN in classes and _CAPS.search(text):
        text = _CAPS.sub(r"\1 \2", text)
        classes = text.encode("ascii", "replace").translate(_LETTER_CLASSES)
    return _NAME.sub(_split_match, text) if _NAME_RUN in classes else text


def _split_match(match: re.Match[str]) -> str:
    return _split_name(match.group(1))
