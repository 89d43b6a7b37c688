"""Call a learner's layer the way the lab does, and turn what comes back into numbers or a message."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

Layer = Callable[..., Any]
Outcome = tuple[Any, str | None]  # the output as floats, or a message saying what went wrong


def linear(z: Any) -> Any:
    """g(z) = z: the activation the checks use to see z itself."""
    return z


def double(z: Any) -> Any:
    """g(z) = 2z: an activation that is easy to tell apart from 'no activation'."""
    return 2 * z


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

    def inputs(self, x: np.ndarray) -> np.ndarray:
        return np.stack([x, 2 * x]) if self.batch else x  # (2, n) or (n,)

    def expected(self, x: np.ndarray, W: np.ndarray, b: np.ndarray, g: Layer) -> Any:
        return g(self.inputs(x) @ W + b)  # (2, j) or (j,)

    def run(self, x: np.ndarray, W: np.ndarray, b: np.ndarray, g: Layer | None) -> Outcome:
        """The output, or a message if the call raised or returned the wrong shape."""
        bias = b[np.newaxis, :] if self.batch else b  # (1, j) or (j,)
        args = (self.inputs(x), W, bias) if g is None else (self.inputs(x), W, bias, g)
        try:
            out = self.fn(*args)
        except Exception as err:  # any error is something to explain to the learner
            return None, f"{self.name} raised {type(err).__name__}: {err}"
        want = (2, W.shape[1]) if self.batch else (W.shape[1],)
        got = np.shape(out)
        if got != want:
            return (
                None,
                f"Check the output shape: expected {want}, got {got}: {self.why(got, want)}.",
            )
        return np.asarray(out, dtype=float), None

    def why(self, got: tuple[int, ...], want: tuple[int, ...]) -> str:
        """What a wrong output shape says about the code that made it."""
        if got == want[::-1]:
            return "it is transposed: one row per unit instead of one row per example"
        if len(got) == 2 and got[1] == 1:
            return "it is a column; return one row per example, one column per unit"
        if len(got) == 1 and self.batch:
            return "it is 1-D; keep the batch 2-D, one row per example"
        if got[-1:] == (want[-1] - 1,):
            return "one unit is missing: loop over range(W.shape[1]), every unit"
        return "there should be one value per unit" + (" for each example" if self.batch else "")
