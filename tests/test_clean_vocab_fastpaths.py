"""``find_furniture``'s screens and shortcuts give exactly the verdicts of the plain rules."""

from __future__ import annotations

import random
import re
import sys

import pytest

from storydesk.steps.clean import vocab
from tests.clean_references import slow_furniture

EVERY = [chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c < 0xE000]


# Lines each rule takes (and near misses), in odd case, padding and scripts.
EXAMPLES = [
    "Comments", "3 Comments", "COMMENTS (12)", "٣ comments", "Leave a Reply", "Join the discussion",
    "12 thoughts on “Mayor opens bridge”", "View all comments", "Top rated comments", "ſhow comments",
    "More stories from Ohio", "Related coverage", "Lesen Sie auch: Brücke", "À lire aussi",
    "Te puede interesar", "Você também pode gostar", "ЧИТАЙТЕ ТАКЖЕ", "You might also like",
    "This might also interest you", "Related: Mayor opens bridge", "  READ MORE : more", "Watch:",
    "more:", "Moreover: the bridge", "- Related: x", "• Menu »", "Share", "Editor’s Picks", "—",
    "...", "", "   ", "İstanbul said:", "Jane on May 2 said:", "Jane said:\n", "Jane said: yes",
    "He said the bridge would open.", "Photo: Jane Roe", "5 min read", "Image 3 of 12", " 4 / 9",
    "(AFP/DPA)", "(ap)", "https://example.com/a", "Skip to main content", "Share on Facebook",
    "Advertisement - Scroll to continue", "Translated from German by Léa", "Übersetzt von Jane",
    "Lesezeit: 4 Minuten", "A video shared by City News", "To read the full story, subscribe",
    "ΣΧΟΛΙΑ", "ΟΔΟΣ Σ.", "Straße · Σ", "Permalink | 3 comments", "Читайте такᲂж", "читайте такᲂже",
]


def _words(count: int, seed: int) -> list[str]:
    """Random lines built from the vocabulary's own words, padding, case and odd letters."""
    rng = random.Random(seed)
    pieces = [w for phrases in vocab._WHOLE_LINE.values() for p in phrases for w in p.split()]
    pieces += re.findall(r"[^\W\d_]+", " ".join(p.pattern for _, p, _ in vocab._PATTERNS))
    pieces += re.findall(r"[^\W\d_]+", vocab.COMMENT_HEADING.pattern + vocab._TEASER_HEADING.pattern)
    pieces += ["3", "12", "(5)", ":", "|", "—", "•", "said:", "©", "(@x)", "’", "Σ", "ς", "\t", "\xa0"]
    lines = []
    for _ in range(count):
        chosen = [rng.choice(pieces) for _ in range(rng.choice([1, 2, 3, 5, 12, 25, 45]))]
        chosen = [w.upper() if rng.random() < 0.2 else w.title() if rng.random() < 0.2 else w for w in chosen]
        line = rng.choice([" ", "  ", " \t"]).join(chosen)
        lines.append(rng.choice(["", "- ", "• ", " ", "(", "» "]) + line + rng.choice(["", ":", " »", "\n", "."]))
    return lines


VOCABULARY = [phrase for phrases in vocab._WHOLE_LINE.values() for phrase in phrases]


@pytest.mark.parametrize(
    "line",
    EXAMPLES + VOCABULARY + [p.upper() for p in VOCABULARY] + [f"• {p} »" for p in VOCABULARY] + _words(3000, 7),
)
def test_clean_vocab_fastpaths_find_furniture_matches_the_plain_rules(line: str):
    assert vocab.find_furniture(line) == slow_furniture(line)


def test_clean_vocab_fastpaths_random_unicode_lines_match_the_plain_rules():
    rng = random.Random(11)
    alphabet = EVERY[:0x250] + list("Σςİıſᲂᲄᲅчтое’  :\u0301\u2028")
    for _ in range(3000):
        line = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 90)))
        assert vocab.find_furniture(line) == slow_furniture(line), line


def test_clean_vocab_fastpaths_lower_case_commutes_with_strip_and_split():
    # One lower-cased copy serves the normalised line: lower() maps no character to or from
    # whitespace or a stripped character, and makes none of ``_ODD_LETTERS`` (lines holding
    # one take the plain path).
    strip = set(vocab._STRIP)
    for char in EVERY:
        low = char.lower()
        if char.isspace() or char in strip:
            assert low == char, hex(ord(char))
        else:
            assert not any(c.isspace() or c in strip for c in low), hex(ord(char))
        if not vocab._ODD_LETTERS.match(char):
            assert not vocab._ODD_LETTERS.search(low), hex(ord(char))
    # The final-sigma rule looks at neighbouring letters: stripping and collapsing spaces keeps it.
    rng = random.Random(3)
    alphabet = ["Σ", "σ", "A", "a", " ", "  ", "\t", ".", "·", ":", "'", "’", "\u0301", "-", "•"]
    for _ in range(5000):
        line = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 12)))
        slow = " ".join(line.strip(vocab._STRIP).split()).lower()
        assert " ".join(line.lower().strip(vocab._STRIP).split()) == slow, line


