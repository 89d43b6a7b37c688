"""The math font the site brings with it: STIX Two Math, cut down to what the pages use.

MathML needs a font with an OpenType MATH table to stretch brackets and braces, and Linux and
Android have none to fall back on. The build subsets STIX Two Math (SIL Open Font License 1.1;
the file ships in the ziamath package on PyPI) to the characters in the site's formulas. The
subsetter keeps the MATH table and, through it, every size variant and stretch part of those
characters. The result is a WOFF2 file of a few KB, served as fonts/math.woff2.
"""

from __future__ import annotations

import html
import io
import re
from importlib.util import find_spec
from pathlib import Path

from fontTools import subset

FILE = "fonts/math.woff2"  # the URL extra.css's @font-face points at


def source() -> Path:
    """The font file inside the installed ziamath package (found, not imported: its import warns)."""
    spec = find_spec("ziamath")
    assert spec and spec.submodule_search_locations, "ziamath is not installed (make install)"
    return Path(spec.submodule_search_locations[0], "fonts", "STIXTwoMath-Regular.ttf")


MATH = re.compile(r"<math\b.*?</math>", re.S)
TAG = re.compile(r"<[^>]+>")


def characters(pages: list[str]) -> str:
    """Every character inside a <math> element of the pages, sorted."""
    chars = {
        ch for page in pages for m in MATH.findall(page) for ch in html.unescape(TAG.sub("", m))
    }
    return "".join(sorted(chars - {" ", "\n", "\t"}))


def woff2(text: str) -> bytes:
    """STIX Two Math with only `text`'s characters (and their MATH variants), as WOFF2."""
    options = subset.Options(
        flavor="woff2",
        layout_features=["*"],
        name_IDs=["*"],  # keep the names, the copyright and the licence notice
        notdef_outline=True,
    )
    font = subset.load_font(str(source()), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=text)
    subsetter.subset(font)
    out = io.BytesIO()
    subset.save_font(font, out, options)
    return out.getvalue()


def write(site_dir: str) -> Path:
    """Subset the font to every formula of the built site and write it beside the pages."""
    pages = [p.read_text(encoding="utf-8") for p in Path(site_dir).rglob("*.html")]
    target = Path(site_dir, FILE)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(woff2(characters(pages)))
    return target
