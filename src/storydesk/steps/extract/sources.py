"""Naming and classifying the sources an article cites.

``normalize_source_name`` turns the words an article uses ("the Kyiv Independent", "Ukrainian public
broadcaster Suspilne", "Kremlin spokesman Dmitry Peskov") into a name that several articles can
agree on ("Kyiv Independent", "Suspilne", "Dmitry Peskov"); ``source_role`` keeps the descriptor
that was stripped; ``classify_source`` puts a source into one of ``model.SOURCE_KINDS``. All three
work on plain text so they can be used outside a spaCy pipeline; the word lists live in
``lexicon.py``.
"""

from __future__ import annotations

import re

from storydesk.steps.extract import lexicon

_WORD = re.compile(r"[\w][\w.\-'’&]*|[“”\"]", re.UNICODE)
_POSSESSIVE = re.compile(r"(\w)['’]s\b|(\w[sS])['’](?=\s)")
_EDGE_JUNK = " \t\r\n,;:.!?\"“”‘’'()[]—–-"
# Lower-case words allowed inside a proper name ("Ministry of Defense", "Mission to the UN").
_NAME_CONNECTORS = frozenset(
    {"of", "for", "to", "the", "and", "de", "du", "al", "bin", "van", "von"}
)
# Verbs whose subject, when an unknown organisation, is most likely a news outlet.
_OUTLET_CUES = frozenset({"report", "write", "publish", "broadcast", "air"})


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def _is_cap(word: str) -> bool:
    return word[:1].isupper() or word[:1].isdigit()


def _strip_determiners(words: list[str]) -> list[str]:
    while words and words[0].lower() in lexicon.DETERMINERS and len(words) > 1:
        words = words[1:]
    return words


def _drop_appositive(text: str) -> tuple[str, str]:
    """Split "Dmitry Peskov, the Kremlin spokesman" into the name part and the appositive."""
    parts = [p.strip() for p in re.split(r"\s*[,(—–]\s*", text) if p.strip(_EDGE_JUNK)]
    if len(parts) < 2:
        return text, ""
    named = [p for p in parts if any(_is_cap(w) for w in _words(p)[1:] or _words(p))]
    head = named[0] if named else parts[0]
    rest = " ".join(p for p in parts if p is not head)
    return head, rest


def _last_role_end(words: list[str]) -> int:
    """Index just after the right-most title/descriptor phrase in ``words`` (0 when none)."""
    lowered = [w.lower() for w in words]
    best = 0
    for size in (3, 2, 1):
        for i in range(len(lowered) - size + 1):
            if " ".join(lowered[i : i + size]) in lexicon.ROLE_WORDS:
                best = max(best, i + size)
    return best


def _split_role(text: str) -> tuple[list[str], list[str]]:
    """Split a source phrase into (descriptor words, name words)."""
    cleaned = text.strip(_EDGE_JUNK)
    cleaned, appositive = _drop_appositive(cleaned)
    words = _strip_determiners(_words(cleaned))
    words = [w for w in words if w not in '“”"']
    if not words:
        return [], []
    role_end = _last_role_end(words)
    # A title followed by a capitalised name: "Ukrainian President Volodymyr Zelensky".
    if (
        0 < role_end < len(words)
        and all(_is_cap(w) or w.lower() in _NAME_CONNECTORS for w in words[role_end:])
        and _is_cap(words[role_end])
    ):
        return words[:role_end], words[role_end:]
    # A lower-case descriptor followed by a name: "North Korean leader Kim Jong Un".
    run_start = len(words)
    while run_start > 0 and (
        _is_cap(words[run_start - 1])
        or (words[run_start - 1].lower() in _NAME_CONNECTORS and run_start < len(words))
    ):
        run_start -= 1
    while run_start < len(words) and words[run_start].lower() in _NAME_CONNECTORS:
        run_start += 1
    if 0 < run_start < len(words) and any(not _is_cap(w) for w in words[:run_start]):
        last_lower = max(i for i, w in enumerate(words[:run_start]) if not _is_cap(w))
        if words[last_lower].lower() not in _NAME_CONNECTORS:
            return words[: last_lower + 1], words[last_lower + 1 :]
    if appositive:
        return _strip_determiners(_words(appositive)), words
    return [], words


def _join(words: list[str]) -> str:
    text = " ".join(words)
    return re.sub(r"\s+([’'])", r"\1", text).strip(_EDGE_JUNK)


def normalize_source_name(text: str) -> str:
    """Return a source's name without determiners, titles and descriptors.

    "the Kyiv Independent" -> "Kyiv Independent"; "Ukrainian public broadcaster Suspilne" ->
    "Suspilne"; "Kremlin spokesman Dmitry Peskov" -> "Dmitry Peskov"; "South Korea's Yonhap News
    Agency" -> "Yonhap News Agency"; "Suspilne's sources" -> "Suspilne sources"; unnamed groups
    keep their words: "unnamed intelligence officials".
    """
    if not text or not text.strip(_EDGE_JUNK):
        return ""
    flat = re.sub(r"\s+", " ", text).strip(_EDGE_JUNK)
    # "South Korea's Yonhap News Agency": a possessor before a proper name only locates it.
    flat = (
        re.sub(r"^.*?\w['’]s\s+(?=[A-Z])", "", flat) if re.search(r"['’]s\s+[A-Z]", flat) else flat
    )
    # "Suspilne's sources": keep both words, drop the possessive marker.
    flat = _POSSESSIVE.sub(lambda m: m.group(1) or m.group(2), flat)
    _, name = _split_role(flat)
    return _join(name)


