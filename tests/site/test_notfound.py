"""The 404 page works wherever the site is served: under a path that site_url does not name, for
a missing address at any depth, as a host such as GitHub Pages serves it."""

from __future__ import annotations

import functools
import http.server
import io
import pathlib
import re
import threading

import pytest

from tests.site.browsing import QuietHandler

# one process for this file: its tests share a module-scoped fixture (Makefile: loadgroup)
pytestmark = pytest.mark.xdist_group("notfound")

PREFIX = "/somewhere/else/"  # not site_url's path (the build's is "/")


class Host(QuietHandler):
    """The site under PREFIX; any address it lacks gets 404.html with status 404."""

    def send_head(self):
        if not self.path.startswith(PREFIX):
            self.send_error(404)
            return None
        self.path = "/" + self.path[len(PREFIX) :]
        local = pathlib.Path(self.translate_path(self.path))
        if local.is_file() or (local / "index.html").is_file():
            return super().send_head()
        body = pathlib.Path(self.directory, "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


@pytest.fixture(scope="module")
def elsewhere(site):
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Host, directory=str(site))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_the_404_page_has_no_root_absolute_link(site):
    page = (site / "404.html").read_text(encoding="utf-8")
    assert not re.findall(r'(?:href|src)="/(?!/)', page)
    assert '"base": "."' in page


@pytest.mark.parametrize("missing", ["404.html", "no-such-page/", "a/b/c/no-such-page.html"])
def test_the_404_page_keeps_its_look_and_links_at_any_depth(browser, elsewhere, missing):
    context = browser.new_context()
    page = context.new_page()
    failed: list[str] = []
    page.on("requestfailed", lambda r: failed.append(r.url))
    page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
    try:
        response = page.goto(f"{elsewhere}{PREFIX}{missing}", wait_until="networkidle")
        assert response.status == (200 if missing == "404.html" else 404)
        sheets = page.evaluate("[...document.styleSheets].filter(s => s.cssRules.length).length")
        assert sheets >= 3, "Material's stylesheets did not load"
        assert page.evaluate("document.baseURI") == f"{elsewhere}{PREFIX}"
        home = page.locator("a.md-header__button.md-logo")
        assert home.evaluate("a => a.href") == f"{elsewhere}{PREFIX}"
        page.locator("[data-md-component=search]").wait_for(state="attached")
        page.locator("input.md-search__input").click()
        page.keyboard.type("matmul")
        page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
        # only the page itself and the probes of folders that are not the root answer 404
        address = f"{elsewhere}{PREFIX}{missing}"
        assert [u for u in failed if u != address and not u.endswith("/404.html")] == []
    finally:
        context.close()
