"""Casualty figures in one article: how many killed and how many injured it states.

Three readers, all per article and per role (``"killed"``, ``"injured"``):

* ``dossier_figures`` — what storydesk says: the article's ``Quantity`` annotations (from
  ``SpacyExtractor``) read by ``storydesk.steps.extract.casualties``; ``claims-gva`` scores it.
  ``dossier_updates`` says which of those figures the casualty reader takes as a later total
  ("the death toll rose to 5"), for the time-aware disagreement of ``claims-gva``.
* ``regex_figures`` — the baseline: "<number> people|persons (were|was) killed|injured|…".
* ``stated_in_text`` — whether the text states a given figure at all (the recall denominator):
  the number, as digits or as a word, within ``STATED_WINDOW`` word tokens of a role word.
"""

from __future__ import annotations

import re

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
_WORD = re.compile(r"[A-Za-z]+|\d+")

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


def quantity_role(article: Article, quantity: Quantity) -> tuple[str, int] | None:
    """``(role, rank)`` if ``quantity`` counts the killed or the injured, else None: storydesk's
    own reading (``storydesk.steps.extract.casualties.casualty_role``), so that the eval scores
    what the product says rather than a second reader of its own."""
    from storydesk.steps.extract.casualties import casualty_role

    return casualty_role(article.text, quantity)


def dossier_figures(article: Article) -> dict[str, int]:
    """The killed and injured figures storydesk states for ``article``
    (``storydesk.steps.extract.casualties.casualty_figures`` over its quantities)."""
    from storydesk.steps.extract.casualties import casualty_figures

    return casualty_figures(article)


def dossier_updates(article: Article) -> dict[str, bool]:
    """Per role, whether the figure ``dossier_figures`` gives is a later total by the casualty
    reader's own update pattern ("the death toll rose to 5"), not by the compare stage's parse."""
    from storydesk.steps.extract.casualties import headline_casualties

    return {role: figure.update for role, figure in headline_casualties(article).items()}


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
