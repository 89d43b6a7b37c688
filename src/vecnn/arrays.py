"""Turn what a learner passes in into real-number arrays, or explain clearly what is wrong with it."""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

Array = NDArray[np.floating[Any]]


def as_numeric(name: str, x: ArrayLike) -> NDArray[Any]:
    """np.asarray(x) that refuses ragged lists, strings and objects with a message naming x."""
    try:
        arr = np.asarray(x)
    except ValueError as err:
        if "inhomogeneous" not in str(err):  # an object's own __array__ failed: keep its words
            raise ValueError(f"{name} could not be turned into an array: {err}") from err
        hint = (
            f"make every row of {name} as long as W has rows (one entry per input feature)"
            if name.lower() == "a_in"
            else f"make every row of {name} the same length"
        )
        raise ValueError(
            f"{name} is a ragged list: {_ragged(name, x)}, so it has no shape; expected every "
            f"row to have the same length, e.g. shape (m, n).\nHint: {hint}."
        ) from None
    except Exception as err:  # anything an __array__ or __len__ of the caller's object raised
        raise TypeError(f"{name} could not be turned into an array: {err}") from err
    if arr.dtype.kind not in "biuf":  # bool, int, unsigned int, float: not complex, str, object
        raise TypeError(
            f"{name} must hold real numbers, but it has dtype {arr.dtype} and shape {arr.shape}.\n"
            f"Hint: pass numbers only (no strings, None or complex numbers); "
            f"np.asarray({name}, dtype=float) names the first entry that is not a number."
        )
    return arr


def _ragged(name: str, x: Any) -> str:
    """Where a nested list stops being rectangular, e.g. 'A_in[1] has 1 entry where A_in[0] has 2'."""
    items = list(x)
    lengths = [len(item) if isinstance(item, list | tuple | np.ndarray) else None for item in items]
    if len(set(lengths)) > 1:
        k = next(i for i, n in enumerate(lengths) if n != lengths[0])
        say = {None: "is a number"} | {
            n: f"has {n} {'entry' if n == 1 else 'entries'}" for n in lengths if n is not None
        }
        return f"{name}[{k}] {say[lengths[k]]} where {name}[0] {say[lengths[0]]}"
    for i, item in enumerate(items):
        try:
            np.asarray(item)
        except ValueError:
            return _ragged(f"{name}[{i}]", item)
    return f"its {len(items)} entries do not stack"


def float_dtype(*arrays: NDArray[Any]) -> np.dtype[Any]:
    """The dtype a layer computes in: the inputs' common float type; float64 for integers."""
    dtype = np.result_type(*arrays)
    return dtype if np.issubdtype(dtype, np.floating) else np.dtype(np.float64)
