"""Lines in a script written without spaces (Chinese, Japanese): prose without function words.

The prose cues of ``lines`` count function words ("the", "of", "de") among whitespace-separated
words; Chinese and Japanese are written without spaces, so their lines have no such words and a
sentence of up to 29 characters never reads as prose (its word count is estimated from its
characters, about two a word). A reader of those scripts sees a sentence by its full stop ("。")
alone. ``region.weight`` asks ``unspaced_script`` so that such sentences count as prose there.
"""

from __future__ import annotations

import re

from storydesk.steps.clean.lines import Line

# Han, kana and CJK compatibility ideographs. Korean is written with spaces and keeps the
# ordinary cues.
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
SCRIPT_SHARE = 0.3  # share of a line's characters in that script, as ``lines.shape_of`` has it


def unspaced_script(line: Line) -> bool:
    """Whether ``line`` is written mostly in a script without spaces (and so without function
    words to count)."""
    text = line.text
    if text.isascii() or line.function_ratio > 0:
        return False
    return len(_UNSPACED.findall(text)) > SCRIPT_SHARE * len(text)
