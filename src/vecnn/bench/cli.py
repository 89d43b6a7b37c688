"""`vecnn-bench`: run the benchmark, print a table, optionally write the results as JSON."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence

from vecnn.bench import network, tables
from vecnn.bench.machine import machine
from vecnn.bench.results import DTYPES, Report, Size
from vecnn.bench.timing import QUICK_SIZES, SIZES, efficiency, run


class _Progress:
    """A one-line progress bar on stderr, drawn only when stderr is a terminal."""

    def __init__(self, total: int) -> None:
        self.total, self.done, self.live = total, 0, sys.stderr.isatty()

    def __call__(self, label: str) -> None:
        self.done += 1
        if self.live:
            filled = round(30 * self.done / self.total)
            bar = "#" * filled + "." * (30 - filled)
            sys.stderr.write(f"\r[{bar}] {self.done}/{self.total} {label:<32}")
            sys.stderr.flush()

    def close(self) -> None:
        if self.live:
            sys.stderr.write("\r" + " " * 80 + "\r")


def _unwritable(path: str) -> str | None:
    """Why `path` cannot be written, checked before minutes of benchmarking; or None."""
    folder = os.path.dirname(os.path.abspath(path))
    if os.path.isdir(path):
        return f"{path} is a folder; give a file name, e.g. {os.path.join(path, 'results.json')}"
    if not os.path.isdir(folder):
        return f"the folder {folder} does not exist; create it first"
    target = path if os.path.exists(path) else folder
    if not os.access(target, os.W_OK):
        return f"{target} is not writable"
    return None


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="vecnn-bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small sizes, few rounds: seconds")
    parser.add_argument("--json", metavar="PATH", help="also write the results as JSON")
    parser.add_argument(
        "--efficiency-only", action="store_true", help="only dense vs A_in @ W at 1024^3"
    )
    args = parser.parse_args(argv)
    if args.json and (why := _unwritable(args.json)):
        print(f"vecnn-bench: cannot write --json {args.json}: {why}.", file=sys.stderr)
        return 2
    try:
        report = _benchmark(args.quick, args.efficiency_only)
    except BrokenPipeError:  # `vecnn-bench | head`: the reader has gone; stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:  # Ctrl-C: what was measured is printed above; no traceback
        unwritten = f"; {args.json} was not written" if args.json else ""
        print(f"\nvecnn-bench: interrupted{unwritten}.", file=sys.stderr)
        return 130  # 128 + SIGINT, as a shell reports it
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(report, f, indent=1)
            f.write("\n")
    return 0


def _measure_rows(report: Report, sizes: Sequence[Size], quick: bool) -> None:
    """Measure one size after another into the report, then print its table; on Ctrl-C the
    table holds the sizes measured so far."""
    progress = _Progress(len(sizes) * len(DTYPES))
    budget, most = (0.05, 7) if quick else (1.0, 51)
    try:
        for size in sizes:
            report["results"] += run([size], budget, most, progress)["results"]
    finally:
        progress.close()
        print(tables.results(report), flush=True)


def _benchmark(quick: bool, efficiency_only: bool) -> Report:
    """Run and print the benchmark; return its report."""
    report: Report = {"machine": machine(), "results": []}
    if not efficiency_only:
        _measure_rows(report, QUICK_SIZES if quick else SIZES, quick)
        print(tables.ratios(report))
        report["networks"] = network.run(quick)
        print("\n" + network.table(report["networks"]), flush=True)
    size, rounds = (128, 15) if quick else (1024, 41)
    report["efficiency"] = eff = efficiency(size, rounds)
    print(
        f"\ndense(A_in, W, b) against the bare A_in @ W at {size}x{size}x{size}, {rounds} interleaved rounds:"
    )
    for dtype in DTYPES:
        e = eff[dtype]
        print(
            f"  {dtype}: time ratio {e['ratio']:.3f} (of the means {e['mean_ratio']:.3f}),"
            f" peak memory {e['peak_memory_factor']:.3f} x the output"
        )
    info = report["machine"]
    print(
        f"\n{info['cpu']}, {info['cores']} cores, numpy {info['numpy']}, {info['blas']}, threads {info['threads']}",
        flush=True,
    )
    return report
