"""The built site in a real browser (Chromium from Debian, driven by Playwright): what a reader
does on a page, and what one page must do, that the sweep of every page (test_sweep.py) does
not check: the copy button, search, the palette toggle, the scripts held until the first paint,
the math font, long code lines on a phone, the lab's column and download. Without Chromium
these tests skip with a reason, except in CI (CI=true), where a missing browser is a failure.
"""

from __future__ import annotations

import json

import nbformat
import pytest
import yaml

from tests.site import ROOT, pages
from tests.site.browsing import Visit
from tests.site.probes import BRACKETS, INDENT_AFTER_A_MARKED_LINE, SCRIPTS_AND_PAINT

WIDTHS = [390, 1280]  # a phone and a laptop


def test_the_lesson_is_painted_before_any_script_runs(browser, base_url):
    """overrides/partials/after-paint.js: the scripts are fetched after the first paint, and
    Material still starts, once (one copy button per code block, not two)."""
    with Visit(browser, base_url, "vectorized-forward-propagation/") as visit:
        visit.page.wait_for_selector("nav.md-code__nav", state="attached")
        seen = visit.page.evaluate(SCRIPTS_AND_PAINT)
        names = [name for name, _ in seen["scripts"]]
        assert names[0].startswith("bundle.") and {"a11y.js", "stepper.js"} <= set(names), names
        assert all(start > seen["paint"] for _, start in seen["scripts"]), seen
        assert seen["buttons"] and set(seen["buttons"]) == {1}, seen["buttons"]
        assert visit.errors == []


def test_scripts_still_run_where_paint_timing_is_missing(browser, base_url):
    """A browser without paint timing (no PerformanceObserver) gets the scripts right away, not
    after the loader's 3 s safety net."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    try:
        page = context.new_page()
        page.add_init_script("delete window.PerformanceObserver")
        page.goto(base_url + "vectorized-forward-propagation/", wait_until="load")
        page.wait_for_selector("nav.md-code__nav", state="attached", timeout=5_000)
        seen = page.evaluate(SCRIPTS_AND_PAINT)
        assert seen["paint"] is not None and set(seen["buttons"]) == {1}
        assert seen["scripts"][0][1] < 2_500, seen["scripts"]
        assert page.locator("[data-stepper] input").first.is_visible()
    finally:
        context.close()


def test_copy_button_copies_exactly_the_code(browser, base_url):
    origin = base_url.rstrip("/")
    with Visit(browser, base_url, "vectorized-forward-propagation/") as visit:
        visit.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=origin)
        page = visit.page
        block = page.locator("div.highlight").first
        block.hover()
        block.locator(
            "button.md-code__button[data-md-type=copy], button.md-clipboard"
        ).first.click()
        copied = page.evaluate("() => navigator.clipboard.readText()")
        # the code as written (its text, not its rendering: a wrapped line is still one line)
        code = block.locator("code").text_content()
        assert copied.strip() == code.strip()
        assert copied.startswith("from vecnn.lesson import W, b, x\n\nprint(")


def test_search_finds_matmul(browser, base_url):
    with Visit(browser, base_url, "") as visit:
        page = visit.page
        page.locator("input.md-search__input").click()
        page.keyboard.type("matmul")  # Material listens for key events; fill() sends none
        results = page.locator(".md-search-result__item")
        results.first.wait_for(timeout=10_000)
        assert results.count() >= 3
        assert "matmul" in page.locator(".md-search-result").inner_text().lower()
        with page.expect_navigation():  # Enter opens the first result: no form is sent anywhere
            page.keyboard.press("Enter")
        page.wait_for_load_state("networkidle")
        # a page of the site, its matches highlighted: ?h=, which Material adds, not a query
        assert page.url.startswith(base_url) and "?h=matmul#" in page.url, page.url
        assert visit.errors == [] and visit.violations() == []


def test_a_first_visit_takes_the_readers_dark_setting(browser, base_url):
    """(The sweep loads every page in the light setting, then switches with the toggle.)"""
    with Visit(browser, base_url, "matrix-multiplication/", scheme="dark") as visit:
        assert visit.page.get_attribute("body", "data-md-color-scheme") == "slate"


def test_palette_toggle_switches_light_and_dark(browser, base_url):
    with Visit(browser, base_url, "matrix-multiplication/") as visit:
        page = visit.page
        assert page.get_attribute("body", "data-md-color-scheme") == "default"
        page.locator("form[data-md-component=palette] label:visible").first.click()
        assert page.get_attribute("body", "data-md-color-scheme") == "slate"
        page.locator("form[data-md-component=palette] label:visible").first.click()
        assert page.get_attribute("body", "data-md-color-scheme") == "default"


def test_notebook_download_link_returns_a_valid_notebook(browser, base_url):
    with Visit(browser, base_url, "lab/") as visit:
        link = visit.page.locator("a[download][href$='.ipynb']")
        assert link.count() == 1
        href = link.get_attribute("href")
        response = visit.page.request.get(base_url + "lab/" + href)
        assert response.status == 200
        nbformat.validate(nbformat.reads(json.dumps(response.json()), as_version=4))


def test_without_the_math_font_brackets_stay_short(browser, base_url):
    """What the bracket check guards against: with the site's math font blocked, Chromium on
    Linux has no math font to stretch a matrix's brackets with."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.route("**/math.woff2", lambda route: route.abort())
        page.goto(base_url + "matrix-multiplication/", wait_until="networkidle")
        ratios = [b["ratio"] for b in page.evaluate(BRACKETS)]
        assert ratios and min(ratios) < 0.6, ratios
    finally:
        context.close()


