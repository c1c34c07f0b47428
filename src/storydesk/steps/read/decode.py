"""Bytes to text, robustly: binary files recognised, BOMs honoured, other encodings guessed."""

from __future__ import annotations

import codecs
import re
import zlib

# Signatures of common binary formats people drop into a folder of articles by mistake.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or Office document)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\x7fELF", "an executable (ELF)"),
    (b"MZ", "a Windows executable"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"ID3", "an MP3 audio file"),
    (b"OggS", "an Ogg media file"),
    (b"\x00asm", "a WebAssembly module"),
    (b"\xca\xfe\xba\xbe", "a Java class file"),
)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: its BOM starts the same way
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)""", re.I)


class DecodeError(ValueError):
    """The bytes are not text; ``str(error)`` is the reason given to the user."""


def sniff_binary(data: bytes) -> str | None:
    """A reason like "binary: looks like a PNG image" when ``data`` is not text, else ``None``."""
    if any(data.startswith(bom) for bom, _ in _BOMS):
        return None
    for magic, what in _MAGIC:
        if data.startswith(magic):
            return f"binary: looks like {what}"
    if data[8:12] in (b"WEBP", b"AVI ", b"WAVE") and data.startswith(b"RIFF"):
        return "binary: looks like a RIFF media file"
    if data[4:8] == b"ftyp":
        return "binary: looks like an MP4/MOV media file"
    head = data[:8192]
    if b"\x00" in head:
        return "binary: contains NUL bytes"
    control = sum(1 for byte in head if byte < 32 and byte not in b"\t\n\r\f\x1b")
    if control > 0.05 * len(head):
        return "binary: mostly control characters"
    return None


def decode_bytes(data: bytes) -> str:
    """Decode text: a BOM if there is one, else UTF-8, else an HTML meta charset, else the best
    guess of charset-normalizer. Raises ``DecodeError`` when no encoding gives sensible text."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise DecodeError(f"undecodable: broken {encoding} after its byte-order mark") from exc
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = _META_CHARSET.search(data[:4096])
    if declared:
        try:
            return data.decode(declared.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise DecodeError("undecodable: not UTF-8 and no known encoding fits")
    text = str(best)
    if _garbage_share(text) > 0.05:
        raise DecodeError(f"undecodable: best guess ({best.encoding}) gives garbled text")
    return text


def _garbage_share(text: str) -> float:
    sample = text[:20000]
    if not sample:
        return 0.0
    bad = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\t\n\r\f") or ch == "\ufffd")
    return bad / len(sample)


def gunzip(data: bytes, max_bytes: int) -> tuple[bytes, str | None]:
    """Decompress gzip data (all members), at most ``max_bytes`` of output.

    Returns the bytes and a problem: ``None``, "truncated gzip: …" (the bytes are what could be
    read), "corrupt gzip: …" or "too large: …".
    """
    out = bytearray()
    while data:
        inflater = zlib.decompressobj(wbits=31)
        try:
            out += inflater.decompress(data, max_bytes + 1 - len(out))
        except zlib.error as exc:
            return bytes(out), f"corrupt gzip: {exc}"
        if len(out) > max_bytes:
            return bytes(out), f"too large: more than {_mb(max_bytes)} once decompressed"
        if not inflater.eof:
            return bytes(out), "truncated gzip: the file ends before the end of the stream"
        data = inflater.unused_data
    return bytes(out), None


def _mb(size: int) -> str:
    return f"{size / 1_000_000:g} MB"
