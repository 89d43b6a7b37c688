"""How fast is it? Time four ways of computing one dense layer, side by side.

Run `python -m vecnn.bench` (or `vecnn-bench`); `--quick` finishes in seconds, `--json PATH`
writes the results. Every implementation of a size is timed in the same rounds, interleaved,
so a noisy neighbour slows them all alike, and medians are reported.
"""

from __future__ import annotations

import argparse
import importlib
import json
import math
import os
import platform
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from functools import partial
from typing import Any

import numpy as np

from vecnn.layer import dense, dense_loop

SIZES = [(1, 2, 3), (1, 400, 25), (1000, 400, 25), (256, 256, 256), (1024, 1024, 1024)]
QUICK_SIZES = [(1, 2, 3), (1, 400, 25), (1000, 400, 25), (128, 128, 128)]
DTYPES = ["float32", "float64"]
# Work beyond these caps would take minutes in interpreted Python, so it is skipped with a note.
CAPS = {"python loops": 5e6, "dense_loop": 1e5}  # multiply-adds m*n*j; Python iterations m*j
BURST = 2e-3  # seconds: the shortest stretch of back-to-back calls that is timed


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
        "python loops": lambda: python_loops(*lists),
        "dense_loop": lambda: dense_loop_rows(A_in, W, b),
        "dense": lambda: dense(A_in, W, b),
        "A_in @ W": lambda: A_in @ W,
    }
    try:  # reported where PyTorch happens to be installed; not a dependency
        import torch

        tA, tW, tb = (torch.from_numpy(x) for x in (A_in, W, b))
        impls["torch"] = lambda: torch.sigmoid(torch.nn.functional.linear(tA, tW.T, tb))
    except ImportError:
        pass
    return impls


def skipped(name: str, m: int, n: int, j: int) -> str | None:
    """Why an implementation is not run at this size, or None."""
    work = {"python loops": m * n * j, "dense_loop": m * j}.get(name)
    if work is not None and work > CAPS[name]:
        return f"skipped: {work:.0e} {'multiply-adds' if name == 'python loops' else 'loop steps'} in Python"
    return None


def measure(
    impls: dict[str, Callable[[], Any]], budget: float, max_rounds: int
) -> dict[str, list[float]]:
    """Seconds per call of every callable, over interleaved rounds.

    In each round every callable runs a burst of back-to-back calls lasting at least BURST
    seconds (like timeit's `number`), so a fast call is not timed on its own right after a slow
    one, when caches are cold and BLAS threads are asleep.
    """
    number = {}
    for name, fn in impls.items():  # warm up, and size each burst
        t0 = time.perf_counter()
        fn()
        number[name] = max(1, math.ceil(BURST / max(time.perf_counter() - t0, 1e-9)))
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


def peak_memory_factor(A_in: np.ndarray, W: np.ndarray, b: np.ndarray) -> float:
    """Peak memory dense allocates (tracemalloc sees numpy's buffers), over its output's size."""
    tracemalloc.start()
    try:
        A_out = dense(A_in, W, b)  # (m, j)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return peak / A_out.nbytes


def cpuinfo(field: str) -> str | None:
    """The first value of a field of /proc/cpuinfo (Linux), or None."""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            return next(
                (line.split(":", 1)[1].strip() for line in f if line.startswith(field)), None
            )
    except OSError:
        return None


def machine() -> dict[str, Any]:
    """Where the numbers were measured."""
    cpu = cpuinfo("model name") or platform.processor() or platform.machine()
    mhz = float(cpuinfo("cpu MHz") or 0)
    umath = importlib.import_module("numpy._core._multiarray_umath")  # what numpy detected
    features: dict[str, bool] = umath.__cpu_features__
    simd_bits = 512 if features.get("AVX512F") else 256 if features.get("AVX2") else 128
    config: Any = np.show_config(mode="dicts")
    blas = config["Build Dependencies"]["blas"]
    threads: Any = "unknown"
    try:
        from threadpoolctl import threadpool_info

        threads = {info["internal_api"]: info["num_threads"] for info in threadpool_info()}
    except ImportError:
        pass
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "mhz": mhz,
        "simd_bits": simd_bits,
        "python": platform.python_version(),
        "numpy": np.__version__,
        "blas": f"{blas['name']} {blas['version']}",
        "threads": threads,
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
    }


class Progress:
    """A one-line progress bar on stderr, drawn only when stderr is a terminal."""

    def __init__(self, total: int) -> None:
        self.total, self.done, self.live = total, 0, sys.stderr.isatty()

    def step(self, label: str) -> None:
        self.done += 1
        if self.live:
            filled = round(30 * self.done / self.total)
            bar = "#" * filled + "." * (30 - filled)
            sys.stderr.write(f"\r[{bar}] {self.done}/{self.total} {label:<32}")
            sys.stderr.flush()

    def close(self) -> None:
        if self.live:
            sys.stderr.write("\r" + " " * 80 + "\r")


