"""The HTML report as a reader sees it: rendered by real headless Chromium (Debian's, driven by
Playwright; never `playwright install`)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("STORYDESK_CHROMIUM", "/usr/bin/chromium")

pytestmark = pytest.mark.browser

if not Path(CHROMIUM).exists():  # make test installs it; a bare `pytest` elsewhere may not have it
    pytest.skip(f"no Chromium at {CHROMIUM} (run `make test`)", allow_module_level=True)

sync_api = pytest.importorskip("playwright.sync_api")

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def page(samples_dir, tmp_path_factory):
    from storydesk import analyze
    from storydesk.report import write_dossier

    dossier = analyze([samples_dir])
    # An article with hostile text must show as text, never run.
    dossier.articles[0].title = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned=2">'
    out = write_dossier(dossier, tmp_path_factory.mktemp("report") / "dossier.html", "html")
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        requests: list[str] = []
        page.on("request", lambda request: requests.append(request.url))
        page.goto(out.as_uri())
        page.wait_for_load_state("load")
        page.requests = requests  # type: ignore[attr-defined]
        yield page
        browser.close()


def test_report_browser_makes_no_network_requests(page):
    assert [url for url in page.requests if not url.startswith("file://")] == []


def test_report_browser_hostile_text_is_shown_not_run(page):
    assert page.evaluate("window.__pwned") is None
    assert "<script>window.__pwned" in page.inner_text("body")


def test_report_browser_draws_timeline_and_provenance_pictures(page):
    svgs = page.locator("svg")
    assert svgs.count() >= 2
    for index in range(svgs.count()):
        box = svgs.nth(index).bounding_box()
        assert box is not None and box["width"] > 100 and box["height"] > 40
    labels = page.eval_on_selector_all("svg text", "nodes => nodes.map(n => n.textContent)")
    assert any("Suspilne" in label for label in labels)


def test_report_browser_shows_claims_with_status_badges(page):
    text = page.inner_text("body")
    assert "consistent" in text
    assert "North Korean soldiers" in text


def test_report_browser_citation_links_reach_their_articles(page):
    links = page.locator("a[href^='#article-']")
    assert links.count() > 0
    target = links.first.get_attribute("href")
    assert page.locator(target).count() == 1


def test_report_browser_screenshot_renders(page, tmp_path):
    shot = tmp_path / "report.png"
    page.screenshot(path=str(shot), full_page=False)
    assert shot.stat().st_size > 10_000
