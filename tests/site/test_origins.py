"""Nothing on the site loads from another origin: every shipped HTML, JS and CSS file is read for
an absolute address in a place that loads it (a src, a stylesheet link, a CSS url(), a string in
a script). Links a reader follows may point anywhere; loads may not.

Material's script bundle carries three dormant loaders of its own. Each is listed here with what
wakes it, and the test checks that no page does; the pages' policy (csp.py) would refuse them too.
"""

from __future__ import annotations

import json
import re

import pytest

from tests.site.pages import ROOT, URLS

ELSEWHERE = r"(?:https?:)?//[\w.-]+\.[a-z]{2,}"
HTML_LOADS = [
    re.compile(
        rf"<(?:script|img|iframe|embed|audio|video|track|input)\b[^>]*\ssrc=[\"']?{ELSEWHERE}", re.I
    ),
    re.compile(rf"\s(?:srcset|poster|data)=[\"']?[^\"'>]*{ELSEWHERE}", re.I),
    re.compile(
        rf"<link\b(?=[^>]*\srel=[\"']?(?:stylesheet|preload|modulepreload|prefetch|preconnect"
        rf"|dns-prefetch|icon|apple-touch-icon|manifest))[^>]*\shref=[\"']?{ELSEWHERE}",
        re.I,
    ),
    re.compile(rf"<meta\b[^>]*http-equiv=[\"']?refresh[^>]*url={ELSEWHERE}", re.I),
]
CSS_LOADS = re.compile(rf"(?:url\(\s*[\"']?|@import\s+[\"']?){ELSEWHERE}", re.I)
JS_STRING = re.compile(rf"[\"'`]({ELSEWHERE}[^\"'`\s]*)")
SCRIPT = re.compile(r"<script\b[^>]*>(.*?)</script>", re.S | re.I)
STYLE = re.compile(r"<style\b[^>]*>(.*?)</style>|\sstyle=\"([^\"]*)\"", re.S | re.I)

# Material's own, in assets/javascripts/bundle.*.min.js: what each fetches and what wakes it.
DORMANT = {
    "https://unpkg.com/mermaid@11/dist/mermaid.min.js": 'class="mermaid"',  # a diagram
    "https://unpkg.com/resize-observer-polyfill": None,  # a browser without ResizeObserver
    "https://api.github.com/repos/${e}/${t}": 'data-md-component="source"',  # repository facts
    "https://api.github.com/users/${e}": 'data-md-component="source"',
}


def shipped(site, *suffixes):
    return sorted(p for p in site.rglob("*") if p.suffix in suffixes and p.is_file())


def js_loads(text: str) -> list[str]:
    return [url for url in JS_STRING.findall(text) if url not in DORMANT]


@pytest.mark.parametrize("build", ["site", "pages_site"])
def test_no_shipped_file_loads_from_another_origin(request, build):
    site = request.getfixturevalue(build)
    found = []
    for path in shipped(site, ".html"):
        text = path.read_text(encoding="utf-8")
        found += [f"{path}: {m[0]}" for pattern in HTML_LOADS for m in pattern.finditer(text)]
        for body in SCRIPT.findall(text):
            found += [f"{path} (inline script): {url}" for url in js_loads(body)]
        for block, attribute in STYLE.findall(text):
            found += [f"{path} (style): {m[0]}" for m in CSS_LOADS.finditer(block + attribute)]
    for path in shipped(site, ".js", ".mjs"):
        found += [f"{path}: {url}" for url in js_loads(path.read_text(encoding="utf-8"))]
    for path in shipped(site, ".css"):
        found += [f"{path}: {m[0]}" for m in CSS_LOADS.finditer(path.read_text(encoding="utf-8"))]
    assert found == []


def test_materials_dormant_loaders_stay_asleep(pages_site):
    bundle = "".join(p.read_text(encoding="utf-8") for p in pages_site.rglob("bundle.*.min.js"))
    for url, trigger in DORMANT.items():
        assert url in bundle, f"Material no longer ships {url}: drop it from DORMANT"
        for page in [*URLS, "404.html"]:
            html = pages_site / (page if page.endswith(".html") else f"{page}index.html")
            assert trigger is None or trigger not in html.read_text(encoding="utf-8"), (url, page)
    # the published site links its repository, and that link does not wake the facts loader
    home = (pages_site / "index.html").read_text(encoding="utf-8")
    repo_url = json.loads((ROOT / "notebooks" / "site.json").read_text(encoding="utf-8"))[
        "repo_url"
    ]
    assert f'href="{repo_url}"' in home


@pytest.mark.parametrize(
    "text, kind",
    [
        ('<script src="https://cdn.example.com/x.js"></script>', "html"),
        ("<img alt=\"\" src='//cdn.example.com/a.png'>", "html"),
        ('<link href="https://fonts.example.com/css" rel="stylesheet">', "html"),
        ('<source srcset="a.png 1x, https://cdn.example.com/b.png 2x">', "html"),
        ('<div style="background: url(https://cdn.example.com/a.png)">', "style"),
        ("@import 'https://cdn.example.com/x.css';", "css"),
        ('await import("https://cdnjs.cloudflare.com/ajax/libs/mermaid.mjs")', "js"),
    ],
)
def test_the_scan_sees_each_kind_of_load(text, kind):
    if kind == "html":
        assert any(p.search(text) for p in HTML_LOADS)
    elif kind == "style":
        (block, attribute), *_ = STYLE.findall(text)
        assert CSS_LOADS.search(block + attribute)
    elif kind == "css":
        assert CSS_LOADS.search(text)
    else:
        assert js_loads(text)


def test_the_scan_lets_links_and_prose_pass():
    assert not any(p.search('<a href="https://github.com/example">repo</a>') for p in HTML_LOADS)
    assert js_loads("/* see https://clipboardjs.com/ */ x = a // b") == []
