"""End to end in real headless Chromium: load the example, summarise, see the summary and its sources.

Uses Debian's ``chromium`` (``scripts/install-browser.sh``; Playwright's own browser download needs
the internet). Saves screenshots under ``test-artifacts/``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from mdsum import demo
from mdsum.demo.inputs import load_example
from mdsum.demo.models import judge_panel
from mdsum.demo.render import colour
from mdsum.summarisers import SummariserCatalogue

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
# The first summary loads the default summariser's model on a shared 2-core machine.
SUMMARY_TIMEOUT_MS = 300_000
COMPARED = "lexrank" if SummariserCatalogue.read().default != "lexrank" else "lead"  # extractive: quick on CPU

sync_api = pytest.importorskip("playwright.sync_api")
if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} is missing: run scripts/install-browser.sh (make test does)", allow_module_level=True)


@pytest.fixture(scope="module")
def url():
    app = demo.build_app()
    _, local_url, _ = demo.launch(app, port=None, prevent_thread_lock=True, quiet=True)
    try:
        yield local_url
    finally:
        app.close()


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def page(browser, url):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(url)
    page.wait_for_selector("#load-example")
    yield page
    page.close()


def _load_example(page) -> list[str]:
    """Click the example button and wait until every seed article fills its box; their ids."""
    cluster = load_example()
    page.click("#load-example")
    last = len(cluster.documents) - 1
    page.wait_for_function(
        "([box, text]) => { const area = document.querySelector(`#article-${box} textarea`);"
        " return area !== null && area.value === text; }",
        arg=[last, cluster.documents[last].text],
    )
    return [document.id for document in cluster.documents]


def test_example_summary_shows_sentences_coloured_by_source_with_their_support(page):
    document_ids = _load_example(page)
    assert page.input_value("#cluster-id textarea") == "seeds"
    page.click("#summarise")
    page.wait_for_selector("#summary-main .mdsum-sentence", timeout=SUMMARY_TIMEOUT_MS)

    sentences = page.locator("#summary-main .mdsum-sentence")
    assert sentences.count() >= 1
    legend = page.inner_text("#summary-main .mdsum-legend")
    assert all(document_id in legend for document_id in document_ids)
    colours = {colour(index) for index in range(len(document_ids))}
    first_style = sentences.first.get_attribute("style")
    assert any(f"background:{colour}" in first_style for colour in colours)

    support = sentences.first.locator(".mdsum-support")
    assert not support.is_visible()
    sentences.first.hover()
    support.wait_for(state="visible")
    shown = support.text_content()
    assert any(document_id in shown for document_id in document_ids)
    if judge_panel().judges:  # the seed cluster has a checklist: its facts unfold under the score
        checklist = page.locator("#summary-main details.mdsum-checklist")
        checklist.locator("summary").click()
        checklist.locator("table").wait_for(state="visible")
        assert "✓ covered" in checklist.inner_text() or "✗ missed" in checklist.inner_text()
    else:
        assert "not judged" in page.inner_text("#summary-main")
    sentences.first.hover()

    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "demo-browser.png"), full_page=True)


def test_compare_shows_a_second_summary_side_by_side(page):
    _load_example(page)
    page.click("#compare input")
    page.get_by_role("option", name=COMPARED, exact=True).click()
    page.click("#summarise")
    page.wait_for_selector("#summary-compare .mdsum-sentence", timeout=SUMMARY_TIMEOUT_MS)
    assert f"{COMPARED} ·" in page.inner_text("#summary-compare .mdsum-head")
    assert page.locator("#summary-main .mdsum-sentence").count() >= 1
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "demo-browser-compare.png"), full_page=True)


def test_summarising_empty_boxes_shows_the_message_instead_of_crashing(page):
    page.click("#summarise")
    page.get_by_text("no article text").first.wait_for(state="visible")


def _box(page, index: int):
    return page.locator(f"#article-{index} textarea")


def test_boxes_are_added_and_removed_without_leaving_a_gap(page):
    assert not page.locator("#article-2").is_visible()
    page.click("#add-article")
    _box(page, 2).wait_for(state="visible")
    for index, text in enumerate(["first article", "second article", "third article"]):
        _box(page, index).fill(text)
    page.click("#remove-0")
    page.wait_for_function("document.querySelector('#article-0 textarea').value === 'second article'")
    assert _box(page, 1).input_value() == "third article"
    page.locator("#article-2").wait_for(state="hidden")


def test_uploaded_articles_fill_the_boxes(page, tmp_path):
    paths = []
    for name, text in [
        ("alpha", "The bridge reopened on Tuesday."),
        ("beta", "On Tuesday the bridge reopened to traffic."),
    ]:
        paths.append(tmp_path / f"{name}.txt")
        paths[-1].write_text(text, encoding="utf-8")
    page.set_input_files("#uploads input[type=file]", [str(path) for path in paths])
    page.wait_for_function("document.querySelector('#article-1 textarea').value.includes('traffic')")
    assert page.input_value("#cluster-id textarea") == "upload"
    assert "beta" in page.inner_text("#article-1")
