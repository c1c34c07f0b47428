"""Microsoft Recognizers-Text English specs (``numbers/Specs_English.tar.xz``), read in place, and
which of their expected results storydesk's scope covers.

Every expected result becomes one ``SpecResult`` with a group and, when storydesk does not claim
to read it, the reason why not. Groups and scope:

* ``number`` (NumberModel, integer/decimal): in scope; "1.1^23" powers are not (no news writes
  them).
* ``fraction`` (NumberModel, fraction): in scope ("half", "three quarters", "2 1/2", "1/4").
* ``ordinal`` (OrdinalModel): in scope as something to *refuse*: an ordinal is a position, not a
  count, so the right answer is "no number".
* ``range`` (NumberRangeModel): "between 5 and 7", "more than 40", "up to 300"; comparisons written
  with symbols (">= 30") and ranges of ordinals are not in scope. storydesk's hedges do not tell
  "more than" from "at least", so only the bounds are compared, not their openness.
* ``percent`` (PercentModel): "20 percent", "12.5%"; the reversed "percent of 20" and results with
  no value are not in scope.
* ``currency`` / ``length`` / ``weight`` / ``area`` / ``age`` (NumberWithUnit): value and unit.
  Currency needs an ISO code (given by the spec, or a dollar/cent/pound/penny, read as USD/GBP);
  amounts in currencies the spec names without a code (franc, rupee, bitcoin) are not in scope.
* not in scope at all: temperature, speed, volume, information and angle (no such claim kind in
  the dossier); the recognizer's alternative modes (``*ExperimentalMode``, ``*PercentMode``,
  ``OrdinalModelSuppressExtendedTypes``); DateTime specs (dates are measured on TempEval-3 and
  MEANTIME, in news context).

Each result also has a ``split``: ``tune`` or ``check`` by a hash of its input sentence. Fixes to
the number readers were made looking only at ``tune`` failures; ``check`` is the held-out part.
"""

from __future__ import annotations

import json
import re
import tarfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ARCHIVE = Path("numbers") / "Specs_English.tar.xz"
_FILES: dict[str, str] = {
    "Specs/Number/English/NumberModel.json": "number",
    "Specs/Number/English/OrdinalModel.json": "ordinal",
    "Specs/Number/English/NumberRangeModel.json": "range",
    "Specs/Number/English/PercentModel.json": "percent",
    "Specs/NumberWithUnit/English/CurrencyModel.json": "currency",
    "Specs/NumberWithUnit/English/DimensionModel.json": "dimension",
    "Specs/NumberWithUnit/English/AgeModel.json": "age",
    "Specs/NumberWithUnit/English/TemperatureModel.json": "temperature",
}
GROUPS = ("number", "fraction", "ordinal", "range", "percent", "currency", "length", "weight",
          "area", "age")

# Spec unit name -> (storydesk base unit, factor to it). Standard conversion factors.
UNIT_FACTORS: dict[str, tuple[str, float]] = {
    "Kilometer": ("km", 1.0), "Meter": ("km", 1e-3), "Decimeter": ("km", 1e-4),
    "Centimeter": ("km", 1e-5), "Millimeter": ("km", 1e-6), "Picometer": ("km", 1e-15),
    "Mile": ("km", 1.609344), "Foot": ("km", 3.048e-4), "Inch": ("km", 2.54e-5),
    "Yard": ("km", 9.144e-4),
    "Kilogram": ("kg", 1.0), "Gram": ("kg", 1e-3), "Milligram": ("kg", 1e-6),
    "Microgram": ("kg", 1e-9), "Metric ton": ("kg", 1000.0), "Ton": ("kg", 907.18474),
    "Pound": ("kg", 0.45359237), "Ounce": ("kg", 0.028349523125), "Dram": ("kg", 0.0017718452),
    "Square kilometer": ("km²", 1.0), "Square meter": ("km²", 1e-6),
    "Acre": ("km²", 0.0040468564224), "Hectare": ("km²", 0.01),
    "Year": ("days", 365.25), "Month": ("days", 365.25 / 12), "Week": ("days", 7.0),
    "Day": ("days", 1.0),
}
# Currency names the spec gives without an ISO code that still name one currency in news.
CURRENCY_NAMES: dict[str, tuple[str, float]] = {
    "Dollar": ("USD", 1.0), "Cent": ("USD", 0.01), "Pound": ("GBP", 1.0),
    "Pence": ("GBP", 0.01), "Penny": ("GBP", 0.01),
}
_SYMBOLIC = re.compile(r"[<>=]")
_ORDINAL_WORD = re.compile(
    r"\b(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
    r"eleventh|twelfth|\w+teenth|\w+tieth|hundredth|thousandth)\b", re.I)


@dataclass(frozen=True, slots=True)
class SpecResult:
    """One expected result: the sentence, the gold span and its expected reading.

    ``value`` is the expected number (``None`` for an ordinal, which must be refused), ``high``
    the upper bound of a range, ``bound`` "at_least"/"at_most"/"range"/"" for ranges, ``base``
    the storydesk base unit ("km", "USD", "percent", "days", or "" for plain numbers).
    """

    file: str
    group: str
    input: str
    text: str
    start: int
    end: int
    value: float | None
    high: float | None = None
    bound: str = ""
    base: str = ""
    out_of_scope: str = ""  # why storydesk does not claim to read it ("" = in scope)
    split: str = "tune"


