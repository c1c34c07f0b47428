"""Grouping the name variants of one thing: people, places, organisations and sources.

Articles spell one name many ways: "Zelensky", "Zelenskyy", "Volodymyr Zelensky", "Zelenskys’";
"the Kyiv Independent"; "Suspilne's"; a lone "Vladimir" beside "Vladimir Putin"; typos such as
"Bryanks". ``group_aliases`` clusters such variants and picks a canonical name for each cluster;
it is used for entities and for cited sources alike.

Three rules, from strict to loose:

1. *Same normal form*: case, a leading "the", possessives ("Suspilne's", "Zelenskys’"), hyphens and
   courtesy titles ("President", "Mr") do not count.
2. *Typo*: the names differ in one word, and that word differs by one edit (two for long words)
   with a high rapidfuzz ratio. Short words never count (``Iran``/``Iraq``), neither do a demonym
   ending (``Russia``/``Russian``) or a different first letter (``North``/``South``).
3. *Partial name*: a surname ("Putin") or a lone first name ("Vladimir") of exactly one longer
   name in the list. Never for place modifiers ("Korea" is not "North Korea"), organisation words
   ("Kyiv" is not "Kyiv Independent") or when the short name fits several people ("Kim" beside
   "Kim Jong Un" and "Kim Yong-hyun").

Descriptions without a proper name ("unnamed intelligence officials", "a Ukrainian intelligence
official") are compared by their content words: one description whose words are a subset of
another's, with the same head noun, names the same group of people.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

# Words that make "X Y" a different place or organisation from "Y" (or "X").
_PLACE_MODIFIERS = frozenset(
    {
        "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
        "new", "old", "upper", "lower", "greater", "little", "great", "equatorial", "saint", "st",
        "san", "santa", "united", "democratic", "republic", "federal",
    }
)  # fmt: skip
_ORG_WORDS = frozenset(
    {
        "independent", "post", "times", "news", "herald", "journal", "guardian", "telegraph",
        "express", "mirror", "sun", "tribune", "daily", "weekly", "review", "press", "radio", "tv",
        "television", "broadcasting", "media", "network", "agency", "ministry", "department",
        "office", "council", "committee", "university", "institute", "party", "army", "forces",
        "force", "navy", "command", "bank", "group", "company", "corporation", "corp", "inc", "ltd",
        "foundation", "service", "services", "union", "federation", "kingdom", "states", "oblast",
        "region", "province", "county", "city", "street", "district", "airport", "station",
        "river", "sea", "ocean", "mountains", "government", "parliament", "court", "house",
        "organization", "organisation", "association", "club", "church", "school", "hospital",
    }
)  # fmt: skip
_TITLES = frozenset(
    {
        "president", "prime", "minister", "mr", "mrs", "ms", "dr", "sir", "dame", "gen", "general",
        "col", "colonel", "sen", "senator", "rep", "gov", "governor", "mayor", "king", "queen",
        "prince", "princess", "pope", "chancellor", "secretary", "spokesman", "spokeswoman",
        "spokesperson", "lt", "sgt", "capt", "captain", "adm", "admiral", "judge", "leader",
    }
)  # fmt: skip
# Words that say a description hides who the source is; they do not tell two groups apart.
_VAGUE_WORDS = frozenset(
    {
        "a", "an", "the", "some", "several", "two", "three", "one", "unnamed", "anonymous",
        "unidentified", "senior", "other", "many", "its", "their", "his", "her", "of", "from",
    }
)  # fmt: skip
# Description words that name the same kind of source in other words ("Ukrainian spies" are
# "Ukrainian intelligence"), in the singular form _singular() gives.
_DESCRIPTION_SYNONYMS = {"spy": "intelligence", "spie": "intelligence", "spook": "intelligence"}
# Heads of descriptions that stand for the people of an institution ("intelligence officials").
_GENERIC_HEADS = frozenset({"official", "source", "officer", "agent", "insider", "representative"})
# "Russia" + "n" is a demonym, not a typo; likewise "Israel" + "i", "China"/"Chinese".
_DEMONYM_ENDINGS = ("n", "an", "ian", "ans", "ians", "ns", "i", "is", "ese", "ish", "ic", "ite")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "“": '"', "”": '"'})
_WORD = re.compile(r"[^\W_]+(?:['.][^\W_]+)*", re.UNICODE)
_MIN_TYPO_LEN = 5
_TYPO_RATIO = 85.0


@dataclass(slots=True)
class _Name:
    """One distinct input name, prepared for comparison."""

    raw: str
    display: str  # cleaned form shown to people
    words: tuple[str, ...]  # lower-case matching words, titles and possessives removed
    forms: frozenset[str]  # normal forms; two names sharing one are the same name
    descriptive: bool  # no proper name: "unnamed intelligence officials"
    count: int = 0
    first: int = 0


def clean_name(name: str) -> str:
    """Return ``name`` as it should be shown: quotes unified, surrounding punctuation, a leading
    "the" before a proper name and a trailing possessive removed ("the Kyiv Independent's" ->
    "Kyiv Independent")."""
    text = unicodedata.normalize("NFKC", name or "").translate(_QUOTES)
    text = re.sub(r"\s+", " ", text).strip(" \t\n,;:.!?\"'()[]-–—")
    text = re.sub(r"^(?:the|The|THE)\s+(?=[A-Z])", "", text)
    text = re.sub(r"(?<=\w)'s$", "", text)
    text = re.sub(r"(?<=[sS])'$", "", text)
    return text.strip()


def is_descriptive(name: str) -> bool:
    """True when ``name`` describes a source without naming it ("unnamed intelligence officials",
    "a Western diplomat", "Ukrainian intelligence"): its head word is not capitalised."""
    words = clean_name(name).split()
    return bool(words) and not words[-1][:1].isupper() and not words[-1][:1].isdigit()


def normalize_name(name: str) -> str:
    """Return the matching key of ``name``: lower case, no "the", possessive, hyphens or titles.

    Two names with the same key are always the same name."""
    return " ".join(_prepare(name, 0).words)


def _singular(word: str) -> str:
    if len(word) > 3 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _prepare(raw: str, index: int) -> _Name:
    display = clean_name(raw)
    text = display.replace("-", " ")
    # A domain ("newsweek.com") names the same outlet as its brand.
    if " " not in text and re.fullmatch(r"(?:www\.)?[\w-]+(?:\.[a-z]{2,6}){1,2}", text.lower()):
        text = re.sub(r"^www\.", "", text.lower()).split(".")[0]
    tokens = _WORD.findall(text)
    descriptive = is_descriptive(display)
    words = [t.lower().replace(".", "") for t in tokens]
    if descriptive:
        # Descriptions: only content words count, in the singular ("officials" = "official").
        singular = (_singular(w) for w in words if w not in _VAGUE_WORDS)
        words = list(dict.fromkeys(_DESCRIPTION_SYNONYMS.get(w, w) for w in singular))
    else:
        while len(words) > 1 and words[0] in _TITLES:
            words = words[1:]
        if words and words[0] == "the":
            words = words[1:]
    forms = {" ".join(words)}
    # "Zelenskys’" is a plural possessive: the singular "Zelensky" is the likelier name.
    if re.search(r"[sS]['’]\s*$", raw.strip()) and words and len(words[-1]) > 3:
        forms.add(" ".join([*words[:-1], words[-1][:-1]]))
    return _Name(
        raw=raw,
        display=display,
        words=tuple(words),
        forms=frozenset(f for f in forms if f),
        descriptive=descriptive,
        first=index,
    )


def _typo(a: str, b: str) -> bool:
    """True when two words are one word misspelt (never a demonym, never short words)."""
    if a == b:
        return True
    if min(len(a), len(b)) < _MIN_TYPO_LEN or a[0] != b[0]:
        return False
    short, long = sorted((a, b), key=len)
    if long.startswith(short) and long[len(short) :] in _DEMONYM_ENDINGS:
        return False
    budget = 2 if len(short) >= 10 else 1
    return OSA.distance(a, b) <= budget and fuzz.ratio(a, b) >= _TYPO_RATIO


def _same_by_typo(a: _Name, b: _Name) -> bool:
    if a.descriptive or b.descriptive or len(a.words) != len(b.words) or not a.words:
        return False
    differing = [(x, y) for x, y in zip(a.words, b.words, strict=True) if x != y]
    return len(differing) == 1 and _typo(*differing[0])


def _partial_of(short: _Name, long: _Name) -> bool:
    """True when ``short`` is a part of the full name ``long`` (surname, first name, or a
    description with fewer words)."""
    if short.descriptive != long.descriptive or len(short.words) >= len(long.words):
        return False
    if not short.words:
        return False
    if short.descriptive:
        # "intelligence officials" ⊂ "Ukrainian intelligence officials", same head noun; and
        # "Ukrainian intelligence" (the institution) = its "officials" / "sources".
        same_head = short.words[-1] == long.words[-1] or (
            long.words[-1] in _GENERIC_HEADS and short.words[-1] == long.words[-2]
        )
        return same_head and set(short.words) <= set(long.words)
    lw, sw = long.words, short.words
    if any(w in _ORG_WORDS for w in lw) or any(w in _PLACE_MODIFIERS for w in lw):
        return False
    if len(lw) > 4:
        return False
    n = len(sw)
    suffix = all(_typo(x, y) for x, y in zip(sw, lw[-n:], strict=True))
    prefix = n == 1 and sw[0] == lw[0] and len(lw) <= 3
    return suffix or prefix


class _UnionFind:
    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        ri, rj = self.find(i), self.find(j)
        if ri != rj:
            self.parent[max(ri, rj)] = min(ri, rj)


def _canonical(members: list[_Name]) -> str:
    """The longest frequent full form: most words (titles aside), then most uses, then the
    shorter and alphabetically first display. Never the first seen: the same names read in
    another order (a store fed in time order, a batch in file order) must give the same name."""
    by_display: dict[str, list[_Name]] = {}
    for m in members:
        if m.display:
            by_display.setdefault(m.display, []).append(m)
    if not by_display:
        return members[0].raw

    def rank(item: tuple[str, list[_Name]]) -> tuple[int, int, int, int, int, int]:
        display, names = item
        best = max(names, key=lambda n: len(n.words))
        uses = sum(n.count for n in names)
        # A possessive plural ("Zelenskys") is a worse display than the singular it stands for.
        plural_possessive = int(len(best.forms) > 1)
        domain = int(" " not in display and "." in display)
        # "President Zelensky" names the person no better than "Zelensky": prefer no title.
        titled = int(not best.descriptive and len(display.split()) > len(best.words))
        return (
            len(best.words),
            -domain,
            -titled,
            -plural_possessive,
            uses,
            -len(display),
        )

    # max() keeps the first of equals: alphabetical order decides a full tie.
    return max(sorted(by_display.items()), key=rank)[0]


def group_aliases(names: Sequence[str], *, partial: bool = True) -> list[list[str]]:
    """Cluster the variants of one name.

    ``names`` may repeat (each use counts towards the canonical choice). Returns one list per
    thing, canonical name first (the longest frequent full form, cleaned: "Kyiv Independent"),
    followed by every other distinct surface form as given. Groups are ordered by first
    appearance. ``partial=False`` turns off surname/first-name matching (use it for places and
    organisations, where "Kyiv" is not "Kyiv Independent").
    """
    counts = Counter(n for n in names if isinstance(n, str) and n.strip())
    order: dict[str, int] = {}
    for n in names:
        if isinstance(n, str) and n.strip() and n not in order:
            order[n] = len(order)
    prepared = []
    for raw, index in order.items():
        item = _prepare(raw, index)
        item.count = counts[raw]
        prepared.append(item)
    uf = _UnionFind(len(prepared))

    by_form: dict[str, int] = {}
    for i, item in enumerate(prepared):
        for form in item.forms:
            if form in by_form:
                uf.union(by_form[form], i)
            else:
                by_form[form] = i
    for i, a in enumerate(prepared):
        for j in range(i + 1, len(prepared)):
            if _same_by_typo(a, prepared[j]):
                uf.union(i, j)

    if partial:
        # Decide every partial match against the strict groups before merging, so that one short
        # name cannot chain two different people together ("Kim").
        decisions: list[tuple[int, int]] = []
        for i, short in enumerate(prepared):
            targets = {
                uf.find(j)
                for j, long in enumerate(prepared)
                if j != i and uf.find(j) != uf.find(i) and _partial_of(short, long)
            }
            if len(targets) == 1:
                decisions.append((i, targets.pop()))
        for i, j in decisions:
            uf.union(i, j)

    groups: dict[int, list[_Name]] = {}
    for i, item in enumerate(prepared):
        groups.setdefault(uf.find(i), []).append(item)
    result = []
    for members in sorted(groups.values(), key=lambda ms: min(m.first for m in ms)):
        canonical = _canonical(members)
        others = [m.raw for m in sorted(members, key=lambda m: m.first) if m.raw != canonical]
        result.append([canonical, *others])
    return result


def alias_map(names: Sequence[str], *, partial: bool = True) -> dict[str, str]:
    """Map every name in ``names`` to the canonical name of its group (see ``group_aliases``)."""
    mapping: dict[str, str] = {}
    for group in group_aliases(names, partial=partial):
        for name in group:
            mapping[name] = group[0]
    return mapping
