"""The contenders: one dense layer computed six ways, from plain Python to the bare matmul."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import numpy as np

from vecnn.bench.results import (
    BARE,
    DENSE,
    DENSE_LOOP,
    LECTURE_LOOP,
    ONE_LINER,
    PYTHON_LOOPS,
    TORCH,
)
from vecnn.layer import dense, dense_loop

# Work beyond these caps would take minutes in interpreted Python, so it is skipped with a note.
CAPS = {PYTHON_LOOPS: 2e7, LECTURE_LOOP: 1e5, DENSE_LOOP: 1e5}  # multiply-adds; loop steps


def _python_loops(
    A_in: list[list[float]], W: list[list[float]], b: list[float]
) -> list[list[float]]:
    """The layer in plain Python: a loop over examples, units and inputs; no numpy at all."""
    A_out = []
    for a_in in A_in:  # each example
        row = []
        for j in range(len(b)):  # each unit
            z = b[j]
            for k in range(len(a_in)):  # each input
                z += a_in[k] * W[k][j]
            row.append(1 / (1 + math.exp(-z)))
        A_out.append(row)
    return A_out


def g(z: Any) -> Any:
    """The lecture's sigmoid, as plain as it gets."""
    return 1 / (1 + np.exp(-z))


def lecture_dense(a_in: np.ndarray, W: np.ndarray, b: np.ndarray) -> np.ndarray:
    """The lecture's loop, as the lecture writes it: np.dot per unit, then g."""
    units = W.shape[1]
    a_out = np.zeros(units)
    for j in range(units):
        w = W[:, j]
        z = np.dot(w, a_in) + b[j]
        a_out[j] = g(z)
    return a_out


def implementations(A_in: np.ndarray, W: np.ndarray, b: np.ndarray) -> dict[str, Callable[[], Any]]:
    """Zero-argument callables, each computing the same layer its own way."""
    lists = (A_in.tolist(), W.tolist(), b.tolist())  # converted once, outside the timing
    impls: dict[str, Callable[[], Any]] = {
        PYTHON_LOOPS: lambda: _python_loops(*lists),
        LECTURE_LOOP: lambda: np.stack([lecture_dense(a_in, W, b) for a_in in A_in]),
        DENSE_LOOP: lambda: np.stack([dense_loop(a_in, W, b) for a_in in A_in]),
        ONE_LINER: lambda: 1 / (1 + np.exp(-(A_in @ W + b))),
        DENSE: lambda: dense(A_in, W, b),
        BARE: lambda: A_in @ W,
    }
    try:  # reported where PyTorch happens to be installed; not a dependency
        import torch

        tA, tW, tb = (torch.from_numpy(x) for x in (A_in, W, b))
        impls[TORCH] = lambda: torch.sigmoid(torch.nn.functional.linear(tA, tW.T, tb))
    except ImportError:
        pass
    return impls


def work(name: str, m: int, n: int, j: int) -> tuple[int, str] | None:
    """How much interpreted work an implementation does at this size, or None if it loops in C."""
    if name == PYTHON_LOOPS:
        return m * n * j, "multiply-adds"
    if name in (LECTURE_LOOP, DENSE_LOOP):
        return m * j, "loop steps"
    return None


def skipped(name: str, m: int, n: int, j: int) -> str | None:
    """Why an implementation is not run at this size, or None."""
    done = work(name, m, n, j)
    if done is not None and done[0] > CAPS[name]:
        return f"skipped: {done[0]:.0e} {done[1]} in Python"
    return None
