"""Casualty figures: which counted quantities state how many were killed or injured.

``casualty_role(text, quantity)`` reads one ``Quantity`` of an article (from ``find_quantities``)
and says whether it counts the killed or the injured, and how much to trust it as *the* figure of
the article: "Two people were killed" (a person noun, the role in its clause), "killed six people"
(the role verb right before), "2 dead, 3 wounded" (the role word as the counted noun), "six were
shot, one fatally". ``casualty_figures(article)`` picks one figure per role for the article;
where no counted figure states the killed, the lead's description of the dead stands for one
("a 16-year-old was shot to death": one; "a man and his two kids were found dead": three; see
``victims.lone_victims``).

Zero figures come from ``negation.find_negated_counts`` ("no one was injured"): they are used
only when the article states no positive figure for that role.

Why a separate reader: the counted words of a quantity say *what* is counted; a fact-checker
comparing outlets needs *which casualty role* a figure is, and which figure is the headline one
rather than a part ("including two children"), another incident ("in a separate shooting") or a
statistic ("80 people were killed in November alone").
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from dataclasses import dataclass

from storydesk.model import Article, Quantity
from storydesk.steps.extract.victims import coordinated_dead, lone_victims


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


__all__ = ["ROLES", "ROLE_WORDS", "CasualtyFigure", "casualty_role", "casualty_figures",
           "headline_casualties", "read_casualties", "in_teaser_line"]

ROLES: tuple[str, ...] = ("killed", "injured")

# "shot" is neither role: "five people were shot" covers the dead and the wounded alike.
ROLE_WORDS: dict[str, frozenset[str]] = {
    "killed": _words("""killed kill kills killing dead died dies dying fatally fatal death deaths
        slain deceased"""),
    "injured": _words("""injured injuring injuries injury wounded wounding hurt hurting
        wounds"""),
}
_ROLE_OF = {word: role for role, words in ROLE_WORDS.items() for word in words}
# After a figure only words stating what befell it count ("two were found dead"); an action or a
# noun there belongs to someone else ("Two indicted for killing a baby").
_STATE_WORDS = frozenset(["killed", "dead", "died", "fatally", "slain", "deceased", "injured", "wounded", "hurt"])
# Right before a figure, a verb whose object it is ("killed six people", "Kills 1 Person").
_VERBS_BEFORE: dict[str, str] = {
    **dict.fromkeys(["kill", "kills", "killed", "killing"], "killed"),
    **dict.fromkeys(["injure", "injures", "injured", "injuring", "hurt", "hurting"], "injured"),
    **dict.fromkeys(["wound", "wounds", "wounded", "wounding"], "injured"),
}
# "the shooting deaths of four women", "the killings of two teens": the figure counts the dead.
_DEATHS_OF = re.compile(r"\b(?:deaths|killings|murders|slayings|bodies) of\s+$", re.I)
# Counted nouns naming people; the first group is the most telling ("three people were killed").
CORE_PERSON_NOUNS = frozenset(["people", "persons", "person", "victims", "victim"])
PERSON_NOUNS = CORE_PERSON_NOUNS | _words(
    """men man women woman others other teens teen teenagers teenager children child kids kid
    boys boy girls girl adults adult students student officers officer males male females female
    juveniles juvenile bystanders bystander members member friends friend relatives family
    patrons customers residents individuals youths youth passengers deputies brothers sisters
    sons daughters guests partygoers suspects suspect gunmen gunman shooters shooter workers worker
    employees employee cousins nephews siblings minors toddlers infants babies students
    teenagers""")

# A figure right after these is a part of a larger total ("including two children"); a bare
# "among" is not: in "a girl among 8 injured" the 8 is the total.
_PART_CUES = re.compile(r"\b(?:including|included|among them|of whom|of them)\s*$", re.I)
# "Two of the victims died": a figure of some of a group named after it.
_PART_AFTER = re.compile(r"^\s*of (?:the|those|them|these|his|her|their)\b", re.I)
# "the death toll rose to 5", "the number of dead climbed to 5": a later figure that replaces
# the earlier ones.
_TOLL_UPDATE = re.compile(
    r"\b(?:death toll|toll|number of (?:dead|deaths|fatalities|victims killed)|fatalities)"
    r"(?: \w+){0,3}? (?:has |had )?(?:rose|risen|rises|climbed|climbs|increased|jumped|grew|"
    r"reached|stands at|stood at|is now|now stands at|now at)(?: to)?\s*$", re.I)
# Lines of related-story lists and video playlists ("+ Two killed in crash", "1:27 1 dead after")
_TEASER_LINE = re.compile(r"^\s*(?:[+•►▶»]|\d{1,2}:\d{2}\b)")
# A figure inside these clauses is about some other time or place, not this incident.
_OTHER_INCIDENT = re.compile(
    r"\b(?:this|last|so far this) (?:year|month|week(?:end)?)|\bso far\b|\bsince (?:january|"
    r"february|march|april|may|june|july|august|september|october|november|december|the start)"
    r"|\b(?:in|during) (?:january|february|march|april|may|june|july|august|september|october|"
    r"november|december)\b(?: alone)?|\bin a separate\b|\bseparate (?:shooting|incident)s?\b"
    r"|\bacross the (?:city|county|state|country)\b|\b(?:19|20)\d\d\b"
    # several incidents in one sentence: "in shootings across Chicago", "two other shootings"
    r"|\b(?:other|earlier|previous|unrelated|several|multiple|two|three|four|five) shootings\b"
    r"|\banother shooting\b|\bshootings (?:across|around|throughout|over|since)\b"
    r"|\bearlier (?:in the day|that day|this week)\b|\bnationwide\b",
    re.I,
)
# The lead (headline and first lines) of an article about several incidents.
_MULTI_INCIDENT = re.compile(
    r"\b(?:separate|unrelated) (?:shootings|incidents|attacks)\b"
    r"|\b(?:two|three|four|five|six|several|multiple) (?:separate )?(?:shootings|incidents)\b"
    r"|\bshootings (?:across|around|throughout)\b",
    re.I,
)
LEAD_CHARS = 600  # the headline and the first paragraph or two
# A headline about several incidents ("8 dead, 27 wounded in weekend shootings across Chicago"):
# its totals are no single incident's figures.
_ROUNDUP = re.compile(r"\b(?:shootings|homicides|separate|spate|multiple|weekend violence)\b", re.I)
_WORD = re.compile(r"[A-Za-z]+|\d+")
_CLAUSE_END = re.compile(r"[;:.!?()\u2014\u2013\n]|,(?!\s*(?:including|among)\b)|\s-\s")
_PARENTHETICAL = re.compile(r"^\s*,\s*(?:including|among them|one of them)\b[^,.;]*,")
_AGE_BEFORE = re.compile(r"\b(?:aged?|ages)(?: of)?\s*$|\bunder the age of\s*$", re.I)
_AGE_AFTER = re.compile(r"^\s*(?:yo|y/o|yrs?\b|years?[- ]old|-year)", re.I)
# Words that may stand between a figure and its state word ("two were later found shot dead").
_FILLERS = _words("""is was were are be been being has have had got shot and both all also later
    found pronounced declared confirmed reported left who now each were people others more other
    of them those victims men women""")
AFTER_TOKENS = 6  # how far after a figure its role word may stand ("two were later found dead")
MAX_FIGURE = 1000  # larger "counts" are addresses, years and phone numbers, not casualties


@dataclass(frozen=True, slots=True)
class CasualtyFigure:
    """One figure read as a casualty count: ``role``, ``value`` and how it ranks.

    ``rank``: 0 for people/persons/victims, 1 for another person noun, 2 for no noun; ``part``
    marks a part of a total ("including two children"); ``doubtful`` a figure that may be about
    another incident or a statistic; ``update`` a later total ("the death toll rose to 5");
    ``start`` is its offset in the text.
    """

    role: str
    value: int
    rank: int
    start: int
    part: bool = False
    doubtful: bool = False
    update: bool = False  # "the death toll rose to 5": replaces the figures before it


def _role_in(words: Iterable[str]) -> str | None:
    for word in words:
        role = _ROLE_OF.get(word.lower())
        if role:
            return role
    return None


def _line_of(text: str, start: int) -> str:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    return text[line_start : line_end if line_end != -1 else len(text)]


def in_teaser_line(text: str, start: int) -> bool:
    """True when offset ``start`` is on a line of a related-stories list or video playlist
    ("+ Two killed in Gallatin County crash", "1:27 1 dead after Fife collision")."""
    return bool(_TEASER_LINE.match(_line_of(text, start)))


def _is_age(text: str, start: int, end: int, unit: str) -> bool:
    """"Smith, 23, was killed", "under the age of 10", "an 8 yo girl": ages, not counts."""
    before, after = text[max(0, start - 25) : start], text[end : end + 12]
    if _AGE_BEFORE.search(before) or _AGE_AFTER.match(after):
        return True
    return not unit and before.rstrip(" ").endswith(",") and after.startswith(",")


def _clause_after(text: str, end: int) -> str:
    rest = text[end : end + 240]
    skip = _PARENTHETICAL.match(rest)  # "Two people, including the gunman, were killed"
    if skip:
        rest = rest[skip.end() :]
    return _CLAUSE_END.split(rest, maxsplit=1)[0]


def _state_after(clause: str, own: frozenset[str] = frozenset()) -> str | None:
    """The role of the first state word in ``clause`` when only fillers stand before it ("were
    later found dead", "were shot and killed"); "sent to the hospital has died" is someone else's
    death."""
    words = _WORD.findall(clause)[:AFTER_TOKENS]
    for i, word in enumerate(words):
        low = word.lower()
        if low in _STATE_WORDS:
            return _ROLE_OF[low]
        if low == "to" and i + 1 < len(words) and words[i + 1].lower() == "death":
            return "killed"  # "three people shot to death", "shooting three relatives to death"
        if low not in _FILLERS and low not in own and low not in PERSON_NOUNS and not (
                low.endswith("ly") and len(low) > 4):
            return None
    return None


def casualty_role(text: str, quantity: Quantity) -> tuple[str, int] | None:
    """``(role, rank)`` if ``quantity`` counts the killed or the injured, else None.

    The role comes, in this order, from the counted noun itself ("2 dead"), the counted words
    ("people injured"), a role verb right before the figure ("killed two people"), or the first
    state word (killed, dead, wounded ...) after it in its clause, at most ``AFTER_TOKENS`` words
    on. A counted noun that names no person ("shots", "cars") disqualifies the figure, and so do
    ages ("Smith, 25, was killed", "under the age of 10") and ranges. ``rank``: 0 for
    people/persons/victims, 1 for another person noun, 2 for no noun.
    """
    figure = read_casualties(text, quantity)
    return (figure.role, figure.rank) if figure is not None else None


def read_casualties(text: str, quantity: Quantity) -> CasualtyFigure | None:
    """The ``CasualtyFigure`` that ``quantity`` states, or None (see ``casualty_role``)."""
    if quantity.kind != "count" or quantity.high not in (None, quantity.value):
        return None
    value = quantity.value
    if not isinstance(value, int | float) or not 0 <= value <= MAX_FIGURE or value != int(value):
        return None
    unit = quantity.unit.lower()
    start, end = quantity.span.start, quantity.span.end
    if in_teaser_line(text, start):
        return None
    if _is_age(text, start, end, unit if unit not in _ROLE_OF else ""):
        return None
    role: str | None
    update = bool(_TOLL_UPDATE.search(text[max(0, start - 80) : start]))
    if update and not unit:
        return CasualtyFigure("killed", int(value), 2, start, update=True)
    if unit in _ROLE_OF:  # the extractor took the role word as the noun: "2 dead"
        role, rank = _ROLE_OF[unit], 2
    elif unit and unit not in PERSON_NOUNS:
        return None
    else:
        rank = 0 if unit in CORE_PERSON_NOUNS else 1 if unit else 2
        role = _role_in(_WORD.findall(quantity.counted))
        if role is None:
            # only spaces between verb and figure: "Teen Killed, Five Others Injured" is no object
            before = re.search(r"([A-Za-z]+)[ \t]+$", text[max(0, start - 30) : start])
            if before and before.group(1).lower() in _VERBS_BEFORE:
                role = _VERBS_BEFORE[before.group(1).lower()]
            elif _DEATHS_OF.search(text[max(0, start - 30) : start]):
                role = "killed"
        if role is None:
            own = frozenset(w.lower() for w in _WORD.findall(quantity.counted))
            role = _state_after(_clause_after(text, end), own)
        if role is None:
            return None
    part = bool(_PART_CUES.search(text[max(0, start - 20) : start])
                or _PART_AFTER.match(text[end : end + 30]))
    sentence = quantity.sentence
    context = text[sentence.start : sentence.end] if sentence is not None else _line_of(text, start)
    doubtful = bool(_OTHER_INCIDENT.search(context))
    return CasualtyFigure(role, int(value), rank, start, part, doubtful)


def _about_this_incident(article: Article, start: int) -> bool:
    """Whether a statement at ``start`` may be about the article's own incident: not on a teaser
    line, not in a sentence about another time or place ("a man killed in a shooting last
    week")."""
    text = article.text
    if in_teaser_line(text, start):
        return False
    sentence = next((s for s in article.sentences or [] if s.start <= start < s.end), None)
    context = text[sentence.start : sentence.end] if sentence is not None else _line_of(text, start)
    return not _OTHER_INCIDENT.search(context)


def casualty_figures(article: Article) -> dict[str, int]:
    """The killed and injured figures ``article`` states, one per role (the values of
    ``headline_casualties``). A role the article states no figure for is absent."""
    return {role: figure.value for role, figure in headline_casualties(article).items()}


def headline_casualties(
    article: Article, quantities: Iterable[Quantity] | None = None
) -> dict[str, CasualtyFigure]:
    """The figure ``article`` gives as *the* killed and *the* injured count of its incident.

    Per role, the first figure in the text (the headline and lead state the incident's totals);
    the last "death toll rose to N" replaces it. A part ("including two children", "two of the
    victims") and a figure in a sentence about other incidents or statistics ("80 were killed in
    November alone", "in a separate shooting", "this year") count only when nothing else is
    stated. Where no whole counted figure states the killed, the lead's description of the dead
    gives it ("a 16-year-old was shot to death": 1, ``victims.lone_victims``), and a counted
    figure that is one conjunct of the dead ("Father and two children found dead") gives way to
    the whole group (3). Zeros from negations are left out: "no one was
    hurt" often closes only part of the count. An article whose lead reports several incidents
    ("8 dead, 27 wounded in weekend shootings", "in three separate shootings") gets no figures.
    ``quantities`` replaces the article's own (a caller that has checked them for malformed
    offsets passes the sound ones).
    """
    text = article.text
    if _ROUNDUP.search(text.split("\n", 1)[0]) or _MULTI_INCIDENT.search(text[:LEAD_CHARS]):
        return {}  # a round-up of several incidents states no one incident's figures
    best: dict[str, tuple[tuple[int, ...], CasualtyFigure]] = {}
    if quantities is None:
        quantities = article.quantities or []
    for quantity in quantities:
        figure = read_casualties(text, quantity)
        if figure is None or figure.value == 0:
            continue  # a zero is a claim, but "no one was hurt" rarely closes the count
        # updates first, the latest of them; then wholes about this incident, earliest first;
        # parts and doubtful figures only when nothing else is stated (they are right more
        # often than not when they are all an article says: measured on GVA articles outside
        # the claims-gva sample)
        key = (0, -figure.start) if figure.update else (1, figure.part, figure.doubtful,
                                                         figure.start)
        if figure.role not in best or key < best[figure.role][0]:
            best[figure.role] = (key, figure)
    killed = best.get("killed")
    if killed is not None and not killed[1].update:
        # "Father and two children found dead": the counted "two" is one conjunct of the dead
        figure = killed[1]
        group = next((g for g in coordinated_dead(text)
                      if g.start <= figure.start < g.end and g.value > figure.value), None)
        if group is not None:
            best["killed"] = (killed[0], dataclasses.replace(figure, value=group.value))
    if killed is None or killed[1].part or killed[1].doubtful:
        # no counted figure states this incident's dead: "a 16-year-old was shot to death"
        names = [e for e in article.entities or [] if e.label == "PERSON"]
        lone = lone_victims(text, names, keep=lambda start: _about_this_incident(article, start))
        if lone is not None:
            best["killed"] = ((2,), CasualtyFigure("killed", lone.value, 1, lone.start))
    return {role: figure for role, (_, figure) in best.items()}
