"""Figures 9 and 10, for part 4: a batch of examples through one matrix product, and how the
bias is broadcast across it, as a row (right) or as a column (wrong).
"""

from __future__ import annotations

import numpy as np

from sitebuild.figures.layout import Layout, compose, flow, rows
from sitebuild.figures.pieces import array, note, sign
from sitebuild.figures.registry import figure
from sitebuild.figures.style import COLORS, Drawing, fmt, products, seq
from vecnn import matmul_dots
from vecnn.lesson import W

BATCH = np.array([[200, 17], [1, 2], [0, 0], [-4, 3]])  # (4, 2)  part 4's batch
Z = matmul_dots(BATCH, W)  # (4, 3)
ROW, COL = 1, 1  # the entry Figure 9 picks out: row 2, column 2 (counting from 1)
B_ROW = np.array([[-1, 1, 2]])  # (1, 3)  the lecture's bias as a row: right
B_COL = B_ROW.T  # (3, 1)  the same numbers as a column: wrong
PRODUCT = BATCH[:3] @ W  # (3, 3)  Figure 10: three examples, so both biases broadcast
GOOD, BAD = PRODUCT + B_ROW, PRODUCT + B_COL  # (3, 3), (3, 3)


@figure(
    "batch",
    alt=f"A batch A_in of four examples, shape (4, 2), times W, shape (2, 3), gives a 4 by 3 "
    f"result. Row {ROW + 1} of A_in, {seq(BATCH[ROW])}, dotted with column {COL + 1} of W, "
    f"{seq(W[:, COL])}, gives the entry in row {ROW + 1}, column {COL + 1}: {fmt(Z[ROW, COL])}.",
)
def batch(layout: Layout) -> Drawing:
    """Figure 9: a batch of four examples; each entry of Z is one example's row times one unit's column."""
    pieces = [
        array(BATCH, "A_in", COLORS["x"], highlight=(ROW, None)),
        sign("@"),
        array(W, "W", COLORS["W"], highlight=(None, COL)),
        sign("="),
        array(Z, "A_in @ W", COLORS["Z"], highlight=(ROW, COL)),
    ]
    entry = f"row {ROW + 1} \u00b7 column {COL + 1} = {products(BATCH[ROW], W[:, COL])} = {fmt(Z[ROW, COL])}"
    return flow(pieces, layout, [note([entry], 11, mono=False)])


@figure(
    "broadcasting",
    alt=f"Two sums with the same 3 by 3 product, rows {seq(PRODUCT[0])}, "
    f"{seq(PRODUCT[1])} and {seq(PRODUCT[2])}. Adding the bias {seq(B_ROW)} as a row of "
    f"shape (1, 3) repeats it down the rows and gives rows {seq(GOOD[0])}, {seq(GOOD[1])} "
    f"and {seq(GOOD[2])}. Adding it as a column of shape (3, 1) repeats it across the "
    f"columns and gives rows {seq(BAD[0])}, {seq(BAD[1])} and {seq(BAD[2])}: only the "
    "diagonal matches.",
)
def broadcasting(layout: Layout) -> Drawing:
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
