"""The lab page's stylesheet, cut to what the page uses.

nbconvert's template inlines all of JupyterLab's CSS, about 570 KB, into the notebook's page:
styles for toolbars, menus and widgets that a static page never shows. Matching that much CSS
against every element made the lab the slowest page on a phone. This keeps a rule only when one
of its selectors names no class the page lacks, so everything the page shows keeps its style.
"""

from __future__ import annotations

import re

from tinycss2.parser import parse_stylesheet
from tinycss2.serializer import serialize

STYLE = re.compile(r"(<style[^>]*>)(.*?)(</style>)", re.S)
CLASS = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")
BIG = 20_000  # characters: only JupyterLab's own stylesheets are this large


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
        elif rule.type == "at-rule" and rule.lower_at_keyword != "font-face":
            kept.append(serialize([rule]))  # @keyframes and the like: small
    return "".join(kept)


def trim(content: str) -> str:
    """Every large <style> of a notebook page, without the rules nothing on it can match."""
    used = used_classes(content)

    def cut(match: re.Match[str]) -> str:
        if len(match[2]) < BIG:
            return match[0]
        return match[1] + purge(match[2], used) + match[3]

    return STYLE.sub(cut, content)
