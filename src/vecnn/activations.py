"""The activation function g of the lesson: the sigmoid, written so it can never overflow."""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray


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
    z = np.asarray(z)
    dtype = z.dtype if np.issubdtype(z.dtype, np.floating) else np.dtype(np.float64)
    s = np.empty(z.shape, dtype) if out is None else out  # same shape as z
    np.multiply(z, 0.5, out=s)  # z / 2
    np.tanh(s, out=s)  # in [-1, 1]; cannot overflow
    s += 1
    s *= 0.5  # in [0, 1]
    return s if s.ndim else s[()]
