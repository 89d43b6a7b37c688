"""What np.matmul computes, spelled out as dot products (parts 2 and 3 of the lesson)."""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from vecnn.arrays import Array, as_numeric, float_dtype


def dot_loop(a: ArrayLike, w: ArrayLike) -> float:
    """The dot product a . w as a loop: a[0]*w[0] + a[1]*w[1] + ..."""
    a, w = as_numeric("a", a), as_numeric("w", w)
    if a.ndim != 1 or w.ndim != 1 or a.shape != w.shape:
        raise ValueError(
            f"a and w must be 1-D vectors of the same length, but a has shape {a.shape} "
            f"and w has shape {w.shape}.\nHint: a dot product pairs a[i] with w[i], one by one."
        )
    z = 0.0
    for a_i, w_i in zip(a.tolist(), w.tolist(), strict=True):
        z += a_i * w_i
    return z


def matmul_dots(A: ArrayLike, W: ArrayLike) -> Array:
    """A @ W as dot products: Z[i, k] = (row i of A) . (column k of W).

    Args:
        A: shape (m, n), or a vector of shape (n,) that acts as one row.
        W: shape (n, j).

    Returns:
        Z, shape (m, j), or (j,) when A is a vector, like np.matmul.
    """
    A, W = as_numeric("A", A), as_numeric("W", W)
    if A.ndim not in (1, 2) or W.ndim != 2 or A.shape[-1] != W.shape[0]:
        raise ValueError(
            f"A has shape {A.shape} and W has shape {W.shape}: A @ W needs A of shape (m, n) "
            "or (n,) and W of shape (n, j), with the same n.\n"
            "Hint: the number of columns of A must equal the number of rows of W."
        )
    rows = np.atleast_2d(A)  # (m, n)
    Z = np.zeros((rows.shape[0], W.shape[1]), dtype=float_dtype(A, W))  # (m, j)
    for i in range(rows.shape[0]):
        for k in range(W.shape[1]):
            Z[i, k] = dot_loop(rows[i, :], W[:, k])
    return Z if A.ndim == 2 else Z[0]  # (m, j) or (j,)
