"""The pieces a figure is laid out from: arrays, signs, arrows and notes.

Each piece knows its size around a row's centre line and how to draw itself there; layout.py
puts pieces into rows. Lengths are in cells (style.UNIT inches each).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from matplotlib.axes import Axes
from matplotlib.patches import FancyArrowPatch, Rectangle
from numpy.typing import NDArray

from sitebuild.figures.style import EDGE, HIGHLIGHT, INK, ROW_HEIGHT, UNIT, fmt, text

LINE = 0.75  # the height of one line of a note


@dataclass(frozen=True)
class Piece:
    """Something drawn in a row: its size around the row's centre line, and how to draw it."""

    width: float
    above: float
    below: float
    draw: Callable[[Axes, float, float], None]  # (ax, left edge, centre line)
    glue: bool = False  # stays on the same row as the piece after it (signs and arrows)


def array(
    M: NDArray[np.generic],
    name: str,
    color: str,
    *,
    highlight: tuple[int | None, int | None] = (None, None),
    decimals: int | None = None,
) -> Piece:
    """An array as a grid of numbers, its name above and its shape below."""
    m, n = np.atleast_2d(M).shape
    cell = max(1.4, 0.3 * max(len(fmt(v, decimals)) for v in np.ravel(M)) + 0.55)  # fits a number
    half = m * ROW_HEIGHT / 2
    shape = f"shape {np.shape(M)}"
    width = max(n * cell, text_width(shape, 10, mono=True))  # a narrow array's label is wider

    def draw(ax: Axes, left: float, y: float) -> None:
        middle = left + width / 2
        cells(ax, M, middle - n * cell / 2, y + half, color, highlight, cell, decimals)
        text(ax, middle, y + half + 0.25, name, 12, va="bottom", fontweight="bold")
        text(ax, middle, y - half - 0.25, shape, 10, va="top", family="monospace")

    return Piece(width, half + 0.9, half + 0.8, draw)


def cells(
    ax: Axes,
    M: NDArray[np.generic],
    left: float,
    top: float,
    color: str,
    hot: tuple[int | None, int | None],
    cell: float,
    decimals: int | None,
) -> None:
    """The numbers of M in coloured boxes; `hot` picks a row, a column or one cell to highlight."""
    rows = np.atleast_2d(M)
    dashed = np.ndim(M) == 1  # a 1-D array has no rows: dashed boxes
    for (i, j), v in np.ndenumerate(rows):
        x, y = left + j * cell, top - (i + 1) * ROW_HEIGHT
        lit = hot != (None, None) and hot[0] in (None, i) and hot[1] in (None, j)
        ax.add_patch(
            Rectangle(
                (x, y),
                cell,
                ROW_HEIGHT,
                facecolor=color,
                edgecolor=EDGE,
                lw=1,
                linestyle=(0, (3, 2)) if dashed else "solid",
            )
        )
        text(
            ax,
            x + cell / 2,
            y + ROW_HEIGHT / 2,
            fmt(v, decimals),
            color=HIGHLIGHT if lit else INK,
            fontweight="bold" if lit else "normal",
        )


def text_width(line: str, size: float, mono: bool) -> float:
    """About how many cells a line of text takes (DejaVu Sans and Mono, as matplotlib draws)."""
    return len(line) * size * (0.61 if mono else 0.56) / 72 / UNIT


def sign(symbol: str, size: float = 18, width: float = 1.4) -> Piece:
    """An operator between two arrays: @, +, =."""
    return Piece(
        width, 0.5, 0.5, lambda ax, left, y: text(ax, left + width / 2, y, symbol, size), True
    )


def arrow(ax: Axes, start: tuple[float, float], end: tuple[float, float], label: str = "") -> None:
    """An arrow from start to end, its label (if any) above its middle."""
    ax.add_patch(
        FancyArrowPatch(start, end, arrowstyle="-|>", mutation_scale=14, color=EDGE, lw=1.3)
    )
    if label:
        middle = ((start[0] + end[0]) / 2, (start[1] + end[1]) / 2 + 0.3)
        text(ax, *middle, label, 10, va="bottom", family="monospace")


def arrow_to(label: str, length: float = 2.4) -> Piece:
    """A labelled arrow to the next piece, such as g from Z to A_out."""

    def draw(ax: Axes, left: float, y: float) -> None:
        arrow(ax, (left + 0.2, y), (left + length - 0.2, y), label)

    return Piece(length, 0.9, 0.3, draw, True)


def note(lines: Sequence[str], size: float = 10.5, mono: bool = True) -> Piece:
    """Lines of text, left-aligned: code, or a worked sum."""
    width = max(text_width(line, size, mono) for line in lines)
    height = len(lines) * LINE
    family = "monospace" if mono else "sans-serif"

    def draw(ax: Axes, left: float, y: float) -> None:
        for k, line in enumerate(lines):
            top = y + height / 2 - k * LINE
            text(ax, left, top, line, size, ha="left", va="top", family=family)

    return Piece(width, height / 2, height / 2, draw)
