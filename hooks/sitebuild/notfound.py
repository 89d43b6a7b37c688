"""The 404 page, made to work wherever the site is served.

MkDocs writes 404.html with root-absolute links (`/assets/...`, or under site_url's path), since
a host serves it at any depth. They break when the site is served under a path that site_url
does not name (a fork's Pages, a preview, a copy on disk). Here its links become relative to the
site's root, and a small script (notfound.js) finds that root at whatever address the page is
shown and makes it the page's <base>. Material's configuration is resolved against that base too.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

FIND_ROOT = Path(__file__).with_name("notfound.js").read_text(encoding="utf-8")
CHARSET = '<meta charset="utf-8">'
CONFIG_END = re.compile(r'(<script id="__config" type="application/json">.*?</script>)', re.S)
# Material reads "base" and "search" from its configuration against the page's address; on this
# page they must follow the <base> that notfound.js found.
RESOLVE_CONFIG = (
    "<script>(function(c){var j=JSON.parse(c.textContent);j.base=document.baseURI;"
    "j.search=new URL(j.search,document.baseURI).href;c.textContent=JSON.stringify(j)})"
    '(document.getElementById("__config"))</script>'
)


def relative(html: str, site_url: str) -> str:
    """404.html with links relative to the site's root, and the script that finds the root."""
    root = urlsplit(site_url or "/").path or "/"
    if not root.endswith("/"):
        root += "/"
    prefix = re.escape(root)
    html = re.sub(rf'((?:href|src)=")({prefix})([^"]*)"', lambda m: f'{m[1]}{m[3] or "."}"', html)
    html = html.replace(f'"base": "{root}"', '"base": "."')
    html = html.replace(f'"search": "{root}', '"search": "')
    html = html.replace(f'new URL("{root}",location)', 'new URL(".",document.baseURI)')
    html = html.replace(CHARSET, f"{CHARSET}\n    <script>{FIND_ROOT}</script>", 1)
    return CONFIG_END.sub(lambda m: m[1] + RESOLVE_CONFIG, html, count=1)