def load_specs(datasets_dir: Path) -> tuple[list[SpecResult], dict[str, int]]:
    """All expected results of the files in ``_FILES`` and the number of results in the other
    spec files (``{file name: results}``, all out of scope)."""
    archive = datasets_dir / ARCHIVE
    if not archive.is_file():
        raise FileNotFoundError(
            f"evaluation data not found at {archive}: the datasets folder should be "
            "../shared/datasets beside the checkout (or pass --datasets DIR)"
        )
    results: list[SpecResult] = []
    skipped: dict[str, int] = {}
    with tarfile.open(archive) as tar:
        for member in tar:
            if not member.isfile() or not member.name.endswith(".json"):
                continue
            handle = tar.extractfile(member)
            if handle is None:
                continue
            cases = json.loads(handle.read().decode("utf-8-sig"))
            name = member.name.rsplit("/", 1)[-1]
            if member.name not in _FILES:
                skipped[name] = sum(len(c.get("Results") or []) for c in cases)
                continue
            for case in cases:
                for r in case.get("Results") or []:
                    results.append(to_result(_FILES[member.name], name, case, r))
    return results, skipped


def to_result(kind: str, file: str, case: dict[str, Any], r: dict[str, Any]) -> SpecResult:
    """Read one expected result of a spec file of ``kind`` (a value of ``_FILES``)."""
    sentence = str(case.get("Input") or "")
    text = str(r.get("Text") or "")
    res = r.get("Resolution") or {}
    split = "tune" if zlib.crc32(sentence.encode()) % 2 == 0 else "check"
    start = int(r.get("Start", 0) or 0)
    end = int(r.get("End", start + len(text) - 1)) + 1  # the spec's End is inclusive
    base = SpecResult(file, kind, sentence, text, start, end, None, split=split)
    fields: dict[str, Any] = {}
    if kind == "number":
        fields = _number(res)
    elif kind == "ordinal":
        fields = {}
    elif kind == "range":
        fields = _range(text, str(res.get("value") or ""))
    elif kind == "percent":
        fields = _percent(text, res.get("value"))
    elif kind == "currency":
        fields = _currency(res)
    elif kind in ("dimension", "age"):
        fields = _dimension(kind, res)
    else:
        fields = {"out_of_scope": f"{kind}: no such dimension in the dossier"}
    return _replace(base, fields)


def _replace(base: SpecResult, fields: dict[str, Any]) -> SpecResult:
    data = {slot: getattr(base, slot) for slot in SpecResult.__slots__}
    data.update(fields)
    return SpecResult(**data)


def _float(value: object) -> float | None:
    try:
        return float(str(value).rstrip("%"))
    except ValueError:
        return None


def _number(res: dict[str, Any]) -> dict[str, Any]:
    subtype = res.get("subtype") or "integer"
    value = _float(res.get("value"))
    if subtype == "power":
        return {"value": value, "out_of_scope": "power notation"}
    return {"group": "fraction" if subtype == "fraction" else "number", "value": value,
            "out_of_scope": "" if value is not None else "no value"}


def _range(text: str, value: str) -> dict[str, Any]:
    m = re.fullmatch(r"([\[(])([^,]*),([^,\])]*)([\])])", value.strip())
    if m is None:
        return {"out_of_scope": "no range value"}
    if _SYMBOLIC.search(text):
        return {"out_of_scope": "comparison written with symbols"}
    if _ORDINAL_WORD.search(text):
        return {"out_of_scope": "range of ordinals"}
    low, high = _float(m[2]) if m[2] else None, _float(m[3]) if m[3] else None
    if low is not None and low == high:
        return {"value": low}  # "equals 20": [20,20] is an exact value
    if low is not None and high is not None:
        return {"value": low, "high": high, "bound": "range"}
    if low is not None:
        return {"value": low, "bound": "at_least"}
    return {"value": high, "bound": "at_most"}


def _percent(text: str, value: object) -> dict[str, Any]:
    number = _float(value)
    if number is None:
        return {"out_of_scope": "no value"}
    if re.match(r"(?:per ?cent|percent)", text.strip(), re.I):
        return {"value": number, "base": "percent", "out_of_scope": "percent word first"}
    return {"value": number, "base": "percent"}


def _currency(res: dict[str, Any]) -> dict[str, Any]:
    value = _float(res.get("value"))
    if value is None:
        return {"out_of_scope": "no amount"}
    iso = res.get("isoCurrency")
    if iso:
        return {"value": value, "base": str(iso)}
    known = CURRENCY_NAMES.get(str(res.get("unit")))
    if known is None:
        return {"value": value, "out_of_scope": "currency named without an ISO code"}
    return {"value": value * known[1], "base": known[0]}


def _dimension(kind: str, res: dict[str, Any]) -> dict[str, Any]:
    subtype = "age" if kind == "age" else str(res.get("subtype") or "").lower()
    value = _float(res.get("value"))
    unit = str(res.get("unit") or "")
    if subtype not in GROUPS:
        return {"group": subtype or kind, "out_of_scope": f"{subtype}: not a dossier dimension"}
    known = UNIT_FACTORS.get(unit)
    if value is None or known is None:
        return {"group": subtype, "out_of_scope": "a unit of another dimension, or no value"}
    return {"group": subtype, "value": value * known[1], "base": known[0]}
