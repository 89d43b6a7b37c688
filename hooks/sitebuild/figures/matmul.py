"""Figures 6-10, for parts 2-4: what a matrix product computes, and how the bias is broadcast,
drawn from the pages' numbers.

Like Figures 1-5 they are laid out from pieces, so each comes wide and narrow, and their alt
text is written from the same numbers.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from matplotlib.figure import Figure

from sitebuild.figures.layout import Layout, array, arrow_to, compose, flow, note, rows, sign
from sitebuild.figures.style import COLORS, fmt, products, seq
from vecnn import matmul_dots
from vecnn.lesson import W

a, w = np.array([[1, 2]]), np.array([[3], [4]])  # (1, 2) a row, (2, 1) a column: part 2
A = np.array([[1, -1], [2, -2]])  # (2, 2)  part 2's A, columns a1 and a2
A3 = np.array([[1, -1, 0.1], [2, -2, 0.2]])  # (2, 3)  part 3's A
W4 = np.array([[3, 5, 7, 9], [4, 6, 8, 0]])  # (2, 4)  part 3's W
BATCH = np.array([[200, 17], [1, 2], [0, 0], [-4, 3]])  # (4, 2)  part 4's batch
ROW, COL = 1, 1  # the entry Figure 9 picks out: row 2, column 2 (counting from 1)
B_ROW = np.array([[-1, 1, 2]])  # (1, 3)  the lecture's bias as a row: right
B_COL = B_ROW.T  # (3, 1)  the same numbers as a column: wrong
PRODUCT = BATCH[:3] @ W  # (3, 3)  Figure 10: three examples, so both biases broadcast


def dot_product(layout: Layout) -> Figure:
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


def transpose(layout: Layout) -> Figure:
    """Figure 7: the transpose turns column j into row j."""
    pieces = [
        array(A, "A", COLORS["x"], highlight=(None, 0)),
        arrow_to(".T", 2.6),
        array(A.T, "A\u1d40", COLORS["x"], highlight=(0, None)),
    ]
    words = ["column 1 of A, a\u2081 = [1, 2],", "becomes row 1 of A\u1d40"]
    return flow(pieces, layout, [note(layout.pick([" ".join(words)], words), 11, mono=False)])


def shape_rule(layout: Layout) -> Figure:
    """Figure 8: (3 x 2)(2 x 4) -> (3 x 4): the inner sizes meet, the outer ones remain."""
    Z = matmul_dots(A3.T, W4)  # (3, 4)
    pieces = [
        array(A3.T, "A\u1d40", COLORS["x"], decimals=1),
        sign("@"),
        array(W4, "W", COLORS["W"]),
        sign("="),
        array(Z, "Z", COLORS["Z"], decimals=1),
    ]
    rule = [
        "(3 \u00d7 2) @ (2 \u00d7 4) \u2192 (3 \u00d7 4)",
        "inner sizes 2 and 2 match;",
        "outer sizes 3 and 4 remain",
    ]
    lines = layout.pick([f"{rule[0]}   {rule[1]} {rule[2]}"], rule)
    return flow(pieces, layout, [note(lines, 11, mono=False)])


def batch(layout: Layout) -> Figure:
    """Figure 9: a batch of four examples; each entry of Z is one example's row times one unit's column."""
    Z = matmul_dots(BATCH, W)  # (4, 3)
    pieces = [
        array(BATCH, "A_in", COLORS["x"], highlight=(ROW, None)),
        sign("@"),
        array(W, "W", COLORS["W"], highlight=(None, COL)),
        sign("="),
        array(Z, "A_in @ W", COLORS["Z"], highlight=(ROW, COL)),
    ]
    entry = f"row {ROW + 1} \u00b7 column {COL + 1} = {products(BATCH[ROW], W[:, COL])} = {fmt(Z[ROW, COL])}"
    return flow(pieces, layout, [note([entry], 11, mono=False)])


def broadcasting(layout: Layout) -> Figure:
    """Figure 10: a (1, 3) row is repeated down the rows, a (3, 1) column across the columns."""
    m = len(PRODUCT)
    lines = []
    for bias, name, hot, words in [
        (B_ROW, "B (1, 3), repeated", (0, None), "a row: unit j's bias down column j (right)"),
        (B_COL, "B (3, 1), repeated", (None, 0), "a column: example i gets b[i] (wrong)"),
    ]:
        stretched = np.broadcast_to(bias, (m, m))  # (3, 3)  what NumPy adds, without a copy
        pieces = [
            array(PRODUCT, "A_in @ W", COLORS["Z"]),
            sign("+"),
            array(stretched, name, COLORS["B"], highlight=hot),
            sign("="),
            array(PRODUCT + bias, "Z", COLORS["Z"]),
        ]
        lines += [*rows(pieces, layout), [note([words], 11, mono=False)]]
    return compose(lines)


def alt_text() -> dict[str, str]:
    Z3, Zb = matmul_dots(A3.T, W4), matmul_dots(BATCH, W)
    good, bad = PRODUCT + B_ROW, PRODUCT + B_COL
    return {
        "dot-product": f"The row {seq(a)} times the column {seq(w)} gives the 1 by 1 result "
        f"{fmt(matmul_dots(a, w)[0, 0])}: {products(a[0], w[:, 0])}.",
        "transpose": f"A 2 by 2 matrix A with rows {seq(A[0])} and {seq(A[1])} and its transpose, "
        f"with rows {seq(A.T[0])} and {seq(A.T[1])}: column 1 of A becomes row 1 of the transpose.",
        "shape-rule": f"A transpose, of shape (3, 2), times W, of shape (2, 4), gives Z of shape "
        f"(3, 4) with rows {seq(Z3[0], 1)}, {seq(Z3[1], 1)} and {seq(Z3[2], 1)}. The inner sizes, "
        "2 and 2, match; the outer sizes, 3 and 4, give the shape of the result.",
        "batch": f"A batch A_in of four examples, shape (4, 2), times W, shape (2, 3), gives a 4 by 3 "
        f"result. Row {ROW + 1} of A_in, {seq(BATCH[ROW])}, dotted with column {COL + 1} of W, "
        f"{seq(W[:, COL])}, gives the entry in row {ROW + 1}, column {COL + 1}: {fmt(Zb[ROW, COL])}.",
        "broadcasting": f"Two sums with the same 3 by 3 product, rows {seq(PRODUCT[0])}, "
        f"{seq(PRODUCT[1])} and {seq(PRODUCT[2])}. Adding the bias {seq(B_ROW)} as a row of "
        f"shape (1, 3) repeats it down the rows and gives rows {seq(good[0])}, {seq(good[1])} "
        f"and {seq(good[2])}. Adding it as a column of shape (3, 1) repeats it across the "
        f"columns and gives rows {seq(bad[0])}, {seq(bad[1])} and {seq(bad[2])}: only the "
        "diagonal matches.",
    }


FIGURES: dict[str, Callable[[Layout], Figure]] = {
    "dot-product": dot_product,
    "transpose": transpose,
    "shape-rule": shape_rule,
    "batch": batch,
    "broadcasting": broadcasting,
}
ALT = alt_text()
