"""Call a learner's layer the way the lab does, and turn what comes back into numbers or a message.

Nothing the learner's code does can break the check: it gets fresh copies of the inputs, a call
that raises or never returns becomes a sentence, and so does an output that is None, not
numbers, ragged, infinite or of the wrong shape.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import numpy as np

Layer = Callable[..., Any]
Outcome = tuple[Any, str | None]  # the output as floats, or a message saying what went wrong
TIMEOUT = 5.0  # seconds a learner's function may take on the checks' tiny inputs


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


def call(fn: Layer, args: tuple[Any, ...]) -> tuple[Any, BaseException | None, bool]:
    """fn(*args) in a thread: (its result, what it raised, whether it finished in time)."""
    box: dict[str, Any] = {}

    def target() -> None:
        try:
            box["out"] = fn(*args)
        except BaseException as err:  # handed back to the checks, which explain it
            box["err"] = err

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join(TIMEOUT)
    return box.get("out"), box.get("err"), not thread.is_alive()


class Diagnosis:
    """Run one learner function on the cases, the way the learner's version would be called."""

    def __init__(self, fn: Layer, batch: bool, first_step: str) -> None:
        self.fn, self.batch, self.first_step = fn, batch, first_step
        self.name = getattr(fn, "__name__", "your function")
        self.rtol = 1e-12  # loosened to the precision of what the learner returns
        self.dtype = np.dtype(float)

    def inputs(self, x: np.ndarray) -> np.ndarray:
        return np.stack([x, 2 * x]) if self.batch else x.copy()  # (2, n) or (n,)

    def expected(self, x: np.ndarray, W: np.ndarray, b: np.ndarray, g: Layer) -> Any:
        return g(self.inputs(x) @ W + b)  # (2, j) or (j,)

    def same(self, out: Any, want: Any) -> bool:
        return bool(np.allclose(out, want, rtol=self.rtol, atol=self.rtol))

    def run(self, x: np.ndarray, W: np.ndarray, b: np.ndarray, g: Layer | None) -> Outcome:
        """The output as floats, or a message saying why there is none to compare."""
        bias = b[np.newaxis, :].copy() if self.batch else b.copy()  # (1, j) or (j,)
        args = (self.inputs(x), W.copy(), bias) + (() if g is None else (g,))
        out, err, finished = call(self.fn, args)
        if not finished:
            return None, (
                f"{self.name} did not return within {TIMEOUT:g} seconds on a 2-unit layer: "
                "look for a loop that never ends."
            )
        if isinstance(err, NotImplementedError):
            return None, f"{self.name} is not written yet: {self.first_step}"
        if err is not None:
            return None, f"{self.name} raised {type(err).__name__}: {err}"
        want = (2, W.shape[1]) if self.batch else (W.shape[1],)
        return self.read(out, want)

    def read(self, out: Any, want: tuple[int, ...]) -> Outcome:
        """What the learner returned, checked for being numbers of the right shape."""
        if out is None:
            return None, f"{self.name} returned None: did you forget the `return` line?"
        try:
            arr = np.asarray(out)
        except (ValueError, TypeError):
            return None, f"{self.name} returned a ragged list; return one array of shape {want}."
        if arr.dtype.kind not in "biuf":
            kind = "complex numbers" if arr.dtype.kind == "c" else f"{arr.dtype} values"
            return (
                None,
                f"{self.name} returned {kind}; return an array of real numbers of shape {want}.",
            )
        if arr.shape != want:
            why = self.why(arr.shape, want)
            return None, f"Check the output shape: expected {want}, got {arr.shape}: {why}."
        if not np.all(np.isfinite(arr)):
            bad = int(np.sum(~np.isfinite(arr)))
            return None, (
                f"{self.name} returned inf or nan in {bad} of {arr.size} entries; every entry "
                "should be a finite number."
            )
        self.dtype = arr.dtype
        if arr.dtype.kind == "f":
            self.rtol = max(1e-12, 16 * float(np.finfo(arr.dtype).eps))
        return arr.astype(float), None

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
