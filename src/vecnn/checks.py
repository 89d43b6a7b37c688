"""Checks for the lab: run a learner's layer on small integer cases and say which step is wrong.

Each check feeds exact integer inputs with simple activations, so a right answer is exact and a
wrong one can be traced to the step that made it: the dot product, a transposed W, a skipped
unit, the bias, the activation, or the output's shape.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from vecnn.activations import sigmoid

Layer = Callable[..., Any]


def linear(z: Any) -> Any:
    """g(z) = z: the activation the checks use to see z itself."""
    return z


def double(z: Any) -> Any:
    """g(z) = 2z: an activation that is easy to tell apart from 'no activation'."""
    return 2 * z


# A square W, so that a transposed W still runs and can be recognised: x @ W != x @ W.T.
SQUARE = {"x": np.array([1, 2]), "W": np.array([[1, 2], [3, 4]])}  # (2,), (2, 2)
# The course lab's case: four inputs, two units, every row of W is [1, 2].
LAB = {"x": np.array([1, 2, 3, 4]), "W": np.array([[1, 2]] * 4)}  # (4,), (4, 2)
BIAS = np.array([10, -10])  # (2,)


def values(x: Any) -> Any:
    """Nested lists for a message: whole numbers as ints, others to 4 decimals."""
    arr = np.asarray(x, dtype=float)
    if np.all(arr == np.round(arr)):
        return arr.astype(int).tolist()
    return np.round(arr, 4).tolist()


class Diagnosis:
    """Run one learner function on the cases, the way the learner's version would be called."""

    def __init__(self, fn: Layer, batch: bool) -> None:
        self.fn, self.batch = fn, batch
        self.name = getattr(fn, "__name__", "your function")

    def call(self, x: np.ndarray, W: np.ndarray, b: np.ndarray, g: Layer | None) -> Any:
        """Call fn on one example (dense_loop) or on a batch of two examples (dense)."""
        A_in = np.stack([x, 2 * x]) if self.batch else x  # (2, n) or (n,)
        bias = b[np.newaxis, :] if self.batch else b  # (1, j) or (j,)
        return self.fn(A_in, W, bias) if g is None else self.fn(A_in, W, bias, g)

    def expected(self, x: np.ndarray, W: np.ndarray, b: np.ndarray, g: Layer) -> Any:
        A_in = np.stack([x, 2 * x]) if self.batch else x  # (2, n) or (n,)
        return g(A_in @ W + b)  # (2, j) or (j,)

    def run(
        self, x: np.ndarray, W: np.ndarray, b: np.ndarray, g: Layer | None
    ) -> tuple[Any, str | None]:
        """The output, or a message if the call raised or returned the wrong shape."""
        try:
            out = self.call(x, W, b, g)
        except Exception as err:  # any error is something to explain to the learner
            return None, f"{self.name} raised {type(err).__name__}: {err}"
        want = (2, W.shape[1]) if self.batch else (W.shape[1],)
        got = np.shape(out)
        if got != want:
            if got == want[::-1]:
                why = "it is transposed: one row per unit instead of one row per example"
            elif len(got) == 2 and got[1] == 1:
                why = "it is a column; return one row per example, one column per unit"
            elif len(got) == 1 and self.batch:
                why = "it is 1-D; keep the batch 2-D, one row per example"
            elif got == (W.shape[1] - 1,) or (len(got) == 2 and got[-1] == W.shape[1] - 1):
                why = "one unit is missing: loop over range(W.shape[1]), every unit"
            else:
                why = "there should be one value per unit" + (
                    " for each example" if self.batch else ""
                )
            return None, f"Check the output shape: expected {want}, got {got}: {why}."
        return np.asarray(out, dtype=float), None

    def first_problem(self) -> str | None:
        sq_x, sq_W = SQUARE["x"], SQUARE["W"]
        zero = np.zeros(2, dtype=int)

        # 1. The dot product, with no bias and no activation: z itself.
        out, problem = self.run(sq_x, sq_W, zero, linear)
        if problem:
            return problem
        want = self.expected(sq_x, sq_W, zero, linear)
        if not np.array_equal(out, want):
            if np.allclose(out, sigmoid(want)):
                return (
                    f"Use the g that was passed in: called with g(z) = z, {self.name} returned "
                    f"{values(out)}, the sigmoid of the right z {values(want)}. Apply g(z), "
                    "not a fixed sigmoid."
                )
            if self.batch and np.array_equal(out, want.T):
                return (
                    f"The output is transposed: for x = {sq_x.tolist()} and W = {sq_W.tolist()} it "
                    f"should be {values(want)}, one row per example, but you got {values(out)}, "
                    "one row per unit."
                )
            if np.array_equal(out, self.expected(sq_x, sq_W.T, zero, linear)):
                return (
                    f"W is used transposed: for x = {sq_x.tolist()} and W = {sq_W.tolist()} you got "
                    f"{values(out)}, which is x @ W.T. Unit j's weights are column j of W, W[:, j], "
                    "not row j."
                )
            if np.array_equal(out[..., :-1], want[..., :-1]) and not np.array_equal(
                out[..., -1], want[..., -1]
            ):
                return (
                    f"The last unit is skipped: for x = {sq_x.tolist()} and W = {sq_W.tolist()} the "
                    f"output should be {values(want)}, but you got {values(out)}. Loop over "
                    "range(W.shape[1]) so every unit is computed."
                )
            return (
                f"Check the dot product: for x = {sq_x.tolist()} and W = {sq_W.tolist()}, with no "
                f"bias and g(z) = z, the output should be {values(want)}, but you got "
                f"{values(out)}. Unit j's z is np.dot(W[:, j], x)."
            )
        out, problem = self.run(LAB["x"], LAB["W"], zero, linear)
        want = self.expected(LAB["x"], LAB["W"], zero, linear)
        if problem or not np.array_equal(out, want):
            return problem or (
                f"Check the dot product: for x = {LAB['x'].tolist()} and every row of W = [1, 2], "
                f"the output should be {values(want)}, but you got {values(out)}."
            )

        # 2. The bias.
        out, problem = self.run(sq_x, sq_W, BIAS, linear)
        want = self.expected(sq_x, sq_W, BIAS, linear)
        if problem or not np.array_equal(out, want):
            if out is not None and np.array_equal(out, self.expected(sq_x, sq_W, zero, linear)):
                detail = "no bias was added"
            else:
                detail = f"you got {values(out) if out is not None else problem}"
            return (
                f"Check the bias term: with b = {BIAS.tolist()} the output should be "
                f"{values(want)}, but {detail}. Add b[j] to unit j's z."
            )

        # 3. The activation.
        out, problem = self.run(sq_x, sq_W, BIAS, double)
        want = self.expected(sq_x, sq_W, BIAS, double)
        if problem or not np.array_equal(out, want):
            z = self.expected(sq_x, sq_W, BIAS, linear)
            if out is not None and np.array_equal(out, z):
                detail = "you returned z itself; return g(z) instead"
            elif out is not None and np.allclose(out, sigmoid(z)):
                detail = "you applied sigmoid. Apply the g that was passed in, not a fixed function"
            else:
                detail = f"you got {values(out) if out is not None else problem}. Apply g to each z"
            return (
                f"Apply the activation function: with g(z) = 2z the output should be "
                f"{values(want)}, but {detail}."
            )
        out, problem = self.run(sq_x, sq_W, BIAS, None)
        want = self.expected(sq_x, sq_W, BIAS, sigmoid)
        if problem or not np.allclose(out, want, rtol=0, atol=1e-12):
            return (
                "Use sigmoid as the default activation: called without g, the output should be "
                f"{values(want)}, but you got "
                f"{values(out) if out is not None else problem}."
            )
        return None


