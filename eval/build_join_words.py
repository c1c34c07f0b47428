"""Build ``storydesk/steps/clean/join_words.txt``: the words ``joins.py`` may split off a name.

A scrape glues a link's text to the next word ("Newsweekreferring", "Suspilnereported"). The
repair splits such a token only when the glued tail is a common English word that typically
follows a name: a verb form ending in "-ing" or "-ed", seen in lower case at least ``MIN_COUNT``
times in the BBC news corpus (``../shared/datasets/bbc``; only the word list is shipped, never
text). Run: ``.venv/bin/python -m eval.build_join_words``.
"""

from __future__ import annotations

import re
import sys
import tarfile
from collections import Counter
from pathlib import Path

from storydesk.steps.clean.joins import WORDS_PATH

MIN_COUNT = 5
MIN_LENGTH = 6
_WORD = re.compile(r"(?<![\w'’-])[a-z]+(?![\w'’-])")


def main() -> int:
    """Count lower-case -ing/-ed words in the BBC corpus and write the list, one per line."""
    root = Path(__file__).resolve().parents[2] / "shared" / "datasets" / "bbc"
    counts: Counter[str] = Counter()
    with tarfile.open(root / "bbc_fulltext.tar.xz") as archive:
        for member in archive:
            if member.isfile() and member.name.endswith(".txt"):
                handle = archive.extractfile(member)
                if handle is not None:
                    text = handle.read().decode("utf-8", errors="replace")
                    counts.update(_WORD.findall(text))
    words = sorted(
        w for w, n in counts.items()
        if n >= MIN_COUNT and len(w) >= MIN_LENGTH and w.endswith(("ing", "ed"))
    )  # fmt: skip
    WORDS_PATH.write_text("\n".join(words) + "\n", encoding="utf-8")
    print(f"wrote {len(words)} words to {WORDS_PATH}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
