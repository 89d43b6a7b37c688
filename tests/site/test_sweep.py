"""Every page of the site as published (the Pages build), in Debian's Chromium driven by
Playwright, at a phone's and a laptop's width, in the light palette and then, switched with the
header's toggle, the dark one: one visit per page and width, and every check that needs one.

Each visit checks console and page errors, failed requests, requests to any other host, images
that do not load, formulas that are not typeset, violations of the page's Content-Security-Policy
and serious or critical accessibility violations (axe-core); that math stretches, figures fit and
can be read, and nothing scrolls sideways. At the phone's width every code block, table and
formula fits the column; and there a reader uses the page (folds, copy, step-through, palette,
search) without one violation of its policy.

SCREENSHOTS=1 saves a full-page screenshot of every visit to screenshots/, with what was
measured beside it, for review (`make screenshots`). Without Chromium these tests skip with a
reason, except in CI (CI=true), where a missing browser is a failure.
"""

from __future__ import annotations

import json
import os

import pytest

from tests.site import ROOT, audit
from tests.site.browsing import Visit
from tests.site.probes import (
    BRACKETS,
    COLOUR_RULES,
    COVERED,
    DOES_NOT_FIT,
    EVERY_RULE,
    FIGURE_FIT,
    LABEL_SIZES,
    LAYOUT_RULES,
    axe_violations,
    unfolded,
)

PAGES = [*audit.PAGES, "404.html"]
WIDTHS = [390, 1280]  # a phone and a laptop
SCREENSHOTS = ROOT / "screenshots" if os.environ.get("SCREENSHOTS") else None


@pytest.mark.slow
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", PAGES)
def test_page_reads_right(browser, pages_site_url, axe_source, path, width):
    viewport = {"width": width, "height": 900}
    with Visit(browser, pages_site_url, path, viewport=viewport) as visit:
        page = visit.page
        assert page.get_attribute("body", "data-md-color-scheme") == "default"
        visit_checks(visit)
        measured = layout_checks(page, width)  # the layout: the same in either palette
        if width == min(WIDTHS):
            measured |= phone_checks(page)
        at_the_top(page)  # as a reader first sees it, with no transition running
        rules = EVERY_RULE if width == max(WIDTHS) else LAYOUT_RULES
        assert axe_violations(page, axe_source, rules) == []
        if SCREENSHOTS:
            screenshot(page, path, f"{width}-light", measured)
        # the dark palette, as a reader switches to it: the header's toggle
        page.locator("form[data-md-component=palette] label:visible").first.click()
        assert page.get_attribute("body", "data-md-color-scheme") == "slate"
        if width == max(WIDTHS) or SCREENSHOTS:
            at_the_top(page)
        if width == max(WIDTHS):  # the colours' rules: the other palette's contrast
            assert axe_violations(page, axe_source, COLOUR_RULES) == []
        if SCREENSHOTS:
            screenshot(page, path, f"{width}-dark", measured)
        assert visit.errors == [] and visit.violations() == []
        if width == min(WIDTHS):
            policy_checks(visit)  # last: it changes the page


def visit_checks(visit: Visit) -> None:
    """What every page must pass at every width as it loads."""
    page = visit.page
    assert visit.response.status == 200  # 404.html is fetched directly here
    assert visit.errors == [], f"console or page errors: {visit.errors}"
    assert visit.failed == [], f"failed requests: {visit.failed}"
    assert visit.foreign == [], f"requests to other hosts: {visit.foreign}"
    images = page.eval_on_selector_all(
        "img",
        "imgs => imgs.map(i => ({src: i.currentSrc, ok: i.complete && i.naturalWidth > 0, alt: i.alt}))",
    )
    for image in images:
        assert image["ok"], f"image did not load: {image['src']}"
        assert image["alt"].strip(), f"image without alt text: {image['src']}"
    with unfolded(page):
        sizes = page.eval_on_selector_all(
            "math", "ms => ms.map(m => m.getBoundingClientRect().width)"
        )
    assert all(width > 0 for width in sizes), "a formula has no size: MathML was not rendered"
    text = page.inner_text("article")
    for raw in ["\\(", "\\[", "$$", "\\frac", "\\mathbf"]:
        assert raw not in text, f"raw TeX {raw!r} is visible on the page"
    assert visit.violations() == [], "the page's policy refused something"


