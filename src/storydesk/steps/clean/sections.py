"""Lines that recur as the structure of the body: the parts of one template, section after section.

An interview of twenty bloggers asks each the same questions; a weekly meal plan lists the same
meal on several days. Such a body is a run of sections built from one template: every section
repeats a few lines (the question, the "Portion Fix Containers" line, the "Photo:" label) and
fills the rest with its own content (the answer, the day's other meals). A reader keeps the
question each time. A duplicated line that is not structure looks different: the same caption
twice in a row, a teaser shown in two widgets, a whole gallery printed twice (every line between
the two copies is copied too, nothing is new).

So a long line seen earlier in the body is structure when, between its previous occurrence and
itself, at least ``MIN_SHARED`` other lines recur after it too (the template's other parts) and
lines seen only once in the body hold at least ``MIN_NEW_WORDS`` words (the section's own
content). On aeb, of the 94 long lines the "kept once" rule removed, this keeps 65, of which 63
are in the gold body (an interview's questions, a meal plan's meals); of the 29 it leaves, 4
are. Every occurrence of such a line is structure, the first too: none is a caption either.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from storydesk.steps.clean.lines import Line

MIN_SHARED = 3  # other template lines between two occurrences that recur after the second too
MIN_NEW_WORDS = 5  # words of lines seen once in the body between the two occurrences
MAX_SECTION = 400  # lines: a longer stretch between two occurrences is not one section


def structural_repeats(lines: Sequence[Line], start: int, end: int) -> set[int]:
    """Indices in ``[start, end)`` of the long lines that recur as the body's structure (see
    the module docstring): every occurrence of a line seen twice with a section between.
    Lines with a ``reason`` are skipped."""
    candidates = [
        i for i in range(start, end)
        if not lines[i].reason and lines[i].key and (lines[i].words >= 12 or lines[i].prose)
    ]  # fmt: skip
    if len({lines[i].key for i in candidates}) == len(candidates):
        return set()  # no long line recurs: most pages stop here
    count: Counter[str] = Counter()
    last: dict[str, int] = {}
    for i in range(start, end):
        line = lines[i]
        if not line.reason and line.key:
            count[line.key] += 1
            last[line.key] = i
    previous: dict[str, int] = {}
    found: set[str] = set()
    for i in candidates:
        key = lines[i].key
        before = previous.get(key)
        previous[key] = i
        if (
            before is not None
            and i - before <= MAX_SECTION
            and key not in found
            and _is_section(lines, before, i, count, last)
        ):
            found.add(key)
    return {i for i in candidates if lines[i].key in found}


def _is_section(
    lines: Sequence[Line], first: int, second: int, count: Counter[str], last: dict[str, int]
) -> bool:
    """Whether the lines strictly between two occurrences of one line hold shared template
    lines (recurring after ``second``) and new content (lines seen once)."""
    key = lines[second].key
    shared = new_words = 0
    for j in range(first + 1, second):
        other = lines[j]
        if other.reason or not other.key or other.key == key:
            continue
        if last[other.key] > second:
            shared += 1
        elif count[other.key] == 1:
            new_words += other.words
    return shared >= MIN_SHARED and new_words >= MIN_NEW_WORDS
