"""Figures that change as a story develops: which differences within a claim an update explains.

A death toll that "rose to 5" in Tuesday's report does not contradict Monday's "4 people were
killed": the outlets agree once time is taken into account. The rule, per claim:

* ``attach_updates`` finds the update words that govern a mention's number ("the death toll rose
  to 5", "raising the toll to 5", "now stands at 12", "two more victims have since died"; see
  ``storydesk.steps.extract.updates``) by parsing the few sentences that hold a candidate word.
  A casualty tally named by the update ("death toll", "number of injured") makes the figure its
  article's toll for that role, so it aligns with the other outlets' tolls.
* A mention *u* with update words **supersedes** an earlier mention *x* when their values do not
  admit each other, *u* is not before *x* in time — a later (or the same) publication day, or a
  later sentence of the same article; an unknown date does not order, and the update's own words
  then say which figure is newer — and the values move the way the words say (up for "rose",
  down for "fell"; either way for "now stands at").
* Two readings of a claim that disagree are **explained** when one of them is superseded by an
  update that the other admits (the other may be the update itself) and the other is not before
  the superseded one.

The compare stage then keeps the status ``discrepant`` only when a disagreement remains
unexplained; when every disagreement is explained the claim is ``consistent``. Every mention stays
in the claim, its statement says how the figure moved ("People killed: 5 (rose from 4)"), and each
update that superseded a figure becomes a story flag of type ``update`` quoting its words.
"""

from __future__ import annotations

import logging
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from storydesk.errors import StorydeskError
from storydesk.model import Article, Span
from storydesk.steps.extract.updates import DOWN, UP, find_updates

from .align import Item

if TYPE_CHECKING:
    from spacy.language import Language

log = logging.getLogger(__name__)

# A sentence is parsed only when a word of the update lexicon (any inflection) stands near a
# figure. Frequent words count only in the phrases the grammar needs: "now" next to "stands" or
# "is", "new" before a tally noun, "died" with "later"/"since"; "taken to hospital" is no update.
_LATER = r"(?:later|since|subsequently|eventually|ultimately|afterwards?|overnight)"
_CANDIDATE = re.compile(
    r"\b(?:ris(?:e|es|en|ing)|rose|climb|increas|jump|grew|grow|mount|soar|surg|swell|doubl|"
    r"tripl|spik|balloon|fall|fell|drop|declin|decreas|dip|sank|sink|slipp?ed|plung|shr[iu]nk|"
    r"reach|top|surpass|exceed|rais|bring|brought|push|lift|boost|revis|updat|upgrad|adjust|"
    r"succumb)\w*"
    r"|\b(?:stands?|stood|is|are|was|were)\s+(?:now|currently)\b"
    r"|\b(?:now|currently)\s+(?:stands?|stood|is|are|at)\b"
    r"|\b(?:new|latest|current)\s+(?:\w+\s+)?(?:toll|total|number|count|tally|figure)"
    r"|\b" + _LATER + r"\s+(?:\w+\s+)?died\b|\bdied\s+" + _LATER + r"\b",
    re.IGNORECASE,
)
WINDOW_BEFORE = 120
"""Characters before a figure searched for an update word (subject and verb come first)."""
WINDOW_AFTER = 60
"""... and after it ("two more victims have since died")."""
_ROLE_STEMS = {"killed": "kill", "injured": "injur"}


def attach_updates(
    items: Iterable[Item], articles: dict[str, Article], nlp: Language | None = None
) -> None:
    """Set ``update``/``update_words`` on the items whose number a sentence states as an updated
    value, and make a casualty tally's figure its article's toll for the role it names."""
    wanted: dict[tuple[str, int, int], list[Item]] = defaultdict(list)
    for item in items:
        article = articles.get(item.article_id)
        if article is None:
            continue
        sentence, span = item.sentence, item.quantity.span
        # update words stand close to their figure: "the toll ... has risen to | 5", "| two
        # more victims have since died"; only such a window is worth a parse
        start = max(sentence.start, span.start - WINDOW_BEFORE)
        end = min(sentence.end, span.end + WINDOW_AFTER)
        if _CANDIDATE.search(article.text, start, end):
            wanted[(item.article_id, sentence.start, sentence.end)].append(item)
    if not wanted:
        return
    if nlp is None:
        try:
            from storydesk.nlp import load_nlp

            nlp = load_nlp()
        except StorydeskError as error:  # without a parser no update is found, nothing breaks
            log.warning("update language not read: %s", error)
            return
    keys = list(wanted)
    texts = [articles[article_id].text[start:end] for article_id, start, end in keys]
    for key, doc in zip(keys, nlp.pipe(texts), strict=True):
        offset = key[1]
        for cue in find_updates(doc):
            at = cue.number.start + offset
            for item in wanted[key]:
                span = item.quantity.span
                if item.update or not span.start <= at < span.end:
                    continue
                item.update = cue.direction
                item.update_words = Span(cue.words.start + offset, cue.words.end + offset)
                if cue.tally and cue.role and item.kind == "count":
                    # "the death toll rose to 5" states the article's toll of the dead
                    item.role, item.toll, item.minor = _ROLE_STEMS[cue.role], True, False


def not_before(later: Item, earlier: Item) -> bool:
    """Whether ``later`` may be stated after ``earlier``: a later sentence of one article, or a
    publication day not before the other's; unknown dates do not order."""
    if later.article_id == earlier.article_id:
        return later.order[1] >= earlier.order[1]
    if later.published is not None and earlier.published is not None:
        return later.published >= earlier.published
    return True


def supersedes(update: Item, earlier: Item) -> bool:
    """Whether ``update``'s words explain why ``earlier`` states another value (see the module
    docstring)."""
    if not update.update or update is earlier or update.interval.overlaps(earlier.interval):
        return False
    if not not_before(update, earlier):
        return False
    if update.update == UP:
        return update.value > earlier.value
    if update.update == DOWN:
        return update.value < earlier.value
    return True


@dataclass(slots=True)
class Explanation:
    """How a claim's disagreements fare once time is taken into account."""

    disagreements: int = 0  # pairs of readings whose values do not admit each other
    unexplained: int = 0  # ... of which no update explains
    superseded: list[Item] = field(default_factory=list)  # figures an update replaced
    updates: list[Item] = field(default_factory=list)  # the updates that replaced them


def _explained(x: Item, y: Item, updates: list[Item]) -> Item | None:
    """The update that explains why ``x`` and ``y`` differ, if one does."""
    for old, other in ((x, y), (y, x)):
        for update in updates:
            if not supersedes(update, old):
                continue
            if other is update or (
                other.interval.overlaps(update.interval) and not_before(other, old)
            ):
                return update
    return None


def explain(readings: list[Item], group: list[Item]) -> Explanation:
    """Which disagreements among ``readings`` (one per independent article) the group's updates
    explain, and which figures of ``group`` they supersede."""
    updates = [item for item in group if item.update]
    result = Explanation()
    for i, x in enumerate(readings):
        for y in readings[i + 1 :]:
            if x.interval.overlaps(y.interval):
                continue
            result.disagreements += 1
            if _explained(x, y, updates) is None:
                result.unexplained += 1
    result.superseded = [x for x in group if any(supersedes(u, x) for u in updates)]
    result.updates = [u for u in updates if any(supersedes(u, x) for x in group)]
    return result


def latest_reading(items: list[Item]) -> Item:
    """An article's reading of a claim: its last update when it states one, else its first
    mention (``items`` are one article's, in text order)."""
    updated = [item for item in items if item.update]
    return updated[-1] if updated else items[0]