def layout_checks(page, width: int) -> dict[str, float]:
    """Math that stretches, figures that fit and can be read, no sideways scrolling.
    Returns the smallest bracket ratio and each figure's smallest and median label size."""
    page.evaluate("document.fonts.ready")
    assert page.locator('[mathvariant="bold"]').count() == 0, "MathML Core ignores mathvariant=bold"
    with unfolded(page):
        brackets = page.evaluate(BRACKETS)
        covered = page.evaluate(COVERED)
        scroll = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    short = [b for b in brackets if b["ratio"] < 0.85]
    assert not short, f"brackets shorter than their matrix: {short}"
    measured: dict[str, float] = {"bracket": min((b["ratio"] for b in brackets), default=1.0)}
    with unfolded(page):  # Figure 5 sits in its question's folded answer
        assert page.evaluate(FIGURE_FIT) == []
        for img in page.locator('img[src*="figures/"]').all():
            img.scroll_into_view_if_needed()
            labels = img.evaluate(LABEL_SIZES)
            name = labels["src"].rsplit("/", 1)[-1]
            sizes = sorted(labels["sizes"])
            assert sizes, f"{name}: no labels found"
            median = sizes[len(sizes) // 2]
            assert median >= 11, f"{name} at {width} px: median label {median:.1f} px < 11"
            assert sizes[0] >= 8, f"{name} at {width} px: smallest label {sizes[0]:.1f} px < 8"
            measured[name] = sizes[0]
    assert covered == [], f"a copy button covers text: {covered}"
    assert scroll <= 0, f"the page scrolls sideways by {scroll} px at {width} px"
    return measured


def phone_checks(page) -> dict[str, float]:
    """At a phone's width, with every answer unfolded: no code or output block scrolls sideways,
    no printed array row wraps, no table or display formula is wider than the column."""
    with unfolded(page):
        seen = page.evaluate(DOES_NOT_FIT)
    assert seen["scrolling"] == [], f"blocks that scroll sideways: {seen['scrolling']}"
    assert seen["rowsWrapped"] == [], f"printed rows that wrap: {seen['rowsWrapped']}"
    assert seen["tables"] == [], f"tables wider than the column: {seen['tables']}"
    assert seen["formulas"] == [], f"formulas wider than the column: {seen['formulas']}"
    return {"blocks": seen["blocks"], "column": seen["column"]}


def use_the_page(page) -> None:
    """What a reader does: opens every fold, copies code, steps through, switches the palette
    and searches (test_browser.py opens a result, once)."""
    for summary in page.locator("details > summary").all():
        if summary.is_visible():
            summary.click()
    copy = page.locator("button.md-code__button[data-md-type=copy]:visible")
    if copy.count():
        copy.first.click()
    step = page.locator("[data-stepper] [data-next]")
    if step.count():
        for _ in range(5):
            if step.is_enabled():
                step.click()
    page.locator("form[data-md-component=palette] label:visible").first.click()
    search = page.locator("input.md-search__input")
    opener = page.locator("label.md-header__button[for=__search]")
    if opener.is_visible():  # a phone: the header's search button opens it, the focus in it
        opener.click()
        page.wait_for_function("() => document.activeElement?.matches('.md-search__input')")
    else:
        search.click()
    page.keyboard.type("matmul")
    page.locator(".md-search-result__item").first.wait_for(timeout=10_000)


def policy_checks(visit: Visit) -> None:
    """The page as a reader uses it raises no violation of its policy, and the policy is
    enforced: an inline script that the build did not hash is refused."""
    page = visit.page
    assert page.locator('meta[http-equiv="Content-Security-Policy"]').count() == 1
    visit.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=visit.origin)
    page.locator("[data-md-component=search]").wait_for(state="attached")
    use_the_page(page)
    page.wait_for_timeout(300)
    assert visit.violations() == [] and visit.errors == [], (visit.violations(), visit.errors)
    page.evaluate(
        "document.head.append(Object.assign(document.createElement('script'),"
        " {textContent: 'window.__ran = 1'}))"
    )
    page.wait_for_timeout(100)
    assert page.evaluate("window.__ran") is None
    assert len(visit.violations()) == 1


def at_the_top(page) -> None:
    """Back at the top once the figure checks have scrolled the page, and settled: otherwise
    axe-core measures the back-to-top button mid-fade, and a full-page shot draws the sticky
    header and sidebars at the last figure."""
    page.evaluate("window.scrollTo(0, 0)")
    page.wait_for_function(  # a function, not a string: the page's policy forbids eval
        "() => window.scrollY === 0 && !document.querySelector('.md-header__title--active')"
        " && document.getAnimations().every(a => a.playState !== 'running')"
    )


def screenshot(page, path: str, variant: str, measured: dict[str, float]) -> None:
    """Saved for review, with what was measured (screenshots/ is not committed)."""
    assert SCREENSHOTS
    SCREENSHOTS.mkdir(exist_ok=True)
    name = path.strip("/").replace("/", "-").replace(".html", "") or "home"
    (SCREENSHOTS / f"{name}-{variant}.json").write_text(json.dumps(measured, indent=1))
    page.screenshot(path=str(SCREENSHOTS / f"{name}-{variant}.png"), full_page=True)
