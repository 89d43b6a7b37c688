"""What a dense layer requires of its arguments, each refusal a clear error that names the
argument, shows the shapes and gives a hint."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
from numpy.typing import NDArray

from vecnn.arrays import Array


def require_layer(A_in: NDArray[Any], W: NDArray[Any], B: NDArray[Any], *, a: str, b: str) -> None:
    """Check that A_in (m, n) or (n,), W (n, j) and B (j,) or (1, j) fit one dense layer.

    a and b are the names the caller's arguments go by (A_in and B, or a_in and b).
    """
    if W.ndim != 2:
        raise ValueError(
            f"W must be a 2-D array of shape (n, j), one column per unit, but it has shape {W.shape}.\n"
            "Hint: the lesson's W = np.array([[1, -3, 5], [-2, 4, -6]]) has shape (2, 3)."
        )
    n = W.shape[0]
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
    _require_bias(A_in, W, B, b=b)


def _require_bias(A_in: NDArray[Any], W: NDArray[Any], B: NDArray[Any], *, b: str) -> None:
    """B must be a row of one bias per unit: (j,) or (1, j), not a (j, 1) column."""
    j = W.shape[1]
    if B.shape not in ((j,), (1, j)):
        if B.shape == (j, 1):
            m = A_in.shape[0] if A_in.ndim == 2 else 1
            try:
                wrong = f"a wrong {np.broadcast_shapes((m, j), (j, 1))} array"
            except ValueError:
                wrong = "a broadcasting error"
            hint = (
                f"a ({j}, 1) column is repeated across the columns, one value per example, not "
                f"down the rows as one bias per unit: numpy would "
                f"turn ({m}, {j}) + ({j}, 1) into {wrong}. Pass {b}.reshape(1, -1)."
            )
        else:
            hint = f"{b} needs one entry per unit, and W has {j} units (columns)."
        raise ValueError(
            f"{b} has shape {B.shape} but must have shape ({j},) or (1, {j}) for W of shape "
            f"{W.shape}.\nHint: {hint}"
        )


def require_activation(g: Callable[..., Any]) -> None:
    """g must be a function such as sigmoid."""
    if not callable(g):
        raise TypeError(
            f"g must be a function applied element-wise, such as vecnn.sigmoid, "
            f"but got {type(g).__name__} {g!r}.\n"
            "Hint: pass the function itself, g=sigmoid, not a call g=sigmoid(z)."
        )


def require_activated(g: Callable[..., Any], Z: Any, A_out: Any, dtype: np.dtype[Any]) -> Array:
    """g(Z) must be real numbers of Z's shape: an activation acts on each entry on its own.

    The result has the layer's float dtype, whatever number type g returned (bools included).
    """
    name = getattr(g, "__name__", "g")
    given = f"Z of shape {np.shape(Z)}" if np.ndim(Z) else f"the number z = {float(Z):g}"
    if A_out is None:
        raise TypeError(
            f"g returned None for {given}; it must return real numbers of the same shape.\n"
            f"Hint: {name} may be missing its `return` line."
        )
    try:
        activated = np.asarray(A_out)
    except ValueError:
        raise ValueError(
            f"g returned a ragged list for {given}; it must return real numbers of the same "
            "shape.\nHint: return an array, such as np.tanh(z) does."
        ) from None
    if activated.dtype.kind not in "biuf":
        raise TypeError(
            f"g must return real numbers, but {name} returned {activated.dtype} values for "
            f"{given}.\nHint: use a numeric function such as vecnn.sigmoid or np.tanh; "
            "complex numbers and strings cannot be a layer's output."
        )
    if activated.shape != np.shape(Z):
        raise ValueError(
            f"g must act element-wise, but g returned shape {activated.shape} for {given}.\n"
            f"Hint: {name} changes the shape; use an element-wise function "
            "such as vecnn.sigmoid or np.tanh, not a reduction such as np.sum or np.max."
        )
    return activated.astype(dtype, copy=False)


def require_out(out: Any, shape: tuple[int, ...]) -> Array:
    """`out` must be a float array of z's shape: numpy would broadcast into a bigger one."""
    if not isinstance(out, np.ndarray) or out.dtype.kind != "f":
        what = (
            f"an array of dtype {out.dtype}" if isinstance(out, np.ndarray) else type(out).__name__
        )
        raise TypeError(
            f"out must be a float array of z's shape {shape}, but it is {what}.\n"
            "Hint: leave out= unset to get a new array, or pass np.empty(z.shape)."
        )
    if out.shape != shape:
        raise ValueError(
            f"out has shape {out.shape} but z has shape {shape}; they must be the same.\n"
            "Hint: pass np.empty(z.shape), or z itself (if z is a float array) to work in place."
        )
    return out