def run(sizes: Sequence[tuple[int, int, int]], budget: float, max_rounds: int) -> dict[str, Any]:
    """Benchmark every size and dtype; returns the results as plain JSON-ready data."""
    rng = np.random.default_rng(0)
    results: list[dict[str, Any]] = []
    progress = Progress(len(sizes) * len(DTYPES))
    for m, n, j in sizes:
        for dtype in DTYPES:
            progress.step(f"{m}x{n}x{j} {dtype}")
            A_in = rng.uniform(-1, 1, size=(m, n)).astype(dtype)  # (m, n)
            W = rng.uniform(-1, 1, size=(n, j)).astype(dtype)  # (n, j)
            b = rng.uniform(-1, 1, size=j).astype(dtype)  # (j,)
            impls = implementations(A_in, W, b)
            notes = {name: why for name in impls if (why := skipped(name, m, n, j))}
            times = measure({k: v for k, v in impls.items() if k not in notes}, budget, max_rounds)
            flops = 2 * m * n * j
            for name in impls:
                row: dict[str, Any] = {"m": m, "n": n, "j": j, "dtype": dtype, "impl": name}
                if name in notes:
                    row["note"] = notes[name]
                else:
                    median = statistics.median(times[name])
                    row |= {
                        "median_s": median,
                        "rounds": len(times[name]),
                        "gflops": flops / median / 1e9,
                    }
                results.append(row)
    progress.close()
    return {"machine": machine(), "results": results}


def efficiency(size: int, rounds: int) -> dict[str, Any]:
    """dense against the bare product at size^3, interleaved, plus dense's peak memory."""
    rng = np.random.default_rng(1)
    out: dict[str, Any] = {"size": size, "rounds": rounds}
    for dtype in DTYPES:
        A_in = rng.uniform(-1, 1, size=(size, size)).astype(dtype)  # (m, n)
        W = rng.uniform(-1, 1, size=(size, size)).astype(dtype)  # (n, j)
        b = rng.uniform(-1, 1, size=size).astype(dtype)  # (j,)
        times = measure(
            {"dense": partial(dense, A_in, W, b), "bare": partial(np.matmul, A_in, W)}, 1e9, rounds
        )
        ratio = statistics.median(times["dense"]) / statistics.median(times["bare"])
        out[dtype] = {"ratio": ratio, "peak_memory_factor": peak_memory_factor(A_in, W, b)}
    return out


def table(report: dict[str, Any]) -> str:
    """The results as an aligned text table, with speedups over dense_loop."""
    rows = report["results"]
    lines = [
        f"{'size m x n x j':>18} {'dtype':>8} {'implementation':>14} {'median':>11} {'GFLOP/s':>9} {'vs dense_loop':>14}"
    ]
    for row in rows:
        size = f"{row['m']}x{row['n']}x{row['j']}"
        if "note" in row:
            lines.append(f"{size:>18} {row['dtype']:>8} {row['impl']:>14}   {row['note']}")
            continue
        base = find(report, "dense_loop", (row["m"], row["n"], row["j"]), row["dtype"])
        speedup = f"{base['median_s'] / row['median_s']:.1f}x" if "median_s" in base else "-"
        lines.append(
            f"{size:>18} {row['dtype']:>8} {row['impl']:>14} {format_time(row['median_s']):>11} {row['gflops']:>9.2f} {speedup:>14}"
        )
    return "\n".join(lines)


def find(
    report: dict[str, Any], impl: str, size: tuple[int, int, int], dtype: str
) -> dict[str, Any]:
    """One measured row of the report."""
    rows: list[dict[str, Any]] = report["results"]
    for row in rows:
        if row["impl"] == impl and (row["m"], row["n"], row["j"]) == size and row["dtype"] == dtype:
            return row
    raise KeyError(f"no result for {impl} at {size} in {dtype}")


def nominal_peak_gflops(info: dict[str, Any], dtype: str) -> float:
    """cores x 2 FMA units x SIMD lanes x 2 flops (multiply and add) x clock: an upper bound at
    the nominal clock; turbo clocks can beat it."""
    lanes = info["simd_bits"] // (32 if dtype == "float32" else 64)
    return float(info["cores"] * 2 * lanes * 2 * info["mhz"] / 1e3)


