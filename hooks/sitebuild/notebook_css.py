"""The lab page's stylesheet, cut to what the page uses and moved into a file of its own.

nbconvert's template inlines all of JupyterLab's CSS, about 570 KB, into the notebook's page:
styles for toolbars, menus and widgets that a static page never shows. Matching that much CSS
against every element made the lab the slowest page on a phone. This keeps a rule only when one
of its selectors names no class the page lacks, so everything the page shows keeps its style.

The cut rules go into notebook.css beside the page, linked where the first <style> was: the
site's Content-Security-Policy (csp.py) allows stylesheets from the site's own files only.
"""

from __future__ import annotations

import re
from pathlib import Path

from tinycss2.parser import parse_stylesheet
from tinycss2.serializer import serialize

STYLE = re.compile(r"(<style[^>]*>)(.*?)(</style>)", re.S)
CLASS = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")
FILE = "notebook.css"


def used_classes(html: str) -> set[str]:
    return {name for value in re.findall(r'class="([^"]*)"', html) for name in value.split()}


def applies(selectors: str, used: set[str]) -> bool:
    """Whether any selector of a comma-separated list can match: all its classes are used."""
    return any(set(CLASS.findall(selector)) <= used for selector in selectors.split(","))


def purge(css: str, used: set[str]) -> str:
    kept = []
    for rule in parse_stylesheet(css, skip_comments=True, skip_whitespace=True):
        if rule.type == "qualified-rule":
            if applies(serialize(rule.prelude), used):
                kept.append(serialize([rule]))
        elif rule.type == "at-rule" and rule.lower_at_keyword in ("media", "supports"):
            inner = purge(serialize(rule.content or []), used)
            if inner:
                kept.append(f"@{rule.at_keyword}{serialize(rule.prelude)}{{{inner}}}")
        elif rule.type == "at-rule" and rule.lower_at_keyword not in ("font-face", "charset"):
            kept.append(serialize([rule]))  # @keyframes and the like: small
    return "".join(kept)


def move_to_file(content: str, page: Path) -> str:
    """A notebook page's HTML with its <style> blocks gone, and a link in place of the first to
    notebook.css, written beside `page` (the page's file in the site) with every rule the page
    can use, in their order. A block that is no CSS (mkdocs-jupyter writes one as a Python list)
    loses its rules in the parse."""
    blocks = [match[2] for match in STYLE.finditer(content)]
    if not blocks:
        return content
    css = purge("\n".join(blocks), used_classes(content))
    page.parent.mkdir(parents=True, exist_ok=True)
    Path(page.parent, FILE).write_text(css, encoding="utf-8")
    first = STYLE.search(content)
    assert first is not None
    link = f'<link rel="stylesheet" href="{FILE}">'
    return content[: first.start()] + link + STYLE.sub("", content[first.end() :])
