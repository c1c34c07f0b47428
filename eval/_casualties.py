"""Casualty figures in one article: how many killed and how many injured it states.

Three readers, all per article and per role (``"killed"``, ``"injured"``):

* ``dossier_figures`` — what storydesk's extraction says: the article's ``Quantity`` annotations
  (from ``SpacyExtractor``) read with ``quantity_role``. This is how the dossier states killed /
  injured per article; ``claims-gva`` scores it.
* ``regex_figures`` — the baseline: "<number> people|persons (were|was) killed|injured|…".
* ``stated_in_text`` — whether the text states a given figure at all (the recall denominator):
  the number, as digits or as a word, within ``STATED_WINDOW`` word tokens of a role word.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from storydesk.model import Article, Quantity

ROLES: tuple[str, ...] = ("killed", "injured")

# Words that say which role a counted group has. "shot" is neither: "five people were shot"
# covers the dead and the wounded alike, and GVA counts the two apart.
ROLE_WORDS: dict[str, frozenset[str]] = {
    "killed": frozenset(
        [
            "killed",
            "kill",
            "kills",
            "killing",
            "dead",
            "died",
            "dies",
            "dying",
            "fatally",
            "fatal",
            "death",
            "deaths",
            "slain",
        ]
    ),
    "injured": frozenset(
        ["injured", "injuring", "injuries", "injury", "wounded", "wounding", "hurt", "hurting"]
    ),
}
_ROLE_OF = {word: role for role, words in ROLE_WORDS.items() for word in words}
# After a figure only words that state what befell it count ("two were found dead"); an action
# or a noun there belongs to someone else ("Two indicted for killing a baby", "turned 21 in the
# death of ...").
_STATE_WORDS = frozenset(
    ["killed", "dead", "died", "fatally", "slain", "injured", "wounded", "hurt"]
)
# Right before a figure, a verb whose object it is ("killed six people", "wounds 12").
_VERBS_BEFORE: dict[str, str] = {
    **dict.fromkeys(["kill", "kills", "killed", "killing"], "killed"),
    **dict.fromkeys(["injure", "injures", "injured", "injuring", "hurt", "hurting"], "injured"),
    **dict.fromkeys(["wound", "wounds", "wounded", "wounding"], "injured"),
}

# Counted nouns that name people; the first group is preferred when an article gives several
# figures for a role ("three people were killed ... two men died at the scene").
CORE_PERSON_NOUNS = frozenset(["people", "persons", "person", "victims", "victim"])
PERSON_NOUNS = CORE_PERSON_NOUNS | frozenset(
    [
        "men",
        "man",
        "women",
        "woman",
        "others",
        "other",
        "teens",
        "teen",
        "teenagers",
        "teenager",
        "children",
        "child",
        "kids",
        "kid",
        "boys",
        "boy",
        "girls",
        "girl",
        "adults",
        "adult",
        "students",
        "student",
        "officers",
        "officer",
        "males",
        "male",
        "females",
        "female",
        "juveniles",
        "juvenile",
        "bystanders",
        "bystander",
        "members",
        "member",
        "friends",
        "friend",
        "relatives",
        "family",
        "patrons",
        "customers",
        "residents",
        "individuals",
        "people's",
        "youths",
        "youth",
        "passengers",
        "deputies",
        "brothers",
        "sisters",
        "sons",
        "daughters",
        "guests",
        "partygoers",
    ]
)

_WORD = re.compile(r"[A-Za-z]+|\d+")
_CLAUSE_END = re.compile(r"[,;:.!?()\u2014\u2013\n]|\s-\s")
AFTER_TOKENS = 6  # how far after a figure its role word may stand ("two were later found dead")
MAX_FIGURE = 1000  # larger "counts" are addresses, years and phone numbers, not casualties

NUMBER_WORDS: dict[str, int] = {
    w: i
    for i, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        ]
    )
}
_NUMBER = "|".join([r"\d+", *NUMBER_WORDS])
_REGEX_BASELINE = re.compile(
    rf"\b({_NUMBER})\s+(?:people|persons)\s+(?:(?:were|was|have been|had been)\s+)?"
    r"(killed|dead|injured|wounded|hurt)\b",
    re.IGNORECASE,
)
STATED_WINDOW = 8  # word tokens either side of a role word


def _role_in(words: Iterable[str]) -> str | None:
    for word in words:
        role = _ROLE_OF.get(word.lower())
        if role:
            return role
    return None


def quantity_role(article: Article, quantity: Quantity) -> tuple[str, int] | None:
    """``(role, rank)`` if ``quantity`` counts the killed or the injured, else None.

    The role comes, in this order, from the counted words the extractor attached ("people
    injured", "2 dead"), from a role verb right before the figure ("killed two people"), or from
    the first state word (killed, dead, wounded ...) after it in the same clause, at most
    ``AFTER_TOKENS`` words on ("two were later found dead"). A counted
    noun that names no person ("shots", "cars", "years") disqualifies the figure, and so does a
    bare number between commas ("Smith, 25, was killed" is an age). ``rank`` orders figures of
    one role: 0 for people/persons/victims, 1 for another person noun, 2 for no noun.
    """
    if quantity.kind != "count" or quantity.high not in (None, quantity.value):
        return None
    value = quantity.value
    if value != int(value) or not 0 <= value <= MAX_FIGURE:
        return None
    unit = quantity.unit.lower()
    text = article.text
    start, end = quantity.span.start, quantity.span.end
    if unit in _ROLE_OF:  # the extractor took the role word as the noun: "2 dead"
        return _ROLE_OF[unit], 2
    if unit and unit not in PERSON_NOUNS:
        return None
    rank = 0 if unit in CORE_PERSON_NOUNS else 1 if unit else 2
    role = _role_in(_WORD.findall(quantity.counted))
    if role is None:
        # only spaces between verb and figure: "Teen Killed, Five Others Injured" is no object
        before = re.search(r"([A-Za-z]+)\s+$", text[max(0, start - 30) : start])
        if before and before.group(1).lower() in _VERBS_BEFORE:
            role = _VERBS_BEFORE[before.group(1).lower()]
    if role is None:
        clause = _CLAUSE_END.split(text[end : end + 200], maxsplit=1)[0]
        after = [w for w in _WORD.findall(clause)[:AFTER_TOKENS] if w.lower() in _STATE_WORDS]
        role = _role_in(after[:1])
    if role is None:
        return None
    if not unit and text[max(0, start - 2) : start].strip() == "," and text[end : end + 1] == ",":
        return None  # "Calvin Williams, 23, was killed": an age, not a count
    return role, rank


def dossier_figures(article: Article) -> dict[str, int]:
    """The killed and injured figures storydesk's annotations state for ``article``.

    Per role, the quantity with the best rank (see ``quantity_role``), the earliest one among
    equals (the headline comes first). A role the article states no figure for is absent.
    """
    best: dict[str, tuple[int, int, int]] = {}
    for quantity in article.quantities or []:
        found = quantity_role(article, quantity)
        if found is None:
            continue
        role, rank = found
        key = (rank, quantity.span.start, int(quantity.value))
        if role not in best or key < best[role]:
            best[role] = key
    return {role: key[2] for role, key in best.items()}


def _number(word: str) -> int:
    return int(word) if word.isdigit() else NUMBER_WORDS[word.lower()]


def regex_figures(text: str) -> dict[str, int]:
    """The regex baseline: the first "<number> people|persons (were) killed|dead|injured|
    wounded|hurt" per role."""
    figures: dict[str, int] = {}
    for match in _REGEX_BASELINE.finditer(text):
        figures.setdefault(_ROLE_OF[match.group(2).lower()], _number(match.group(1)))
    return figures


def stated_in_text(text: str, role: str, figure: int) -> bool:
    """Whether ``text`` states ``figure`` for ``role`` at all, approximately: the number, as
    digits or as a word ("3", "three"), within ``STATED_WINDOW`` word tokens of a word of that
    role. Zero counts as never stated ("no one was hurt" is rarely written with a number)."""
    if figure < 1:
        return False
    forms = {str(figure)}
    forms |= {word for word, value in NUMBER_WORDS.items() if value == figure}
    tokens = [token.lower() for token in _WORD.findall(text)]
    roles = [i for i, token in enumerate(tokens) if _ROLE_OF.get(token) == role]
    numbers = [i for i, token in enumerate(tokens) if token in forms]
    return any(abs(i - j) <= STATED_WINDOW for i in roles for j in numbers)
