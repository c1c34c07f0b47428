"""The literal pre-check of the furniture patterns never hides a line a pattern would match."""

from __future__ import annotations

import re

import pytest

from storydesk.steps.clean.vocab import _PATTERNS, _fold, _has_needs, match_furniture
from tests.clean_references import plain_find_date

# One line per pattern that carries literals (and some in odd case), each matched by its regex.
MATCHING = [
    "View this post on Instagram",
    "A post shared by City News (@citynews)",
    "This audio was generated with AI tools",
    "Text narrated by an automated voice",
    "© 2024 Example Media",
    "COPYRIGHT EXAMPLE MEDIA",
    "Sign up for our free daily newsletter",
    "We use cookies to improve your experience",
    "By continuing to use this site you agree",
    "Cookies help us run this website",
    "Permalink | 3 comments",
    "Jane on May 2 said:",
    "PHOTO: Jane Roe",
    "A crowd gathers (AP Photo/Evan Vucci) via Getty Images",
    "Demonstrators in the square. thomsonreuters/JANE ROE",
    "PHOTO: İmage by Jane",
]


@pytest.mark.parametrize("line", MATCHING)
def test_clean_vocab_precheck_keeps_every_matching_pattern(line: str):
    folded = _fold(line)
    hits = [reason for reason, pattern, _ in _PATTERNS if pattern.search(line)]
    assert hits, "the example must match some pattern"
    for _, pattern, needs in _PATTERNS:
        if pattern.search(line):
            assert _has_needs(folded, needs), pattern.pattern
    assert match_furniture(line) is not None


@pytest.mark.parametrize("line", ["The council met on Monday.", "Photos of the bridge were shown"])
def test_clean_vocab_precheck_plain_prose_gets_no_hit(line: str):
    assert match_furniture(line) is None


def test_clean_vocab_fold_covers_ignorecase_letters():
    # Every code point that re.IGNORECASE matches to an ASCII letter or a letter of a literal
    # must fold to that letter, or the ``in`` pre-check would skip a line the regex matches.
    letters = sorted({c for _, _, needs in _PATTERNS for g in needs for lit in g for c in lit if c.isalpha()})
    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    for letter in letters:
        for match in re.finditer(re.escape(letter), every, re.I):
            assert _fold(match.group()) == letter, (letter, match.group())


def _sources(group: str) -> list[str]:
    """The pattern sources that are matched case-sensitively on the folded line instead of
    case-insensitively on the line, escapes such as ``\\S`` or ``\\d`` left out."""
    from storydesk.steps.clean.metadata import _DATE_PATTERNS
    from storydesk.steps.clean.vocab import _PATTERNS as patterns

    if group == "anchored":
        chosen = [p for _, p, needs in patterns if not needs]
    else:
        chosen = list(_DATE_PATTERNS)
    # Class escapes (checked as classes) and group syntax ("(?P<month>", "(?:") are no text;
    # escaped punctuation ("\\.", "\\(") is checked among the atoms.
    return [re.sub(r"\\.|\(\?(P<\w+>|<?[:=!])", "(", p.pattern) for p in chosen]


def test_clean_vocab_anchored_patterns_are_caseless_and_lower_case():
    # ``_ANCHORED_FOLDED`` drops re.IGNORECASE: sound only for patterns that had it and spell
    # their letters in lower case.
    for _, pattern, needs in _PATTERNS:
        if not needs:
            assert pattern.flags & re.IGNORECASE, pattern.pattern
    for group in ("anchored", "dates"):
        assert all(c == c.lower() for source in _sources(group) for c in source if c.isalpha())


@pytest.mark.parametrize("group", ["anchored", "dates"])
def test_clean_vocab_fold_keeps_what_patterns_match_per_character(group: str):
    # Matching a case-insensitive pattern on a line equals matching it case-sensitively on the
    # folded line when folding maps each character to exactly one character that every atom of
    # the patterns (their letters, punctuation, classes) matches case-sensitively iff the
    # original character matches it case-insensitively.
    sources = _sources(group)
    literals = {c for source in sources for c in source if not c.isspace()} - set("()[]{}|?*+^$")
    atoms = [re.escape(c) for c in sorted(literals | set(".()[]"))]
    atoms += [r"\s", r"\S", r"\d", r"\w", "[a-z]", "."]
    folded_atoms = [(re.compile(a, re.I), re.compile(a)) for a in atoms]
    every = [chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000]
    folded = list(map(_fold, every))
    assert all(len(f) == 1 for f in folded)
    # Where folding changes nothing, re.IGNORECASE can still matter for the letters: those
    # characters are checked too; for the rest both sides see the same character and classes
    # (\s, \d, \w, ".") that case does not change.
    letters = "".join(sorted(c for c in literals if c.isalpha())) + "a-z"
    caseless_letter = re.compile(f"[{letters}]", re.I)
    checked = 0
    for char, fold in zip(every, folded, strict=True):
        if fold == char and not caseless_letter.fullmatch(char):
            continue
        checked += 1
        for caseless, cased in folded_atoms:
            assert bool(caseless.fullmatch(char)) == bool(cased.fullmatch(fold)), (hex(ord(char)), cased)
    assert checked > 1000  # every upper-case letter, at least


@pytest.mark.parametrize(
    "text",
    ["OCTOBER 15, 2024 8:20 PM", "15. MÄRZ 2024", "le 3 Août 2023", "ſeptember 5, 2024",
     "Updated: 2024-10-15", "31.02.2024 then 1.3.2024", "İstanbul, 4 Kasım 2024", "no date 2024"],
)  # fmt: skip
def test_clean_vocab_find_date_on_folded_line_matches_the_plain_search(text: str):
    from storydesk.steps.clean import metadata

    found = metadata.find_date(text)
    assert ((found[0], found[1].span()) if found else None) == plain_find_date(text)
    assert found is None or found[1].string == text
