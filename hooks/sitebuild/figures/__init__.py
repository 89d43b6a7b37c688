"""Figures 1-5 of the lesson, drawn from vecnn's own computations on the lecture's layer
(and, through figures.matmul, Figures 6-10 of parts 2-4; through figures.roast_plane, Figure 11).

Each figure comes in two layouts from the same pieces: wide (figures/hnnie-N.svg, stable URLs
named after the lecture's figures) and narrow for phones (figures/hnnie-N-narrow.svg). ALT
holds the alt text each is shown with, word for word.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Circle

from sitebuild.figures import matmul, roast_plane, style
from sitebuild.figures.layout import Layout, array, arrow_to, flow, note, sign
from sitebuild.figures.style import COLORS, EDGE, arrow, fmt, new_figure, products, seq, text
from vecnn import dense, dense_loop, lesson

# The lecture's layer, computed by the package itself.
Z_matmul = np.matmul(lesson.X, lesson.W)  # (1, 3)  before the bias
Z = Z_matmul + lesson.B  # (1, 3)
A_out = dense(lesson.X, lesson.W, lesson.B)  # (1, 3)
a_out = dense_loop(lesson.x, lesson.W, lesson.b)  # (3,)
LOOP = ["for j in range(3):", "    z = np.dot(W[:, j], x) + b[j]", "    a_out[j] = g(z)"]


def unit_lines(j: int) -> list[str]:
    """What unit j computes, with the lecture's numbers."""
    w, b = seq(lesson.W[:, j]), fmt(lesson.b[j])
    k = j + 1
    return [
        f"w{k} = {w},  b{k} = {b}",
        f"z{k} = w{k}\u00b7x + b{k} = {fmt(Z[0, j])}",
        f"a{k} = g(z{k}) = {fmt(a_out[j], 2)}",
    ]


def loop(layout: Layout) -> Figure:
    """Figure 1, the loop: the input feeds three units, each with its own w, b, z and output."""
    return layout.pick(loop_wide, loop_narrow)()


def unit(ax: Axes, x: float, y: float, j: int) -> None:
    ax.add_patch(Circle((x, y), 0.85, facecolor=COLORS["Z"], edgecolor=EDGE, lw=1.2))
    text(ax, x, y, f"unit {j + 1}", 10)


def loop_wide() -> Figure:
    """x on the left feeds the three units; their outputs form a_out on the right."""
    fig, ax = new_figure(27, 9.4)
    note([f"{LOOP[0]}  {LOOP[1].strip()};  {LOOP[2].strip()}"]).draw(ax, 0.3, 9.0)
    array(lesson.x, "x", COLORS["x"]).draw(ax, 0.6, 4.2)
    array(a_out, "a_out", COLORS["A_out"], decimals=2).draw(ax, 21.4, 4.2)
    for j in range(3):
        y = 6.8 - j * 2.6
        unit(ax, 6.5, y, j)
        arrow(ax, (4.0, 4.2), (5.6, y))
        lines = unit_lines(j)
        note(lines[:2], 10.5, mono=False).draw(ax, 7.7, y)
        arrow(ax, (14.3, y), (16.3, y), "g")
        text(ax, 16.5, y, f"a{j + 1} = {fmt(a_out[j], 2)}", ha="left")
    return fig


def loop_narrow() -> Figure:
    """The same in one column: the code, x, the units one under the other, then a_out."""
    fig, ax = new_figure(10.5, 15.0)
    note(LOOP).draw(ax, 0.3, 13.6)
    array(lesson.x, "x", COLORS["x"]).draw(ax, 0.6, 11.0)
    array(a_out, "a_out", COLORS["A_out"], decimals=2).draw(ax, 0.6, 1.2)
    ax.plot([0.9, 0.9], [10.55, 3.6], color=EDGE, lw=1.3)  # x's bus down to the units
    for j in range(3):
        y = 8.6 - j * 2.5
        unit(ax, 2.9, y, j)
        arrow(ax, (0.9, y), (2.0, y))
        note(unit_lines(j), 10.5, mono=False).draw(ax, 4.0, y)
    return fig


def arrays(layout: Layout) -> Figure:
    """Figure 2, the same data as 2-D arrays: the double brackets make X a 1x2 matrix."""
    pieces = [
        array(lesson.x, "x", COLORS["x"]),
        sign("\u2192", 20, 1.8),
        array(lesson.X, "X", COLORS["x"]),
        array(lesson.W, "W", COLORS["W"]),
        array(lesson.B, "B", COLORS["B"]),
    ]
    words = layout.pick(
        ["x = np.array([200, 17]) is 1-D;  X = np.array([[200, 17]]), W and B are 2-D"],
        [
            "x = np.array([200, 17]) is 1-D;",
            "X = np.array([[200, 17]]) is 2-D,",
            "and so are W and B",
        ],
    )
    return flow(pieces, layout, [note(words)])


