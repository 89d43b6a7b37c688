"""Figures 2-5 of part 1, the vectorized layer: the data as 2-D arrays, one matrix product,
the bias and g, and the five arrays with their shapes. Each is laid out from pieces that wrap,
so one function draws both layouts.
"""

from __future__ import annotations

from sitebuild.figures.layout import Layout, flow
from sitebuild.figures.lecture import A_out, Z, Z_matmul
from sitebuild.figures.pieces import array, arrow_to, note, sign
from sitebuild.figures.registry import figure
from sitebuild.figures.style import COLORS, Drawing, fmt, products, seq
from vecnn import lesson


@figure(
    "hnnie-2",
    alt=f"The 1-D vector x = {seq(lesson.x)} of shape (2,) next to the 2-D array "
    f"X of shape (1, 2), the 2 by 3 weight matrix W with columns {seq(lesson.W[:, 0])}, "
    f"{seq(lesson.W[:, 1])} and {seq(lesson.W[:, 2])}, and the bias B = {seq(lesson.B)} "
    "of shape (1, 3).",
)
def arrays(layout: Layout) -> Drawing:
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


@figure(
    "hnnie-3",
    alt=f"A_in of shape (1, 2) times W of shape (2, 3) gives a 1 by 3 result "
    f"{seq(Z_matmul)}. Row 1 of A_in dotted with column 2 of W gives {fmt(Z_matmul[0, 1])}.",
)
def matmul(layout: Layout) -> Drawing:
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
    return flow(pieces, layout, [note(layout.lines(words), 11, mono=False)])


@figure(
    "hnnie-4",
    alt=f"The matmul result {seq(Z_matmul)} plus B = {seq(lesson.B)} gives "
    f"Z = {seq(Z)}; the sigmoid applied to each entry gives A_out = {seq(A_out, 2)}.",
)
def bias_and_activation(layout: Layout) -> Drawing:
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


@figure(
    "hnnie-5",
    alt="The five quantities of the vectorized layer as 2-D arrays with their shapes: "
    "A_in (1, 2), W (2, 3), B (1, 3), Z (1, 3) and A_out (1, 3).",
)
def shapes(layout: Layout) -> Drawing:
    """Figure 5: every quantity of the vectorized layer is a 2-D array."""
    pieces = [
        array(lesson.X, "A_in", COLORS["x"]),
        array(lesson.W, "W", COLORS["W"]),
        array(lesson.B, "B", COLORS["B"]),
        array(Z, "Z", COLORS["Z"]),
        array(A_out, "A_out", COLORS["A_out"], decimals=2),
    ]
    code = ["Z = np.matmul(A_in, W) + B", "A_out = g(Z)"]
    return flow(pieces, layout, [note(layout.lines(code, ";   "))])
