"""The activation function g of the lesson: the sigmoid 1 / (1 + e^-z), accurate and warning-free."""

from __future__ import annotations

import os
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from functools import cache
from itertools import cycle
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

from vecnn.arrays import as_numeric
from vecnn.validate import require_out

Array = NDArray[np.floating[Any]]

# Up to SMALL numbers, the fixed cost of each NumPy call (about 0.3 µs) outweighs the work, so
# the fewest calls win. Larger arrays are worked on in place, in blocks of about BLOCK_BYTES:
# each block stays in a core's cache through every pass, and each core takes a run of blocks.
SMALL = 4096
BLOCK_BYTES = 1 << 20
FLOATS = [np.dtype(t) for t in (np.float32, np.float64, np.longdouble)]
ONE = {dtype: np.array(1, dtype) for dtype in FLOATS}  # 0-d arrays: cheaper than Python numbers
TOP = {dtype: np.array(40, dtype) for dtype in FLOATS}  # sigmoid(40) rounds to 1 in float64


def sigmoid(z: ArrayLike, out: Array | None = None) -> Any:
    """Element-wise logistic sigmoid 1 / (1 + exp(-z)), accurate and warning-free for any input.

    Wherever the true value is a normal number, the result is within 4 units in the last place
    (ULP) in float32 and float64; below that it may round to 0, never with a warning. Float input
    keeps its dtype (float16 is computed in float32 and rounded once, within 1 ULP); integer
    (and Python int) input gives float64. A few numbers are computed as e^z / (1 + e^z) with z
    capped at 40; larger arrays as 1 / (1 + e^-z), in place, in blocks shared among the cores.

    Args:
        z: a number or an array of any shape.
        out: optional float array of z's shape to write the result into (it may be z itself).

    Returns:
        An array of z's shape, or a NumPy scalar when z is a scalar.
    """
    z = as_numeric("z", z)  # real numbers only: a clear TypeError for complex or strings
    dtype = z.dtype if z.dtype.kind == "f" else np.dtype(np.float64)
    s = np.empty(z.shape, dtype) if out is None else require_out(out, z.shape)  # z's shape
    if s.size <= SMALL and s.dtype in ONE:
        np.minimum(z, TOP[s.dtype], out=s)  # z copied into s and capped, in one call
        _exp_ratio(s)
    else:
        if s is not z:
            np.copyto(s, z, casting="same_kind")
        activate(s)
    return s if s.ndim else s[()]


def activate(Z: Array, b: Array | None = None) -> Array:
    """Z <- sigmoid(Z + b) in place, the bias row b (if given) added to every row of Z.

    This is dense's default path, and sigmoid's.
    """
    if Z.dtype not in ONE:  # float16: computed in float32, rounded once at the end
        np.copyto(Z, activate(Z.astype(np.float32), b), casting="same_kind")
    elif Z.size <= SMALL:
        _few(Z, b)
    else:
        _in_blocks(Z, None if b is None else np.negative(b))
    return Z


def _few(Z: Array, b: Array | None) -> None:
    """Z <- e^z / (1 + e^z) with z = Z + b capped at 40: few NumPy calls, no warning possible.

    e^z cannot overflow below 40, and for very negative z it underflows quietly to 0.
    """
    if b is not None:
        rows = Z[0] if b.ndim < Z.ndim and len(Z) == 1 else Z  # one example: no broadcasting
        rows += b
    np.minimum(Z, TOP[Z.dtype], out=Z)
    _exp_ratio(Z)


def _exp_ratio(Z: Array) -> None:
    """Z <- e^Z / (1 + e^Z) in place, for Z of at most 40."""
    np.exp(Z, out=Z)
    np.divide(Z, Z + ONE[Z.dtype], out=Z)  # one temporary, of a few numbers


def _in_blocks(t: Array, nb: Array | None) -> None:
    """t <- 1 / (1 + e^-(t + b)) in place, in cache-sized blocks of rows, a run of them per core."""
    if t.nbytes <= BLOCK_BYTES or not t.flags.c_contiguous:
        _logistic([t], nb)  # one block: strided views, and arrays a thread would not speed up
        return
    rows = t.reshape(-1, t.shape[-1]) if nb is not None else t.reshape(-1)  # views of t
    step = max(1, BLOCK_BYTES // rows[0].nbytes)  # rows per block; a row is one number in 1-D
    blocks = [rows[start : start + step] for start in range(0, len(rows), step)]
    per_core = -(-len(blocks) // len(_cores()))  # rounded up: a run of neighbouring blocks per core
    shares = [blocks[start : start + per_core] for start in range(0, len(blocks), per_core)]
    # ufuncs release the GIL on large blocks, so threads put every core to work.
    for future in [_pool().submit(_logistic, share, nb) for share in shares]:
        future.result()


def _logistic(blocks: list[Array], nb: Array | None) -> None:
    """Each block t <- 1 / (1 + e^-(t + b)), in place; nb is -b."""
    with np.errstate(over="ignore"):  # e^-z overflows to inf only where 1 / (1 + inf) = 0 is right
        for t in blocks:
            if nb is None:
                np.negative(t, out=t)
            else:
                np.subtract(nb, t, out=t)  # -(z + b) in one pass
            np.exp(t, out=t)
            t += ONE[t.dtype]
            np.divide(ONE[t.dtype], t, out=t)  # twice as fast as np.reciprocal, the same bits


@cache
def _cores() -> list[int]:
    """The cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return sorted(os.sched_getaffinity(0))
    return list(range(os.cpu_count() or 1))


@cache
def _pool() -> ThreadPoolExecutor:
    """One worker thread per core, each pinned to a core of its own; started on first use, kept.

    Right after a matrix product BLAS's threads spin for a while, waiting for the next one.
    Unpinned, our two threads were often found sharing one core then, no faster than one. Each
    worker also gets NumPy buffers of 1024 numbers instead of 8192: adding the bias row to a
    block (a broadcast) would otherwise allocate 32-64 KB per thread, over 1 % of 1024^2.
    """
    cores = cycle(_cores()) if hasattr(os, "sched_setaffinity") else None
    return ThreadPoolExecutor(
        len(_cores()), "vecnn-sigmoid", initializer=_settle, initargs=(cores,)
    )


def _settle(cores: Iterator[int] | None) -> None:
    """Start a worker thread: the next core of its own (where the OS allows it), small buffers."""
    if cores is not None:
        os.sched_setaffinity(0, {next(cores)})  # 0: this thread, on Linux
    np.setbufsize(1024)


if hasattr(os, "register_at_fork"):  # a forked child has none of the parent's threads: new ones
    os.register_at_fork(after_in_child=_pool.cache_clear)
