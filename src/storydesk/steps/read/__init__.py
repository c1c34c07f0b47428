"""Reading: files and folders of plain text, HTML, JSON Lines, WARC, RSS/Atom feeds and URL lists
into ``Article`` objects.

``read_paths(paths, skipped)`` is the entry point; bad input never raises out of it but is
listed in ``skipped`` with a reason ("binary: looks like a PNG image", "line 7: invalid JSON").
"""

from storydesk.steps.read.readers import DEFAULT_MAX_BYTES, read_file, read_paths

__all__ = ["DEFAULT_MAX_BYTES", "read_file", "read_paths"]
