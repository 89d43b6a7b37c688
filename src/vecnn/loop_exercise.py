"""Exercise 1, the loop over units: my_dense_loop(a_in, W, b, g), one example at a time."""

from __future__ import annotations

import numpy as np

from vecnn.activations import sigmoid
from vecnn.cases import LAB_A, LAB_W, ZERO, A, Probe, W, case, close, expected, linear, run, same
from vecnn.exercise import Exercise, Problem
from vecnn.layer_steps import activation, bias, default_activation
from vecnn.learner import quote
from vecnn.trial import Trial

ONE_NUMBER = "Unit j's z should be one number"


def _units(t: Trial) -> Problem | None:
    """With no bias and g(z) = z, the output is each unit's dot product alone."""
    g = Probe()
    reading, _ = run(t, A, W, ZERO, g)
    x, want = A[0], expected(t, A, W, ZERO, linear)  # (n,), (j,)
    if same(reading, want):
        return None
    if (problem := _z_not_a_number(g)) or reading.problem:
        return problem or reading.problem
    got = f"{case(t)} the output should be {quote(want)}, but it is {quote(reading.values)}"
    if same(reading, sigmoid(want)):
        return Problem(
            f"Use the g that was passed in: called with g(z) = z, {got}, the sigmoid of the right "
            "values. Apply the g argument, not a fixed sigmoid.",
            "Call g(z) inside the loop; g=sigmoid in the signature already makes the sigmoid the default.",
        )
    if same(reading, x @ W.T):
        return Problem(
            f"Unit j's weights are read from a row of W instead of a column: {got}. W has one "
            "column per unit and one row per input, so take column j.",
            "W[:, j] is column j: every row, column j. W[j] or W[j, :] is row j.",
        )
    if close(reading.values[:-1], want[:-1], reading.rtol):
        return Problem(
            f"The last unit is skipped: {got}. The loop stops one unit early; it should run "
            "once for every unit, as many times as W has columns.",
            "range(W.shape[1]) counts every unit: 0, 1, ..., W.shape[1] - 1.",
        )
    return Problem(
        f"Check the dot product: with no bias and g(z) = z, {got}. Unit j's z is the dot "
        "product of unit j's weights (column j of W) with a_in: multiply them pair by pair and "
        "add the products up.",
        "np.dot(W[:, j], a_in) is one number: unit j's weighted sum.",
    )


def _z_not_a_number(g: Probe) -> Problem | None:
    """The learner's z for a unit, seen by g: an array where one number belongs says which."""
    arrays = [z for z in g.calls if z is not None and z.size > 1]
    if not arrays:
        return None
    z, x = arrays[0], A[0]
    says = f"{ONE_NUMBER}, but g got {quote(z)}"
    if np.array_equal(z, x @ W.T):
        return Problem(
            f"{says}, one number per unit: the whole W was multiplied by a_in (that is np.dot(W, "
            "a_in)). Take only unit j's weights, the j-th column of W, and dot that with a_in.",
            "Unit j's weights are W[:, j]; np.dot(W[:, j], a_in) is one number.",
        )
    if np.array_equal(z, x @ W):
        return Problem(
            f"{says}: every unit's z at once. Inside the loop, compute only unit j's: its own "
            "column of W dotted with a_in, plus its own bias.",
            "Unit j's z is np.dot(W[:, j], a_in) + b[j]; the loop fills a_out[j] with g of it.",
        )
    if any(np.array_equal(z, W[:, j] * x) for j in range(W.shape[1])):
        return Problem(
            f"{says}: each weight times its input, not yet added up. A dot product multiplies "
            "the pairs and adds the products: one number.",
            "np.dot(w, a_in) multiplies and sums; w * a_in only multiplies. np.sum(w * a_in) works too.",
        )
    if any(np.array_equal(z, x @ W[:, j] + ZERO) for j in range(W.shape[1])):
        return Problem(
            f"{says}, as many numbers as b has: all of b was added to unit j's z, not unit j's "
            "own bias.",
            "b[j] is unit j's bias, one number.",
        )
    return Problem(
        f"{says}, an array of shape {z.shape}. Work out one unit at a time: its column of W, "
        "dotted with a_in, plus its one bias.",
        "Print the shape of each piece of z inside the loop: each should be a number, shape ().",
    )


def _more_inputs(t: Trial) -> Problem | None:
    """The course lab's case: four inputs and two units, so inputs and units differ in number."""
    reading, done = run(t, LAB_A, LAB_W, ZERO, linear)
    if isinstance(done.error, IndexError):
        return Problem(
            "The loop runs once per input instead of once per unit: with 4 inputs and 2 units it "
            "went past the last unit. W has one row per input and one column per unit; loop over "
            "its columns.",
            "W.shape is (inputs, units): W.shape[1] is the number of units.",
        )
    if reading.problem or same(reading, want := expected(t, LAB_A, LAB_W, ZERO, linear)):
        return reading.problem
    return Problem(
        f"Check the dot product with more inputs: for a_in = {quote(LAB_A[0])} and every row of "
        f"W = [1, 2], the output should be {quote(want)}, but it is {quote(reading.values)}. "
        "Each unit's weighted sum runs over all of a_in's inputs.",
        "np.dot(W[:, j], a_in) uses every input; no slicing of a_in is needed.",
    )


def _errors(err: BaseException) -> Problem | None:
    text = str(err)
    if "setting an array element with a sequence" in text:
        return Problem(
            f"{ONE_NUMBER}, but a whole array was stored in one entry of the output. Dot unit j's "
            "column of W with a_in and add unit j's own bias.",
            "np.dot(W[:, j], a_in) + b[j] is one number; np.dot(W, a_in) or b alone are arrays.",
        )
    if "not aligned" in text or "mismatch" in text:
        return Problem(
            "The dot product got two vectors of different lengths. Unit j's weights are column j "
            "of W, one weight per input, as long as a_in; a row of W has one entry per unit.",
            "W[:, j] has W.shape[0] entries, one per input, like a_in.",
        )
    return None


LOOP = Exercise(
    name="my_dense_loop",
    batch=False,
    first_step=Problem(
        "Step 1 is a loop over the layer's units. For each unit, take its weights (one column "
        "of W), multiply them with the input pair by pair and add the products up, add that "
        "unit's bias, apply g, and keep the result: one number per unit.",
        "Start with an array of zeros, one entry per unit (W.shape[1] of them). In the loop, "
        "unit j's weights are W[:, j]; np.dot gives their weighted sum; b[j] is its bias; store "
        "g of the sum in entry j, then return the array after the loop.",
    ),
    product="the dot product",
    steps=(_units, _more_inputs, bias, activation, default_activation),
    errors=_errors,
)