def summary(report: dict[str, Any]) -> dict[str, str]:
    """The numbers the "How fast is it?" page quotes, formatted, all taken from the report."""
    info, eff = report["machine"], report["efficiency"]
    big = (eff["size"],) * 3
    digit, one = (1000, 400, 25), (1, 400, 25)
    out = {
        "cpu": info["cpu"],
        "cores": str(info["cores"]),
        "ghz": f"{info['mhz'] / 1e3:.1f}",
        "simd_bits": str(info["simd_bits"]),
        "numpy": info["numpy"],
        "blas": info["blas"],
        "date": info["date"],
        "python": info["python"],
        "size": str(eff["size"]),
        "python_gflops": f"{find(report, 'python loops', one, 'float64')['gflops']:.2f}",
        "loop_speedup_digit": f"{find(report, 'dense_loop', digit, 'float32')['median_s'] / find(report, 'dense', digit, 'float32')['median_s']:.0f}",
        "dense_digit_f32": format_time(find(report, "dense", digit, "float32")["median_s"]),
        "dense_loop_digit_f32": format_time(
            find(report, "dense_loop", digit, "float32")["median_s"]
        ),
        "tiny_python": format_time(find(report, "python loops", (1, 2, 3), "float64")["median_s"]),
        "tiny_matmul": format_time(find(report, "A_in @ W", (1, 2, 3), "float64")["median_s"]),
        "tiny_dense": format_time(find(report, "dense", (1, 2, 3), "float64")["median_s"]),
    }
    for dtype in DTYPES:
        bare = find(report, "A_in @ W", big, dtype)
        peak = nominal_peak_gflops(info, dtype)
        short = dtype.replace("float", "f")
        out[f"matmul_gflops_{short}"] = f"{bare['gflops']:.0f}"
        out[f"matmul_time_{short}"] = format_time(bare["median_s"])
        out[f"peak_gflops_{short}"] = f"{peak:.0f}"
        out[f"peak_percent_{short}"] = f"{100 * bare['gflops'] / peak:.0f}"
        out[f"ratio_{short}"] = f"{eff[dtype]['ratio']:.2f}"
        out[f"memory_{short}"] = f"{eff[dtype]['peak_memory_factor']:.2f}"
    f32, f64 = (find(report, "A_in @ W", big, d)["median_s"] for d in DTYPES)
    out["f64_over_f32"] = f"{f64 / f32:.1f}"
    return out


def markdown_table(report: dict[str, Any]) -> str:
    """Median time per implementation, one row per size and dtype, for the page."""
    names = [
        n
        for n in ("python loops", "dense_loop", "dense", "A_in @ W", "torch")
        if any(r["impl"] == n for r in report["results"])
    ]
    head = (
        "| m × n × j | dtype | "
        + " | ".join(f"`{n}`" if n != "python loops" else n for n in names)
        + " | `dense` / `A_in @ W` |"
    )
    lines = [head, "|" + " --- |" * (len(names) + 3)]
    seen = []
    for row in report["results"]:
        key = (row["m"], row["n"], row["j"], row["dtype"])
        if key in seen:
            continue
        seen.append(key)
        cells = []
        for name in names:
            r = find(report, name, key[:3], key[3])
            cells.append(format_time(r["median_s"]) if "median_s" in r else "skipped")
        ratio = (
            find(report, "dense", key[:3], key[3])["median_s"]
            / find(report, "A_in @ W", key[:3], key[3])["median_s"]
        )
        lines.append(
            f"| {key[0]}×{key[1]}×{key[2]} | {key[3]} | " + " | ".join(cells) + f" | {ratio:.2f} |"
        )
    return "\n".join(lines)


def format_time(seconds: float) -> str:
    for unit, scale in (("s", 1), ("ms", 1e-3), ("µs", 1e-6)):
        if seconds >= scale:
            return f"{seconds / scale:.3g} {unit}"
    return f"{seconds / 1e-9:.3g} ns"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="vecnn-bench", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, few rounds: seconds")
    parser.add_argument("--json", metavar="PATH", help="also write the results as JSON")
    parser.add_argument(
        "--efficiency-only", action="store_true", help="only dense vs A_in @ W at 1024^3"
    )
    args = parser.parse_args(argv)

    report: dict[str, Any] = {"machine": machine(), "results": []}
    if not args.efficiency_only:
        report = run(
            QUICK_SIZES if args.quick else SIZES,
            0.05 if args.quick else 1.0,
            7 if args.quick else 51,
        )
        print(table(report))
    size, rounds = (128, 15) if args.quick else (1024, 41)
    report["efficiency"] = eff = efficiency(size, rounds)
    print(
        f"\ndense(A_in, W, b) against the bare A_in @ W at {size}x{size}x{size}, {rounds} interleaved rounds:"
    )
    for dtype in DTYPES:
        e = eff[dtype]
        print(
            f"  {dtype}: time ratio {e['ratio']:.3f}, peak memory {e['peak_memory_factor']:.3f} x the output"
        )
    info = report["machine"]
    print(
        f"\n{info['cpu']}, {info['cores']} cores, numpy {info['numpy']}, {info['blas']}, threads {info['threads']}"
    )
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(report, f, indent=1)
            f.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
