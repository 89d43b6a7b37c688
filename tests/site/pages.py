"""The site's pages, read off mkdocs.yml's nav: the one list the tests and the audit use."""

from __future__ import annotations

from typing import Any

import yaml

from tests.site import ROOT


class ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml with its !ENV tags read as plain values (their defaults don't matter here)."""


ConfigLoader.add_constructor("!ENV", lambda loader, node: None)


def sources(nav: Any = None) -> list[str]:
    """The source file of every page in the nav, in nav order: index.md, ..., lab.ipynb."""
    if nav is None:
        nav = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), ConfigLoader)["nav"]
    if isinstance(nav, str):
        return [nav]
    items = nav.values() if isinstance(nav, dict) else nav
    return [src for item in items for src in sources(item)]


def url(source: str) -> str:
    """Where a source is published, relative to the site's root: '' for the home page."""
    stem = source.rsplit(".", 1)[0]
    return "" if stem == "index" else f"{stem}/"


NAV = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), ConfigLoader)["nav"]
SOURCES = sources(NAV)
URLS = [url(src) for src in SOURCES]  # every page, home first
MARKDOWN = [ROOT / "docs" / src for src in SOURCES if src.endswith(".md")]
