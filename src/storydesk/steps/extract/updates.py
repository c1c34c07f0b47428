"""Update language attached to a number: "the death toll rose to 5", "raising the toll to 5".

A figure that a sentence presents as the newer value of something that changed over time is an
*update*: the words say that an earlier figure was different, and in which direction it moved.
``find_updates`` reads that from a spaCy parse, never from substrings, so that the update words
must govern the very number: in "prices rose to $5 after 5 people were killed" only "$5" is
updated, and "5 people" is a plain count.

The lexicon (lemmas) and the grammar it needs:

* a change verb with the figure as the object of "to": rise, climb, increase, jump, grow, mount,
  soar, surge, swell, double (up); fall, drop, decline, decrease, dip, sink (down) —
  "the death toll has risen to five", "rose from 4 to 5";
* "stand at" / "be" with "now" or "currently": "the number of dead now stands at 12" (either way);
* a reaching verb with the figure as its object and an amount or tally as its subject: reach,
  top, surpass, exceed — "the toll reached 12" (up);
* a verb that moves a tally to the figure: raise, bring, push, lift, boost, increase
  ("raising the death toll to five", "bringing the total to 5") (up); revise, update, upgrade,
  adjust ("revised the toll upward to 12") — a revision counts only upward here: a downward
  revision is a correction, which the compare stage treats as a contest;
* an updated tally: "the updated/revised/new/latest death toll is 12", "a new toll of 12" (either
  way);
* a later death: die with later / since / subsequently / eventually / ultimately / afterwards,
  or succumb, whose subject holds the figure ("two more victims have since died") (up).

Each cue says what was updated when its subject (or object) is a tally noun: ``role`` is
``killed`` or ``injured`` for a casualty tally ("death toll", "number of injured"), and
``tally`` marks a figure that states the total of its kind (not an increment).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from storydesk.model import Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

UP, DOWN, EITHER = "up", "down", "either"


def _lemmas(text: str) -> frozenset[str]:
    return frozenset(text.split())


RISE_VERBS = _lemmas(
    "rise climb increase jump grow mount soar surge swell double triple spike balloon"
)
FALL_VERBS = _lemmas("fall drop decline decrease dip sink slip plunge shrink")
REACH_VERBS = _lemmas("reach top surpass exceed")
MOVE_VERBS = _lemmas("raise bring push lift boost increase")
REVISE_VERBS = _lemmas("revise update upgrade adjust")
STAND_VERBS = _lemmas("stand be")
DIE_VERBS = _lemmas("die succumb")
LATER_WORDS = _lemmas(
    "later since subsequently eventually ultimately afterwards afterward overnight"
)
NOW_WORDS = _lemmas("now currently")
NEW_WORDS = _lemmas("update updated revise revised new latest current")
DOWN_WORDS = _lemmas("down downward downwards")

TALLY_NOUNS = _lemmas(
    "toll number count total tally figure estimate death fatality casualty injury dead injured "
    "wounded victim"
)
"""Nouns that name a running count of the event ("death toll", "number of dead")."""
AMOUNT_NOUNS = TALLY_NOUNS | _lemmas(
    "price cost rate level temperature amount sum value bill damage loss turnout jackpot reward "
    "bounty debt deficit inflation unemployment population crowd share percentage"
)
"""Subjects a reaching verb updates ("prices reached $5"); a person reaching a number is no
update ("rescuers reached 12 survivors")."""
_KILLED = _lemmas("death dead die kill killed fatality fatal slay slain")
_INJURED = _lemmas("injury injured injure wound wounded hurt")
_NUMBER_CHAIN = frozenset({"nummod", "quantmod", "compound", "nmod", "amod"})
MAX_QUOTE_TOKENS = 16


@dataclass(frozen=True, slots=True)
class UpdateCue:
    """A number stated as the newer value of something that changed.

    ``number`` is the number token's characters, ``words`` the update words from the subject (or
    the moving verb) to the figure; ``direction`` is ``up``, ``down`` or ``either``; ``role``
    ``killed``/``injured`` for a casualty tally, else ""; ``tally`` when the figure is a total
    the words name ("the death toll", "the total"), not an increment ("two more victims").
    """

    number: Span
    words: Span
    direction: str
    role: str = ""
    tally: bool = False


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def _nominal(token: Token) -> Token:
    """The noun a number token quantifies ("five people" → people), or the number itself."""
    node = token
    for _ in range(4):  # a figure's own modifiers are few: "$ 2.5 million people"
        if node.dep_ not in _NUMBER_CHAIN or node.head is node or node.head.pos_ in {"VERB", "AUX"}:
            break
        node = node.head
    return node


def _child(verb: Token, deps: set[str]) -> Token | None:
    return next((c for c in verb.children if c.dep_ in deps), None)


def _role_of(noun: Token) -> str:
    """``killed``/``injured`` when a tally noun (or its words) names casualties, else ""."""
    words = {_lemma(t) for t in noun.subtree} | {noun.lower_}
    if words & _INJURED and not words & _KILLED:
        return "injured"
    if words & _KILLED or _lemma(noun) == "toll":
        return "killed"  # a bare "toll" is the death toll
    return ""


def _quote(doc: Doc, first: Token | None, verb: Token, nominal: Token) -> Span:
    """The update words: the subject's words (determiner to noun, and its "of" phrase when short)
    through the figure, else the verb through the figure."""
    start = verb.i
    if first is not None and first.i < verb.i:
        left = first.left_edge.i
        start = left if verb.i - left <= MAX_QUOTE_TOKENS else first.i
    end = max(t.i for t in nominal.subtree if t.i >= nominal.i or t.dep_ != "prep")
    end = max(end, nominal.i)
    return Span(doc[start].idx, doc[end].idx + len(doc[end]))


def _via_preposition(nominal: Token) -> tuple[Token, str] | None:
    """(verb, preposition) when the figure is the object of "to"/"at" under a verb ("rose to 5",
    "rose from 4 to 5", "stands at 12")."""
    if nominal.dep_ != "pobj":
        return None
    prep = nominal.head
    word = prep.lower_
    if word not in {"to", "at"}:
        return None
    head = prep.head
    if head.dep_ == "prep" and head.lower_ == "from":  # "rose from 4 to 5"
        head = head.head
    if head.pos_ not in {"VERB", "AUX"}:
        return None
    return head, word


def _cue(doc: Doc, number: Token) -> UpdateCue | None:
    nominal = _nominal(number)
    here = Span(number.idx, number.idx + len(number))
    attached = _via_preposition(nominal)
    if attached is not None:
        verb, prep = attached
        lemma = _lemma(verb)
        subject = _child(verb, {"nsubj", "nsubjpass"})
        obj = _child(verb, {"dobj"})
        modifiers = {_lemma(c) for c in verb.children if c.dep_ in {"advmod", "prt"}}
        direction = None
        owner = subject
        if prep == "to" and lemma in RISE_VERBS and obj is None:
            direction = UP
        elif prep == "to" and lemma in FALL_VERBS and obj is None:
            direction = DOWN
        elif prep == "at" and lemma in STAND_VERBS and modifiers & NOW_WORDS:
            direction = EITHER
        elif prep == "to" and lemma in MOVE_VERBS | REVISE_VERBS:
            # the tally moved: object of the active verb, subject of the passive one
            owner = obj if obj is not None else subject
            if owner is None or _lemma(owner) not in TALLY_NOUNS:
                return None
            if lemma in REVISE_VERBS and modifiers & DOWN_WORDS:
                return None  # a downward revision is a correction, not a development
            direction = UP
            quote = _quote(doc, None if obj is not None else subject, verb, nominal)
            return UpdateCue(here, quote, direction, _role_of(owner), True)
        if direction is None:
            return None
        tally = owner is not None and _lemma(owner) in TALLY_NOUNS
        role = _role_of(owner) if owner is not None and tally else ""
        return UpdateCue(here, _quote(doc, owner, verb, nominal), direction, role, tally)
    head = nominal.head
    if nominal.dep_ == "dobj" and _lemma(head) in REACH_VERBS:
        subject = _child(head, {"nsubj"})
        if subject is None or _lemma(subject) not in AMOUNT_NOUNS:
            return None
        tally = _lemma(subject) in TALLY_NOUNS
        role = _role_of(subject) if tally else ""
        return UpdateCue(here, _quote(doc, subject, head, nominal), UP, role, tally)
    if nominal.dep_ == "attr" and _lemma(head) == "be":
        subject = _child(head, {"nsubj"})
        if subject is None or _lemma(subject) not in TALLY_NOUNS:
            return None
        modifiers = {_lemma(c) for c in head.children if c.dep_ == "advmod"}
        marked = {_lemma(c) for c in subject.children if c.dep_ in {"amod", "compound"}}
        if not (modifiers & NOW_WORDS or marked & NEW_WORDS):
            return None
        return UpdateCue(here, _quote(doc, subject, head, nominal), EITHER, _role_of(subject), True)
    if nominal.dep_ == "pobj" and head.lower_ == "of" and _lemma(head.head) in TALLY_NOUNS:
        noun = head.head  # "an updated death toll of 12"
        marked = {_lemma(c) for c in noun.children if c.dep_ in {"amod", "compound"}}
        if not marked & NEW_WORDS:
            return None
        return UpdateCue(here, _quote(doc, noun, noun, nominal), EITHER, _role_of(noun), True)
    return _later_death(doc, nominal, here)


def _later_death(doc: Doc, nominal: Token, here: Span) -> UpdateCue | None:
    """A later death: "two more victims have since died", "one of the injured later succumbed"; the figure is
    (in) the subject of the dying verb. An increment, so never a tally."""
    node = nominal
    while node.dep_ in {"pobj", "prep"} and node.head is not node:
        node = node.head  # "one of the injured": from "injured" up to "one"
    if node.dep_ not in {"nsubj", "nsubjpass"}:
        return None
    verb = node.head
    lemma = _lemma(verb)
    if lemma not in DIE_VERBS:
        return None
    later = {_lemma(c) for c in verb.children if c.dep_ in {"advmod", "prep", "npadvmod"}}
    if lemma != "succumb" and not later & LATER_WORDS:
        return None
    start = node.left_edge.i
    words = Span(doc[start].idx, verb.idx + len(verb))
    return UpdateCue(here, words, UP, "killed", False)


def find_updates(doc: Doc) -> list[UpdateCue]:
    """Every number in ``doc`` that its sentence states as an updated value, in text order.

    Offsets are into ``doc.text``; a number token stands for the quantity that holds it.
    """
    if doc is None or len(doc) == 0:
        return []
    found: list[UpdateCue] = []
    for token in doc:
        if not (token.like_num or token.pos_ == "NUM"):
            continue
        try:
            cue = _cue(doc, token)
        except (IndexError, ValueError):  # a broken parse must not break the article
            cue = None
        if cue is not None:
            found.append(cue)
    return found
