"""What the browser tests measure inside a page: JavaScript that page.evaluate runs, and the
helpers around it. The tests are in test_sweep.py (every page) and test_browser.py."""

from __future__ import annotations

import contextlib

# Every label of every figure, in CSS px as rendered: matplotlib draws text as paths in groups
# id="text_N" scaled by fontsize/100, superscripts inside them scaled again; the image's rendered
# width over its viewBox width turns SVG units into CSS px.
LABEL_SIZES = """async (img) => {
  // without its styles: the page's policy refuses them even in a parsed document
  const text = (await (await fetch(img.currentSrc)).text())
    .replace(/ style="[^"]*"/g, "").replace(/<style[^>]*>[^<]*<\\/style>/g, "");
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


SCRIPTS_AND_PAINT = """() => ({
    paint: performance.getEntriesByName("first-contentful-paint").map(e => e.startTime)[0],
    scripts: performance.getEntriesByType("resource")
        .filter(e => e.initiatorType === "script" && e.name.endsWith(".js"))
        .map(e => [e.name.split("/").pop(), e.startTime]),
    buttons: [...document.querySelectorAll("div.highlight pre")]
        .map(pre => pre.querySelectorAll("nav.md-code__nav").length),
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


# What axe-core checks (its run options): every WCAG 2.1 A and AA rule and its best practices;
# after a switch of palette, only the rules that the colours decide.
EVERY_RULE = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"],
    }
}
COLOUR_RULES = {"runOnly": {"type": "rule", "values": ["color-contrast", "link-in-text-block"]}}
# At a phone's width, the rules the layout decides: every one but colour contrast (the same text
# in the same colours as at a laptop's, where it is checked), the slowest by far.
LAYOUT_RULES = {**EVERY_RULE, "rules": {"color-contrast": {"enabled": False}}}


def axe_violations(page, axe_source: str, options: dict = EVERY_RULE) -> list[str]:
    """Serious and critical axe-core violations of the rules `options` runs."""
    if not page.evaluate("() => 'axe' in window"):
        page.evaluate(axe_source)  # not a <script> tag: the page's policy refuses unhashed ones
    result = page.evaluate(
        "options => axe.run(document, {...options, resultTypes: ['violations']})", options
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]
