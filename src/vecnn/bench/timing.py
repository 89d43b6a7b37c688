"""How the contenders are timed: interleaved rounds, bursts of calls, medians."""

from __future__ import annotations

import statistics
import time
import tracemalloc
from collections.abc import Callable, Mapping, Sequence
from functools import partial
from typing import Any

import numpy as np

from vecnn.bench.contenders import implementations, skipped, work
from vecnn.bench.machine import machine
from vecnn.bench.results import (
    BARE,
    DENSE,
    DTYPES,
    DtypeEfficiency,
    Efficiency,
    Report,
    Row,
    Size,
    format_time,
)
from vecnn.layer import dense

SIZES: list[Size] = [(1, 2, 3), (1, 400, 25), (1000, 400, 25), (256, 256, 256), (1024, 1024, 1024)]
QUICK_SIZES: list[Size] = [(1, 2, 3), (1, 400, 25), (100, 400, 25), (128, 128, 128)]
BURST = 2e-3  # seconds: the shortest stretch of back-to-back calls that is timed


def measure(
    impls: Mapping[str, Callable[[], Any]], budget: float, max_rounds: int
) -> dict[str, list[float]]:
    """Seconds per call of every callable, over interleaved rounds.

    In each round every callable runs a burst of back-to-back calls lasting at least BURST
    seconds (like timeit's `number`), so a fast call is not timed on its own right after a slow
    one, when caches are cold and BLAS threads are asleep.
    """
    number = {name: burst_size(fn) for name, fn in impls.items()}
    times: dict[str, list[float]] = {name: [] for name in impls}
    start = time.perf_counter()
    while True:
        for name, fn in impls.items():
            t0 = time.perf_counter()
            for _ in range(number[name]):
                fn()
            times[name].append((time.perf_counter() - t0) / number[name])
        rounds = len(times[next(iter(times))])
        if rounds >= max_rounds or (rounds >= 5 and time.perf_counter() - start > budget):
            return times


def burst_size(fn: Callable[[], Any]) -> int:
    """Calls per burst: doubled until a burst lasts BURST seconds, like timeit's autorange.

    Sized from warm calls: a first call can be many times slower than the rest (NumPy sets up
    a dtype's loops on first use), and a burst sized from it would be too short.
    """
    fn()  # warm up
    number = 1
    while True:
        t0 = time.perf_counter()
        for _ in range(number):
            fn()
        if time.perf_counter() - t0 >= BURST:
            return number
        number *= 2


def peak_memory_factor(A_in: np.ndarray, W: np.ndarray, b: np.ndarray) -> float:
    """Peak memory dense allocates (tracemalloc sees numpy's buffers), over its output's size."""
    tracemalloc.start()
    try:
        A_out = dense(A_in, W, b)  # (m, j)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return peak / A_out.nbytes


def _layer(rng: np.random.Generator, m: int, n: int, j: int, dtype: str) -> tuple[np.ndarray, ...]:
    """Random A_in, W and b, uniform in [-1, 1]."""
    A_in = rng.uniform(-1, 1, size=(m, n)).astype(dtype)  # (m, n)
    W = rng.uniform(-1, 1, size=(n, j)).astype(dtype)  # (n, j)
    b = rng.uniform(-1, 1, size=j).astype(dtype)  # (j,)
    return A_in, W, b


def run(
    sizes: Sequence[Size],
    budget: float,
    max_rounds: int,
    progress: Callable[[str], None] = lambda label: None,
) -> Report:
    """Benchmark every size and dtype; `progress` is told each step as it starts."""
    rng = np.random.default_rng(0)
    results: list[Row] = []
    rate: dict[tuple[str, str], float] = {}  # seconds per unit of interpreted work, for the notes
    for m, n, j in sizes:
        for dtype in DTYPES:
            progress(f"{m}x{n}x{j} {dtype}")
            impls = implementations(*_layer(rng, m, n, j, dtype))
            notes = {name: why for name in impls if (why := skipped(name, m, n, j))}
            times = measure({k: v for k, v in impls.items() if k not in notes}, budget, max_rounds)
            for name in impls:
                row: Row = {"m": m, "n": n, "j": j, "dtype": dtype, "impl": name}
                done = work(name, m, n, j)
                if name in notes:
                    guess = rate.get((name, dtype))
                    about = (
                        f", about {format_time(guess * done[0])} a call" if guess and done else ""
                    )
                    row["note"] = notes[name] + about
                else:
                    row["median_s"] = median = statistics.median(times[name])
                    row["rounds"] = len(times[name])
                    row["gflops"] = 2 * m * n * j / median / 1e9
                    if done:
                        rate[name, dtype] = median / done[0]
                results.append(row)
    return {"machine": machine(), "results": results}


def efficiency(size: int, rounds: int) -> Efficiency:
    """dense against the bare product at size^3, interleaved, plus dense's peak memory."""
    rng = np.random.default_rng(1)

    def one(dtype: str) -> DtypeEfficiency:
        A_in, W, b = _layer(rng, size, size, size, dtype)
        timed = {DENSE: partial(dense, A_in, W, b), BARE: partial(np.matmul, A_in, W)}
        times = measure(timed, 1e9, rounds)
        return {
            "ratio": statistics.median(times[DENSE]) / statistics.median(times[BARE]),
            "mean_ratio": statistics.mean(times[DENSE]) / statistics.mean(times[BARE]),
            "peak_memory_factor": peak_memory_factor(A_in, W, b),
        }

    return {"size": size, "rounds": rounds, "float32": one("float32"), "float64": one("float64")}
