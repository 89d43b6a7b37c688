"""Print arrays with explicit formatting, so the outputs shown on the pages never depend on
numpy's repr (which changed in numpy 2 and may change again).

Like NumPy, `show` summarises an array of more than `np.get_printoptions()["threshold"]` entries
(1000 by default): each long axis keeps its first and last `edgeitems` (3) entries around a
`...`. A masked array (`numpy.ma`) keeps its mask: a masked entry prints as `--`, as NumPy
prints it, and takes no part in choosing the number of decimals.
"""

from __future__ import annotations

import numbers
from decimal import Decimal
from typing import Any

import numpy as np
from numpy.typing import ArrayLike

GAP, MASKED = "...", "--"
REAL = (numbers.Real, Decimal)  # Python's real numbers (Decimal is not registered as Real)


def _decimals_needed(values: Any, most: int = 4) -> int:
    """The fewest decimals (up to `most`) that write every value exactly."""
    for d in range(most + 1):
        if np.allclose(np.round(values, d), values, rtol=0, atol=1e-9):
            return d
    return most


def _require_decimals(decimals: Any) -> int | None:
    """`decimals` itself if it is None or a whole number 0 or more; otherwise a clear error."""
    if decimals is None:
        return None
    if isinstance(decimals, bool) or not isinstance(decimals, numbers.Integral):
        raise TypeError(
            f"show: decimals must be a whole number such as 2, or None to let show choose; "
            f"got {decimals!r} ({type(decimals).__name__})"
        )
    if decimals < 0:
        raise ValueError(
            f"show: decimals must be 0 or more (the digits after the point), got {decimals}; "
            "hint: round to tens or hundreds with np.round(x, -1) first"
        )
    return int(decimals)


def _as_numbers(x: ArrayLike) -> tuple[np.ndarray, np.ndarray]:
    """x as floats, and its mask (all False unless x is a masked array)."""
    try:
        given = x if isinstance(x, np.ndarray) else np.asarray(x)
    except ValueError:  # lists of unequal lengths
        raise ValueError(
            "show: x must be a rectangular array of numbers, but its rows have different "
            "lengths; hint: print len(row) for each row to find the odd one"
        ) from None
    mask = np.ma.getmaskarray(given)
    values = given.ravel().tolist()
    if given.dtype.kind == "O" and all(isinstance(v, REAL) for v in values):
        return np.ma.getdata(given).astype(float), mask  # Python numbers: Fraction, Decimal
    if given.dtype.kind not in "biuf":
        example = next((v for v in values if not isinstance(v, REAL)), None)
        raise TypeError(
            f"show: x must hold real numbers, but its dtype is {given.dtype} "
            f"(for example {example!r}); hint: convert it with np.asarray(x, dtype=float), "
            "or print text with print()"
        )
    return np.ma.getdata(given).astype(float, copy=False), mask


def _kept(length: int, summarise: bool) -> list[int | None]:
    """The indices shown along one axis; None where the summary writes `...`."""
    edge = np.get_printoptions()["edgeitems"]
    if not summarise or length <= 2 * edge:
        return list(range(length))
    return [*range(edge), None, *range(length - edge, length)]


def format_array(x: ArrayLike, decimals: int | None = None) -> str:
    """Nested lists with aligned columns, e.g. [[ 11, 17], [-11, -17]]; a plain number for a scalar."""
    decimals = _require_decimals(decimals)
    arr, mask = _as_numbers(x)
    if arr.ndim > 2:
        raise ValueError(f"show prints 0-, 1- and 2-D arrays, but x has shape {arr.shape}")
    grid, hidden = np.atleast_2d(arr), np.atleast_2d(mask)  # (rows, cols)
    summarise = arr.size > np.get_printoptions()["threshold"]
    rows, cols = _kept(grid.shape[0], summarise), _kept(grid.shape[1], summarise)
    index = np.ix_([r for r in rows if r is not None], [c for c in cols if c is not None])
    shown = grid[index][~hidden[index]]
    shown = shown[np.isfinite(shown)]  # nan and inf print as words, whatever the decimals
    d = (_decimals_needed(shown) if shown.size else 0) if decimals is None else decimals

    def cell(r: int, c: int | None) -> str:
        if c is None:
            return GAP
        if hidden[r, c]:
            return MASKED
        return f"{round(float(grid[r, c]), d) + 0.0:.{d}f}"  # + 0.0 turns -0 into 0

    cells = [[cell(r, c) for c in cols] for r in rows if r is not None]
    if arr.ndim == 0:
        return cells[0][0]
    width = max((len(t) for row in cells for t in row if t != GAP), default=0)
    lines = iter(", ".join(t if t == GAP else t.rjust(width) for t in row) for row in cells)
    text = [GAP if r is None else f"[{next(lines)}]" for r in rows]
    if arr.ndim == 1:
        return text[0]
    return "[" + ",\n ".join(text) + "]"


def show(name: str, x: ArrayLike, decimals: int | None = None) -> None:
    """Print `name shape: values`, the way every output on the site is printed.

    Args:
        name: the label printed before the shape.
        x: a number or a 1- or 2-D array of real numbers; a masked array prints `--` where masked.
        decimals: digits after the point (0 or more); None chooses the fewest that are exact.
    """
    text = format_array(x, decimals)
    shape = np.shape(x)
    label = name if shape == () else f"{name} {shape}"
    sep = "\n" if "\n" in text else " "
    print(f"{label}:{sep}{text}")
