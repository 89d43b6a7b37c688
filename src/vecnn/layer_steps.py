"""The steps both layer exercises share: the bias, the activation, the default activation;
and, for the batch layer, that no Python loop is left."""

from __future__ import annotations

import numpy as np

from vecnn.activations import sigmoid
from vecnn.cases import BIAS, ZERO, A, W, close, double, expected, linear, run, same
from vecnn.exercise import Problem
from vecnn.learner import quote
from vecnn.trial import Trial


def bias(t: Trial) -> Problem | None:
    reading, _ = run(t, A, W, BIAS, linear)
    want = expected(t, A, W, BIAS, linear)
    if reading.problem or same(reading, want):
        return reading.problem
    given = f"B = {quote(BIAS[None, :])}" if t.exercise.batch else f"b = {quote(BIAS)}"
    got = f"with {given} the output should be {quote(want)}, but it is {quote(reading.values)}"
    if same(reading, expected(t, A, W, ZERO, linear)):
        where = "to every example's row of Z" if t.exercise.batch else "to unit j's z"
        return Problem(
            f"Check the bias: {got}, as if no bias was added. Add each unit's bias {where}.",
            "Z + B adds the row B to every row of Z." if t.exercise.batch else "z = ... + b[j].",
        )
    if t.exercise.batch and same(reading, A @ W + BIAS[:, None]):
        return Problem(
            f"Check the bias: {got}: the bias was added down the columns, one entry per example. "
            "B is one row with one entry per unit; it is added to every example's row as it is.",
            "B has shape (1, j): Z + B needs no transpose or reshape of B.",
        )
    return Problem(
        f"Check the bias: {got}. Each unit has one bias, added once to that unit's z"
        + (" in every example's row." if t.exercise.batch else "."),
        "Z + B, with B of shape (1, j)." if t.exercise.batch else "b[j] is unit j's bias.",
    )


def activation(t: Trial) -> Problem | None:
    reading, _ = run(t, A, W, BIAS, double)
    want = expected(t, A, W, BIAS, double)
    if reading.problem or same(reading, want):
        return reading.problem
    z = expected(t, A, W, BIAS, linear)
    got = f"with g(z) = 2z the output should be {quote(want)}, but it is {quote(reading.values)}"
    whole = "to the whole matrix Z at once" if t.exercise.batch else "to each unit's z"
    if same(reading, z):
        return Problem(
            f"Apply the activation: {got}, which is z itself. Return g applied {whole}.",
            "return g(Z)" if t.exercise.batch else "a_out[j] = g(z)",
        )
    if same(reading, sigmoid(z)):
        return Problem(
            f"Apply the g that was passed in: {got}, the sigmoid of z. Use the argument g, not a "
            "fixed sigmoid: the caller chooses the activation.",
            "g=sigmoid in the signature already makes the sigmoid the default.",
        )
    if same(reading, double(double(z))):
        return Problem(
            f"Apply the activation once: {got}, which is g applied twice.",
            "Compute z first, then apply g to it a single time.",
        )
    return Problem(
        f"Apply the activation: {got}. Compute z with the bias first, then apply g {whole}.",
        "g(Z) for the whole batch." if t.exercise.batch else "g(z) for each unit's z.",
    )


def default_activation(t: Trial) -> Problem | None:
    reading, _ = run(t, A, W, BIAS)
    want = expected(t, A, W, BIAS, sigmoid)
    if reading.problem or close(reading.values, want, max(reading.rtol, 1e-12)):
        return reading.problem
    got = f"without g the output should be {quote(want)}, but it is {quote(reading.values)}"
    if reading.integers:
        return Problem(
            f"{t.name} returned whole numbers: {got}. The sigmoid's values lie between 0 and 1, "
            "and an integer array cuts them to 0 or 1: make the output array hold floats.",
            "np.zeros(units) holds floats; np.zeros(units, dtype=int) would cut them.",
        )
    return Problem(
        f"Use the sigmoid as the default activation: {got}.",
        "Keep g=sigmoid in the function's signature, and use g inside.",
    )


def vectorized(t: Trial) -> Problem | None:
    """Python lines run for a bigger batch, more units or more inputs: a loop runs more."""
    rng = np.random.default_rng(0)
    base = _lines(t, 2, 2, 2, rng)
    for what, sizes in [("examples", (6, 2, 2)), ("units", (2, 2, 6)), ("inputs", (2, 6, 2))]:
        lines = _lines(t, *sizes, rng)
        if base is not None and lines is not None and lines > base:
            return Problem(
                f"{t.name} gives the right numbers, but it loops over the {what}: it ran {lines} "
                f"lines of Python for 6 {what} against {base} for 2. The point of this layer is "
                "one matrix product for the whole batch: NumPy then runs the loops in compiled "
                "code on the CPU's vector units, instead of paying Python's cost once per "
                f"{what[:-1]} (exercise 5 measures the difference). Replace the loop by one "
                "product of the whole batch with W.",
                "Z = np.matmul(A_in, W) + B computes every example and every unit at once; "
                "then apply g to Z once.",
            )
    return None


def _lines(t: Trial, m: int, n: int, j: int, rng: np.random.Generator) -> int | None:
    A_in, W_ = rng.integers(-3, 4, (m, n)), rng.integers(-3, 4, (n, j))  # (m, n), (n, j)
    _, done = run(t, A_in, W_, np.zeros(j, dtype=int), linear, trace=True)
    return done.lines if done.finished and done.error is None else None