# --- a phone's width: nothing scrolls sideways, nothing is wider than the column ------------

PHONE = {"width": 390, "height": 844}


def test_a_line_after_a_wrapped_one_keeps_its_indentation(browser, base_url):
    """The line after a marked long line starts where its indentation says, not at the left
    edge (with white-space: pre-wrap its leading spaces hung at the end of the long line)."""
    with Visit(browser, base_url, "proof/", viewport=PHONE) as visit:
        block = visit.page.locator("div.highlight", has_text="assert err").first
        found = block.evaluate(INDENT_AFTER_A_MARKED_LINE)
        assert found, "no indented line follows a marked one: this test needs one"
        assert all(spaces == column for spaces, column in found), found


def test_a_long_line_wraps_with_a_mark_and_copies_whole(browser, base_url):
    """A line too long for a phone (the install command's address) wraps with a hanging indent
    and a visible bar, and the copy button still copies it as one line."""
    with Visit(browser, base_url, "", viewport=PHONE) as visit:
        page = visit.page
        visit.context.grant_permissions(["clipboard-read", "clipboard-write"])
        block = page.locator("div.highlight", has_text="pip install").first
        line = block.locator(".code-line--long").first
        style = line.evaluate(
            "l => ({lines: l.getBoundingClientRect().height / parseFloat(getComputedStyle(l).lineHeight),"
            " indent: getComputedStyle(l).textIndent, bar: getComputedStyle(l).backgroundImage})"
        )
        assert style["lines"] > 1.5, "the install command fits: this test needs a longer line"
        assert style["indent"].startswith("-") and "gradient" in style["bar"], style
        block.hover()
        block.locator("button.md-code__button[data-md-type=copy]").first.click()
        copied = page.evaluate("() => navigator.clipboard.readText()")
        assert copied.strip().startswith("pip install ") and "\n" not in copied.strip()


def test_the_lab_has_the_column_of_every_other_page(browser, base_url):
    for width in WIDTHS:
        viewport = {"width": width, "height": 900}
        widths = {}
        for path, text in [("lab/", ".jp-MarkdownCell p"), ("conventions/", "article > p")]:
            with Visit(browser, base_url, path, viewport=viewport) as visit:
                widths[path] = visit.page.locator(text).first.evaluate(
                    "p => p.getBoundingClientRect().width"
                )
        assert widths["lab/"] == pytest.approx(widths["conventions/"], abs=1), (width, widths)


def test_the_notebook_download_is_a_button_with_words(browser, base_url):
    with Visit(browser, base_url, "lab/", viewport=PHONE) as visit:
        link = visit.page.locator("a[download][href$='.ipynb']")
        assert link.inner_text().strip() == "Download notebook"
        box = link.bounding_box()
        assert box and box["height"] >= 38 and box["width"] >= 120, box


def section(title: str) -> list[str]:
    """The sources of one section of mkdocs.yml's nav, such as "Going further"."""
    nav = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), pages.ConfigLoader)["nav"]
    return next(pages.sources(item[title]) for item in nav if title in item)


GOING_FURTHER = section("Going further")


@pytest.mark.parametrize("source", GOING_FURTHER)
def test_each_going_further_page_asks_a_checked_question(browser, base_url, source):
    """A question with its answer folded, and in the answer code with its printed output."""
    with Visit(browser, base_url, pages.url(source), viewport=PHONE) as visit:
        page = visit.page
        question = page.locator(".admonition.question")
        assert question.count() >= 1, f"{source} asks no question"
        answer = question.first.locator("details")
        assert answer.get_attribute("open") is None, "the answer is folded"
        assert answer.locator(".language-python").count() >= 1
        assert answer.locator(".language-text").count() >= 1
