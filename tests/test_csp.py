"""Every page carries a strict Content-Security-Policy, and Chromium reports no violation of it
while a reader uses the page: search, the step-through, the folded answers, the copy buttons and
the palette toggle. The policy's construction is checked without a browser too.

GitHub Pages lets a site send no response header, so the policy is a <meta> tag in each page
(hooks/sitebuild/csp.py), which is why it cannot carry frame-ancestors or a report address."""

from __future__ import annotations

import re

import pytest

from sitebuild import csp
from tests import pages

PAGES = [*pages.URLS, "404.html"]
META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')

# Chromium sends a `securitypolicyviolation` event for every refused script, style, image, font,
# connection or inline handler; this records them from before the page's first byte.
LISTEN = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(
  `${e.effectiveDirective} refused ${e.blockedURI || "inline"} at ${e.sourceFile}:${e.lineNumber}`));
"""


def built(site, path: str) -> str:
    target = site / path if path.endswith(".html") else site / path / "index.html"
    return target.read_text(encoding="utf-8")


def directives(page: str) -> dict[str, list[str]]:
    (meta,) = META.findall(page)
    return {d.split()[0]: d.split()[1:] for d in meta.split("; ")}


BUILDS = ["site", "pages_site"]  # as `make site` builds it, and as the Pages workflow does


@pytest.mark.parametrize("build", BUILDS)
@pytest.mark.parametrize("path", PAGES)
def test_every_page_carries_a_strict_policy_before_anything_it_governs(request, build, path):
    page = built(request.getfixturevalue(build), path)
    policy = directives(page)
    assert policy["default-src"] == ["'none'"]
    for kind in ["script-src", "style-src"]:
        assert policy[kind][0] == "'self'"
        assert all(s.startswith("'sha256-") for s in policy[kind][1:]), policy[kind]
    text = META.search(page)[0]
    assert "unsafe-inline" not in text and "unsafe-eval" not in text
    head = page[: page.index("</head>")]
    first = min(m.start() for m in re.finditer(r"<script|<style|<link", head))
    assert page.index(text) < first, "the policy must come before what it governs"
    assert not re.search(r"<[^>]+\sstyle=", page), "an inline style attribute (needs a class)"
    assert not re.search(r"<[^>]+\son[a-z]+=", page), "an inline event handler"


@pytest.mark.parametrize("build", BUILDS)
@pytest.mark.parametrize("path", PAGES)
def test_each_inline_script_of_a_page_is_allowed_by_its_own_hash(request, build, path):
    """Hash by hash: every inline script that runs is named, and nothing else is."""
    page = built(request.getfixturevalue(build), path)
    hashes = set(directives(page)["script-src"][1:])
    running = {csp.digest(body) for body in csp.inline_scripts(csp.TEMPLATE.sub("", page))}
    assert running and hashes == running


def test_a_changed_script_no_longer_matches_its_hash():
    page = '<meta charset="utf-8"><script>let a = 1</script><script type="application/json">{}</script>'
    sealed = csp.seal(page)
    assert csp.digest("let a = 1") in sealed and csp.digest("{}") not in sealed
    assert csp.digest("let a = 2") not in sealed
    # the SHA-256 of "let a = 1", base64, computed independently: `printf 'let a = 1' |
    # openssl dgst -sha256 -binary | base64`
    assert csp.digest("let a = 1") == "'sha256-LAfYd7pbFUgwfQu8b4q135PeTG2z+/coPEUYCd74eCQ='"


def use_the_page(page) -> None:
    """What a reader does: opens every fold, copies code, steps through, switches the palette,
    searches and opens the first result."""
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
    page.locator("input.md-search__input").click()
    page.keyboard.type("matmul")
    page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
    with page.expect_navigation():  # Enter opens the first result: no form is sent anywhere
        page.keyboard.press("Enter")
    page.wait_for_load_state("networkidle")


@pytest.mark.parametrize("path", PAGES)
def test_no_violation_while_the_page_is_used(browser, pages_site_url, path):
    """On the site as published (with its repository link and edit buttons)."""
    base_url = pages_site_url
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url.rstrip("/"))
    context.add_init_script(LISTEN)
    errors: list[str] = []
    page = context.new_page()
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        page.goto(base_url + path, wait_until="networkidle")
        assert page.locator('meta[http-equiv="Content-Security-Policy"]').count() == 1
        page.locator("[data-md-component=search]").wait_for(state="attached")
        use_the_page(page)
        page.wait_for_timeout(300)
        assert page.evaluate("window.__violations") == []
        assert errors == [], errors
        # the policy is enforced: an inline script the build did not hash is refused
        page.evaluate(
            "document.head.append(Object.assign(document.createElement('script'),"
            " {textContent: 'window.__ran = 1'}))"
        )
        page.wait_for_timeout(100)
        assert page.evaluate("window.__ran") is None
        assert page.evaluate("window.__violations.length") == 1
    finally:
        context.close()
