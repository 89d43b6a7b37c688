"""The small whole-number cases the layer checks run, and how a learner's layer is called on them.

With whole numbers and simple activations a right answer is exact, and a wrong one can be
recognised: each likely mistake gives its own numbers.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from vecnn.learner import Run, call, quote
from vecnn.trial import Reading, Trial

# A square W, so that a transposed W, or W before the batch, still runs and can be recognised.
A = np.array([[1, 2], [3, -1]])  # (m, n) = (2, 2)  two examples, one per row
W = np.array([[1, 2], [3, 4]])  # (n, j) = (2, 2)  one column per unit
# The course lab's case: four inputs, two units, every row of W is [1, 2].
LAB_A = np.array([[1, 2, 3, 4], [-1, 0, 2, 1]])  # (2, 4)
LAB_W = np.array([[1, 2]] * 4)  # (4, 2)
BIAS, ZERO = np.array([10, -10]), np.array([0, 0])  # (j,), (j,)
for _array in (A, W, LAB_A, LAB_W, BIAS, ZERO):
    _array.setflags(write=False)  # the learner's function only ever gets copies


class Probe:
    """An activation that remembers what it was called with: g(z) = scale * z."""

    def __init__(self, scale: int = 1) -> None:
        self.scale = scale
        self.calls: list[np.ndarray | None] = []

    def __call__(self, z: Any) -> Any:
        try:
            self.calls.append(np.array(z, dtype=float))
        except Exception:
            self.calls.append(None)
        return z if self.scale == 1 else self.scale * z


def linear(z: Any) -> Any:
    """g(z) = z: the activation the checks use to see z itself."""
    return z


def double(z: Any) -> Any:
    """g(z) = 2z: an activation that is easy to tell apart from no activation."""
    return 2 * z


def inputs(t: Trial, A_in: np.ndarray) -> np.ndarray:
    """The batch itself, or its first example for the one-example exercise."""
    return A_in.copy() if t.exercise.batch else A_in[0].copy()  # (m, n) or (n,)


def expected(t: Trial, A_in: np.ndarray, W: np.ndarray, b: np.ndarray, g: Any) -> Any:
    """The layer's right output, computed here without the learner's code."""
    return g(inputs(t, A_in) @ W + b)  # (m, j) or (j,)


def run(
    t: Trial, A_in: np.ndarray, W: np.ndarray, b: np.ndarray, g: Any = None, trace: bool = False
) -> tuple[Reading, Run]:
    """Call the learner's layer as the lab does: B as a (1, j) row for a batch, b as (j,)."""
    bias = b[np.newaxis, :].copy() if t.exercise.batch else b.copy()  # (1, j) or (j,)
    args = (inputs(t, A_in), W.copy(), bias) + (() if g is None else (g,))
    done = call(t.fn, args, trace)
    want = (len(A_in), W.shape[1]) if t.exercise.batch else (W.shape[1],)
    return t.read(done, want), done


def same(reading: Reading, want: Any) -> bool:
    """Whether what the learner returned is `want`, to the precision of their dtype."""
    return close(reading.values, want, reading.rtol)


def close(got: Any, want: Any, rtol: float) -> bool:
    """Whether got is want, entry by entry, to a relative precision rtol; never warns."""
    if got is None or np.shape(got) != np.shape(want):
        return False
    with np.errstate(all="ignore"):
        return bool(np.allclose(got, want, rtol=rtol, atol=rtol))


def case(t: Trial) -> str:
    """The first case, as the message names it."""
    if t.exercise.batch:
        return f"for the batch A_in = {quote(A)} (two examples, one per row) and W = {quote(W)}"
    return f"for a_in = {quote(A[0])} and W = {quote(W)}"
