"""Undo hard wrapping before lines are judged: one paragraph per line again.

Text pasted from an e-mail, a terminal, a fixed-width archive or a PDF-to-text tool breaks every
paragraph into lines of at most some width (60-80 characters, usually). The plain-text cleaner
judges lines, and a wrapped paragraph's lines look like labels to it: short, unpunctuated,
starting mid-sentence. ``unwrap_lines`` finds the page's wrap width and joins the lines of each
wrapped run back into one line.

The wrap width is the width at which a writer's (or a program's) line breaks pile up: many lines
just under it whose next line starts with a word that would not have fitted. A page without such
a pile-up (an ordinary scraped page) is returned unchanged, the same string. Even on a wrapped
page, blank lines stay paragraph breaks and list items, table rows, title-case headings and
bylines are never joined.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

# A page needs this many wrap breaks at one width before anything is joined: three can be chance
# (on aeb, a comment widget of lower-case user names made three).
MIN_BREAKS = 4
# Of the lines that fill 70-100 % of the width and are followed by text, at least this share must
# break where the next word would not fit; on an ordinary page it is chance (about a third).
MIN_SHARE = 0.5
FULL = 0.7  # a wrapped (non-final) line fills at least this share of the width
MIN_WIDTH = 40  # narrower "widths" are columns of labels (comment dates and user names), not prose
MAX_WIDTH = 200
MIN_TOKENS = 5  # a full wrapped line of prose holds several words

_TERMINAL = ".!?…:;。！？"
_CLOSERS = "”\"’')]»›*"
_LIST = re.compile(r"^(?:[-*•·–—►▪◦‣>+]\s|\(?\d{1,3}[.)]\s|\(?[a-zA-Z][.)]\s|#)")
_TABLE_GAP = re.compile(r"\S(?:\t| {3,})\S|(?<![.!?:]) {2}(?=\S)")
_BYLINE = re.compile(r"^(?:by|von|par|por|di|door)\s+\w", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+")
# A line of 20+ characters, then a line whose first letter is not an ASCII capital: a superset of
# the breaks ``wrap_width`` needs (20 leaves room for tabs expanded to more columns). The next
# line is only looked at, so that it can start a match of its own. The pattern opens with the
# line break, which ``re`` finds by a plain character scan, and looks back for the 20 characters
# (``^[^\n]{20,}\n`` with re.MULTILINE finds the same breaks, trying every position of the
# page; tests/test_clean_unwrap_fastpaths.py checks both count the same).
_CONTINUED = re.compile(r"\n(?<=[^\n]{20}\n)(?=\s*[^\W\d_A-Z])")
_LOWER_COMMA = re.compile(r",\s+[a-z]")
_HYPHENATED = re.compile(r"(?<![\w-])([^\W\d_]+)-$")
# Compound heads that keep their hyphen across a break ("well-\nknown", "self-\ndefence").
_COMPOUND_HEADS = frozenset(
    ["well", "self", "non", "ex", "co", "anti", "pro", "pre", "post", "long", "short", "high",
     "low", "so", "all", "half", "cross", "full", "part", "mid", "semi", "multi", "inter", "year",
     "day", "month", "week", "old", "first", "second", "third", "one", "two", "three", "four",
     "five", "six", "seven", "eight", "nine", "ten", "twenty", "thirty", "forty", "fifty", "much",
     "hard", "far", "ill", "open", "top", "up", "down", "left", "right", "hand", "state", "end"]
)  # fmt: skip


@dataclass(slots=True)
class _Row:
    """One input line with what the join rules read off it.

    ``blocked``, ``words`` and ``last_lower`` cost a few regular expressions each and are read
    only for lines long enough to be wrapped, and their neighbours: they are computed on first
    use (``_blocked``, ``_details``), not for every line of every page the screen in
    ``unwrap_lines`` lets by; ``words`` and ``last_lower`` only where a wrap width was found.
    """

    text: str  # stripped
    width: int  # length with its indentation, trailing spaces dropped
    terminal: bool  # ends a sentence
    lower_start: bool  # starts with a lower-case letter: continues a sentence
    first_word: int  # length of its first word (what would have had to fit on the line above)
    # Whitespace-separated tokens, counted up to ``MIN_TOKENS`` + 1 (only ``tokens < MIN_TOKENS``
    # is ever asked): prose has several, a CSS class name has one.
    tokens: int
    block: bool | None = None  # ``blocked``, once computed
    detail: tuple[int, bool] | None = None  # (words, last_lower), once computed

    @property
    def blocked(self) -> bool:
        """A line never joined: blank, list item, table row, heading, byline."""
        if self.block is None:
            self.block = _blocked(self.text)
        return self.block

    @property
    def words(self) -> int:
        """The number of words (letter runs)."""
        return (self.detail or self._details())[0]

    @property
    def last_lower(self) -> bool:
        """Its last word is in lower case ("won the"), as in a sentence cut in two."""
        return (self.detail or self._details())[1]

    def _details(self) -> tuple[int, bool]:
        text = self.text
        words = _WORD.findall(text)
        end = text.rstrip(_CLOSERS + " ")
        self.detail = (len(words), bool(words) and words[-1].islower() and end == text)
        return self.detail


def _blocked(text: str) -> bool:
    """``_Row.blocked`` of a stripped line. The line's words are found only when a test needs
    them: a byline's opening, or a line ending without sentence punctuation (``_heading`` says
    no to any other), so most prose lines cost no ``_WORD.findall`` here."""
    if (
        not text
        or _LIST.match(text)
        # Every gap ``_TABLE_GAP`` matches holds a tab or two spaces: most lines have neither.
        or (("\t" in text or "  " in text) and _TABLE_GAP.search(text))
        or text.count("|") >= 2
    ):
        return True
    words = _WORD.findall(text) if _BYLINE.match(text) else None
    if words is not None and len(words) <= 6:
        return True
    unended = not text.rstrip(_CLOSERS).endswith(_HEADING_ENDS)
    if unended and _heading(text, _WORD.findall(text) if words is None else words):
        return True
    # A short label ("Tags:", "sammievee says:" under a comment), never a sentence's end.
    return text.endswith(":") and len(text.split()) <= 3


def unwrap_lines(text: str) -> str:
    """Join the lines of hard-wrapped paragraphs in ``text`` into one line each.

    Returns ``text`` itself when the page shows no common wrap width (see the module docstring);
    otherwise the same lines with every wrapped run joined by single spaces (a word hyphenated
    across a break, "infor-" + "mation", is joined without the hyphen unless the page or the
    word's head says the hyphen is real).
    """
    # Most pages have no wrapped prose: a cheap necessary condition (a long line followed by a
    # line starting in lower case, at least ``MIN_BREAKS`` times) skips the line-by-line pass.
    if not text or len(_CONTINUED.findall(text, 0)) < MIN_BREAKS:
        return text
    raw = text.splitlines()
    rows = [_row(line) for line in raw]
    width = wrap_width(rows)
    if width is None:
        return text
    joins = [_joins(rows[i], rows[i + 1], width) for i in range(len(rows) - 1)]
    # A short opening line ("Photos") whose sentence goes on in a wrapped line ("which were …").
    for i in range(len(rows) - 2):
        a, b = rows[i], rows[i + 1]
        if not joins[i] and joins[i + 1] and b.lower_start and not a.blocked and not a.terminal:
            joins[i] = True
    _drop_weak_runs(joins, rows)
    if not any(joins):
        return text
    hyphen_forms = {w.lower() for w in re.findall(r"[^\W\d_]+-[^\W\d_]+", text)}
    words = Counter(w.lower() for w in _WORD.findall(text))
    out: list[str] = []
    current = ""
    for i, row in enumerate(rows):
        if i and joins[i - 1]:
            current = _glue(current, row.text, hyphen_forms, words)
        else:
            if i:
                out.append(current)
            current = raw[i]
    out.append(current)
    return "\n".join(out) + ("\n" if text.endswith(("\n", "\r")) else "")


def wrap_width(rows: list[_Row]) -> int | None:
    """The page's wrap width: the width with the most line breaks where the next line's first
    word would not have fitted, if such breaks make up ``MIN_SHARE`` of the lines that fill it
    and at least ``MIN_BREAKS`` of them come before a lower-case line; ``None`` for a page
    without one."""
    # Each pair of lines counts for a range of widths, so the counts for every width come from
    # running sums over difference arrays: one pass over the page, not one per candidate width.
    size = MAX_WIDTH + 2
    filled, breaks, lower = [0] * size, [0] * size, [0] * size
    candidates: set[int] = set()
    for a, b in zip(rows, rows[1:], strict=False):
        # The cheap tests first: ``blocked`` is computed on first use (see ``_Row``).
        if a.tokens < MIN_TOKENS or a.width < MIN_WIDTH * FULL or a.blocked or b.blocked:
            continue
        if MIN_WIDTH <= a.width <= MAX_WIDTH:
            candidates.add(a.width)
        # The line fills 70-100 % of the width and the next line is no wider than it.
        low, high = max(a.width, b.width), min(int(a.width / FULL + 1e-9), MAX_WIDTH)
        if low > high:
            continue
        filled[low] += 1
        filled[high + 1] -= 1
        # A break where the next word would not fit, inside a sentence or before its end.
        top = min(high, a.width + b.first_word)
        if top >= low and (not a.terminal or b.lower_start):
            breaks[low] += 1
            breaks[top + 1] -= 1
            # Lists of headlines also break between capitals: only breaks before a lower-case
            # word, where a sentence visibly goes on, count towards the minimum.
            if b.lower_start:
                lower[low] += 1
                lower[top + 1] -= 1
    best: tuple[int, int] | None = None
    count_filled = count_breaks = count_lower = 0
    for width in range(size - 1):
        count_filled += filled[width]
        count_breaks += breaks[width]
        count_lower += lower[width]
        if width not in candidates:
            continue
        enough = count_lower >= MIN_BREAKS and count_breaks >= MIN_SHARE * count_filled
        if enough and (best is None or count_breaks > best[1]):
            best = (width, count_breaks)
    return best[0] if best else None


def _row(line: str) -> _Row:
    text = line.strip()
    end = text.rstrip(_CLOSERS + " ")
    return _Row(
        text=text,
        width=len((line.expandtabs() if "\t" in line else line).rstrip()),
        terminal=bool(end) and end[-1] in _TERMINAL,
        lower_start=text[:1].islower(),
        first_word=len(text.split(None, 1)[0]) if text else 0,
        tokens=len(text.split(None, MIN_TOKENS)),  # the rest of the line is one more item
    )


_HEADING_ENDS = (".", ",", ";", "!", "?")  # a heading never ends on these


def _heading(text: str, words: list[str]) -> bool:
    """Title case ("Kate Henshaw Is Looking Stunning In New Photos"): most long words
    capitalised, no sentence end and no comma going on in lower case (as prose naming an
    "Africa Movie Academy Award" does)."""
    long = [w for w in words if len(w) >= 4]
    if len(long) < 3 or text.rstrip(_CLOSERS).endswith(_HEADING_ENDS):
        return False
    capitals = sum(w[0].isupper() for w in long)
    return capitals >= 0.8 * len(long) and not _LOWER_COMMA.search(text)


def _joins(a: _Row, b: _Row, width: int) -> bool:
    """Whether the break between lines ``a`` and ``b`` is a soft wrap at ``width``."""
    if a.blocked or b.blocked or a.width > width or b.width > width:
        return False
    if a.width < FULL * width or a.tokens < MIN_TOKENS:
        return False  # the end of a paragraph (or a short line of its own)
    if b.lower_start:
        return True  # the sentence goes on
    fits = a.width + 1 + b.first_word
    if not a.terminal:
        # Mid-sentence before a capital ("won the" / "Africa Movie"): the next word (nearly)
        # did not fit (real wrappers are ragged by a few characters) and the line ends on a
        # lower-case word or a comma, as a sentence cut in two does and a headline does not.
        return fits > width - width // 8 and (a.text.endswith(",") or a.last_lower)
    # A sentence ended at the line's end and a capital follows: a wrap only if the word truly
    # did not fit and the next line is more prose (a full line, or a sentence of 3+ words),
    # not a caption or a label.
    return fits > width and (b.width >= FULL * width or (b.terminal and b.words >= 3))


def _drop_weak_runs(joins: list[bool], rows: list[_Row]) -> None:
    """Cancel every run of joins without one break before a lower-case line: a run held
    together only by capitals is as likely a list of headlines as a wrapped paragraph."""
    i = 0
    while i < len(joins):
        if not joins[i]:
            i += 1
            continue
        end = i
        while end < len(joins) and joins[end]:
            end += 1
        if not any(rows[k + 1].lower_start for k in range(i, end)):
            joins[i:end] = [False] * (end - i)
        i = end


def _glue(head: str, tail: str, hyphen_forms: set[str], words: Counter[str]) -> str:
    """``head`` and ``tail`` as one line. A word hyphenated across the break loses the hyphen
    ("infor-" + "mation") unless the hyphen looks real: the page writes the hyphenated form
    elsewhere, the head is a compound head ("well-"), or both halves occur elsewhere on the page
    as words of their own and the joined form does not (each half is counted once at the break)."""
    head = head.rstrip()
    match = _HYPHENATED.search(head)
    if match and tail[:1].islower():
        left = match.group(1)
        right = _WORD.match(tail)
        right_part = right.group(0) if right else ""
        real = (
            f"{left}-{right_part}".lower() in hyphen_forms
            or left.lower() in _COMPOUND_HEADS
            or (words[left.lower()] >= 2 and words[right_part.lower()] >= 2
                and not words[f"{left}{right_part}".lower()])
        )  # fmt: skip
        return head + tail if real else head[:-1] + tail
    return f"{head} {tail}"
