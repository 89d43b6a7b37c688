"""Every figure on a page becomes a <picture>: the narrow layout on phones, the wide one elsewhere.

Both layouts are drawn at the same scale, so labels keep their size; a phone gets a figure that
is stacked rather than shrunk. The <img> keeps the wide file's stable URL and its alt text, and
both get their width and height so the page does not jump while they load.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

PHONE = "(max-width: 47.9375em)"  # below 768 px, where the wide layouts would have to shrink
# The <br /> that Python-Markdown leaves between a figure's image and its caption is dropped: it
# put an empty line between the two.
IMG = re.compile(r'<img alt="([^"]*)" src="((?:\.\./)*)figures/([\w-]+)\.svg" ?/?>(\s*<br />)?')
SIZE = re.compile(r'<svg[^>]* width="([\d.]+)pt" height="([\d.]+)pt"')


def size(svg: str) -> tuple[int, int]:
    """An SVG's natural size in CSS pixels (matplotlib writes points: 1 pt = 4/3 px)."""
    match = SIZE.search(svg)
    assert match, "an SVG without a width and height in points"
    return round(float(match[1]) * 4 / 3), round(float(match[2]) * 4 / 3)


def responsive(content: str, drawn: Mapping[str, tuple[str, str]]) -> str:
    """Wrap each <img> of a drawn figure in a <picture> with its narrow layout."""

    def picture(match: re.Match[str]) -> str:
        alt, up, name = match[1], match[2], match[3]
        if name not in drawn:
            return match[0]
        (w, h), (nw, nh) = (size(svg) for svg in drawn[name])
        return (
            f'<picture><source media="{PHONE}" srcset="{up}figures/{name}-narrow.svg" '
            f'width="{nw}" height="{nh}">'
            f'<img alt="{alt}" src="{up}figures/{name}.svg" width="{w}" height="{h}"></picture>'
        )

    return IMG.sub(picture, content)
