"""Checks for the lab: run a learner's layer on small integer cases and say which step is wrong.

Each check feeds exact integer inputs with simple activations, so a right answer is exact and a
wrong one can be traced to the step that made it. The steps are tried in the order the layer
computes: the dot product, the bias, the activation, and the output's shape at every step.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from vecnn.activations import sigmoid
from vecnn.learner import Diagnosis, Layer, double, linear, values
from vecnn.quiz import check_shapes, quiz_shapes

__all__ = [
    "check_dense",
    "check_dense_loop",
    "check_shapes",
    "diagnose_dense",
    "diagnose_dense_loop",
    "done",
    "quiz_shapes",
]


# A square W, so that a transposed W still runs and can be recognised: x @ W != x @ W.T.
X, W = np.array([1, 2]), np.array([[1, 2], [3, 4]])  # (2,), (2, 2)
# The course lab's case: four inputs, two units, every row of W is [1, 2].
LAB_X, LAB_W = np.array([1, 2, 3, 4]), np.array([[1, 2]] * 4)  # (4,), (4, 2)
BIAS, ZERO = np.array([10, -10]), np.array([0, 0])  # (2,), (2,)
CASE = f"for x = {X.tolist()} and W = {W.tolist()}"
for case in (X, W, LAB_X, LAB_W, BIAS, ZERO):
    case.setflags(write=False)  # the learner's function only ever gets copies


def got(out: Any, problem: str | None) -> Any:
    """What to quote back to the learner: their output, or why there was none."""
    return values(out) if out is not None else problem


def dot_product(d: Diagnosis) -> str | None:
    """With no bias and g(z) = z the output is z itself: the dot products alone."""
    out, problem = d.run(X, W, ZERO, linear)
    want = d.expected(X, W, ZERO, linear)
    if problem or d.same(out, want):
        return problem
    if np.allclose(out, sigmoid(want)):
        return (
            f"Use the g that was passed in: called with g(z) = z, {d.name} returned {values(out)}, "
            f"the sigmoid of the right z {values(want)}. Apply g(z), not a fixed sigmoid."
        )
    if d.batch and d.same(out, want.T):
        return (
            f"The output is transposed: {CASE} it should be {values(want)}, one row per example, "
            f"but you got {values(out)}, one row per unit."
        )
    if d.same(out, d.expected(X, W.T, ZERO, linear)):
        return (
            f"W is used transposed: {CASE} you got {values(out)}, which is x @ W.T. "
            "Unit j's weights are column j of W, W[:, j], not row j."
        )
    if d.same(out[..., :-1], want[..., :-1]):
        return (
            f"The last unit is skipped: {CASE} the output should be {values(want)}, but you got "
            f"{values(out)}. Loop over range(W.shape[1]) so every unit is computed."
        )
    return (
        f"Check the dot product: {CASE}, with no bias and g(z) = z, the output should be "
        f"{values(want)}, but you got {values(out)}. Unit j's z is np.dot(W[:, j], x)."
    )


def more_inputs(d: Diagnosis) -> str | None:
    """The course lab's case: four inputs instead of two."""
    out, problem = d.run(LAB_X, LAB_W, ZERO, linear)
    want = d.expected(LAB_X, LAB_W, ZERO, linear)
    if problem or d.same(out, want):
        return problem
    return (
        f"Check the dot product: for x = {LAB_X.tolist()} and every row of W = [1, 2], the output "
        f"should be {values(want)}, but you got {values(out)}."
    )


def bias(d: Diagnosis) -> str | None:
    out, problem = d.run(X, W, BIAS, linear)
    want = d.expected(X, W, BIAS, linear)
    if not problem and d.same(out, want):
        return None
    if out is not None and d.same(out, d.expected(X, W, ZERO, linear)):
        detail = "no bias was added"
    else:
        detail = f"you got {got(out, problem)}"
    return (
        f"Check the bias term: with b = {BIAS.tolist()} the output should be {values(want)}, "
        f"but {detail}. Add b[j] to unit j's z."
    )


def activation(d: Diagnosis) -> str | None:
    out, problem = d.run(X, W, BIAS, double)
    want = d.expected(X, W, BIAS, double)
    if not problem and d.same(out, want):
        return None
    z = d.expected(X, W, BIAS, linear)
    if out is not None and d.same(out, z):
        detail = "you returned z itself; return g(z) instead"
    elif out is not None and np.allclose(out, sigmoid(z)):
        detail = "you applied sigmoid. Apply the g that was passed in, not a fixed function"
    else:
        detail = f"you got {got(out, problem)}. Apply g to each z"
    return f"Apply the activation function: with g(z) = 2z the output should be {values(want)}, but {detail}."


def default_activation(d: Diagnosis) -> str | None:
    out, problem = d.run(X, W, BIAS, None)
    want = d.expected(X, W, BIAS, sigmoid)
    if not problem and np.allclose(out, want, rtol=0, atol=max(d.rtol, 1e-12)):
        return None
    if out is not None and d.dtype.kind in "biu":
        return (
            f"{d.name} returned {d.dtype} numbers, so the sigmoid's {values(want)} were cut to "
            f"{values(out)}: make the output array floats, e.g. np.zeros(units), not integers."
        )
    return (
        "Use sigmoid as the default activation: called without g, the output should be "
        f"{values(want)}, but you got {got(out, problem)}."
    )


STEPS = (dot_product, more_inputs, bias, activation, default_activation)
FIRST_STEPS = {
    False: "replace the `raise NotImplementedError` line with a loop over the units, "
    "for j in range(W.shape[1]), that computes each unit's z = np.dot(W[:, j], a_in) + b[j].",
    True: "replace the `raise NotImplementedError` line with one matrix product, "
    "Z = np.matmul(A_in, W) + B, then return g(Z).",
}


def first_problem(fn: Layer, batch: bool) -> str | None:
    """The first step that fn gets wrong, in the order the layer computes; None if none."""
    d = Diagnosis(fn, batch, FIRST_STEPS[batch])
    return next((problem for step in STEPS if (problem := step(d))), None)


def diagnose_dense_loop(fn: Layer) -> str | None:
    """The first thing wrong with a learner's dense_loop(a_in, W, b, g), or None."""
    return first_problem(fn, batch=False)


def diagnose_dense(fn: Layer) -> str | None:
    """The first thing wrong with a learner's vectorized dense(A_in, W, B, g), or None."""
    return first_problem(fn, batch=True)


def check_dense_loop(fn: Layer) -> None:
    """Print the first wrong step of fn in one sentence, or that every check passed."""
    report(diagnose_dense_loop(fn), "the dot product")


def check_dense(fn: Layer) -> None:
    """Print the first wrong step of fn in one sentence, or that every check passed."""
    report(diagnose_dense(fn), "the matrix product")


def report(problem: str | None, product: str) -> None:
    """Print the verdict. Never raises: in a notebook, a sentence reads better than a traceback."""
    if problem:
        print(f"Not yet. {problem}")
    else:
        print(f"All checks passed: {product}, the bias, the activation and the shape are right.")


def done(dense_loop_fn: Layer, dense_fn: Layer) -> bool:
    """Whether both of the lab's layers pass their checks; if not, say which comes first."""
    for exercise, fn, problem in [
        (1, dense_loop_fn, diagnose_dense_loop(dense_loop_fn)),
        (2, dense_fn, diagnose_dense(dense_fn)),
    ]:
        if problem:
            name = getattr(fn, "__name__", "your function")
            print(
                f"This cell uses {name}, which does not pass its check yet: finish exercise {exercise} first."
            )
            return False
    return True
