"""Lines written one byte per character, so that character classes cost a ``bytes.translate``.

Most lines of Latin-script news are ASCII with a few characters of Windows-1252: accented
letters, typographic quotes and dashes ("’", "“", "—", "…"), the no-break space. Encoded with a
fixed 256-character map, such a line has one byte per character, and a class of every character
is one ``bytes.translate`` (a table look-up per byte, in C), where a regular expression or a
``str.translate`` on non-ASCII text costs far more per character. Lines with any other character
(Cyrillic, CJK, emoji) do not encode and keep the expressions.

Tables are built from the expressions they replace, character by character
(tests/test_clean_plain_onebyte.py checks every character of the map against them).
"""

from __future__ import annotations

import codecs
from collections.abc import Callable


def _windows_1252(code: int, spare: list[str]) -> str:
    try:
        return bytes([code]).decode("cp1252")
    except UnicodeDecodeError:  # five bytes are unassigned in Windows-1252
        return spare.pop()


# Windows-1252, its five unassigned bytes given to invisible or dash-like characters seen in
# scraped text (a character can be anything: every table is computed from the character).
_SPARE = list("\u2032\u2010\u2063\u2009\u200b")
CHARS = "".join(_windows_1252(code, _SPARE) for code in range(256))
_ENCODING = codecs.charmap_build(CHARS)


def encode(text: str) -> bytes | None:
    """``text`` one byte per character, or None when a character is not in ``CHARS``."""
    if text.isascii():
        return text.encode()
    try:
        return codecs.charmap_encode(text, "strict", _ENCODING)[0]
    except UnicodeEncodeError:
        return None


def decode(data: bytes) -> str:
    """The text of bytes from ``encode`` (or from one of its ``table`` translations)."""
    return codecs.charmap_decode(data, "strict", CHARS)[0]


def table(value: Callable[[str], str]) -> bytes:
    """A ``bytes.translate`` table taking each character's byte to the byte of ``value(char)``,
    a character of ``CHARS``."""
    encoded = encode("".join(map(value, CHARS)))
    if encoded is None or len(encoded) != 256:
        raise ValueError("every value must be one character of CHARS")
    return encoded
