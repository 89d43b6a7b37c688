"""A learner's function tried at an exercise, and what each call of it gave back.

A Trial holds the function and its exercise. `read` turns what a call returned (a learner.Run)
into floats to compare with the right output or, where there is nothing to compare (the function
raised, never returned, or returned None, text or the wrong shape), into the Problem to report.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from vecnn import learner
from vecnn.exercise import Exercise, Problem
from vecnn.learner import Layer, Run, name_of, said


@dataclass(frozen=True)
class Reading:
    """What the learner returned, as floats to compare, or the problem that stops the check."""

    values: Any = None  # float array of the expected shape
    problem: Problem | None = None
    rtol: float = 1e-12  # the precision of what was returned
    integers: bool = False  # returned an integer array


class Trial:
    """A learner's function, tried on the cases of one exercise."""

    def __init__(self, exercise: Exercise, fn: Layer) -> None:
        self.exercise, self.fn, self.name = exercise, fn, name_of(fn)

    def read(self, run: Run, want: tuple[int, ...]) -> Reading:
        """What run returned, checked for being finite numbers of shape `want`."""
        if (problem := self._failed(run)) is not None:
            return Reading(problem=problem)
        arr = np.asarray(run.array)  # read in the learner's thread already: a plain array
        if (junk := self._junk(run.out, arr, want)) is not None:
            return Reading(problem=_same(junk))
        kind = arr.dtype.kind
        rtol = max(1e-12, 16 * float(np.finfo(arr.dtype).eps)) if kind == "f" else 1e-12
        return Reading(arr.astype(float), None, rtol, kind in "biu")

    def _junk(self, out: Any, arr: np.ndarray, want: tuple[int, ...]) -> str | None:
        """What keeps the returned array from being compared, or None."""
        kind = arr.dtype.kind
        if out is None:
            return f"{self.name} returned None: did you forget the `return` line?"
        if kind not in "biuf":
            what = {"c": "complex numbers", "U": "text", "S": "text"}.get(kind, "something else")
            return (
                f"{self.name} returned {what} ({type(out).__name__}); return a NumPy array of "
                f"real numbers of shape {want}."
            )
        if arr.shape != want:
            return (
                f"Check the output's shape: it should be {want}, but it is {arr.shape}: "
                f"{self._why(arr.shape, want)}."
            )
        if not np.all(np.isfinite(arr)):
            return (
                f"{self.name} returned inf or nan in {int(np.sum(~np.isfinite(arr)))} of "
                f"{arr.size} entries on small whole numbers; every entry should be finite."
            )
        return None

    def _failed(self, run: Run) -> Problem | None:
        """Why there is nothing to read: the call never returned, raised, or returned junk."""
        if not run.finished:
            return self._never_returned(run.stopped)
        if isinstance(run.error, NotImplementedError):
            first = self.exercise.first_step
            return Problem(f"{self.name} is not written yet. {first.message}", first.hint)
        if run.error is not None:
            return self._raised(run.error)
        if run.unreadable is not None:
            return _same(
                f"{self.name} returned a {type(run.out).__name__} that NumPy cannot read as an "
                f"array ({said(run.unreadable)}). Return a NumPy array: compute with NumPy "
                "functions, or turn the result into one (a tensor: .detach().numpy())."
            )
        return None

    def _raised(self, err: BaseException) -> Problem:
        known = self.exercise.errors(err)
        if known is not None:
            return Problem(f"{known.message} (Python said: {said(err)})", known.hint)
        if isinstance(err, TypeError) and "argument" in str(err):
            return Problem(
                f"{self.name} was called the way the lab calls it and did not accept its "
                f"arguments: keep the signature the exercise gives. (Python said: {said(err)})",
                "Copy the def line from the exercise cell as it is, defaults included.",
            )
        if isinstance(err, NameError):
            return Problem(
                f"{self.name} uses a name that is not defined: a typo, or a variable from "
                f"another cell. Use only the function's own arguments. (Python said: {said(err)})",
                "Compare each name in the function with its arguments, letter by letter.",
            )
        return Problem(
            f"{self.name} stopped with an error before returning. Run it yourself on the "
            f"lecture's layer to see which line. (Python said: {said(err)})",
            "Print the shape of every array right before the line that fails: the shapes "
            "usually show what does not fit.",
        )

    def _never_returned(self, stopped: bool) -> Problem:
        sizes = "on the checks' tiny arrays"
        if stopped:
            return _same(
                f"{self.name} did not return within {learner.TIMEOUT:g} seconds {sizes}, so the check "
                "stopped it: look for a loop that never ends (a while loop whose condition "
                "never changes)."
            )
        return _same(
            f"{self.name} did not return within {learner.TIMEOUT:g} seconds {sizes}: look for a loop "
            "that never ends. The kernel is still running it in the background and will until "
            "you stop it: use Kernel > Interrupt (the stop button), or Kernel > Restart."
        )

    def _why(self, got: tuple[int, ...], want: tuple[int, ...]) -> str:
        """What a wrong output shape says about the code that made it."""
        batch = self.exercise.batch
        if got == want[::-1]:
            return "it is transposed, one row per unit instead of one row per example"
        if len(got) == 2 and got[1] == 1 and not batch:
            return "it is a column; return a 1-D array, one value per unit"
        if len(got) == 1 and batch:
            return "it is 1-D; keep the batch 2-D, one row per example"
        if got[-1:] == (want[-1] - 1,):
            return "one unit is missing; compute every unit, one per column of W"
        if len(got) == len(want) + 1:
            return "it has one dimension too many; return one array, not a list of arrays"
        if batch:
            return "there should be one row per example and one column per unit"
        return "there should be one value per unit, one per column of W"


def _same(message: str) -> Problem:
    """A problem whose message is already as concrete as a hint would be: it has none."""
    return Problem(message, "")
