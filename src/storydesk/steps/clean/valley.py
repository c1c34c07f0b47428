"""Site chrome that splits the body region: a deep valley in the line weights.

The body region (``region._list_region``) is the run of lines with the largest total weight, so
it spans any stretch of chrome that the prose on both sides outweighs. Below an article a page
often prints a long stretch of share buttons, menus and sign-in forms and then more prose that is
no article: the site's comment rules, a privacy notice, a newsletter pitch, an author box. A
reader sees the article end where the chrome begins. The weights say the same: the chrome is a
valley as deep as a good share of what the prose below it is worth, and the prose below is worth
less than the article above. The body ends at the valley's top: what follows is judged as the
page's tail, like the lines after a "Most read" heading (``plain.analyse_page``); the region
itself keeps its extent, so the other cuts measure what follows them as before.

On aeb (181 pages), every valley at least ``MIN_DEPTH`` deep and at least ``MIN_RATIO`` of the
lower side's weight deep, with the lower side the lighter one, has no body below it (19 pages:
comment rules, author boxes, newsletter and donation pitches, a second article). The valleys that
do have body below are shallower than a quarter of it (a gallery inside a report, an embedded
tweet) or shallower than ``MIN_DEPTH`` (a share line above the last paragraph). A valley whose
upper side is the lighter one is left alone: there the lighter side is as often an introduction
over a list as a standfirst.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import accumulate

# Five short lines' cost (``region.SHORT_LINE_COST``): a share row of three buttons above the last
# paragraph is not a valley.
MIN_DEPTH = 30.0
MIN_RATIO = 0.3


def valley_end(weights: Sequence[float], start: int, end: int) -> int:
    """Where the body ends inside the region ``[start, end)``: at the top of the first deep
    valley below which less is worth keeping than above it (see the module docstring), or
    ``end``. Two passes over the running totals: a valley's bottom is a total no later one
    goes below (so the lines under it are worth the most they can be), its top the highest
    total before the bottom."""
    totals = list(accumulate(weights[start:end], initial=0.0))  # totals[k]: lines before start+k
    last = len(totals) - 1
    bottom = [False] * last  # bottom[k]: no total after k is lower (k < last: lines stay below)
    lowest = totals[last]
    for k in range(last - 1, 0, -1):
        if totals[k] <= lowest:
            bottom[k], lowest = True, totals[k]
    peak, peak_at = 0.0, 0
    for k in range(1, last):
        if totals[k - 1] >= peak and k > 1:  # ties: the later top, so the cut keeps the most
            peak, peak_at = totals[k - 1], k - 1
        if not bottom[k] or peak_at == 0:
            continue
        depth = peak - totals[k]
        below = totals[last] - totals[k]  # what the lines from the bottom on are worth
        if depth >= MIN_DEPTH and 0 < below < peak and depth >= MIN_RATIO * below:
            return start + peak_at
    return end
