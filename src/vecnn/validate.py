"""Turn what a learner passes in into float arrays, or explain clearly what is wrong with it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

Array = NDArray[np.floating[Any]]


def as_numeric(name: str, x: ArrayLike) -> NDArray[Any]:
    """np.asarray(x) that refuses ragged lists, strings and objects with a message naming x."""
    try:
        arr = np.asarray(x)
    except ValueError:  # numpy's "inhomogeneous shape": a ragged list
        rows: Any = x  # a list of rows, as the error says
        lengths = [len(row) if hasattr(row, "__len__") else "a number" for row in rows]
        raise ValueError(
            f"{name} is a ragged list of {len(lengths)} rows with lengths {lengths}, so it has no "
            f"shape; expected every row to have the same length, e.g. shape (m, n).\n"
            f"Hint: make every row of {name} as long as W has rows (one entry per input feature)."
        ) from None
    if arr.dtype.kind not in "biuf":  # bool, int, unsigned int, float: not complex, str, object
        raise TypeError(
            f"{name} must hold real numbers, but it has dtype {arr.dtype} and shape {arr.shape}.\n"
            f"Hint: pass numbers only (no strings or None); np.asarray({name}, dtype=float) "
            "names the first entry that is not a number."
        )
    return arr


def float_dtype(*arrays: NDArray[Any]) -> np.dtype[Any]:
    """The dtype a layer computes in: the inputs' common float type; float64 for integers."""
    dtype = np.result_type(*arrays)
    return dtype if np.issubdtype(dtype, np.floating) else np.dtype(np.float64)


def check_layer(A_in: NDArray[Any], W: NDArray[Any], B: NDArray[Any], *, a: str, b: str) -> None:
    """Check that A_in (m, n) or (n,), W (n, j) and B (j,) or (1, j) fit one dense layer.

    a and b are the names the caller's arguments go by (A_in and B, or a_in and b).
    """
    if W.ndim != 2:
        raise ValueError(
            f"W must be a 2-D array of shape (n, j), one column per unit, but it has shape {W.shape}.\n"
            "Hint: the lesson's W = np.array([[1, -3, 5], [-2, 4, -6]]) has shape (2, 3)."
        )
    n, j = W.shape
    if A_in.ndim not in (1, 2):
        raise ValueError(
            f"{a} must have shape ({n},) for one example or (m, {n}) for m examples, "
            f"but it has {A_in.ndim} dimensions: shape {A_in.shape}.\n"
            f"Hint: stack the examples as the rows of a 2-D array, e.g. {a}.reshape(-1, {n})."
        )
    if A_in.shape[-1] != n:
        hint = f"Hint: {a} has one column per input feature and W one row per input feature."
        if A_in.ndim == 2 and A_in.shape[0] == n:
            hint = f"Hint: {a} looks transposed; pass {a}.T, of shape {A_in.T.shape}."
        elif W.shape[1] == A_in.shape[-1]:
            hint = f"Hint: if W was built with one row per unit, pass W.T, of shape {W.T.shape}."
        expected = f"(m, {n})" if A_in.ndim == 2 else f"({n},)"
        raise ValueError(
            f"{a} has shape {A_in.shape} but W has shape {W.shape}: the inner dimensions must agree, "
            f"so {a} must have shape {expected} ({a}'s last dimension is {A_in.shape[-1]}, "
            f"W's first is {n}).\n{hint}"
        )
    if B.shape not in ((j,), (1, j)):
        if B.shape == (j, 1):
            m = A_in.shape[0] if A_in.ndim == 2 else 1
            try:
                wrong = f"a wrong {np.broadcast_shapes((m, j), (j, 1))} array"
            except ValueError:
                wrong = "a broadcasting error"
            hint = (
                f"a ({j}, 1) column is added down the rows, not across the units: numpy would "
                f"turn ({m}, {j}) + ({j}, 1) into {wrong}. Pass {b}.reshape(1, -1)."
            )
        else:
            hint = f"{b} needs one entry per unit, and W has {j} units (columns)."
        raise ValueError(
            f"{b} has shape {B.shape} but must have shape ({j},) or (1, {j}) for W of shape "
            f"{W.shape}.\nHint: {hint}"
        )


def check_activation(g: Callable[..., Any]) -> None:
    """g must be a function such as sigmoid."""
    if not callable(g):
        raise TypeError(
            f"g must be a function applied element-wise, such as vecnn.sigmoid, "
            f"but got {type(g).__name__} {g!r}.\n"
            "Hint: pass the function itself, g=sigmoid, not a call g=sigmoid(z)."
        )


def check_activated(g: Callable[..., Any], Z: Any, A_out: Any) -> Array:
    """g(Z) must keep Z's shape: an activation acts on each entry on its own."""
    activated: Array = np.asarray(A_out)
    if activated.shape != np.shape(Z):
        raise ValueError(
            f"g must act element-wise, but g(Z) has shape {activated.shape} for Z of shape "
            f"{np.shape(Z)}.\n"
            f"Hint: {getattr(g, '__name__', 'g')} changes the shape; use an element-wise function "
            "such as vecnn.sigmoid or np.tanh, not a reduction such as np.sum or np.max."
        )
    return activated
