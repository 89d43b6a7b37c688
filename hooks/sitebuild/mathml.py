"""TeX in the pages, turned into MathML at build time: no math script and no CDN.

latex2mathml's output is adjusted for MathML Core, which is what Chromium, Firefox and Safari
render: bold becomes Unicode bold characters (Core ignores mathvariant="bold"), each matrix gets
its own row so its brackets stretch to its own height, and underbraces are marked stretchy.
"""

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
MATRIX = re.compile(r"<mo>&#x0005B;</mo><mtable>.*?</mtable><mo>&#x0005D;</mo>", re.S)
BOLD = re.compile(r'<(mi|mn|mtext) mathvariant="bold">([^<&]*)</\1>')
UNDERBRACE = "<mo>&#x23DF;</mo>"


def bold(text: str) -> str:
    """Mathematical bold letters and digits: U+1D400 (A), U+1D41A (a), U+1D7CE (0)."""
    starts = {"A": 0x1D400, "a": 0x1D41A, "0": 0x1D7CE}
    out = []
    for ch in text:
        base = next((b for b in starts if b <= ch <= chr(ord(b) + (9 if b == "0" else 25))), None)
        out.append(chr(starts[base] + ord(ch) - ord(base)) if base else ch)
    return "".join(out)


def mathml(tex: str, display: str) -> str:
    converted = convert(html.unescape(tex).strip(), display=display)
    converted = SIGN.sub(r'\1<mo form="prefix" lspace="0" rspace="0">&#x02212;</mo>', converted)
    converted = MATRIX.sub(lambda m: f"<mrow>{m[0]}</mrow>", converted)
    converted = BOLD.sub(lambda m: f"<{m[1]}>{bold(m[2])}</{m[1]}>", converted)
    return converted.replace(UNDERBRACE, '<mo stretchy="true">&#x23DF;</mo>')


def typeset(content: str) -> str:
    """Every formula of a page's HTML as MathML."""
    content = BLOCK.sub(lambda m: f'<div class="math">{mathml(m[1], "block")}</div>', content)
    return INLINE.sub(lambda m: mathml(m[1], "inline"), content)
