"""Build ``storydesk/steps/extract/currencies.json``: the world's current currencies as news
writes them, from the Unicode CLDR English locale data that Babel ships.

For each ISO 4217 code in legal tender today: the English name, singular and plural ("Kuwaiti
dinar", "Kuwaiti dinars"), the last word of those names when only one current currency uses it
("baht", "ringgits"; never "dinar", "peso", "franc", shared by several) and the symbol when it
is not letters alone ("₱", "NZ$"). Words that are ordinary English ("real", "sol", "gold") are
left out, as are the codes that are English words ("ALL", "TOP", "MAD"). ``units.py`` reads the
file; its hand-written table wins where both name a form. Run:
``.venv/bin/python -m eval.build_currencies`` (needs ``babel``, only here, not at run time).
"""

from __future__ import annotations

import json
import sys
import unicodedata
from collections import defaultdict

from storydesk.steps.extract.units import CURRENCY_TABLE_PATH

# Codes that are English words or common acronyms: not a currency when seen alone.
WORD_CODES = frozenset({"all", "top", "mad", "pen", "cup", "mop", "bam", "ron", "bob", "sos",
                        "nad", "ern", "dop", "pab", "php", "cve", "try", "rub", "gel", "cad",
                        "sar", "lak", "ils", "crc", "kgs", "zwg", "xcg", "std"})
# Last words of currency names that are ordinary English or shared with another meaning.
WORD_NAMES = frozenset({"real", "reals", "sol", "soles", "gold", "mark", "marks", "gourde",
                        "gourdes", "leone", "leones", "dram", "drams", "som", "soms", "sum",
                        "tala", "pula", "pulas", "kina", "dobra", "dobras", "florin", "guilder",
                        "guilders", "escudo", "escudos", "balboa", "balboas", "metical",
                        "lek", "lekë", "denar", "denari", "leu", "lei", "lev", "leva", "vatu",
                        "vatus", "loti", "lotis", "colón", "colóns", "córdoba", "córdobas",
                        "pataca", "patacas", "won", "krona"})


def build() -> dict[str, list[str]]:
    """``{ISO code: [forms, lower-case]}`` for every current currency."""
    from babel import Locale
    from babel.core import get_global
    from babel.numbers import get_currency_name

    english = Locale("en")
    current = sorted({code for entries in get_global("territory_currencies").values()
                      for code, _start, end, tender in entries if end is None and tender})
    names = {code: {get_currency_name(code, locale="en").lower(),
                    get_currency_name(code, count=2, locale="en").lower()} for code in current}
    users: dict[str, set[str]] = defaultdict(set)
    for code, forms in names.items():
        for form in forms:
            users[form.split()[-1]].add(code)
    table: dict[str, list[str]] = {}
    for code in current:
        forms = set(names[code])
        forms |= {form.split()[-1] for form in names[code]
                  if len(form.split()) > 1 and len(users[form.split()[-1]]) == 1}
        symbol = english.currency_symbols.get(code, "")
        if symbol and not symbol.rstrip(".").isalpha() and len(symbol) <= 4:
            forms.add(symbol.lower())
        if code.lower() not in WORD_CODES:
            forms.add(code.lower())
        forms |= {_ascii(form) for form in forms}  # "bolivar" as well as "bolívar"
        table[code] = sorted(f for f in forms if f not in WORD_NAMES)
    return table


def _ascii(text: str) -> str:
    """"bolívar" -> "bolivar"; symbols ("₱", "NZ$") stay as they are."""
    if text.isascii() or not text.replace(" ", "").isalpha():
        return text
    folded = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in folded if not unicodedata.combining(ch))


def main() -> int:
    """Write the table next to ``units.py``."""
    table = build()
    lines = [f' "{code}": {json.dumps(forms, ensure_ascii=False)}' for code, forms in table.items()]
    CURRENCY_TABLE_PATH.write_text("{\n" + ",\n".join(lines) + "\n}\n", encoding="utf-8")
    print(f"{len(table)} currencies, {sum(map(len, table.values()))} forms -> "
          f"{CURRENCY_TABLE_PATH}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
