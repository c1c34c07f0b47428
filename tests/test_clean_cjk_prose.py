"""Sentences in scripts without spaces (Japanese, Chinese) count as prose for the body region."""

from __future__ import annotations

import pytest

from storydesk.steps.clean.cjk import unspaced_script
from storydesk.steps.clean.lines import measure
from storydesk.steps.clean.region import SHORT_LINE_COST, body_region, weight

SENTENCE = "表示されるメニューからプロパティをクリック。"  # 21 characters: about ten words
UNPUNCTUATED = "もとの商品に付された商標を剥奪抹消した商品を販売する行為についての説明"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (SENTENCE, True),
        ("这是一个关于商标法的新闻报道，我们今天来讨论它。", True),
        ("The quick brown fox jumps over the lazy dog.", False),
        ("그녀는 오늘 아침에 서울에서 출발했다.", False),  # Korean is written with spaces
        ("Kindle for PC", False),
    ],
)
def test_unspaced_script(text: str, expected: bool) -> None:
    assert unspaced_script(measure(0, text)) is expected


@pytest.mark.parametrize(
    ("text", "positive"),
    [(SENTENCE, True), (UNPUNCTUATED, True), ("ブログ", False), ("以下、その手順。", False)],
)
def test_weight_of_unspaced_lines(text: str, positive: bool) -> None:
    w = weight(measure(0, text))
    assert (w > 0) is positive
    if not positive:
        assert w == -SHORT_LINE_COST


def test_region_spans_short_japanese_sentences() -> None:
    long = "Kindle書籍を読む場合は、一般的にスマホやタブレットなどのモバイル端末で読むことが多いと思いますが、パソコンで読みたい時もあります。"
    steps = [
        "まずスタートメニューからプログラムを探し、右クリックします。",
        "表示されるメニューから「その他」を選び、ファイルの場所を開きます。",
        SENTENCE,
        "ショートカットの欄を「なし」にして、下の「適用」をクリック。",
    ]
    texts = ["ホーム", "サイトマップ", long, long, "手順", *steps, "関連記事", "カテゴリ", "月別"]
    lines = [measure(i, t) for i, t in enumerate(texts)]
    region = body_region(lines)
    assert region is not None
    assert region[0] == 2 and region[1] == 9
