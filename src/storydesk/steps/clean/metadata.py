"""Metadata lines: datelines ("October 15, 2024 8:20 PM"), bylines ("By Jane Doe") and
translator credits. Each parser returns what it read, or ``None`` when the line is not one.
"""

from __future__ import annotations

import datetime as dt
import re

_MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        "january jan januar janvier enero gennaio",
        "february feb februar février fevrier febrero febbraio",
        "march mar märz maerz mars marzo",
        "april apr avril abril aprile",
        "may mai mayo maggio",
        "june jun juni juin junio giugno",
        "july jul juli juillet julio luglio",
        "august aug août aout agosto",
        "september sep sept septembre septiembre settembre",
        "october oct oktober octobre octubre ottobre",
        "november nov novembre noviembre",
        "december dec dezember décembre decembre diciembre dicembre",
    ),
    start=1,
):
    for _name in _names.split():
        _MONTHS[_name] = _number

_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DATE_PATTERNS = (
    re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(st|nd|rd|th)?,?\s+(?P<year>(19|20)\d\d)\b", re.I),
    re.compile(r"\b(?P<day>\d{1,2})(\.|er|st|nd|rd|th)?\s+(de\s+)?" + _MONTH + r",?\s+(de(l)?\s+)?(?P<year>(19|20)\d\d)\b", re.I),
    re.compile(r"\b(?P<year>(19|20)\d\d)-(?P<mnum>\d{1,2})-(?P<day>\d{1,2})\b"),
    re.compile(r"\b(?P<day>\d{1,2})\.(?P<mnum>\d{1,2})\.(?P<year>(19|20)\d\d)\b"),
)
_TIME = re.compile(r"\b\d{1,2}[:.h]\d{2}(\s*[ap]\.?m\.?)?(\s*(uhr|h))?\b|\b\d{1,2}\s*[ap]\.?m\.?", re.I)
_FILLER = re.compile(
    r"\b(published|updated|posted|last updated|modified|on|at|am|um|le|el|the|mis à jour|publié|"
    r"publicado|actualizado|veröffentlicht|aktualisiert|stand|et|est|edt|cet|cest|gmt|utc|bst|pt|"
    r"pst|pdt|ist|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|"
    r"sat|sun|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|"
    r"jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado|domingo|"
    r"utc[+-]\d+|a|de|à)\b",
    re.I,
)
_BYLINE = re.compile(
    r"^(by|von|par|por|di|door|written by|reporting by|text:)\s+(?P<name>[^\W\d_][\w.'’-]*"
    r"(\s+(and|und|et|y|e|&|,)?\s*[^\W\d_][\w.'’-]*){0,7})\s*[,|•·–—-]?",
    re.I,
)
_TRANSLATOR = re.compile(r"\b(by|von|par|por)\s+(?P<name>[^\W\d_][^()]{1,60}?)\s*\.?$", re.I)


def find_date(text: str) -> tuple[dt.date, re.Match[str]] | None:
    """Find the first calendar date written in ``text`` (day, month and year all present)."""
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            groups = match.groupdict()
            month = _MONTHS.get(groups["month"].lower()) if groups.get("month") else None
            if month is None and groups.get("mnum"):
                month = int(groups["mnum"])
            try:
                return dt.date(int(groups["year"]), month or 0, int(groups["day"])), match
            except (TypeError, ValueError):
                continue
    return None


def parse_dateline(text: str) -> dt.date | None:
    """The date of a line that is *only* a date (with time, weekday, "Published" and the like)."""
    if len(text) > 120:
        return None
    found = find_date(text)
    if not found:
        return None
    date, match = found
    rest = text[: match.start()] + " " + text[match.end() :]
    rest = _FILLER.sub(" ", _TIME.sub(" ", rest))
    leftover = re.findall(r"[^\W\d_]{2,}", rest)
    return date if len(leftover) <= 2 else None


def parse_byline(text: str) -> str | None:
    """The author names of a byline ("By Jane Doe and John Roe"), or ``None``."""
    if len(text.split()) > 14 or text.rstrip().endswith(("?", "!")):
        return None
    match = _BYLINE.match(text.strip())
    if not match:
        return None
    name = match.group("name").strip(" ,")
    if not name[:1].isupper():
        return None
    return name


def parse_translator(text: str) -> str | None:
    """The translator's name from a credit like "Translated and adapted from German by Léa Krejci"."""
    match = _TRANSLATOR.search(text)
    return match.group("name").strip() if match else None
