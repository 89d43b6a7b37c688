"""Every page carries a strict Content-Security-Policy, built and sealed as it should be. That
Chromium reports no violation of it, also while a reader uses the page (search, the step-through,
the folded answers, the copy buttons and the palette toggle), is checked on every visit of the
browser tests (browsing.py) and by test_sweep.py.

GitHub Pages lets a site send no response header, so the policy is a <meta> tag in each page
(hooks/sitebuild/csp.py), which is why it cannot carry frame-ancestors or a report address."""

from __future__ import annotations

import re

import pytest

from sitebuild import csp
from tests.site import pages

PAGES = [*pages.URLS, "404.html"]
META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')


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