def matmul_figure(layout: Layout) -> Figure:
    """Figure 3, np.matmul(A_in, W): row 1 of A_in dotted with column 2 of W gives entry (1, 2)."""
    pieces = [
        array(lesson.X, "A_in", COLORS["x"], highlight=(0, None)),
        sign("@"),
        array(lesson.W, "W", COLORS["W"], highlight=(None, 1)),
        sign("="),
        array(Z_matmul, "A_in @ W", COLORS["Z"], highlight=(0, 1)),
    ]
    x, w = lesson.X[0], lesson.W[:, 1]
    sums = f"{products(x, w)} = {fmt(Z_matmul[0, 1])}"
    words = ["row 1 of A_in \u00b7 column 2 of W", f"= {sums}"]
    return flow(pieces, layout, [note(layout.pick([" ".join(words)], words), 11, mono=False)])


def bias_and_activation(layout: Layout) -> Figure:
    """Figure 4: the matrix product, then + B, then g element-wise: Z and A_out."""
    pieces = [
        array(Z_matmul, "A_in @ W", COLORS["Z"]),
        sign("+"),
        array(lesson.B, "B", COLORS["B"]),
        sign("="),
        array(Z, "Z", COLORS["Z"]),
        arrow_to("g"),
        array(A_out, "A_out = g(Z)", COLORS["A_out"], decimals=2),
    ]
    return flow(pieces, layout)


def shapes(layout: Layout) -> Figure:
    """Figure 5: every quantity of the vectorized layer is a 2-D array."""
    pieces = [
        array(lesson.X, "A_in", COLORS["x"]),
        array(lesson.W, "W", COLORS["W"]),
        array(lesson.B, "B", COLORS["B"]),
        array(Z, "Z", COLORS["Z"]),
        array(A_out, "A_out", COLORS["A_out"], decimals=2),
    ]
    code = ["Z = np.matmul(A_in, W) + B", "A_out = g(Z)"]
    return flow(pieces, layout, [note(layout.pick([";   ".join(code)], code))])


def alt_text() -> dict[str, str]:
    units = "; ".join(
        f"unit {j + 1} has w{j + 1} = {seq(lesson.W[:, j])} and b{j + 1} = {fmt(lesson.b[j])}, "
        f"so z{j + 1} = {fmt(Z[0, j])} and its output is {fmt(A_out[0, j], 2)}"
        for j in range(3)
    )
    return {
        "hnnie-1": f"A for loop over three units. The input x = {seq(lesson.x)} feeds each unit: "
        f"{units}. The outputs form a_out = {seq(a_out, 2)}.",
        "hnnie-2": f"The 1-D vector x = {seq(lesson.x)} of shape (2,) next to the 2-D array "
        f"X of shape (1, 2), the 2 by 3 weight matrix W with columns {seq(lesson.W[:, 0])}, "
        f"{seq(lesson.W[:, 1])} and {seq(lesson.W[:, 2])}, and the bias B = {seq(lesson.B)} "
        "of shape (1, 3).",
        "hnnie-3": f"A_in of shape (1, 2) times W of shape (2, 3) gives a 1 by 3 result "
        f"{seq(Z_matmul)}. Row 1 of A_in dotted with column 2 of W gives "
        f"{fmt(Z_matmul[0, 1])}.",
        "hnnie-4": f"The matmul result {seq(Z_matmul)} plus B = {seq(lesson.B)} gives "
        f"Z = {seq(Z)}; the sigmoid applied to each entry gives A_out = {seq(A_out, 2)}.",
        "hnnie-5": "The five quantities of the vectorized layer as 2-D arrays with their shapes: "
        "A_in (1, 2), W (2, 3), B (1, 3), Z (1, 3) and A_out (1, 3).",
    }


FIGURES: dict[str, Callable[[Layout], Figure]] = {
    "hnnie-1": loop,
    "hnnie-2": arrays,
    "hnnie-3": matmul_figure,
    "hnnie-4": bias_and_activation,
    "hnnie-5": shapes,
} | matmul.FIGURES  # Figures 6-10, for parts 2-4
ALT = alt_text() | matmul.ALT
FIGURES |= roast_plane.FIGURES  # Figure 11, for part 5
ALT |= roast_plane.ALT


def svg(name: str, narrow: bool = False) -> str:
    """One figure as SVG text: svg("hnnie-1") is Figure 1, wide; narrow=True is its phone layout."""
    return style.svg(FIGURES[name](Layout.NARROW if narrow else Layout.WIDE), name)
