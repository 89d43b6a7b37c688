"""MkDocs build hook: draws figures HNNIE 1-5 from vecnn and typesets math as MathML.

Both happen at build time, so the published pages need no figure files in git and no math
script or font from a CDN: browsers render MathML natively.
"""

from __future__ import annotations

import html
import re
from typing import Any

from latex2mathml.converter import convert
from mkdocs.structure.files import File, Files

from vecnn import figures

# pymdownx.arithmatex (generic: true) wraps TeX as \( ... \) in a span or \[ ... \] in a div.
INLINE = re.compile(r'<span class="arithmatex">\\\((.+?)\\\)</span>', re.S)
BLOCK = re.compile(r'<div class="arithmatex">\\\[(.+?)\\\]</div>', re.S)
# A minus that follows another operator or opens a group is a sign, as in [-1, 1, 2]: latex2mathml
# marks it as binary, and browsers then space it like x - y. Mark it as a prefix without spacing.
SIGN = re.compile(r"(<mrow>|<mo[^>]*>[^<]*</mo>)<mo>&#x02212;</mo>")


def on_files(files: Files, config: Any) -> Files:
    for name in figures.FIGURES:
        files.append(File.generated(config, f"figures/{name}.svg", content=figures.svg(name)))
    return files


def mathml(tex: str, display: str) -> str:
    converted = convert(html.unescape(tex).strip(), display=display)
    return SIGN.sub(r'\1<mo form="prefix" lspace="0" rspace="0">&#x02212;</mo>', converted)


def on_page_content(content: str, **kwargs: Any) -> str:
    content = BLOCK.sub(lambda m: f'<div class="math">{mathml(m[1], "block")}</div>', content)
    return INLINE.sub(lambda m: mathml(m[1], "inline"), content)
