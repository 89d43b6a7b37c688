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


def require_layer(A_in: NDArray[Any], W: NDArray[Any], B: NDArray[Any], *, a: str, b: str) -> None:
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


_FAST = (np.dtype(np.float32), np.dtype(np.float64))


def ready(A_in: Any, W: Any, B: Any) -> tuple[Array, Array, Array] | None:
    """(A_in, W, B) when they are float32 or float64 arrays of one dtype whose shapes fit one
    dense layer: every check would pass and nothing needs converting, so dense can skip them.
    """
    if not (type(A_in) is type(W) is type(B) is np.ndarray):
        return None
    dtype = W.dtype
    fits = (
        (dtype is _FAST[0] or dtype is _FAST[1])  # `is`: cheaper than ==, and enough for these two
        and A_in.dtype is dtype
        and B.dtype is dtype
        and W.ndim == 2
        and 1 <= B.ndim <= A_in.ndim <= 2  # (j,) or (1, j) bias; (n,) or (m, n) input
        and A_in.shape[-1] == W.shape[0]
        and B.shape[-1] == B.size == W.shape[1]
    )
    return (A_in, W, B) if fits else None
