"""Killed figures stated without a number: "a 16-year-old boy was shot to death" (one killed),
"Shane Simpson, 16, was killed", "a shooting that left a teen dead", "A woman and her toddler
died" (two), "killed a young couple" (two).

News reports of a single death rarely write "one person was killed": they name the victim or
describe them ("a man", "the 3-year-old girl"). ``lone_victims(text, names)`` reads such
statements in an article's lead and gives the number of dead they state, counting the people
in a coordinated subject ("A man and his two kids were found dead": three). The casualty
reader (``casualties.headline_casualties``) uses it only when no counted figure states the
killed, so "two people were killed" always wins over a description of one of them.

The reading is deliberately narrow (measured on GVA articles outside the claims-gva sample):
a singular person noun or a person's name as the subject of a death verb in the same clause,
nothing plural or coordinated that it does not count, and no sign in the lead that more than
one died ("double homicide", "murder-suicide", "bodies", "both").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from storydesk.model import Span

__all__ = ["LoneVictims", "lone_victims", "coordinated_dead", "LEAD_CHARS"]

LEAD_CHARS = 900  # the headline and the first paragraph or two: where the toll is stated

_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
# One person, as the head noun of a noun phrase.
_PERSON = (
    r"(?:man|woman|boy|girl|teen|teenager|child|toddler|infant|baby|person|victim|driver|"
    r"motorist|officer|deputy|trooper|student|father|mother|dad|mom|husband|wife|son|daughter|"
    r"brother|sister|grandmother|grandfather|grandson|granddaughter|resident|clerk|employee|"
    r"worker|owner|suspect|gunman|shooter|male|female|juvenile|youth|teenage (?:boy|girl)|"
    r"(?:\d{1,3}|[a-z]+)[- ]year[- ]old(?: (?:man|woman|boy|girl|male|female|child|son|"
    r"daughter))?|[a-z]+[- ]month[- ]old(?: (?:boy|girl|baby|son|daughter))?|"
    r"\d{1,2}-month-old(?: (?:boy|girl|baby|son|daughter))?)"
)
# Modifiers between the determiner and the noun ("a 23-year-old Chicago man").
_MODS = r"(?:(?!(?:and|or|who|of|in|at|after|was|were|is|are)\b)[\w'’-]+\s+){0,3}?"
_SINGLE = rf"(?:an?|one|the|his|her|their)\s+{_MODS}{_PERSON}"
# A death in a passive or intransitive verb phrase after the subject. A verb that can be
# active is refused before an object: in "A man killed his wife" the man is the killer.
_DEATH = (
    r"(?:(?:was|has been|had been|is|has|had)\s+(?:\w+ly\s+|later\s+|then\s+)?)?"
    r"(?:(?:shot and killed|shot to death|shot dead|killed|slain|murdered|fatally (?:shot|"
    r"wounded|stabbed|struck))\b(?!\s+(?:his|her|their|its|a|an|the|him|them|two|three|four|"
    r"five|six|\d+|one|another|several|multiple|at least)\b)"
    r"|(?:found (?:shot )?dead|pronounced dead|declared dead|dead|died|dies|dying)\b)"
)
# Between a subject and its verb, only an apposition: ", 16,", ", who".
_GAP = r"(?:\s*,\s*(?:age\s+)?\d{1,3}\s*,|\s*,)?\s*(?:who\s+(?=was|has|had|is|later|died))?"
# "A man was killed", "The 16-year-old boy was shot to death", "Teen killed in ..."
_SUBJECT_DIES = re.compile(rf"\b(?P<subj>{_SINGLE}|{_PERSON}){_GAP}{_DEATH}", re.I)
# After a person's name, where they are from: "Michael Baker of Indianapolis died".
_HOMETOWN = r"(?:\s+of\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})?"
# "McCloud, 34, was found dead": a capitalised name with an age apposition is a person even
# where the entity recogniser misses it.
_NAMED_AGE = re.compile(
    rf"\b(?P<subj>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){{0,3}}),\s*\d{{1,3}},\s*(?:who\s+)?{_DEATH}")
# "a shooting that left a teen dead", "killing a six year old boy", "the fatal shooting of a
# 3-year-old girl": the lone victim as object.
_OBJECT_DIES = re.compile(
    rf"\b(?:left|leaves|leaving)\s+(?P<subj>{_SINGLE})\s+dead\b"
    rf"|\b(?:killing|killed|kills|kill|shot and killed|shooting and killing|murdered|"
    rf"murdering)\s+(?P<obj>{_SINGLE})\b"
    rf"|\b(?:fatal shooting|shooting death|death|killing|slaying|murder)\s+of\s+(?P<of>{_SINGLE})\b",
    re.I,
)
# A coordinated subject of a death: "A man and his two kids were found dead", "a mother and
# her 2-year-old are dead". Each conjunct is one person or a counted group.
_CONJUNCT = rf"(?:(?:an?|the|his|her|their)\s+)?(?:(?:two|three|four|five|six|\d)\s+)?{_MODS}" \
            rf"(?:{_PERSON}|children|kids|sons|daughters|men|women|boys|girls)"
_COORDINATED = re.compile(
    rf"(?<![\w,] )\b(?P<subj>{_CONJUNCT}(?:\s*,\s*{_CONJUNCT})*(?:\s+and\s+|\s*,\s*)"
    rf"{_CONJUNCT})\s+"
    r"(?:were|are|have been|had been)?\s*(?:\w+ly\s+)?"
    r"(?:found (?:shot )?dead|shot to death|shot dead|killed|slain|dead|died)\b",
    re.I,
)
_COUPLE = re.compile(r"\b(?:killed|killing|kills)\s+an?\s+(?:\w+\s+)?couple\b", re.I)
# Signs that more than one died, or that the dead are counted elsewhere in the lead.
_SEVERAL_DEAD = re.compile(
    r"\b(?:double|triple|quadruple|mass)[- ](?:homicide|murder|killing|fatal)|murder[- ]suicide"
    r"|\bkilled (?:him|her|them)sel(?:f|ves)\b|\bbodies\b|\bkillings\b|\bdeaths\b|\bboth\b"
    r"|\b(?:spree|rampage|massacre)\b",
    re.I,
)
_PLURAL_BEFORE = re.compile(rf"\b(?:and|&)\s+$|\b{_PERSON},\s*$", re.I)
_PLURAL_AFTER = re.compile(r"^\s*(?:and|&)\s+(?!(?:then|later|was|were)\b)", re.I)


@dataclass(frozen=True, slots=True)
class LoneVictims:
    """The killed figure stated without a numeral in a lead: ``value`` dead, named by the words
    at ``start:end`` (the subject or object; for a lone victim ``end`` is where its noun phrase
    or name ends)."""

    value: int
    start: int
    end: int


def _lead(text: str) -> str:
    return text[:LEAD_CHARS]


def _count_conjuncts(subject: str) -> int:
    total = 0
    for part in re.split(r"\s*,\s*|\s+and\s+", subject):
        number = re.search(r"\b(two|three|four|five|six|\d)\b(?![- ](?:year|month))", part, re.I)
        if number:
            word = number.group(1).lower()
            total += int(word) if word.isdigit() else _NUMBER_WORDS[word]
        else:
            total += 1
    return total


def _coordinated_end(lead: str, start: int, end: int) -> bool:
    """True when the subject at ``start:end`` is one conjunct of several ("a woman and toddler
    died", "Smith and Jones were killed"): the lone reading would undercount."""
    return bool(_PLURAL_BEFORE.search(lead[max(0, start - 40) : start])
                or _PLURAL_AFTER.match(lead[end : end + 12]))


def lone_victims(
    text: str, names: Iterable[Span] = (), keep: Callable[[int], bool] = lambda start: True
) -> LoneVictims | None:
    """The number of dead the lead of ``text`` states without a numeral, or None.

    ``names`` are person-name spans (spaCy ``PERSON`` entities) in ``text``: "Shane Simpson, 16,
    was killed" states one death as surely as "a man was killed". Teaser lines (related stories,
    video playlists) are left to the caller: a statement starting at an offset ``keep`` refuses is
    ignored.
    """
    lead = _lead(text)
    found = [group for group in coordinated_dead(text) if keep(group.start)]
    if found:  # a counted group outranks a lone description of one of its members
        return found[0]
    if _SEVERAL_DEAD.search(lead):
        return None
    candidates: list[tuple[int, int]] = []
    for match in _SUBJECT_DIES.finditer(lead):
        start, end = match.span("subj")
        if _coordinated_end(lead, start, end) or re.search(r"\bwere\b", match.group(0), re.I):
            continue
        candidates.append((start, end))
    for match in _NAMED_AGE.finditer(lead):
        start, end = match.span("subj")
        if not _coordinated_end(lead, start, end):
            candidates.append((start, end))
    for match in _OBJECT_DIES.finditer(lead):
        group = next(g for g in ("subj", "obj", "of") if match.group(g) is not None)
        start, end = match.span(group)
        if _coordinated_end(lead, start, end):
            continue
        candidates.append((start, end))
    for name in names:
        if name.start >= len(lead):
            continue
        after = re.match(rf"{_HOMETOWN}{_GAP}{_DEATH}", lead[name.end : name.end + 80])
        if after and not _coordinated_end(lead, name.start, name.end) and not re.search(
                r"\bwere\b", after.group(0), re.I):
            candidates.append((name.start, name.end))
    candidates = [span for span in candidates if keep(span[0])]
    return LoneVictims(1, *min(candidates)) if candidates else None


def coordinated_dead(text: str) -> list[LoneVictims]:
    """The coordinated groups of dead in the lead of ``text``, in text order: "A man and his two
    kids were found dead" (3, the subject's span), "killed a young couple" (2). A counted figure
    inside such a subject ("two kids") is one conjunct of it, not the toll."""
    lead = _lead(text)
    found = [LoneVictims(_count_conjuncts(match.group("subj")), *match.span("subj"))
             for match in _COORDINATED.finditer(lead)]
    found += [LoneVictims(2, *match.span()) for match in _COUPLE.finditer(lead)]
    return sorted(found, key=lambda group: group.start)
