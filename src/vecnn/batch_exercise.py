"""Exercise 2, the vectorized layer: my_dense(A_in, W, B, g), a whole batch in one product."""

from __future__ import annotations

from typing import Any

import numpy as np

from vecnn.activations import sigmoid
from vecnn.cases import LAB_A, LAB_W, ZERO, A, Probe, W, case, expected, linear, run, same
from vecnn.exercise import Exercise, Problem
from vecnn.layer_steps import activation, bias, default_activation, vectorized
from vecnn.learner import quote
from vecnn.trial import Trial

ORDER = (
    "the batch comes first, one row per example, and W second, one column per unit: each "
    "example's row meets each unit's column"
)


def _product(t: Trial) -> Problem | None:
    """With no bias and g(z) = z, the output is the matrix product alone."""
    reading, _ = run(t, A, W, ZERO, Probe())
    want = expected(t, A, W, ZERO, linear)  # (m, j)
    if reading.problem or same(reading, want):
        return reading.problem
    got = f"{case(t)}, the output should be {quote(want)}, but it is {quote(reading.values)}"
    for wrong, problem in _mistakes(want, got):
        if same(reading, wrong):
            return problem
    return Problem(
        f"Check the matrix product: with no bias and g(z) = z, {got}. Row i, column j of the "
        "output is example i's inputs dotted with unit j's weights: one matrix product of the "
        "batch with W.",
        "np.matmul(A_in, W) has shape (m, j): one row per example, one column per unit.",
    )


def _mistakes(want: Any, got: str) -> list[tuple[Any, Problem]]:
    """What each matrix-product mistake computes on the first case, and its named fix."""
    table = [
        (A * W, f"The batch and W were multiplied entry by entry, not as a matrix product: "
         f"{got}. A matrix product dots rows with columns: {ORDER}.",
         "np.matmul(A_in, W), or A_in @ W; the * operator multiplies entry by entry."),
        (W @ A, f"The two operands of the matrix product are in the wrong order: {got}, which "
         f"is W times the batch. Matrix products do not commute: {ORDER}.",
         "np.matmul(A_in, W): A_in first."),
        (A @ W.T, f"W is used transposed: {got}. Its columns already hold the units' weights, "
         "so the batch times W needs no transpose.", "A_in @ W, with W as it is given."),
        ((A @ W).T, f"The output is transposed: {got}, one row per unit instead of one row per "
         "example. The batch's rows are the examples, and so are the output's.",
         "A_in @ W already has one row per example: no .T on the result."),
        (sigmoid(want), f"Use the g that was passed in: called with g(z) = z, {got}, the sigmoid "
         "of the right values. Apply the argument g to Z, not a fixed sigmoid.",
         "g=sigmoid in the signature already makes the sigmoid the default."),
        (np.stack([want[0]] * len(A)), f"Every row is the first example's output: {got}. The "
         "whole batch goes into the matrix product, all of its rows at once.",
         "np.matmul(A_in, W) uses every row of A_in; A_in[0] is only the first."),
    ]  # fmt: skip
    return [(wrong, Problem(message, hint)) for wrong, message, hint in table]


def _more_inputs(t: Trial) -> Problem | None:
    """The course lab's case: four inputs and two units."""
    reading, _ = run(t, LAB_A, LAB_W, ZERO, linear)
    want = expected(t, LAB_A, LAB_W, ZERO, linear)
    if reading.problem or same(reading, want):
        return reading.problem
    return Problem(
        f"Check the matrix product with more inputs: for the batch A_in = {quote(LAB_A)} and "
        f"every row of W = [1, 2], the output should be {quote(want)}, but it is "
        f"{quote(reading.values)}. Each example's row meets all of W's rows, one per input.",
        "np.matmul(A_in, W) needs no slicing: A_in is (m, n) and W is (n, j).",
    )


def _errors(err: BaseException) -> Problem | None:
    text = str(err)
    if "broadcast" in text:
        return Problem(
            "Two arrays of different shapes were combined entry by entry. The batch and W meet "
            f"in a matrix product, not with *: {ORDER}. B is one row, added to every row of Z.",
            "np.matmul(A_in, W) has shape (m, j); B has shape (1, j).",
        )
    if "matmul" in text or "not aligned" in text or "mismatch" in text:
        return Problem(
            f"The matrix product's sizes do not fit: {ORDER}, so the batch's columns (inputs) "
            "must match W's rows (inputs). Check the order of the operands, and that nothing is "
            "transposed.",
            "(m, n) @ (n, j) gives (m, j): A_in first, then W.",
        )
    if isinstance(err, IndexError):
        return Problem(
            "An index ran past the end of an array. The vectorized layer needs no indexing and "
            "no loop: one matrix product of the whole batch with W.",
            "np.matmul(A_in, W) + B, then g of that.",
        )
    return None


BATCH = Exercise(
    name="my_dense",
    batch=True,
    first_step=Problem(
        "Step 1 is one matrix product for the whole batch, with no loop: the batch's rows are "
        "the examples and W's columns are the units, so a single product gives every unit's z "
        "for every example. Then add the bias row to every example's row, and apply g to the "
        "whole result.",
        "np.matmul(A_in, W) (or A_in @ W) has one row per example and one column per unit; "
        "B has shape (1, j) and is added to every row; return g of the sum.",
    ),
    product="the matrix product",
    steps=(_product, _more_inputs, bias, activation, default_activation, vectorized),
    errors=_errors,
)