def _atoms(*patterns: re.Pattern[str]) -> list[str]:
    """Every single-character atom of the patterns: their literal characters and classes."""
    source = re.sub(r"\\.|\(\?(P<\w+>|<?[:=!])", "(", "".join(p.pattern for p in patterns))
    literals = {c for c in source if not c.isspace()} - set("()[]{}|?*+^$")
    return [re.escape(c) for c in sorted(literals | set(".()[]':"))] + [
        r"\s", r"\S", r"\d", r"\w", r"\W", "[1-9]", "[a-z]", "[^.]", "[^—]", "[:：]", "[-–—:|]", ".",
    ]  # fmt: skip


def test_clean_vocab_fastpaths_headings_match_lower_case_text_without_ignorecase():
    # The headings are matched case-sensitively on lower-cased text without ``_ODD_LETTERS``:
    # every other character lower() can give matches each atom with and without re.IGNORECASE
    # alike.
    headings = (vocab.COMMENT_HEADING, vocab._TEASER_HEADING, vocab._TEASER_LINK)
    for pattern in headings:
        assert pattern.flags & re.IGNORECASE
        assert re.sub(r"\\.", "", pattern.pattern) == re.sub(r"\\.", "", pattern.pattern).lower()
    produced = {c for char in EVERY for c in char.lower()} | {"ς"}
    odd = {c for c in EVERY if vocab._ODD_LETTERS.fullmatch(c)}
    assert odd == set("İıſᲂᲄᲅ")
    produced -= odd
    assert all(c.lower() == c for c in produced)
    text = "\n".join(sorted(produced - {"\n"}))  # one character a line: each match is one
    for atom in _atoms(*headings):
        assert bool(re.fullmatch(atom, "\n", re.I)) == bool(re.fullmatch(atom, "\n"))
        caseless = {m.group() for m in re.finditer(f"^(?:{atom})$", text, re.I | re.M)}
        cased = {m.group() for m in re.finditer(f"^(?:{atom})$", text, re.M)}
        assert caseless == cased, (atom, caseless ^ cased)


_CLASS = "class"


def _openings(items: list, prefixes: set[tuple], size: int) -> set[tuple]:
    """The first ``size`` atoms of every string ``items`` (a parsed expression) can match at the
    start of a line: characters, then ``_CLASS`` where a class or any character comes first, or
    ``"$"`` where the match may end. Assertions are skipped: the sets can only grow."""
    from re import _constants as c  # type: ignore[attr-defined]

    for op, av in items:
        grown: set[tuple] = set()
        for prefix in prefixes:
            if len(prefix) >= size or (prefix and (prefix[-1] == "$" or prefix[-1].startswith(_CLASS))):
                grown.add(prefix)
            elif op is c.LITERAL:
                grown.add((*prefix, chr(av)))
            elif op in (c.IN, c.ANY, c.NOT_LITERAL, c.CATEGORY):
                grown.add((*prefix, f"{_CLASS} {op} {av}"))
            elif op is c.SUBPATTERN:
                grown |= _openings(list(av[-1]), {prefix}, size)
            elif op is c.BRANCH:
                for branch in av[1]:
                    grown |= _openings(list(branch), {prefix}, size)
            elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
                low, high, sub = av
                current = {prefix}
                if low == 0:
                    grown.add(prefix)
                for count in range(1, min(high, size + 1) + 1):
                    current = _openings(list(sub), current, size)
                    if count >= low:
                        grown |= current
                if high > size + 1:  # longer repeats only extend prefixes already full
                    grown |= current
            elif op is c.AT:
                grown.add((*prefix, "$") if av in (c.AT_END, c.AT_END_STRING) else prefix)
            elif op in (c.ASSERT, c.ASSERT_NOT):
                grown.add(prefix)
            else:  # pragma: no cover - an expression the screens were not built for
                raise AssertionError(op)
        prefixes = grown
    return prefixes


def _openings_of(pattern: re.Pattern[str], size: int = 3) -> set[tuple]:
    from re import _parser  # type: ignore[attr-defined]

    return _openings(list(_parser.parse(pattern.pattern, pattern.flags & ~re.IGNORECASE)), {()}, size)