def source_role(text: str) -> str | None:
    """Return the descriptor a source phrase gives its name ("Kremlin spokesman" for "Kremlin
    spokesman Dmitry Peskov"), or None when the phrase is a bare name or has no name."""
    if not text or not text.strip(_EDGE_JUNK):
        return None
    flat = re.sub(r"\s+", " ", text).strip(_EDGE_JUNK)
    flat = (
        re.sub(r"^.*?\w['’]s\s+(?=[A-Z])", "", flat) if re.search(r"['’]s\s+[A-Z]", flat) else flat
    )
    role, name = _split_role(flat)
    if not role or not name:
        return None
    return _join(role) or None


def _has_phrase(lowered: list[str], phrases: frozenset[str]) -> bool:
    joined = " " + " ".join(lowered) + " "
    return any(f" {p} " in joined for p in phrases)


def classify_source(text: str, ent_label: str | None = None, cue: str | None = None) -> str:
    """Return the kind of a source (one of ``model.SOURCE_KINDS``).

    ``text`` is the source phrase as written, descriptors included ("Ukrainian public broadcaster
    Suspilne" is an outlet even though "Suspilne" alone says nothing); ``ent_label`` is the spaCy
    entity label of its head, if any; ``cue`` the lemma of the attribution verb, used only to tell
    an unknown organisation that "reported" (an outlet) from one that "said" (an official body).
    """
    flat = re.sub(r"[’']s\b", "", text or "")
    lowered = [w.lower().strip('“”"') for w in _words(flat)]
    lowered = [w for w in lowered if w]
    if not lowered:
        return "unnamed"
    name = normalize_source_name(text).lower()
    has_name = ent_label in {"PERSON", "ORG", "GPE", "NORP"} or (
        bool(name) and any(_is_cap(w) for w in _words(normalize_source_name(text)))
    )
    head = lowered[-1]

    if ent_label != "PERSON" and _has_phrase(lowered, lexicon.UNNAMED_MARKERS):
        # "unnamed intelligence officials", "a source close to ...": a name would not be hidden.
        return "unnamed"
    if ent_label == "PERSON":
        return "person"
    if name in lexicon.AGENCY_NAMES or _has_phrase(lowered, lexicon.AGENCY_WORDS):
        return "agency"
    if any(w in lexicon.AGENCY_NAMES for w in _words(name)) and len(_words(name)) <= 2:
        return "agency"
    multiword_outlets = frozenset(n for n in lexicon.OUTLET_NAMES if " " in n)
    if name in lexicon.OUTLET_NAMES or _has_phrase(lowered, multiword_outlets):
        return "outlet"
    first = name.split()[0] if name else ""
    if first in lexicon.OUTLET_NAMES - lexicon.AMBIGUOUS_OUTLET_NAMES:
        return "outlet"  # "BBC Russian", "CNN International"
    role = source_role(text)
    if (
        ent_label is None
        and role
        and _is_cap(normalize_source_name(text))
        and role.split()[-1].lower() in lexicon.PERSON_TITLES
    ):
        return "person"  # "Defense Minister Kim Yong-hyun" the recogniser missed
    if head in lexicon.DOCUMENT_WORDS or _has_phrase(lowered[-2:], lexicon.DOCUMENT_WORDS):
        return "document"
    if any(w in lexicon.OUTLET_WORDS for w in lowered) and not _has_phrase(
        lowered, frozenset({"intelligence", "ministry", "police", "government"})
    ):
        return "outlet"
    if head in lexicon.UNNAMED_ROLE_NOUNS:
        # "officials said", "a Western diplomat": a role without a name or an institution.
        institution = any(
            w in lexicon.OFFICIAL_WORDS and w not in lexicon.UNNAMED_ROLE_NOUNS for w in lowered
        )
        if not institution and lowered[0] in {"a", "an", "some", "several", "one", "two", "the"}:
            return "unnamed"
        if not institution and not has_name:
            return "unnamed"
        if institution or ent_label in {"ORG", "GPE", "NORP"} or has_name:
            return "official"
        return "unnamed"
    if any(w in lexicon.OFFICIAL_WORDS for w in lowered) or _has_phrase(
        lowered, lexicon.OFFICIAL_WORDS
    ):
        return "official"
    if ent_label == "ORG":
        return "outlet" if cue in _OUTLET_CUES else "official"
    if ent_label in {"GPE", "NORP"}:
        return "official"
    if name and _is_cap(normalize_source_name(text)):
        # An unlabelled name: a title before it ("Defense Minister Kim") means a person; otherwise
        # it is treated like an organisation.
        if source_role(text) is not None:
            return "person"
        return "outlet" if cue in _OUTLET_CUES else "official"
    return "unnamed"