def diagnose_dense_loop(fn: Layer) -> str | None:
    """The first thing wrong with a learner's dense_loop(a_in, W, b, g), or None."""
    return Diagnosis(fn, batch=False).first_problem()


def diagnose_dense(fn: Layer) -> str | None:
    """The first thing wrong with a learner's vectorized dense(A_in, W, B, g), or None."""
    return Diagnosis(fn, batch=True).first_problem()


def check_dense_loop(fn: Layer) -> None:
    """Raise AssertionError naming the first wrong step of fn, or print that every check passed."""
    report(diagnose_dense_loop(fn), "the dot product")


def check_dense(fn: Layer) -> None:
    """Raise AssertionError naming the first wrong step of fn, or print that every check passed."""
    report(diagnose_dense(fn), "the matrix product")


def report(problem: str | None, product: str) -> None:
    assert problem is None, problem
    print(f"All checks passed: {product}, the bias, the activation and the shape are right.")


# The shape quiz: predict each shape for A_in (5, 3), W (3, 4), B (1, 4), x (3,).
QUIZ = {
    "A_in @ W": "rows of A_in (examples) by columns of W (units)",
    "A_in @ W + B": "B's single row is added to every row",
    "x @ W": "a 1-D vector times a matrix gives a 1-D vector, one value per unit",
    "W.T": "a transpose swaps the two dimensions",
    "x.T": "a 1-D array has nothing to swap: .T does nothing",
    "W[:, 0]": "one column of W: the weights of unit 0, one per input",
    "A_in[0]": "one row of A_in: the first example's inputs",
}


def quiz_shapes() -> dict[str, tuple[int, ...]]:
    """The quiz's answers, computed by evaluating each expression on arrays of those shapes."""
    names = {
        "np": np,
        "A_in": np.ones((5, 3)),  # (m, n)
        "W": np.ones((3, 4)),  # (n, j)
        "B": np.ones((1, 4)),  # (1, j)
        "x": np.ones(3),  # (n,)
    }
    return {expr: np.shape(eval(expr, names)) for expr in QUIZ}  # our own strings, not input


def check_shapes(answers: dict[str, tuple[int, ...]]) -> None:
    """Compare predicted shapes with the real ones; explain each wrong one."""
    real = quiz_shapes()
    missing = [expr for expr in real if expr not in answers]
    wrong = [
        f"  {expr}: you said {answers[expr]}, it is {shape}: {QUIZ[expr]}."
        for expr, shape in real.items()
        if expr in answers and tuple(answers[expr]) != shape
    ]
    assert not missing, f"Predict these shapes too: {', '.join(missing)}"
    assert not wrong, "Not quite:\n" + "\n".join(wrong)
    print(f"All {len(real)} shapes right.")
