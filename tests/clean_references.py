"""Reference forms of the cleaner's screened look-ups, for the fast-path tests: the rules as
written before any screen, every expression tried in order."""

from __future__ import annotations

from storydesk.steps.clean import metadata, vocab


def slow_furniture(line: str) -> vocab.VocabHit | None:
    """``find_furniture`` without its screens: every rule in order, case-insensitive."""
    if len(line) > vocab.MAX_FURNITURE_CHARS:
        return None
    norm = " ".join(line.strip(" \t:•·|>»«-–—*#.![]()").split()).lower().replace("’", "'")
    if not norm:
        return vocab.VocabHit("navigation", whole_line=True)
    if len(norm) < 60 and vocab.COMMENT_HEADING.match(norm):
        return vocab.VocabHit("comment", comment_heading=True)
    reason = vocab._WHOLE.get(norm)
    if reason:
        return vocab.VocabHit(reason, teaser_heading=reason == "teaser", whole_line=True)
    words = len(norm.split())
    if words <= 10 and vocab._TEASER_HEADING.match(norm):
        return vocab.VocabHit("teaser", teaser_heading=True)
    if words <= 20 and vocab._TEASER_LINK.match(line.strip()):
        return vocab.VocabHit("teaser")
    for reason, pattern, _ in vocab._PATTERNS:
        if pattern.search(line):
            if reason in {"navigation", "caption", "credit", "advertisement"} and words > 40:
                continue
            return vocab.VocabHit(reason)
    return None


def plain_find_date(text: str) -> tuple[object, tuple[int, int]] | None:
    """``find_date`` with the original case-insensitive patterns, every one searched."""
    for pattern in metadata._DATE_PATTERNS:
        for match in pattern.finditer(text):
            groups = match.groupdict()
            month = metadata._MONTHS.get(groups["month"].lower()) if groups.get("month") else None
            if month is None and groups.get("mnum"):
                month = int(groups["mnum"])
            try:
                return metadata.dt.date(int(groups["year"]), month or 0, int(groups["day"])), match.span()
            except (TypeError, ValueError):
                continue
    return None
