"""One dense layer's forward propagation: first as a loop over units, then vectorized."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
from numpy.typing import ArrayLike

from vecnn.activations import activate, sigmoid
from vecnn.arrays import Array, as_numeric, float_dtype
from vecnn.validate import require_activated, require_activation, require_layer


def dense_loop(
    a_in: ArrayLike, W: ArrayLike, b: ArrayLike, g: Callable[..., Any] = sigmoid
) -> Array:
    """One example through a dense layer, one unit at a time (Figure 1).

    Args:
        a_in: the input, shape (n,).
        W: the weights, shape (n, j): column j holds unit j's weights.
        b: the biases, shape (j,) (or (1, j)).
        g: the activation, called on each unit's z.

    Returns:
        The layer's output a_out, shape (j,).
    """
    a_in, W, b = as_numeric("a_in", a_in), as_numeric("W", W), as_numeric("b", b)
    require_activation(g)
    if a_in.ndim != 1:
        n = W.shape[0] if W.ndim == 2 else "n"
        raise ValueError(
            f"a_in must be one example of shape ({n},), but it has shape {a_in.shape}.\n"
            "Hint: dense_loop takes one example; use vecnn.dense for a batch of rows, "
            "or pass a_in.ravel() if it is a single (1, n) row."
        )
    require_layer(a_in, W, b, a="a_in", b="b")
    dtype = float_dtype(a_in, W, b)  # the same casts as dense: no int8 or bool arithmetic
    a_in, W = a_in.astype(dtype, copy=False), W.astype(dtype, copy=False)  # (n,), (n, j)
    b = b.astype(dtype, copy=False).reshape(-1)  # (j,)
    units = W.shape[1]
    a_out = np.zeros(units, dtype=dtype)  # (j,)
    for j in range(units):
        w = W[:, j]  # (n,)  the weights of unit j
        z = np.dot(w, a_in) + b[j]  # a number
        a_out[j] = require_activated(g, z, g(z), dtype)  # a number
    return a_out


def dense(A_in: ArrayLike, W: ArrayLike, B: ArrayLike, g: Callable[..., Any] = sigmoid) -> Array:
    """A whole batch through a dense layer with one matrix product (Figures 2-4).

    Args:
        A_in: the inputs, shape (m, n): one row per example. A single example of shape (n,)
            is allowed too.
        W: the weights, shape (n, j): one column per unit.
        B: the biases, shape (1, j) or (j,).
        g: the activation, applied element-wise to Z.

    Returns:
        The layer's output A_out, shape (m, j), or (j,) for a 1-D A_in.
    """
    if g is sigmoid and (plain := ready(A_in, W, B)):  # nothing to convert, nothing to explain
        return activate(plain[0] @ plain[1], plain[2])  # (m, j)  bias and sigmoid in place
    A_in, W, B = as_numeric("A_in", A_in), as_numeric("W", W), as_numeric("B", B)
    require_activation(g)
    require_layer(A_in, W, B, a="A_in", b="B")
    dtype = float_dtype(A_in, W, B)
    Z: Array = np.matmul(A_in.astype(dtype, copy=False), W.astype(dtype, copy=False))  # (m, j)
    b = B.reshape(-1).astype(dtype, copy=False)  # (j,)  the same bias row for every example
    if g is not sigmoid:
        Z += b  # (m, j)
        return require_activated(g, Z, g(Z), dtype)  # (m, j)
    # The default path adds the bias and applies the sigmoid in place, one cache-sized block of
    # rows at a time, on every core: no second (m, j) array is ever allocated. See "How fast
    # is it?".
    return activate(Z, b)  # (m, j)  the same memory: Z turns into A_out in place


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
