"""Figures 1-5 of the lesson, drawn from vecnn's own computations on the lecture's layer.

The build writes them as figures/hnnie-1.svg ... hnnie-5.svg (stable URLs named after the
lecture's figures); ALT holds the alt text each is shown with, word for word.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from matplotlib.figure import Figure
from matplotlib.patches import Circle

from sitebuild import drawing
from sitebuild.drawing import COLORS, EDGE, arrow, fmt, grid, new_figure, seq, text
from vecnn import dense, dense_loop, lesson

# The lecture's layer, computed by the package itself.
Z_matmul = np.matmul(lesson.X, lesson.W)  # (1, 3)  before the bias
Z = Z_matmul + lesson.B  # (1, 3)
A_out = dense(lesson.X, lesson.W, lesson.B)  # (1, 3)
a_out = dense_loop(lesson.x, lesson.W, lesson.b)  # (3,)


def loop() -> Figure:
    """Figure 1, the loop: three units, each with its own w, b, z and output."""
    fig, ax = new_figure(27, 9.5)
    code = "for j in range(3):  z = np.dot(W[:, j], x) + b[j];  a_out[j] = g(z)"
    text(ax, 0.5, 9.0, code, ha="left", family="monospace")
    right, mid = grid(ax, lesson.x, 0.6, 5.4, "x", COLORS["x"])
    for j in range(3):
        cy = 7.0 - j * 2.6
        ax.add_patch(Circle((6.6, cy), 0.85, facecolor=COLORS["Z"], edgecolor=EDGE, lw=1.2))
        text(ax, 6.6, cy, f"unit {j + 1}", 10)
        arrow(ax, (right + 0.1, mid), (5.7, cy))
        w, b = lesson.W[:, j], lesson.b[j]
        text(ax, 7.8, cy + 0.4, f"w{j + 1} = {seq(w)},  b{j + 1} = {fmt(b)}", 10.5, ha="left")
        z = f"z{j + 1} = w{j + 1}\u00b7x + b{j + 1} = {fmt(Z[0, j])}"
        text(ax, 7.8, cy - 0.4, z, 10.5, ha="left")
        arrow(ax, (14.3, cy), (16.3, cy), "g")
        text(ax, 16.5, cy, f"a{j + 1} = {fmt(a_out[j], 2)}", ha="left")
    grid(ax, a_out, 20.6, 5.4, "a_out", COLORS["A_out"], cell=2.0, decimals=2)
    return fig


def arrays() -> Figure:
    """Figure 2, the same data as 2-D arrays: the double brackets make X a 1x2 matrix."""
    fig, ax = new_figure(27.4, 6.5)
    right, mid = grid(ax, lesson.x, 0.6, 4.8, "x", COLORS["x"])
    text(ax, right + 1.1, mid, "\u2192", 20)
    right, _ = grid(ax, lesson.X, right + 2.2, 4.8, "X", COLORS["x"])
    right, _ = grid(ax, lesson.W, right + 2.6, 4.8, "W", COLORS["W"])
    grid(ax, lesson.B, right + 2.6, 4.8, "B", COLORS["B"])
    code = "x = np.array([200, 17]) is 1-D;  X = np.array([[200, 17]]), W and B are 2-D"
    text(ax, 13.7, 0.7, code, 10.5, va="baseline", family="monospace")
    return fig


def matmul() -> Figure:
    """Figure 3, np.matmul(A_in, W): row 1 of A_in dotted with column 2 of W gives entry (1, 2)."""
    fig, ax = new_figure(21.5, 6.5)
    right, mid = grid(ax, lesson.X, 0.6, 4.8, "A_in", COLORS["x"], highlight=(0, None))
    text(ax, right + 0.8, mid, "@", 18)
    right, _ = grid(ax, lesson.W, right + 1.6, 4.8, "W", COLORS["W"], highlight=(None, 1))
    text(ax, right + 0.8, mid, "=", 18)
    grid(ax, Z_matmul, right + 1.6, 4.8, "A_in @ W", COLORS["Z"], highlight=(0, 1))
    x, w = lesson.X[0], lesson.W[:, 1]
    sums = f"{fmt(x[0])}\u00d7{fmt(w[0])} + {fmt(x[1])}\u00d7{fmt(w[1])} = {fmt(Z_matmul[0, 1])}"
    text(ax, 10.75, 0.7, f"row 1 of A_in \u00b7 column 2 of W = {sums}", va="baseline")
    return fig


def bias_and_activation() -> Figure:
    """Figure 4: the matrix product, then + B, then g element-wise: Z and A_out."""
    fig, ax = new_figure(30, 4.6)
    right, mid = grid(ax, Z_matmul, 0.6, 3.2, "A_in @ W", COLORS["Z"])
    text(ax, right + 0.8, mid, "+", 18)
    right, _ = grid(ax, lesson.B, right + 1.6, 3.2, "B", COLORS["B"])
    text(ax, right + 0.8, mid, "=", 18)
    right, _ = grid(ax, Z, right + 1.6, 3.2, "Z", COLORS["Z"])
    arrow(ax, (right + 0.3, mid), (right + 2.6, mid), "g")
    grid(ax, A_out, right + 2.9, 3.2, "A_out = g(Z)", COLORS["A_out"], cell=2.0, decimals=2)
    return fig


def shapes() -> Figure:
    """Figure 5: every quantity of the vectorized layer is a 2-D array."""
    fig, ax = new_figure(32, 5.8)
    left = 0.6
    for name, M, key in [
        ("A_in", lesson.X, "x"),
        ("W", lesson.W, "W"),
        ("B", lesson.B, "B"),
        ("Z", Z, "Z"),
        ("A_out", A_out, "A_out"),
    ]:
        wide = name == "A_out"  # two decimals need a wider cell
        left = (
            grid(
                ax,
                M,
                left,
                4.4,
                name,
                COLORS[key],
                cell=2.0 if wide else 1.8,
                decimals=2 if wide else None,
            )[0]
            + 1.2
        )
    text(
        ax, 16, 0.6, "Z = np.matmul(A_in, W) + B;   A_out = g(Z)", va="baseline", family="monospace"
    )
    return fig


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


FIGURES: dict[str, Callable[[], Figure]] = {
    "hnnie-1": loop,
    "hnnie-2": arrays,
    "hnnie-3": matmul,
    "hnnie-4": bias_and_activation,
    "hnnie-5": shapes,
}
ALT = alt_text()


def svg(name: str) -> str:
    """One figure as SVG text, named after its file: svg("hnnie-1") is Figure 1."""
    return drawing.svg(FIGURES[name](), name)
