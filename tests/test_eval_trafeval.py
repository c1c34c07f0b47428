"""eval._trafeval: snippet scoring as in trafilatura's benchmark, and the in-memory loader."""

from __future__ import annotations

import io
import json
import tarfile
from pathlib import Path

import pytest

from eval._trafeval import SnippetCounts, SnippetPage, load_trafeval, score_snippets
from storydesk.errors import SkipArticle

PAGE = SnippetPage("a.html", "https://a.example/x", "<p>x</p>", ("alpha beta", "gamma"), ("menu",))


@pytest.mark.parametrize(
    ("output", "expected"),
    [
        ("alpha beta and gamma", (2, 0, 0, 1)),
        ("alpha beta, menu", (1, 1, 1, 0)),
        ("", (0, 2, 0, 1)),
        (None, (0, 2, 0, 1)),
        ("Alpha Beta gamma", (1, 1, 0, 1)),  # verbatim, case-sensitive, as trafilatura counts
    ],
)
def test_eval_trafeval_counts_snippets(output: str | None, expected: tuple[int, int, int, int]):
    counts = SnippetCounts()
    counts.add(output, PAGE)
    assert (counts.tp, counts.fn, counts.fp, counts.tn) == expected


def test_eval_trafeval_metrics_pool_counts():
    metrics = SnippetCounts(tp=8, fn=2, fp=2, tn=8).metrics()
    assert metrics == pytest.approx(
        {"precision": 0.8, "recall": 0.8, "f1": 0.8, "accuracy": 0.8}
    )
    assert SnippetCounts().metrics()["f1"] == 0.0


def test_eval_trafeval_skip_counts_as_no_output():
    def extract(page: SnippetPage) -> str:
        raise SkipArticle("no-body", "test")

    counts = score_snippets([PAGE], extract)
    assert (counts.tp, counts.fn, counts.fp, counts.tn) == (0, 2, 0, 1)


def _dataset(root: Path) -> Path:
    folder = root / "trafilatura_eval"
    folder.mkdir(parents=True)
    entries = {
        "https://b.example/2": {"file": "b.html", "with": ["two"], "without": []},
        "https://a.example/1": {"file": "a.html", "with": ["one"], "without": ["nav"]},
        "https://c.example/3": {"file": "missing.html", "with": ["x"], "without": []},
    }
    (folder / "evaldata_en.json").write_text(json.dumps(entries), encoding="utf-8")
    with tarfile.open(folder / "html.tar.xz", "w:xz") as tar:
        for name, body in (("a.html", "<p>one</p>"), ("b.html", "<p>two</p>")):
            data = body.encode("utf-8")
            info = tarfile.TarInfo(f"html/{name}")
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return root


def test_eval_trafeval_loads_sorted_pages_from_the_archive(tmp_path: Path):
    pages = load_trafeval(_dataset(tmp_path))
    assert [p.id for p in pages] == ["a.html", "b.html"]  # the page missing from the tar is left out
    assert pages[0].url == "https://a.example/1"
    assert pages[0].html == "<p>one</p>"
    assert pages[0].with_ == ("one",) and pages[0].without == ("nav",)
    assert [p.id for p in load_trafeval(tmp_path, limit=1)] == ["a.html"]
    assert not list(tmp_path.glob("**/html/*.html"))  # read in memory, never extracted


def test_eval_trafeval_missing_dataset_says_where(tmp_path: Path):
    with pytest.raises(FileNotFoundError, match="trafilatura_eval"):
        load_trafeval(tmp_path)
