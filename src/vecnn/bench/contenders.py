"""The contenders: one dense layer computed four ways, from plain Python to the bare matmul."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import numpy as np

from vecnn.bench.results import BARE, DENSE, DENSE_LOOP, PYTHON_LOOPS, TORCH
from vecnn.layer import dense, dense_loop

# Work beyond these caps would take minutes in interpreted Python, so it is skipped with a note.
CAPS = {PYTHON_LOOPS: 5e6, DENSE_LOOP: 1e5}  # multiply-adds m*n*j; Python iterations m*j


def python_loops(
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
            row.append(0.5 * (1 + math.tanh(z / 2)))
        A_out.append(row)
    return A_out


def dense_loop_rows(A_in: np.ndarray, W: np.ndarray, b: np.ndarray) -> np.ndarray:
    """dense_loop over every example: numpy per unit, Python per unit and example."""
    return np.stack([dense_loop(a_in, W, b) for a_in in A_in])  # (m, j)


def implementations(A_in: np.ndarray, W: np.ndarray, b: np.ndarray) -> dict[str, Callable[[], Any]]:
    """Zero-argument callables, each computing the same layer its own way."""
    lists = (A_in.tolist(), W.tolist(), b.tolist())  # converted once, outside the timing
    impls: dict[str, Callable[[], Any]] = {
        PYTHON_LOOPS: lambda: python_loops(*lists),
        DENSE_LOOP: lambda: dense_loop_rows(A_in, W, b),
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


def skipped(name: str, m: int, n: int, j: int) -> str | None:
    """Why an implementation is not run at this size, or None."""
    work = {PYTHON_LOOPS: m * n * j, DENSE_LOOP: m * j}.get(name)
    if work is not None and work > CAPS[name]:
        what = "multiply-adds" if name == PYTHON_LOOPS else "loop steps"
        return f"skipped: {work:.0e} {what} in Python"
    return None
