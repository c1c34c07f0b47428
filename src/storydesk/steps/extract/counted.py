"""What an amount counts or measures, in plain words, from the dependency parse.

* counts: the counted noun with its modifiers and, when there is one, the predicate that governs it
  ("18 North Korean soldiers deserted" → "North Korean soldiers deserted"); a formation counted by
  its strength keeps its name ("a unit of 3,000 soldiers", "a 3,000-strong unit of soldiers" →
  "unit of soldiers"), while a mere "group of 18 soldiers" counts the soldiers;
* distances: "distance" and the place it is measured from ("four miles from the border" →
  "distance from the border");
* other measures: the noun they measure ("$350 billion aid" → "aid", "40% of voters" → "voters")
  or the dimension's name ("duration", "money", "percent").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from storydesk.model import Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from storydesk.steps.extract.numphrases import Amount

__all__ = ["Counted", "describe_counted"]


@dataclass(frozen=True, slots=True)
class Counted:
    """What is counted: plain ``words``, their ``span``, and the counted ``noun`` as written."""

    words: str = ""
    span: Span | None = None
    noun: str = ""

# Formations whose size *is* the number: "a unit of 3,000 soldiers" is a claim about the unit.
_FORMATIONS = frozenset({
    "unit", "battalion", "brigade", "regiment", "division", "company", "platoon", "squad", "corps",
    "contingent", "force", "army", "fleet", "convoy", "detachment", "delegation", "team",
    "squadron", "column", "crew", "legion",
})
# Containers that only wrap the counted noun: "a group of 18 soldiers" counts soldiers.
_WRAPPERS = frozenset({"group", "total", "number", "band", "party", "batch", "crowd", "wave",
                       "handful", "couple", "set", "pair", "dozen"})
_NOUN_MODIFIERS = frozenset({"amod", "compound", "nmod", "npadvmod"})
_PLACE_PREPS = frozenset({"from", "off", "into", "inside", "outside", "beyond", "behind", "near",
                          "within", "across"})
_DIRECTIONS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast",
                         "southwest", "north-east", "north-west", "south-east", "south-west",
                         "short", "ahead", "west-northwest"})
_DIMENSION_NAMES = {"duration": "duration", "money": "money", "percent": "percent",
                    "kg": "weight", "km²": "area"}


def describe_counted(doc: Doc, amount: Amount, kind: str, base_unit: str) -> Counted:
    """What ``amount`` counts or measures (``kind``/``base_unit`` from ``units.normalize``)."""
    if amount.special == "age":
        noun = _modified_noun(doc, amount)
        return Counted("age", _span(noun, noun) if noun is not None else None)
    if kind == "count":
        return _describe_count(doc, amount)
    if kind == "distance":
        place = _distance_place(doc, amount)
        if place is not None:
            return place
    noun = _modified_noun(doc, amount) or _of_object(doc, amount.last_token + 1)
    if noun is not None:
        words, first = _noun_phrase(noun, amount)
        return Counted(words, _span(first, noun), noun.text)
    return Counted(_DIMENSION_NAMES.get(base_unit, kind if kind != "other" else base_unit))


def _describe_count(doc: Doc, amount: Amount) -> Counted:
    noun = _counted_noun(doc, amount)
    if noun is None:
        # "18 were injured": the number stands for the counted thing; the predicate says what.
        verb = _predicate(doc[amount.num_end - 1])
        return Counted(_verb_words(verb), _span(verb, verb)) if verb is not None else Counted()
    words, first = _noun_phrase(noun, amount)
    container = _container(noun)
    if amount.special == "strong" or noun.lemma_.lower() in _FORMATIONS:
        members = _of_object(doc, noun.i + 1)
        if members is not None:
            member_words, _ = _noun_phrase(members, amount)
            return Counted(f"{noun.text} of {member_words}", _span(first, members), noun.text)
        return Counted(words, _span(first, noun), noun.text)
    if container is not None and container.lemma_.lower() in _FORMATIONS:
        return Counted(f"{container.text} of {words}", _span(container, noun), noun.text)
    anchor = container if container is not None else noun
    if noun.i > amount.last_token and doc[amount.last_token + 1].lower_ == "of":
        # "tens of thousands of people marched": the subject is the amount, not "people".
        anchor = _amount_root(doc, amount)
    verb = _predicate(anchor) or (_predicate(noun) if anchor is not noun else None)
    if verb is not None:
        words = f"{words} {_verb_words(verb)}"
    return Counted(words, _span(first, noun), noun.text)


def _amount_root(doc: Doc, amount: Amount) -> Token:
    """The token of the amount that the rest of the sentence attaches to."""
    inside = range(amount.num_start, amount.last_token + 1)
    for i in inside:
        if doc[i].head.i not in inside or doc[i].head.i == i:
            return doc[i]
    return doc[amount.last_token]


def _counted_noun(doc: Doc, amount: Amount) -> Token | None:
    last = doc[amount.last_token]
    if amount.special == "strong":
        head = last.head  # "strong" → the noun it modifies
        return head if head.pos_ in ("NOUN", "PROPN") and head.i > last.i else None
    of_noun = _of_object(doc, amount.num_end)
    if of_noun is not None:
        return of_noun  # "dozens of people", "18 of the soldiers"
    return _modified_noun(doc, amount)


def _modified_noun(doc: Doc, amount: Amount) -> Token | None:
    """The noun the amount modifies: "18 [soldiers]", "$350 billion [aid]", "19-year-old [Maria]"."""
    span_tokens = range(amount.num_start, amount.last_token + 1)
    for i in reversed(span_tokens):
        head = doc[i].head
        if (head.i > amount.last_token and head.pos_ in ("NOUN", "PROPN") and head.i - i <= 6
                and doc[i].dep_ in ("nummod", "compound", "amod", "nmod", "quantmod", "npadvmod")):
            return head
    # The parser misses some numerals ("~300 people" is tagged as punctuation): a plural noun
    # right after the amount, past its adjectives, is what it counts.
    for tok in doc[amount.last_token + 1 : min(len(doc), amount.last_token + 5)]:
        if tok.tag_ in ("NNS", "NNPS") and tok.dep_ != "compound":
            return tok
        if tok.pos_ not in ("ADJ", "PROPN", "NOUN") or tok.sent != doc[amount.num_start].sent:
            return None
    return None


def _of_object(doc: Doc, i: int) -> Token | None:
    """The object of an "of" at token ``i``: "of [North Korean] soldiers"."""
    if i >= len(doc) or doc[i].lower_ != "of":
        return None
    for child in doc[i].children:
        if child.dep_ == "pobj":
            return child
    # The parser sometimes hangs the noun elsewhere; take the next noun in the same sentence.
    for tok in doc[i + 1 : min(len(doc), i + 6)]:
        if tok.pos_ in ("NOUN", "PROPN"):
            nxt = tok.nbor(1) if tok.i + 1 < len(doc) else None
            if nxt is None or nxt.pos_ not in ("NOUN", "PROPN"):
                return tok
        elif tok.pos_ not in ("DET", "ADJ", "NUM", "PROPN", "NOUN", "PUNCT"):
            break
    return None


def _container(noun: Token) -> Token | None:
    """"unit" in "a unit of 3,000 soldiers", "group" in "a group of 18 soldiers"."""
    prep = noun.head
    if noun.dep_ == "pobj" and prep.lower_ == "of" and prep.head.pos_ == "NOUN":
        lemma = prep.head.lemma_.lower()
        if lemma in _FORMATIONS or lemma in _WRAPPERS:
            return prep.head
    return None


def _noun_phrase(noun: Token, amount: Amount) -> tuple[str, Token]:
    """The noun with its adjective/compound modifiers, minus the amount: "North Korean soldiers"."""
    def outside(t: Token) -> bool:
        return not (amount.start <= t.idx < amount.end)

    keep = [noun]
    for child in noun.lefts:
        if child.dep_ in _NOUN_MODIFIERS and outside(child):
            keep.extend(t for t in child.subtree
                        if outside(t) and t.dep_ != "punct" and t.pos_ != "NUM"
                        and not t.is_space and _same_line(t, noun))
    keep.sort(key=lambda t: t.i)
    return " ".join(t.text for t in keep), keep[0]


def _same_line(a: Token, b: Token) -> bool:
    """Scraped text runs a headline into the first sentence ("... in Chicago\n\nFour people
    were killed"): the parser links words across the break, but what is counted never spans it."""
    first, last = sorted((a, b), key=lambda t: t.i)
    return "\n" not in first.doc.text[first.idx : last.idx]


def _predicate(anchor: Token) -> Token | None:
    """The verb saying what happened to the counted thing, if the parse gives one."""
    if (anchor.dep_ in ("nsubj", "nsubjpass", "dobj") and anchor.head.pos_ == "VERB"
            and _same_line(anchor, anchor.head)):
        return anchor.head
    for child in anchor.rights:
        if child.dep_ in ("acl", "relcl") and child.pos_ == "VERB" and _same_line(anchor, child):
            return child
    return None


def _verb_words(verb: Token) -> str:
    particles = [c.text for c in verb.rights if c.dep_ == "prt"]
    return " ".join([verb.text, *particles])


def _distance_place(doc: Doc, amount: Amount) -> Counted | None:
    """"distance from the border" for "four miles from the border (with Ukraine)"."""
    k, n = amount.last_token + 1, len(doc)
    if k < n and doc[k].text == "(":
        while k < n and doc[k].text != ")" and k - amount.last_token < 8:
            k += 1  # skip a parenthetical conversion: "7 kilometers (4 miles) from"
        k += 1
    if k < n and doc[k].lower_ in ("away", ","):
        k += 1
    if k >= n:
        return None
    start = doc[k]
    if doc[k].lower_ in _DIRECTIONS and k + 1 < n and doc[k + 1].lower_ in ("of", "from"):
        prep = doc[k + 1]
    elif doc[k].lower_ in _PLACE_PREPS:
        prep = doc[k]
    else:
        return None
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if obj is None:
        obj = next((t for t in doc[prep.i + 1 : min(n, prep.i + 5)]
                    if t.pos_ in ("NOUN", "PROPN")), None)
    if obj is None:
        return None
    keep = [t for t in obj.lefts if t.dep_ in ("det", "poss", "amod", "compound", "case")]
    words = [t for left in keep for t in left.subtree if t.i < obj.i] + [obj]
    first = min((t for t in words), key=lambda t: t.i)
    lead = doc.text[start.idx : prep.idx + len(prep.text)]
    phrase = doc.text[first.idx : obj.idx + len(obj.text)]
    return Counted(f"distance {lead} {phrase}", Span(start.idx, obj.idx + len(obj.text)), obj.text)


def _span(first: Token, last: Token) -> Span:
    a, b = sorted((first, last), key=lambda t: t.i)
    return Span(a.idx, b.idx + len(b.text))
