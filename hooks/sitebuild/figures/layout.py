"""Figures as rows of pieces that wrap to fit a layout: a wide screen's or a phone's.

Each figure is drawn twice from the same pieces: once for a wide screen and once, wrapped into
more rows, for a phone, so that its labels never have to shrink below a readable size. Which of
the two is drawn is a `Layout`, chosen by the build and handed to a figure's drawing function.
Lengths are in cells (style.UNIT inches each).
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import Enum
from itertools import pairwise
from typing import TypeVar

from sitebuild.figures.pieces import Piece
from sitebuild.figures.style import Drawing, new_drawing

MARGIN, GAP = 0.5, 0.7  # around the figure, between rows

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

    def lines(self, parts: list[str], sep: str = " ") -> list[str]:
        """A footer's parts on one line in the wide layout, one per line in the narrow."""
        return self.pick([sep.join(parts)], parts)


def flow(pieces: Sequence[Piece], layout: Layout, footer: Sequence[Piece] = ()) -> Drawing:
    """The pieces wrapped to the layout's width, then each footer piece on a row of its own."""
    return compose([*rows(pieces, layout), *([p] for p in footer)])


def rows(pieces: Sequence[Piece], layout: Layout) -> list[list[Piece]]:
    """Greedy line breaking: as many pieces per row as fit, never breaking after a glued one."""
    out: list[list[Piece]] = [[]]
    word: list[Piece] = []
    for piece in pieces:
        word.append(piece)
        if piece.glue:
            continue
        if out[-1] and row_width(out[-1] + word) > layout.width:
            out.append([])
        out[-1].extend(word)
        word = []
    out[-1].extend(word)
    return out


def compose(lines: Sequence[Sequence[Piece]]) -> Drawing:
    """Draw rows of pieces, each row centred, one under the other."""
    widths = [row_width(row) for row in lines]
    heights = [max(p.above for p in row) + max(p.below for p in row) for row in lines]
    fig, ax = new_drawing(
        max(widths) + 2 * MARGIN, sum(heights) + GAP * (len(lines) - 1) + 2 * MARGIN
    )
    top = sum(heights) + GAP * (len(lines) - 1) + MARGIN
    for row, width, height in zip(lines, widths, heights, strict=True):
        y = top - max(p.above for p in row)
        left = MARGIN + (max(widths) - width) / 2
        for piece, space in zip(row, spacing(row), strict=True):
            piece.draw(ax, left + space, y)
            left += space + piece.width
        top -= height + GAP
    return fig


def row_width(row: Sequence[Piece]) -> float:
    return sum(p.width for p in row) + sum(spacing(row))


def spacing(row: Sequence[Piece]) -> list[float]:
    """The space before each piece of a row: none at its start or beside a sign or an arrow."""
    return [0.0] + [0.0 if a.glue or b.glue else GAP for a, b in pairwise(row)]
