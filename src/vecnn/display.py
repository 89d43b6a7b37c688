"""Print arrays with explicit formatting, so the outputs shown on the pages never depend on
numpy's repr (which changed in numpy 2 and may change again)."""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import ArrayLike


def decimals_needed(values: Any, most: int = 4) -> int:
    """The fewest decimals (up to `most`) that write every value exactly."""
    for d in range(most + 1):
        if np.allclose(np.round(values, d), values, rtol=0, atol=1e-9):
            return d
    return most


def format_array(x: ArrayLike, decimals: int | None = None) -> str:
    """Nested lists with aligned columns, e.g. [[ 11, 17], [-11, -17]]; a plain number for a scalar."""
    arr = np.asarray(x, dtype=float)
    if arr.ndim > 2:
        raise ValueError(f"show prints 0-, 1- and 2-D arrays, but x has shape {arr.shape}")
    d = decimals_needed(arr) if decimals is None else decimals
    cells = [f"{round(v, d) + 0.0:.{d}f}" for v in arr.ravel().tolist()]  # + 0.0 turns -0 into 0
    if arr.ndim == 0:
        return cells[0]
    width = max((len(c) for c in cells), default=0)
    grid = np.array(cells, dtype=object).reshape(np.atleast_2d(arr).shape)  # (rows, cols)
    rows = [", ".join(c.rjust(width) for c in row) for row in grid]
    if arr.ndim == 1:
        return f"[{rows[0]}]"
    return "[" + ",\n ".join(f"[{r}]" for r in rows) + "]"


def show(name: str, x: ArrayLike, decimals: int | None = None) -> None:
    """Print `name shape: values`, the way every output on the site is printed."""
    arr = np.asarray(x)
    text = format_array(arr, decimals)
    label = name if arr.ndim == 0 else f"{name} {arr.shape}"
    sep = "\n" if "\n" in text else " "
    print(f"{label}:{sep}{text}")
