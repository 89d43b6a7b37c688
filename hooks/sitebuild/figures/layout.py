"""Figures as rows of pieces (arrays, signs, arrows, notes) that wrap to fit a width.

Each figure is drawn twice from the same pieces: once for a wide screen and once, wrapped into
more rows, for a phone, so that its labels never have to shrink below a readable size. Lengths
are in cells (style.UNIT inches each).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import Enum
from itertools import pairwise
from typing import TypeVar

import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from numpy.typing import NDArray

from sitebuild.figures.style import ROW_HEIGHT, UNIT, arrow, cells, fmt, new_figure, text

MARGIN, GAP, LINE = 0.5, 0.7, 0.75  # around the figure, between rows, per line of a note


T = TypeVar("T")


class Layout(Enum):
    """Where a figure is shown: its value is the widest it may be there, in cells."""

    WIDE = 27.0  # a wide screen
    NARROW = 12.5  # a phone

    @property
    def width(self) -> float:
        return self.value

    def pick(self, wide: T, narrow: T) -> T:
        """What this layout shows of two choices: a footer's words, a plot's size."""
        return narrow if self is Layout.NARROW else wide


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


def text_width(line: str, size: float, mono: bool) -> float:
    """About how many cells a line of text takes (DejaVu Sans and Mono, as matplotlib draws)."""
    return len(line) * size * (0.61 if mono else 0.56) / 72 / UNIT


def sign(symbol: str, size: float = 18, width: float = 1.4) -> Piece:
    """An operator between two arrays: @, +, =."""
    return Piece(
        width, 0.5, 0.5, lambda ax, left, y: text(ax, left + width / 2, y, symbol, size), True
    )


def arrow_to(label: str, length: float = 2.4) -> Piece:
    """A labelled arrow to the next piece, such as g from Z to A_out."""

    def draw(ax: Axes, left: float, y: float) -> None:
        arrow(ax, (left + 0.2, y), (left + length - 0.2, y), label)

    return Piece(length, 0.9, 0.3, draw, True)


def note(lines: Sequence[str], size: float = 10.5, mono: bool = True) -> Piece:
    """Lines of text, left-aligned: code, or a worked sum."""
    width = max(text_width(line, size, mono) for line in lines)
    height = len(lines) * LINE

    def draw(ax: Axes, left: float, y: float) -> None:
        for k, line in enumerate(lines):
            top = y + height / 2 - k * LINE
            text(
                ax,
                left,
                top,
                line,
                size,
                ha="left",
                va="top",
                family="monospace" if mono else "sans-serif",
            )

    return Piece(width, height / 2, height / 2, draw)


def rows(pieces: Sequence[Piece], layout: Layout) -> list[list[Piece]]:
    """Greedy line breaking: as many pieces per row as fit, never breaking after a glued one."""
    out: list[list[Piece]] = [[]]
    word: list[Piece] = []
    for piece in pieces:
        word.append(piece)
        if piece.glue:
            continue
        row = out[-1]
        if (
            row
            and sum(p.width + s for p, s in zip(row + word, spacing(row + word), strict=True))
            > layout.width
        ):
            out.append([])
        out[-1].extend(word)
        word = []
    out[-1].extend(word)
    return out


def spacing(row: Sequence[Piece]) -> list[float]:
    """The space before each piece of a row: none at its start or beside a sign or an arrow."""
    return [0.0] + [0.0 if a.glue or b.glue else GAP for a, b in pairwise(row)]


def compose(lines: Sequence[Sequence[Piece]]) -> Figure:
    """Draw rows of pieces, each row centred, one under the other."""
    widths = [sum(p.width for p in row) + sum(spacing(row)) for row in lines]
    heights = [max(p.above for p in row) + max(p.below for p in row) for row in lines]
    fig, ax = new_figure(
        max(widths) + 2 * MARGIN, sum(heights) + GAP * (len(lines) - 1) + 2 * MARGIN
    )
    top = sum(heights) + GAP * (len(lines) - 1) + MARGIN
    for row, row_width, height in zip(lines, widths, heights, strict=True):
        y = top - max(p.above for p in row)
        left = MARGIN + (max(widths) - row_width) / 2
        for piece, space in zip(row, spacing(row), strict=True):
            piece.draw(ax, left + space, y)
            left += space + piece.width
        top -= height + GAP
    return fig


def flow(pieces: Sequence[Piece], layout: Layout, footer: Sequence[Piece] = ()) -> Figure:
    """The pieces wrapped to the layout's width, then each footer piece on a row of its own."""
    return compose([*rows(pieces, layout), *([p] for p in footer)])
