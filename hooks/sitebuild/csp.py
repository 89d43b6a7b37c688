"""Each page's Content-Security-Policy, written into the page as a <meta> tag at build time.

GitHub Pages serves files as they are and lets a site set no response header, so the policy
travels in the page itself, as the first thing in its <head> after the character set (a meta
policy governs only what comes after it). It starts from `default-src 'none'` and allows only
what the page uses:

- scripts: the site's own files ('self') and, by their SHA-256, the inline scripts of this very
  page (Material's small boot scripts, ours); never 'unsafe-inline' or 'unsafe-eval';
- styles: the site's own files, and the hash of any <style> block left in the page;
- images: the site's own files, and the data: URLs of Material's icons in its stylesheet;
- fonts: the site's own math font (any page may need it: search results quote formulas);
- connections: the site itself, for the search index.

A meta policy cannot carry frame-ancestors, report-uri or sandbox; those would need headers.
"""

from __future__ import annotations

import base64
import hashlib
import re

CHARSET = '<meta charset="utf-8">'
SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script>", re.S | re.I)
STYLE = re.compile(r"<style\b[^>]*>(.*?)</style>", re.S | re.I)
TYPE = re.compile(r"""\stype\s*=\s*["']?([^"'\s>]+)""", re.I)
SRC = re.compile(r"\ssrc\s*=", re.I)
RUNNABLE = {"", "text/javascript", "application/javascript", "module"}
TEMPLATE = re.compile(r"<template\b.*?</template>", re.S | re.I)  # inert until a script copies it


def digest(text: str) -> str:
    """A CSP hash source: 'sha256-<base64 of the SHA-256 of the UTF-8 text>'."""
    value = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
    return f"'sha256-{value}'"


def inline_scripts(html: str) -> list[str]:
    """The text of every inline script the browser would run (not JSON data, not src=)."""
    found = []
    for attributes, body in SCRIPT.findall(html):
        kind = TYPE.search(attributes)
        if SRC.search(attributes) or (kind and kind[1].lower() not in RUNNABLE):
            continue
        found.append(body)
    return found


def policy(html: str) -> str:
    """The policy for one page, given its finished HTML."""
    live = TEMPLATE.sub("", html)
    scripts = sorted({digest(body) for body in inline_scripts(live)})
    styles = sorted({digest(body) for body in STYLE.findall(live)})
    directives = [
        "default-src 'none'",
        " ".join(["script-src 'self'", *scripts]),
        " ".join(["style-src 'self'", *styles]),
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "base-uri 'self'",
        "form-action 'none'",
    ]
    return "; ".join(directives)


def seal(html: str) -> str:
    """The page with its policy in a <meta http-equiv> right after the character set."""
    if CHARSET not in html:
        raise ValueError('a page without <meta charset="utf-8">: where would its policy go?')
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(html)}">'
    return html.replace(CHARSET, CHARSET + "\n    " + meta, 1)
