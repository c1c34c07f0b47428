"""Which cited names can be a source at all.

The attribution reader follows PolNeAR, whose attributions include any subject of a stance or
speech cue, so "This cooperation has raised concerns" or "the steady forward movement has Kyiv
feeling ..." come out as attributions with "cooperation" and "steady forward movement" as their
sources. Those are events and processes, not anyone who could be asked for confirmation; listing
them among a story's sources, or counting them as independent origins, misleads the reader. A
name is kept unless it is an undescribed common noun ("unnamed" kind) whose head is an abstract
nominalisation ("-tion", "-ment", "-ness", ...) that no source vocabulary knows ("administration",
"intelligence", "authorities", "statement" are kept: they name bodies, people or documents).
"""

from __future__ import annotations

from storydesk.steps.extract import lexicon

# Suffixes of nouns that name an event, a process or a quality.
ABSTRACT_SUFFIXES: tuple[str, ...] = (
    "tion", "sion", "ment", "ness", "ism", "ance", "ence", "ity", "ing", "ship", "hood",
)  # fmt: skip
# Heads ending in those suffixes that still name bodies or people (beyond the source lexicons).
_KNOWN_BODIES = frozenset(
    {
        "organization", "organisation", "coalition", "federation", "association", "opposition",
        "delegation", "mission", "foundation", "institution", "corporation", "union",
        "prosecution", "defence", "defense", "management", "leadership", "establishment",
        "alliance", "presidency", "community", "university", "majority", "minority", "faculty",
        "municipality", "city", "charity", "entity", "firm", "company", "agency", "ministry",
        "authority", "government", "parliament", "department", "administration", "intelligence",
        "conference", "audience", "residence", "embassy", "nation", "station", "publication",
        "congregation", "population", "generation", "ownership", "partnership", "membership",
        "readership", "building", "king", "viking",
    }
)  # fmt: skip
_SOURCE_WORDS = (
    lexicon.OFFICIAL_WORDS
    | lexicon.UNNAMED_ROLE_NOUNS
    | lexicon.UNNAMED_MARKERS
    | lexicon.DOCUMENT_WORDS
    | lexicon.OUTLET_WORDS
    | lexicon.AGENCY_WORDS
    | lexicon.ROLE_WORDS
    | _KNOWN_BODIES
)


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def is_abstract(name: str) -> bool:
    """True when ``name`` is a lower-case phrase whose head noun names an event, a process or a
    quality rather than a speaker ("cooperation", "steady forward movement")."""
    words = name.split()
    if not words or any(w[:1].isupper() or w[:1].isdigit() for w in words):
        return False  # a name ("Pax Americana Foundation") or a figure: not judged here
    head = words[-1].lower().strip(".,;:'’\"“”")
    singular = _singular(head)
    if head in _SOURCE_WORDS or singular in _SOURCE_WORDS:
        return False
    return singular.endswith(ABSTRACT_SUFFIXES)


def can_be_source(name: str, kind: str | None) -> bool:
    """False for an unnamed-kind name that ``is_abstract``: it cannot have told anyone anything."""
    return not (kind in (None, "unnamed") and is_abstract(name))
