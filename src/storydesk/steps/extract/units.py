"""Units of measure and their normalisation to one base unit per dimension.

distance → km, weight → kg, area → km², duration → days, percent → percent, money → the ISO code
of its currency (kept: amounts in different currencies are never converted into each other),
counts → "count". ``normalize(4, "miles") == (6.437..., "km", "distance")``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Unit", "UNITS", "CURRENCY_SYMBOLS", "lookup_unit", "normalize", "unit_kind"]


@dataclass(frozen=True, slots=True)
class Unit:
    """One unit: ``factor`` converts a value in this unit to ``base`` (the dimension's base unit);
    ``kind`` is the claim kind of the dimension (see ``model.CLAIM_KINDS``)."""

    name: str
    base: str
    factor: float
    kind: str


_MILE_KM = 1.609344
_DAY_PER_YEAR = 365.25
_DAY_PER_MONTH = _DAY_PER_YEAR / 12


# ISO code, then every name and symbol written for it (lower-cased; symbols may be glued to the
# number by the tokenizer as their own token: "C$", "HK$").
_CURRENCIES: list[tuple[str, ...]] = [
    ("USD", "dollar", "dollars", "us dollar", "us dollars", "u.s. dollars", "$", "us$", "usd$"),
    ("EUR", "euro", "euros", "€"),
    ("GBP", "pound sterling", "pounds sterling", "sterling", "british pound", "british pounds",
     "£"),
    ("UAH", "hryvnia", "hryvnias", "hryvnas", "hryvnya", "₴"),
    ("RUB", "rouble", "roubles", "ruble", "rubles", "₽"),
    ("JPY", "yen", "japanese yen", "¥"),
    ("CNY", "yuan", "renminbi", "rmb", "chinese yuan"),
    ("KRW", "won", "south korean won", "₩"),
    ("KPW", "north korean won"),
    ("CHF", "swiss franc", "swiss francs"),
    ("INR", "rupee", "rupees", "indian rupee", "indian rupees", "₹"),
    ("CAD", "canadian dollar", "canadian dollars", "c$", "ca$", "cad$"),
    ("AUD", "australian dollar", "australian dollars", "a$", "au$", "aud$"),
    ("NZD", "new zealand dollar", "new zealand dollars", "nz$", "nzd$"),
    ("HKD", "hong kong dollar", "hong kong dollars", "hk$"),
    ("MXN", "mexican peso", "mexican pesos", "mex$"),
    ("BRL", "reais", "brazilian real", "brazilian reais", "r$"),
    ("TRY", "lira", "liras", "turkish lira", "turkish liras", "₺"),
    ("PLN", "zloty", "zlotys", "zlotych", "polish zloty"),
    ("ILS", "shekel", "shekels", "new shekels", "₪"),
    ("LKR", "sri lankan rupee", "sri lankan rupees"),
    ("GEL", "georgian lari"),
    ("CRC", "colones", "costa rican colón", "₡"),
    ("LAK", "lao kip", "₭"),
    ("NGN", "naira", "₦"),
    ("ZAR", "south african rand"),
    ("SAR", "riyal", "riyals", "saudi riyal", "saudi riyals"),
    ("AED", "dirham", "dirhams", "uae dirham", "uae dirhams"),
]


_WORD_CODES = frozenset({"rub", "try", "gel", "cad", "sar", "lak", "ils", "crc"})
# Every current currency's English names, symbols and code (built from CLDR by
# ``eval/build_currencies.py``); the hand-written table above wins where both name a form.
CURRENCY_TABLE_PATH = Path(__file__).with_name("currencies.json")
# Finance shorthand with a scale letter: "30 MUSD", "5 kEUR".
_SCALED_CODES = ("usd", "eur", "gbp", "chf", "sek", "nok", "dkk", "jpy")


def _table() -> dict[str, Unit]:
    """Every written form of every unit, lower-cased, singular and plural."""
    forms: dict[str, Unit] = {}

    def add(kind: str, base: str, factor: float, name: str, *spellings: str) -> None:
        unit = Unit(name, base, factor, kind)
        for spelling in (name, *spellings):
            forms[spelling] = unit

    # distance → km
    add("distance", "km", 1.0, "km", "kilometer", "kilometers", "kilometre", "kilometres",
        "kms", "klicks")
    add("distance", "km", 0.001, "m", "meter", "meters", "metre", "metres")
    add("distance", "km", 1e-4, "dm", "decimeter", "decimeters", "decimetre", "decimetres")
    add("distance", "km", 1e-15, "picometer", "picometers", "picometre", "picometres")
    add("distance", "km", 1e-5, "cm", "centimeter", "centimeters", "centimetre", "centimetres")
    add("distance", "km", 1e-6, "mm", "millimeter", "millimeters", "millimetre", "millimetres")
    add("distance", "km", _MILE_KM, "mile", "miles", "mi")
    add("distance", "km", 1.852, "nautical mile", "nautical miles", "nmi")
    add("distance", "km", 0.0003048, "foot", "feet", "ft")
    add("distance", "km", 0.0009144, "yard", "yards", "yd", "yds")
    add("distance", "km", 0.0000254, "inch", "inches", "in.")
    # weight → kg
    add("other", "kg", 1.0, "kg", "kilogram", "kilograms", "kilogramme", "kilogrammes", "kilo",
        "kilos", "kgs")
    add("other", "kg", 0.001, "g", "gram", "grams", "gramme", "grammes")
    add("other", "kg", 1e-6, "mg", "milligram", "milligrams", "milligramme", "milligrammes")
    add("other", "kg", 1e-9, "µg", "μg", "mcg", "microgram", "micrograms")
    add("other", "kg", 0.028349523125, "ounce", "ounces", "oz")
    add("other", "kg", 1000.0, "tonne", "tonnes", "metric ton", "metric tons", "metric tonne",
        "metric tonnes", "t")
    add("other", "kg", 907.18474, "ton", "tons")
    add("other", "kg", 0.45359237, "pound", "lb", "lbs")
    # area → km²
    add("other", "km²", 1.0, "km²", "km2", "sq km", "square kilometer", "square kilometers",
        "square kilometre", "square kilometres")
    add("other", "km²", _MILE_KM**2, "sq mi", "square mile", "square miles")
    add("other", "km²", 0.01, "hectare", "hectares", "ha")
    add("other", "km²", 0.0040468564, "acre", "acres")
    add("other", "km²", 1e-6, "m²", "m2", "sq m", "square meter", "square meters",
        "square metre", "square metres")
    # duration → days
    add("duration", "days", 1 / 86400, "second", "seconds", "sec", "secs")
    add("duration", "days", 1 / 1440, "minute", "minutes", "min", "mins")
    add("duration", "days", 1 / 24, "hour", "hours", "hr", "hrs")
    add("duration", "days", 1.0, "day", "days")
    add("duration", "days", 7.0, "week", "weeks")
    add("duration", "days", _DAY_PER_MONTH, "month", "months")
    add("duration", "days", _DAY_PER_YEAR, "year", "years", "yr", "yrs")
    add("duration", "days", _DAY_PER_YEAR * 10, "decade", "decades")
    # percent
    add("percent", "percent", 1.0, "percent", "%", "per cent", "per cents", "pct", "percents",
        "percentage", "percentage points", "percentage point")
    # money → ISO code, never converted across currencies (a subunit converts to its currency)
    for code, *names in _CURRENCIES:
        # An ISO code that is also an English word ("2 gel packs") is not a unit.
        aliases = () if code.lower() in _WORD_CODES else (code.lower(),)
        add("money", code, 1.0, code, *aliases, *names)
    add("money", "USD", 0.01, "cent", "cents", "us cents")
    add("money", "GBP", 0.01, "penny", "pence", "pennies")
    add("money", "SGD", 1.0, "s$")
    for code in _SCALED_CODES:
        add("money", code.upper(), 1e6, f"m{code}")
        add("money", code.upper(), 1e3, f"k{code}")
    for code, spellings in _currency_table().items():
        unit = Unit(code, code, 1.0, "money")
        for spelling in spellings:
            forms.setdefault(spelling, unit)  # never "kgs" (kilograms) as som
    return forms


def _currency_table() -> dict[str, list[str]]:
    """The shipped CLDR currency table; empty (hand table only) when it is missing or broken."""
    try:
        data = json.loads(CURRENCY_TABLE_PATH.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {str(code): [str(f) for f in forms] for code, forms in data.items()
            if isinstance(forms, list)}


UNITS: dict[str, Unit] = _table()
# "pounds" after a number is money far more often than weight in news ("£30m", "30 pounds").
UNITS["pounds"] = UNITS["£"]
# ISO codes read before a number ("USD 20"); not the ones that are also English words.
_PREFIX_CODES = frozenset({"usd", "eur", "gbp", "uah", "jpy", "cny", "chf", "inr", "aud", "nzd",
                           "hkd", "mxn", "brl", "pln", "zar", "aed", "krw", "kpw", "ngn", "lkr",
                           "rmb"})
# Codes of the CLDR table that are also names seen before numbers ("AMD 7nm chips", "NPR").
_NOT_PREFIX_CODES = frozenset({"amd", "npr", "scr", "srd", "mga", "gip", "shp", "lsl", "top"})
# Written before the number ("$5", "C$300", "USD 20"): one token, lower-cased. A symbol after a
# number is not read as its unit (numphrases), so codes are lower-case: "20 USD" still is one.
CURRENCY_SYMBOLS: dict[str, str] = {
    form: unit.base for form, unit in UNITS.items()
    if unit.kind == "money" and unit.factor == 1.0 and " " not in form
    and (not form.isalpha() or form in _PREFIX_CODES
         or form.islower() and form.upper() == unit.base and form not in _NOT_PREFIX_CODES)
}
# Forms so short or common that a hyphenated compound with them is not a measure ("a 3-D film",
# "a 4-t truck" is rare, "the 2-in-1 deal" is not).
AMBIGUOUS_FORMS = frozenset({"m", "g", "t", "in.", "min", "sec", "ha", "won", "yen", "mi", "ft",
                             "yd", "b", "try"})


def lookup_unit(text: str) -> Unit | None:
    """The unit ``text`` names ("miles", "km", "%", "per cent", "hryvnias"), or ``None``."""
    if text in UNITS:
        return UNITS[text]  # exact: an upper-case ISO code ("CAD") whose lower case is a word
    key = " ".join(text.lower().replace("’", "'").split())
    return UNITS.get(key) or UNITS.get(key.rstrip("."))


def unit_kind(text: str) -> str | None:
    """The claim kind of the unit ``text`` names, or ``None`` when it is not a unit."""
    unit = lookup_unit(text)
    return unit.kind if unit else None


def normalize(value: float, unit: str) -> tuple[float, str, str]:
    """``(value, base_unit, kind)`` for ``value`` in ``unit``; unknown units are counted things.

    >>> normalize(6, "kilometers")
    (6.0, 'km', 'distance')
    >>> normalize(3, "billion dollars")
    (3000000000.0, 'USD', 'money')
    >>> normalize(18, "soldiers")
    (18.0, 'count', 'count')
    """
    known = lookup_unit(unit)
    if known is None:
        value, rest = _strip_multipliers(value, unit)
        known = lookup_unit(rest) if rest != unit else None
    if known is None:
        return float(value), "count", "count"
    return float(value) * known.factor, known.base, known.kind


def _strip_multipliers(value: float, unit: str) -> tuple[float, str]:
    """Fold scale words written with the unit into the value: ("billion dollars", 3) → 3e9."""
    from storydesk.steps.extract.numbers import MULTIPLIERS

    words = unit.lower().split()
    while words and words[0] in MULTIPLIERS and len(words[0]) > 1:
        value *= MULTIPLIERS[words.pop(0)]
    return value, " ".join(words)
