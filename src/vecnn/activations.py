"""The activation function g of the lesson: the sigmoid, written so it can never overflow."""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

from vecnn.validate import as_numeric


def sigmoid(z: ArrayLike, out: NDArray[np.floating[Any]] | None = None) -> Any:
    """Element-wise logistic sigmoid 1 / (1 + exp(-z)), overflow-free for every finite input.

    It uses the identity sigmoid(z) = 0.5 * (1 + tanh(z / 2)): tanh saturates at -1 and 1 instead
    of overflowing the way exp(-z) does for z below about -88.7 in float32. Float input keeps its
    dtype, integer (and Python int) input gives float64.

    Args:
        z: a number or an array of any shape.
        out: optional float array of z's shape to write the result into (it may be z itself).

    Returns:
        An array of z's shape, or a NumPy scalar when z is a scalar.
    """
    z = as_numeric("z", z)  # real numbers only: a clear TypeError for complex or strings
    dtype = z.dtype if np.issubdtype(z.dtype, np.floating) else np.dtype(np.float64)
    s = np.empty(z.shape, dtype) if out is None else checked_out(out, z.shape)  # z's shape
    np.multiply(z, 0.5, out=s)  # z / 2
    np.tanh(s, out=s)  # in [-1, 1]; cannot overflow
    s += 1
    s *= 0.5  # in [0, 1]
    return s if s.ndim else s[()]


def checked_out(out: Any, shape: tuple[int, ...]) -> NDArray[np.floating[Any]]:
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