def test_clean_vocab_fastpaths_openings_of_a_toy_expression():
    found = _openings_of(re.compile(r"^(a |an )?(video|tw) x\d|^go\b|^\s*\d"))
    classes = {o for o in found if o[0].startswith(_CLASS)}
    assert found - classes == {("a", " ", "v"), ("a", " ", "t"), ("a", "n", " "), ("v", "i", "d"),
                               ("t", "w", " "), ("g", "o")}  # fmt: skip
    assert len(classes) == 2 and all(len(o) == 1 for o in classes)


@pytest.mark.parametrize(
    ("pattern", "starts", "open_digits"),
    [
        (vocab._COMMENT_FOLDED, vocab._COMMENT_STARTS, True),
        (vocab._TEASER_HEADING_FOLDED, vocab._TEASER_STARTS, False),
    ],
)
def test_clean_vocab_fastpaths_heading_starts_cover_every_branch(pattern, starts, open_digits):
    # A normalised line the heading matches starts with three characters of the set, or (comment
    # counts, "12 comments") with a digit, which ``\d`` and ``[1-9]`` only match when decimal.
    for opening in _openings_of(pattern):
        if opening[0].startswith(_CLASS):
            assert open_digits and ("CATEGORY_DIGIT" in opening[0] or "(49, 57)" in opening[0]), opening
            continue
        assert all(len(atom) == 1 and atom != "$" for atom in opening[:3]), opening
        assert "".join(opening[:3]) in starts, opening
    digit = re.compile(r"\d")
    assert all(digit.fullmatch(c) is None or c.isdecimal() for c in EVERY)


def test_clean_vocab_fastpaths_teaser_link_needs_a_colon_and_comment_attribution_ends_with_one():
    assert vocab._TEASER_LINK.pattern.endswith(r"\s*:")
    comments = [p for reason, p, _ in vocab._PATTERNS if reason == "comment"]
    assert comments and all(p.pattern.endswith(":$") and not p.flags & re.MULTILINE for p in comments)


def test_clean_vocab_fastpaths_whole_line_phrases_have_few_words():
    assert max(len(phrase.split()) for phrase in vocab._WHOLE) <= vocab._MAX_HEADING_WORDS


def test_clean_vocab_fastpaths_long_lines_screen_the_literals_of_every_pattern_they_try():
    tried = {lit for reason, _, needs in vocab._PATTERNS if needs and reason != "comment"
             and reason not in vocab._SHORT_ONLY for lit in needs[0]}  # fmt: skip
    assert set(vocab._LONG_LITERALS) == tried
    assert "navigation" in vocab._SHORT_ONLY and "embed" not in vocab._SHORT_ONLY
    prose = " ".join(["The council met on Monday and said the bridge would open"] * 5)
    for line in (prose + " © 2024", prose + " View this post on Instagram", prose + " We use cookies."):
        assert vocab.find_furniture(line) == slow_furniture(line)


def test_clean_vocab_fastpaths_anchored_starts_cover_every_branch():
    # A folded line ``_ANCHORED_FOLDED`` matches opens with three characters of the set, with "("
    # and then a class, or with a class that only matches decimal digits or whitespace.
    for opening in _openings_of(vocab._ANCHORED_FOLDED):
        if opening[0].startswith(_CLASS):
            assert "CATEGORY_DIGIT" in opening[0] or "CATEGORY_SPACE" in opening[0], opening
        elif any(atom.startswith(_CLASS) for atom in opening[:3]):
            assert opening[0] == vocab._ANCHORED_INITIAL, opening
        else:
            assert all(len(atom) == 1 and atom != "$" for atom in opening[:3]), opening
            assert "".join(opening[:3]) in vocab._ANCHORED_STARTS, opening
    digit, space = re.compile(r"\d"), re.compile(r"\s")
    assert all(digit.fullmatch(c) is None or c.isdecimal() for c in EVERY)
    assert all(space.fullmatch(c) is None or c.isspace() for c in EVERY)
    assert not any(c.isalpha() for c in vocab._ANCHORED_INITIAL + "0 \t")


@pytest.mark.parametrize(
    "line",
    EXAMPLES + VOCABULARY + _words(3000, 13)
    + ["(dpa)", "( afp / dpa )", "٣ min read", "\u2003 4 / 9", "\t12 of 40", "cré", "a tweet posted by x",
       "photo3", "Post shared by Jane", "(", "", "x", "ｗｗｗ.example.com", "Ⅻ of 40", "²3 of 4"],
)  # fmt: skip
def test_clean_vocab_fastpaths_anchored_screen_passes_every_match(line: str):
    for folded in (line, line.lower(), vocab._fold(line)):
        if vocab._ANCHORED_FOLDED.match(folded):
            assert vocab._may_anchor(folded), folded
