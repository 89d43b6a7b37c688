"""The figures' style: colours, sizes, how numbers are written, and deterministic SVG output.

A figure's drawing is a matplotlib Figure made without pyplot, so nothing here picks a backend
or keeps global state; `svg` turns one into SVG text that is the same on every build.
"""

from __future__ import annotations

import io
from typing import Any, TypeAlias

import numpy as np
from matplotlib import rc_context
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from numpy.typing import NDArray

# What a figure's drawing function returns: matplotlib's Figure. "Figure" on its own is the site's
# word, a figure of the lesson with its name and alt text (registry.Figure).
Drawing: TypeAlias = Figure

# Dark ink on a white card reads the same in Material's light and dark palettes.
INK, CARD, EDGE = "#1b1f24", "#ffffff", "#57606a"
COLORS = {"x": "#cfe2ff", "W": "#ffe5b4", "B": "#e8d5ff", "Z": "#c8f0e0", "A_out": "#d9f2c4"}
HIGHLIGHT = "#d1242f"
UNIT = 0.32  # inches per data unit: a cell of an array is 1.8 units wide
ROW_HEIGHT = 0.9  # one array cell is this tall, in data units


def fmt(v: float, decimals: int | None = None) -> str:
    """Whole numbers as integers, others to two decimals (or to `decimals`); a real minus sign."""
    if decimals is None:
        decimals = 0 if float(v).is_integer() else 2
    text = f"{v:.{decimals}f}"
    return text.replace("-", "\u2212")


def seq(values: NDArray[np.generic], decimals: int | None = None) -> str:
    """[1, -2] style, for labels and alt text."""
    return "[" + ", ".join(fmt(v, decimals) for v in np.ravel(values)) + "]"


def products(x: NDArray[np.generic], y: NDArray[np.generic]) -> str:
    """'1×3 + 2×4', '200×(−3) + 17×4': the multiply-adds of one dot product, for labels."""
    factor = {True: fmt, False: lambda v: f"({fmt(v)})"}
    return " + ".join(f"{fmt(p)}\u00d7{factor[bool(q >= 0)](q)}" for p, q in zip(x, y, strict=True))


def new_drawing(width: float, height: float) -> tuple[Drawing, Axes]:
    """A card-coloured drawing whose axes use data units (1 unit = one array cell)."""
    fig = Drawing(figsize=(width * UNIT, height * UNIT), facecolor=CARD)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, width)
    ax.set_ylim(0, height)
    ax.set_aspect("equal")
    ax.axis("off")
    return fig, ax


def text(ax: Axes, x: float, y: float, s: str, size: float = 11, **style: Any) -> None:
    """Ink-coloured text, centred on (x, y) unless `style` says otherwise."""
    defaults: dict[str, Any] = {"ha": "center", "va": "center", "fontsize": size, "color": INK}
    ax.text(x, y, s, **(defaults | style))


def svg(fig: Drawing, salt: str) -> str:
    """A drawing as deterministic SVG text: no date, ids fixed by `salt`, text drawn as paths,
    cropped to what is drawn so that no empty band is left around it."""
    buf = io.StringIO()
    with rc_context({"svg.hashsalt": salt, "svg.fonttype": "path"}):
        fig.savefig(
            buf,
            format="svg",
            facecolor=CARD,
            metadata={"Date": None},
            bbox_inches="tight",
            pad_inches=0.08,
        )
    return buf.getvalue()
