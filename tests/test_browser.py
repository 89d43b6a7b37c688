"""The built site in a real browser: Chromium from Debian, driven by Playwright.

Every page is loaded from a local server and checked for console and page errors, failed
requests, requests to any other host, images that do not load, formulas that are not typeset,
and serious or critical accessibility violations (axe-core) in the light and the dark palette.
A screenshot of every page is saved to screenshots/ for review. Without Chromium these tests
skip with a reason, except in CI (CI=true), where a missing browser is a failure.
"""

from __future__ import annotations

import contextlib
import json

import nbformat
import pytest
import yaml

from tests import audit, pages
from tests.browsing import Visit
from tests.conftest import ROOT

SCREENSHOTS = ROOT / "screenshots"
PAGES = [*audit.PAGES, "404.html"]


def axe_violations(page, axe_source: str) -> list[str]:
    """Serious and critical axe-core violations (WCAG 2.1 A and AA, best practices)."""
    page.evaluate(axe_source)  # not a <script> tag: the page's policy refuses unhashed ones
    result = page.evaluate(
        "() => axe.run(document, {runOnly: {type: 'tag', values: "
        "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})"
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


WIDTHS = [390, 1280]  # a phone and a laptop
MEASURED: dict[str, dict[str, float]] = {}  # for the record: screenshots/measurements.json
SCHEMES = ["light", "dark"]

# Every label of every figure, in CSS px as rendered: matplotlib draws text as paths in groups
# id="text_N" scaled by fontsize/100, superscripts inside them scaled again; the image's rendered
# width over its viewBox width turns SVG units into CSS px.
LABEL_SIZES = """async (img) => {
  const text = await (await fetch(img.currentSrc)).text();
  const svg = new DOMParser().parseFromString(text, "image/svg+xml").documentElement;
  const px = img.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  const sizes = [];
  for (const group of svg.querySelectorAll('g[id^="text_"]')) {
    const scaled = group.querySelector('g[transform*="scale("]');
    const base = scaled && /scale\\(([\\d.]+) -/.exec(scaled.getAttribute("transform"));
    if (!base) continue;
    sizes.push(100 * base[1] * px);
    for (const use of group.querySelectorAll('use[transform*="scale("]')) {
      const k = /scale\\(([\\d.]+)\\)/.exec(use.getAttribute("transform"));
      if (k && k[1] < 1) sizes.push(100 * base[1] * k[1] * px);
    }
  }
  return {src: img.currentSrc, sizes};
}"""

# Each stretchy bracket beside a matrix of two or more rows, as a fraction of the matrix's height.
BRACKETS = """() => [...document.querySelectorAll("mtable")].filter(t => t.querySelectorAll("mtr").length > 1)
  .flatMap(t => [t.previousElementSibling, t.nextElementSibling]
    .filter(mo => mo && mo.tagName.toLowerCase() === "mo")
    .map(mo => ({text: mo.textContent + t.textContent.slice(0, 12),
                 ratio: mo.getBoundingClientRect().height / t.getBoundingClientRect().height})))"""

# Figures that stick out of the viewport, or sit in something that scrolls sideways.
FIGURE_FIT = """() => [...document.querySelectorAll('img[src*="figures/"]')].flatMap(img => {
  const box = img.getBoundingClientRect(), faults = [];
  if (box.left < 0 || box.right > window.innerWidth + 0.5) faults.push(`${img.currentSrc} spans ${box.left}..${box.right}`);
  for (let el = img.parentElement; el; el = el.parentElement) {
    const style = getComputedStyle(el);
    if (/(auto|scroll)/.test(style.overflowX) && el.scrollWidth > el.clientWidth + 1)
      faults.push(`${img.currentSrc} scrolls inside ${el.tagName}.${el.className}`);
  }
  return faults;
})"""

# Text that a copy button sits on top of, with the block scrolled to its start.
# Material's copy button sits in the <pre>; the lab's (mkdocs-jupyter) in the cell's CodeMirror box.
COVERED = """() => [...document.querySelectorAll("pre")].flatMap(pre => {
  const button = pre.querySelector("button.md-code__button")
    || pre.closest(".CodeMirror")?.querySelector(".zeroclipboard-container");
  if (!button) return [];
  const b = button.getBoundingClientRect(), covered = [];
  const walk = document.createTreeWalker(pre, NodeFilter.SHOW_TEXT);
  for (let node = walk.nextNode(); node; node = walk.nextNode()) {
    if (!node.textContent.trim()) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const r of range.getClientRects())
      if (r.left < b.right && r.right > b.left && r.top < b.bottom && r.bottom > b.top)
        covered.push(node.textContent.trim().slice(0, 30));
  }
  return covered;
})"""


@contextlib.contextmanager
def unfolded(page):
    """Every folded answer and solution opened for the checks, then folded again: what they hold
    (formulas, brackets, code under a copy button) is measured like the rest of the page."""
    page.evaluate(
        "document.querySelectorAll('details:not([open])')"
        ".forEach(d => { d.open = true; d.dataset.refold = ''; })"
    )
    try:
        yield
    finally:
        page.evaluate(
            "document.querySelectorAll('details[data-refold]')"
            ".forEach(d => { d.open = false; delete d.dataset.refold; })"
        )


def visit_checks(visit: Visit) -> None:
    """What every page must pass at every width and in both palettes."""
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


@pytest.mark.slow
@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", PAGES)
def test_page_reads_right(browser, base_url, axe_source, path, width, scheme):
    """Every page at a phone's and a laptop's width, in both palettes: loads cleanly, math and
    figures render and fit, axe-core finds nothing serious, and a screenshot is saved."""
    viewport = {"width": width, "height": 900}
    with Visit(browser, base_url, path, scheme=scheme, viewport=viewport) as visit:
        page = visit.page
        expected = "slate" if scheme == "dark" else "default"
        assert page.get_attribute("body", "data-md-color-scheme") == expected
        visit_checks(visit)
        MEASURED[f"{path or 'home'} {width} {scheme}"] = layout_checks(page, width)
        SCREENSHOTS.mkdir(exist_ok=True)
        (SCREENSHOTS / "measurements.json").write_text(json.dumps(MEASURED, indent=1))
        screenshot(page, path, f"{width}-{scheme}")
        if width == max(WIDTHS) or scheme == "light":  # contrast per palette, layout per width
            assert axe_violations(page, axe_source) == []


def screenshot(page, path: str, variant: str) -> None:
    """Saved for review (screenshots/ is not committed)."""
    SCREENSHOTS.mkdir(exist_ok=True)
    name = path.strip("/").replace("/", "-").replace(".html", "") or "home"
    # From the top, as a reader first sees it: after the figure checks have scrolled the page,
    # a full-page shot draws the sticky header and sidebars at the last figure instead.
    page.evaluate("window.scrollTo(0, 0)")
    page.wait_for_function(  # a function, not a string: the page's policy forbids eval
        "() => window.scrollY === 0 && !document.querySelector('.md-header__title--active')"
        " && document.getAnimations().every(a => a.playState !== 'running')"
    )
    page.screenshot(path=str(SCREENSHOTS / f"{name}-{variant}.png"), full_page=True)


SCRIPTS_AND_PAINT = """() => ({
    paint: performance.getEntriesByName("first-contentful-paint").map(e => e.startTime)[0],
    scripts: performance.getEntriesByType("resource")
        .filter(e => e.initiatorType === "script" && e.name.endsWith(".js"))
        .map(e => [e.name.split("/").pop(), e.startTime]),
    buttons: [...document.querySelectorAll("div.highlight pre")]
        .map(pre => pre.querySelectorAll("nav.md-code__nav").length),
})"""


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

# What does not fit a phone's column, with every folded answer opened: code and output blocks
# that scroll sideways, output lines holding an array row (a "[") that wrap onto a second line,
# tables and display formulas wider than the column.
DOES_NOT_FIT = """() => {
  const column = document.querySelector("article").getBoundingClientRect();
  const wider = el => el.getBoundingClientRect().width > column.width + 1
    || el.getBoundingClientRect().right > column.right + 1;
  const scrolls = el => el.scrollWidth > el.clientWidth + 1;
  const blocks = [...document.querySelectorAll("article pre")];
  // each printed line holding a "[", as a Range over its characters: on one row of the screen?
  const rowsWrapped = [];
  for (const pre of blocks.filter(pre => pre.closest(".language-text, .jp-OutputArea"))) {
    const chars = [];
    const walk = document.createTreeWalker(pre, NodeFilter.SHOW_TEXT);
    for (let node = walk.nextNode(); node; node = walk.nextNode())
      if (!node.parentElement.closest("button, nav"))
        for (let i = 0; i < node.data.length; i++) chars.push([node, i]);
    const text = chars.map(([node, i]) => node.data[i]).join("");
    let start = 0;
    for (const line of text.split("\\n")) {
      const end = start + line.length;
      if (line.includes("[")) {
        const range = document.createRange();
        range.setStart(...chars[start]);
        range.setEnd(chars[end - 1][0], chars[end - 1][1] + 1);
        const rows = new Set([...range.getClientRects()].filter(r => r.width > 0)
          .map(r => Math.round(r.top)));
        if (rows.size > 1) rowsWrapped.push({textContent: line});
      }
      start = end + 1;
    }
  }
  return {
    blocks: blocks.length,
    // (Material lets a code block on a phone run to the screen's edges, past the text column.)
    scrolling: blocks.filter(pre => scrolls(pre) || [...pre.children].some(scrolls)
      || pre.getBoundingClientRect().left < -0.5
      || pre.getBoundingClientRect().right > window.innerWidth + 0.5)
      .map(pre => pre.textContent.slice(0, 60)),
    rowsWrapped: rowsWrapped.map(line => line.textContent.trim().slice(0, 60)),
    tables: [...document.querySelectorAll("article table")]
      .filter(t => wider(t) || scrolls(t) || scrolls(t.parentElement))
      .map(t => t.textContent.trim().slice(0, 40)),
    formulas: [...document.querySelectorAll("article .math")]
      .filter(m => scrolls(m) || wider(m) || wider(m.querySelector("math")))
      .map(m => m.textContent.trim().slice(0, 40)),
    column: column.width,
  };
}"""


@pytest.mark.parametrize("path", audit.PAGES)
def test_at_a_phones_width_every_block_table_and_formula_fits(browser, base_url, path):
    """At 390 px, with every answer unfolded: no code or output block scrolls sideways, no
    printed array row wraps, no table or display formula is wider than the column."""
    with Visit(browser, base_url, path, viewport=PHONE) as visit:
        with unfolded(visit.page):
            seen = visit.page.evaluate(DOES_NOT_FIT)
    MEASURED[f"{path or 'home'} 390 fit"] = {"blocks": seen["blocks"], "column": seen["column"]}
    assert seen["scrolling"] == [], f"blocks that scroll sideways: {seen['scrolling']}"
    assert seen["rowsWrapped"] == [], f"printed rows that wrap: {seen['rowsWrapped']}"
    assert seen["tables"] == [], f"tables wider than the column: {seen['tables']}"
    assert seen["formulas"] == [], f"formulas wider than the column: {seen['formulas']}"


INDENT_AFTER_A_MARKED_LINE = """block => {
    // the first token of each line that follows a marked (long) line, against the indentation
    // its source line has: every character of the code is as wide as every other
    const code = block.querySelector("code");
    const left = code.getBoundingClientRect().left + parseFloat(getComputedStyle(code).paddingLeft);
    const probe = document.createElement("span");
    probe.textContent = "0";
    code.append(probe);
    const width = probe.getBoundingClientRect().width;
    probe.remove();
    const found = [];
    for (const marked of code.querySelectorAll(".code-line--long")) {
        const next = marked.nextSibling;
        if (!next || next.nodeType !== Node.TEXT_NODE) continue;
        const text = next.textContent;
        const spaces = text.length - text.trimStart().length;
        if (!spaces || text.startsWith("\\n")) continue;
        let first;  // where the line's first token is drawn
        if (spaces === text.length) {  // the token is the element after these spaces
            if (!next.nextSibling || next.nextSibling.nodeType !== Node.ELEMENT_NODE) continue;
            first = next.nextSibling.getBoundingClientRect();
        } else {
            const range = document.createRange();
            range.setStart(next, spaces);
            range.setEnd(next, spaces + 1);
            first = range.getBoundingClientRect();
        }
        found.push([spaces, Math.round((first.left - left) / width)]);
    }
    return found;
}"""


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
