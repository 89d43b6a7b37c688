"""A whole network, timed: a loop over the examples against one `sequential` call per batch.

Two networks: the course's handwritten-digit network 400 -> 25 -> 15 -> 1, on one image and on a
thousand, and part 5's coffee-roasting network 2 -> 3 -> 1 on a whole plane of roasts. Rows are
named by the networks' sizes.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable
from typing import Any

import numpy as np

from vecnn import lesson
from vecnn.bench.results import NetworkRow, format_time
from vecnn.bench.timing import measure
from vecnn.layer import dense_loop
from vecnn.network import Layer, sequential
from vecnn.roasts import plane

LOOP, CALLS = "loop over examples", "one call per layer"
DIGITS, ROASTS = "400→25→15→1", "2→3→1"
PLANE, QUICK_PLANE = 200, 50  # the roasts: a 200 x 200 plane (40,000), or 50 x 50 with --quick


def _loop_over_examples(A_in: np.ndarray, layers: list[Layer]) -> np.ndarray:
    """Each example through each layer with the lecture's loop over units (dense_loop)."""
    rows = []
    for a in A_in:  # (n,)  one example
        for W, b in layers:
            a = dense_loop(a, W, b)  # (j,)  this layer's units, one at a time
        rows.append(a)
    return np.stack(rows)  # (m, units of the last layer)


def contenders(A_in: np.ndarray, layers: list[Layer]) -> dict[str, Callable[[], Any]]:
    return {
        LOOP: lambda: _loop_over_examples(A_in, layers),
        CALLS: lambda: sequential(A_in, layers),
    }


def digit_network(m: int) -> tuple[np.ndarray, list[Layer]]:
    """m random 20 x 20 "images" (pixels in [0, 1]) and random weights, in float32."""
    rng = np.random.default_rng(2)
    A_in = rng.uniform(0, 1, size=(m, 400)).astype(np.float32)  # (m, 400)
    sizes = [400, 25, 15, 1]
    layers: list[Layer] = [
        (
            rng.uniform(-0.1, 0.1, size=(n, j)).astype(np.float32),  # (n, j)
            rng.uniform(-0.1, 0.1, size=j).astype(np.float32),  # (j,)
        )
        for n, j in zip(sizes, sizes[1:], strict=False)
    ]
    return A_in, layers


def cases(quick: bool) -> list[tuple[str, np.ndarray, list[Layer]]]:
    """(network, A_in, layers) for every row pair the benchmark times."""
    roasts = (plane(QUICK_PLANE if quick else PLANE) - lesson.mu) / lesson.sigma  # (m, 2)
    return [
        (DIGITS, *digit_network(1)),
        (DIGITS, *digit_network(1000)),
        (ROASTS, roasts, list(lesson.layers)),
    ]


def run(quick: bool, progress: Callable[[str], None] = lambda label: None) -> list[NetworkRow]:
    """Both ways on every case, interleaved; the median seconds per call of each."""
    rows: list[NetworkRow] = []
    for name, A_in, layers in cases(quick):
        progress(f"{name} x {len(A_in)}")
        times = measure(contenders(A_in, layers), 0.05 if quick else 1.0, 7 if quick else 21)
        for impl, seconds in times.items():
            median, rounds = statistics.median(seconds), len(seconds)
            rows.append(
                NetworkRow(
                    network=name,
                    m=len(A_in),
                    dtype=str(A_in.dtype),
                    impl=impl,
                    median_s=median,
                    rounds=rounds,
                )
            )
    return rows


def find_network(rows: list[NetworkRow], network: str, m: int, impl: str) -> NetworkRow:
    for row in rows:
        if (row["network"], row["m"], row["impl"]) == (network, m, impl):
            return row
    raise KeyError(f"no result for {impl} on {network} with m = {m}")


def speedup(rows: list[NetworkRow], network: str, m: int) -> float:
    """How many times faster one call per layer is than the loop over the examples."""
    loop, calls = (find_network(rows, network, m, impl)["median_s"] for impl in (LOOP, CALLS))
    return loop / calls


def table(rows: list[NetworkRow]) -> str:
    """The rows as aligned text, loop and calls side by side with the speedup."""
    lines = [f"{'network':>14} {'examples':>8} {'dtype':>8} {LOOP:>18} {CALLS:>18} {'speedup':>8}"]
    for row in rows:
        if row["impl"] != LOOP:
            continue
        name, m = row["network"], row["m"]
        calls = find_network(rows, name, m, CALLS)
        lines.append(
            f"{name:>14} {m:>8} {row['dtype']:>8} {format_time(row['median_s']):>18} "
            f"{format_time(calls['median_s']):>18} {speedup(rows, name, m):>7.0f}x"
        )
    return "\n".join(lines)
