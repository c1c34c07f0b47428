"""Accuracy floors (eval/floors.toml) on ../shared/datasets, and the harness pieces they rely on.

The ``eval``-marked tests run each evaluation on the full development data and fail when
storydesk drops below a floor; they skip when the datasets are absent, or while the storydesk
module an evaluation measures is not written yet (never when it exists). The unmarked tests
check the harness itself on tiny inputs.
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

import pytest

# The harness lives at the repository root (eval/), beside src/: not an installed package.
ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from eval import (  # noqa: E402
    EVALUATIONS,
    EvalResult,
    Row,
    check_floors,
    load_floors,
    run_evaluation,
)
from eval.datasets import detokenize, load_gva  # noqa: E402
from eval.result import resolve_storydesk  # noqa: E402
from eval.text import line_filter, visible_text  # noqa: E402

FLOORS = load_floors()


# --------------------------------------------------------------------------------------------------
# The floors themselves
# --------------------------------------------------------------------------------------------------


@pytest.mark.eval
@pytest.mark.parametrize("name", sorted(FLOORS))
def test_storydesk_meets_floors(name, datasets_dir):
    result = run_evaluation(name, datasets_dir, show=False)
    if "storydesk" in result.missing:
        pytest.skip(f"{name}: storydesk not measured yet ({result.missing['storydesk']})")
    checks = check_floors(result, FLOORS[name])
    assert checks, f"{name}: floors.toml names no metric that the evaluation reports"
    failed = [str(check) for check in checks if not check.ok]
    assert not failed, "below floor (fix the regression; floors may only be raised):\n" + "\n".join(
        failed
    )


def test_floors_file_names_known_evaluations_and_sane_values():
    assert set(FLOORS) <= set(EVALUATIONS)
    for systems in FLOORS.values():
        for table in systems.values():
            values = [
                v for t in table.values() for v in (t.values() if isinstance(t, dict) else [t])
            ]
            assert values and all(0.0 < float(v) <= 1.0 for v in values)


# --------------------------------------------------------------------------------------------------
# Floor checking and result lookup
# --------------------------------------------------------------------------------------------------


def _result() -> EvalResult:
    result = EvalResult("demo", "d", "ds", 3)
    result.rows += [
        Row("storydesk", {"bcubed_f1": 0.80}, level="event"),
        Row("storydesk", {"bcubed_f1": 0.60}, level="topic"),
        Row("baseline", {"f1": 0.99}),
    ]
    return result


def test_check_floors_reads_levels_and_plain_metrics():
    floors = {"storydesk": {"event": {"bcubed_f1": 0.75}, "topic": {"bcubed_f1": 0.65}}}
    checks = {(c.level, c.metric): c.ok for c in check_floors(_result(), floors)}
    assert checks == {("event", "bcubed_f1"): True, ("topic", "bcubed_f1"): False}


def test_check_floors_fails_a_metric_that_was_not_measured():
    (check,) = check_floors(_result(), {"storydesk": {"recall": 0.1}})
    assert check.value is None and not check.ok
    assert "not measured" in str(check)


def test_run_evaluation_rejects_unknown_names(tmp_path):
    with pytest.raises(KeyError, match="clean-text-aeb"):
        run_evaluation("no-such-eval", tmp_path)


def test_resolve_storydesk_reports_missing_module_and_name():
    obj, reason = resolve_storydesk("storydesk.no_such_module", "Thing")
    assert obj is None and "does not exist yet" in reason
    obj, reason = resolve_storydesk("storydesk.metrics", "no_such_function")
    assert obj is None and "no_such_function" in reason
    obj, reason = resolve_storydesk("storydesk.metrics", "token_prf")
    assert callable(obj) and reason == ""


def test_resolve_storydesk_raises_on_a_missing_dependency(tmp_path, monkeypatch):
    # A module that exists but cannot be imported is a bug, never "not written yet".
    (tmp_path / "broken_eval_target.py").write_text("import no_such_dependency_xyz\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(ModuleNotFoundError, match="no_such_dependency_xyz"):
        resolve_storydesk("broken_eval_target", "x")


# --------------------------------------------------------------------------------------------------
# Harness pieces: page text, the line filter, loaders
# --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<p>One <b>bold</b> word.</p><p>Two</p>", "One bold word.\nTwo"),
        ("<div>a<br>b</div>", "a\nb"),
        ("<p>x</p><script>var a=1;</script><style>p{}</style><noscript>js</noscript>", "x"),
        (
            "<html><head><title>T</title></head><body><nav>Home</nav>Body</body></html>",
            "Home\nBody",
        ),
        ('<p hidden>secret</p><p style="display: none">gone</p><p>seen</p>', "seen"),
        ("<p>a&nbsp;&nbsp; b</p><!-- note --><p>c</p>", "a b\nc"),
        ("<svg><text>icon</text></svg><template><p>t</p></template>ok", "ok"),
        ("", ""),
        ("   ", ""),
    ],
)
def test_visible_text(html, expected):
    assert visible_text(html) == expected


def test_visible_text_of_garbage_does_not_crash():
    assert isinstance(visible_text(b"\x00\xff\xfe binary \x00"), str)


def test_line_filter_keeps_long_sentence_lines_only():
    long_line = "This line has more than ten words and it ends with a full stop."
    quoted = "He said the soldiers had left the unit before dawn on Thursday, \u201d"
    text = "\n".join(
        [
            "Menu",
            long_line,
            "Short line.",
            "This line has more than ten words but it has no end mark",
            quoted,
        ]
    )
    assert line_filter(text) == f"{long_line}\n{quoted}"


def test_detokenize_ecbplus_text():
    raw = "Tara Reid checked in , her rep told People .\n`` We appreciate it , '' he did n't say ."
    assert detokenize(raw) == (
        'Tara Reid checked in, her rep told People.\n"We appreciate it," he didn\'t say.'
    )


def test_load_gva_limit_keeps_whole_incidents(tmp_path):
    rows = [
        {"incident_id": inc, "doc_id": f"d{i}", "title": "t", "dct": "2014-02-04", "text": "x"}
        for i, inc in enumerate(["1", "1", "1", "2", "2", "3"])
    ]
    (tmp_path / "gva").mkdir()
    with gzip.open(tmp_path / "gva" / "articles.jsonl.gz", "wt") as handle:
        handle.writelines(json.dumps(r) + "\n" for r in rows)
    assert len(load_gva(tmp_path)) == 6
    # 2 would cut incident "1" in half: all three of its articles are kept
    assert [d.labels["incident"] for d in load_gva(tmp_path, limit=2)] == ["1", "1", "1"]
    assert load_gva(tmp_path, limit=4)[0].published.isoformat() == "2014-02-04"


TINY_BODY = "The river flooded the old town on Monday and forced two hundred people to leave."


@pytest.fixture
def tiny_aeb(tmp_path: Path) -> Path:
    html = (
        "<html><body><nav>Home | News | Sport</nav>"
        f"<article><p>{TINY_BODY}</p></article></body></html>"
    )
    (tmp_path / "aeb" / "html").mkdir(parents=True)
    (tmp_path / "aeb" / "ground-truth.json").write_text(
        json.dumps({"p1": {"articleBody": TINY_BODY, "url": "https://example.org/a"}})
    )
    (tmp_path / "aeb" / "html" / "p1.html.gz").write_bytes(gzip.compress(html.encode()))
    return tmp_path


def test_clean_text_eval_runs_on_a_tiny_dataset(tiny_aeb):
    result = run_evaluation("clean-text-aeb", tiny_aeb, show=False)
    assert result.items == 1
    # raw text keeps the menu (3 extra tokens of 18), the line filter drops it
    assert result.value("raw visible text", "precision") == pytest.approx(15 / 18)
    assert result.value("line filter baseline", "f1") == pytest.approx(1.0)


def test_eval_reports_baselines_only_while_storydesk_is_missing(tiny_aeb, monkeypatch):
    import eval.clean_text_aeb as module

    monkeypatch.setattr(
        module, "resolve_storydesk", lambda *_: (None, "storydesk.steps.clean is not written")
    )
    result = run_evaluation("clean-text-aeb", tiny_aeb, show=False)
    assert result.systems == ["raw visible text", "line filter baseline"]
    assert result.missing == {"storydesk": "storydesk.steps.clean is not written"}
    assert "not written" in result.table().caption


# --------------------------------------------------------------------------------------------------
# claims-gva: the casualty readers
# --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Two people were killed and 3 persons wounded.", {"killed": 2, "injured": 3}),
        ("Five people injured. Later one people dead.", {"injured": 5, "killed": 1}),
        ("Four men were shot and two victims died.", {}),
        ("", {}),
    ],
)
def test_regex_baseline_reads_people_role_phrases(text, expected):
    from eval._casualties import regex_figures

    assert regex_figures(text) == expected


@pytest.mark.parametrize(
    ("text", "role", "figure", "expected"),
    [
        ("Police said three people were injured on Sunday.", "injured", 3, True),
        ("Police said 3 people were injured on Sunday.", "injured", 3, True),
        ("Three people were shot; none of them was hurt badly.", "killed", 3, False),
        ("One man was killed " + "and then a long story went on " * 3 + "nine", "killed", 9, False),
        ("No one was killed.", "killed", 0, False),
    ],
)
def test_stated_in_text_needs_the_figure_near_a_role_word(text, role, figure, expected):
    from eval._casualties import stated_in_text

    assert stated_in_text(text, role, figure) is expected


def test_dossier_figures_reads_extracted_quantities(nlp):
    from eval._casualties import dossier_figures
    from storydesk.model import Article
    from storydesk.steps.extract import SpacyExtractor

    text = (
        "Two people killed in Chicago shooting\n\n"
        "Police said four victims were wounded. Smith, 25, was killed. The gunman fired 12 shots."
    )
    article = SpacyExtractor(nlp).process(Article(id="a", source="s", text=text))
    assert dossier_figures(article) == {"killed": 2, "injured": 4}


def test_score_figures_precision_over_stated_recall_over_stated_in_text():
    from eval.claims_gva import score_figures

    texts = {
        "a": "Two people were killed.",
        "b": "Police said 3 people died.",
        "c": "Nothing about the dead here.",
    }
    truth = {d: {"killed": n, "injured": 0} for d, n in [("a", 2), ("b", 3), ("c", 1)]}
    figures = {"a": {"killed": 2}, "c": {"killed": 4}}  # right, unstated, wrong
    scores = score_figures(figures, texts, truth, "killed")
    # precision 1 of the 2 stated; recall 1 of the 2 articles whose text states the figure
    assert scores["precision"] == pytest.approx(0.5)
    assert scores["recall"] == pytest.approx(0.5)
