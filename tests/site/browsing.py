"""Chromium from Debian, driven by Playwright: the local server, the browser, axe-core, and a
page visit that records every console error and request. The fixtures are in conftest.py."""

from __future__ import annotations

import http.server
import os
import pathlib
from urllib.parse import urlparse

import pytest

from tests.site import ROOT

CHROMIUM = pathlib.Path("/usr/bin/chromium")
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def missing(what: str, path: pathlib.Path, how: str) -> None:
    if not path.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{what} is missing in CI ({path}); .ci/run must install it: {how}")
        pytest.skip(f"{what} not installed ({path}); {how}")


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 (the base class's name)
        pass


# Chromium sends a `securitypolicyviolation` event for every refused script, style, image, font,
# connection or inline handler; this records them from before the page's first byte.
LISTEN = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(
  `${e.effectiveDirective} refused ${e.blockedURI || "inline"} at ${e.sourceFile}:${e.lineNumber}`));
"""


class Visit:
    """One page load with every console message, error, request and violation of the page's
    Content-Security-Policy recorded."""

    def __init__(self, browser, base_url: str, path: str, scheme: str = "light", **context) -> None:
        context = {"viewport": {"width": 1280, "height": 900}} | context
        self.context = browser.new_context(color_scheme=scheme, **context)
        self.context.add_init_script(LISTEN)
        self.page = self.context.new_page()
        self.origin = base_url.rstrip("/")
        self.host = urlparse(base_url).netloc
        self.errors: list[str] = []
        self.failed: list[str] = []
        self.foreign: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("requestfailed", lambda r: self.failed.append(f"{r.url} {r.failure}"))
        self.page.on("request", self.on_request)
        self.response = self.page.goto(base_url + path, wait_until="networkidle")

    def on_request(self, request) -> None:
        url = urlparse(request.url)
        if url.scheme in ("http", "https", "ws", "wss") and url.netloc != self.host:
            self.foreign.append(request.url)

    def violations(self) -> list[str]:
        """What the policy refused on the page now shown, so far."""
        return self.page.evaluate("window.__violations")

    def __enter__(self) -> Visit:
        return self

    def __exit__(self, *exc: object) -> None:
        self.context.close()
