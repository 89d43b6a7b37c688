"""TeX in the pages, turned into MathML at build time: no math script and no CDN."""

from __future__ import annotations

import html
import re

from latex2mathml.converter import convert

# pymdownx.arithmatex (generic: true) wraps TeX as \( ... \) in a span or \[ ... \] in a div.
INLINE = re.compile(r'<span class="arithmatex">\\\((.+?)\\\)</span>', re.S)
BLOCK = re.compile(r'<div class="arithmatex">\\\[(.+?)\\\]</div>', re.S)
# A minus that follows another operator or opens a group is a sign, as in [-1, 1, 2]: latex2mathml
# marks it as binary, and browsers then space it like x - y. Mark it as a prefix without spacing.
SIGN = re.compile(r"(<mrow>|<mo[^>]*>[^<]*</mo>)<mo>&#x02212;</mo>")


def mathml(tex: str, display: str) -> str:
    converted = convert(html.unescape(tex).strip(), display=display)
    return SIGN.sub(r'\1<mo form="prefix" lspace="0" rspace="0">&#x02212;</mo>', converted)


def typeset(content: str) -> str:
    """Every formula of a page's HTML as MathML."""
    content = BLOCK.sub(lambda m: f'<div class="math">{mathml(m[1], "block")}</div>', content)
    return INLINE.sub(lambda m: mathml(m[1], "inline"), content)
