"""Figures 6-8, for parts 2 and 3: what a matrix product computes (a dot product, a transpose,
the shape rule), drawn from the pages' numbers and laid out from pieces that wrap.
"""

from __future__ import annotations

import numpy as np

from sitebuild.figures.layout import Layout, flow
from sitebuild.figures.pieces import array, arrow_to, note, sign
from sitebuild.figures.registry import figure
from sitebuild.figures.style import COLORS, Drawing, fmt, products, seq
from vecnn import matmul_dots

a, w = np.array([[1, 2]]), np.array([[3], [4]])  # (1, 2) a row, (2, 1) a column: part 2
A = np.array([[1, -1], [2, -2]])  # (2, 2)  part 2's A, columns a1 and a2
A3 = np.array([[1, -1, 0.1], [2, -2, 0.2]])  # (2, 3)  part 3's A
W4 = np.array([[3, 5, 7, 9], [4, 6, 8, 0]])  # (2, 4)  part 3's W
Z3 = matmul_dots(A3.T, W4)  # (3, 4)


@figure(
    "dot-product",
    alt=f"The row {seq(a)} times the column {seq(w)} gives the 1 by 1 result "
    f"{fmt(matmul_dots(a, w)[0, 0])}: {products(a[0], w[:, 0])}.",
)
def dot_product(layout: Layout) -> Drawing:
    """Figure 6: a row times a column is one number, the sum of the pairwise products."""
    pieces = [
        array(a, "row a\u1d40", COLORS["x"]),
        sign("\u00d7"),
        array(w, "column w", COLORS["W"]),
        sign("="),
        array(matmul_dots(a, w), "a\u1d40w", COLORS["Z"]),
    ]
    sums = f"{products(a[0], w[:, 0])} = {fmt(matmul_dots(a, w)[0, 0])}"
    return flow(pieces, layout, [note([sums], 11, mono=False)])


@figure(
    "transpose",
    alt=f"A 2 by 2 matrix A with rows {seq(A[0])} and {seq(A[1])} and its transpose, "
    f"with rows {seq(A.T[0])} and {seq(A.T[1])}: column 1 of A becomes row 1 of the transpose.",
)
def transpose(layout: Layout) -> Drawing:
    """Figure 7: the transpose turns column j into row j."""
    pieces = [
        array(A, "A", COLORS["x"], highlight=(None, 0)),
        arrow_to(".T", 2.6),
        array(A.T, "A\u1d40", COLORS["x"], highlight=(0, None)),
    ]
    words = ["column 1 of A, a\u2081 = [1, 2],", "becomes row 1 of A\u1d40"]
    return flow(pieces, layout, [note(layout.lines(words), 11, mono=False)])


@figure(
    "shape-rule",
    alt=f"A transpose, of shape (3, 2), times W, of shape (2, 4), gives Z of shape "
    f"(3, 4) with rows {seq(Z3[0], 1)}, {seq(Z3[1], 1)} and {seq(Z3[2], 1)}. The inner sizes, "
    "2 and 2, match; the outer sizes, 3 and 4, give the shape of the result.",
)
def shape_rule(layout: Layout) -> Drawing:
    """Figure 8: (3 x 2)(2 x 4) -> (3 x 4): the inner sizes meet, the outer ones remain."""
    pieces = [
        array(A3.T, "A\u1d40", COLORS["x"], decimals=1),
        sign("@"),
        array(W4, "W", COLORS["W"]),
        sign("="),
        array(Z3, "Z", COLORS["Z"], decimals=1),
    ]
    rule = [
        "(3 \u00d7 2) @ (2 \u00d7 4) \u2192 (3 \u00d7 4)",
        "inner sizes 2 and 2 match;",
        "outer sizes 3 and 4 remain",
    ]
    lines = layout.pick([f"{rule[0]}   {rule[1]} {rule[2]}"], rule)
    return flow(pieces, layout, [note(lines, 11, mono=False)])
