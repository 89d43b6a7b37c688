"""The "How fast is it?" chapter: its numbers, tables and chart, from the benchmark's results.

The page holds placeholders such as [[bench:ratio_f32]]; `fill` replaces each with a value read
off docs/benchmark-results.json (written by `make bench`), so no number on it is typed by hand.
The tables are speed_tables.py's, the chart figures/speedchart.py's.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from sitebuild import network_speed, speed_tables
from sitebuild.figures import speedchart
from vecnn.activations import BLOCK_BYTES
from vecnn.bench import DTYPES, Report, find, format_time, ratio
from vecnn.bench.results import (
    BARE,
    DENSE,
    DENSE_LOOP,
    LECTURE_LOOP,
    ONE_LINER,
    PYTHON_LOOPS,
    Dtype,
    Size,
)

RESULTS = "benchmark-results.json"
PLACEHOLDER = re.compile(r"\[\[bench:(\w+)\]\]")
LECTURE, DIGIT_ONE, DIGIT_BATCH = (1, 2, 3), (1, 400, 25), (1000, 400, 25)


def load(docs_dir: str) -> Report:
    report: Report = json.loads(Path(docs_dir, RESULTS).read_text(encoding="utf-8"))
    return report


def median(report: Report, impl: str, size: Size, dtype: str) -> float:
    return find(report, impl, size, dtype)["median_s"]


def nominal_peak_gflops(report: Report, dtype: str) -> float:
    """cores x 2 FMA units x SIMD lanes x 2 flops (multiply and add) x clock: an upper bound at
    the nominal clock; turbo clocks can beat it."""
    info = report["machine"]
    lanes = info["simd_bits"] // (32 if dtype == "float32" else 64)
    return float((info["cores"] or 1) * 2 * lanes * 2 * info["mhz"] / 1e3)


def summary(report: Report) -> dict[str, str]:
    """The numbers the page quotes, formatted, all taken from the report."""
    out = _machine(report) | _loops(report)
    for dtype in DTYPES:
        out |= _big_layer(report, dtype)
    big = (report["efficiency"]["size"],) * 3
    out["f64_over_f32"] = (
        f"{median(report, BARE, big, 'float64') / median(report, BARE, big, 'float32'):.1f}"
    )
    return out | network_speed.values(report)  # a whole network: part 5 and its own section


def fill(markdown: str, report: Report, page: str) -> str:
    """Replace every [[bench:key]] with its value, the table, or the chart."""
    chart = speedchart.figure_of(report)
    values = summary(report) | {
        "loops_table": speed_tables.loops(report),
        "numpy_table": speed_tables.numpy(report),
        "figure": f"![{chart.alt}](figures/{chart.name}.svg)",
    }

    def value(match: re.Match[str]) -> str:
        if match[1] not in values:
            raise KeyError(f"{page}: no benchmark value named {match[1]!r}")
        return values[match[1]]

    return PLACEHOLDER.sub(value, markdown)


def _machine(report: Report) -> dict[str, str]:
    """Where the numbers were measured, the size of the big layer, and dense's block size."""
    info = report["machine"]
    return {
        "cpu": info["cpu"],
        "cores": str(info["cores"]),
        "simd_bits": str(info["simd_bits"]),
        "numpy": info["numpy"],
        "blas": info["blas"],
        "date": info["date"],
        "python": info["python"],
        "ghz": f"{info['mhz'] / 1e3:.1f}",
        "size": str(report["efficiency"]["size"]),
        "block_size": _bytes(BLOCK_BYTES),  # the activation's blocks: a constant of the package
    }


def _bytes(n: int) -> str:
    """1048576 -> '1 MiB', 262144 -> '256 KiB'."""
    return f"{n >> 20} MiB" if n % (1 << 20) == 0 else f"{n >> 10} KiB"


def _loops(report: Report) -> dict[str, str]:
    """The loops against dense: on the digit network's first layer and on the lecture's."""

    def times(impl: str, size: Size, dtype: str) -> float:
        return median(report, impl, size, dtype) / median(report, DENSE, size, dtype)

    return {
        "python_gflops": f"{find(report, PYTHON_LOOPS, DIGIT_BATCH, 'float64')['gflops']:.3f}",
        "lecture_speedup_digit": f"{times(LECTURE_LOOP, DIGIT_BATCH, 'float32'):.0f}",
        "lecture_speedup_digit_f64": f"{times(LECTURE_LOOP, DIGIT_BATCH, 'float64'):.0f}",
        "loop_speedup_digit": f"{times(DENSE_LOOP, DIGIT_BATCH, 'float32'):.0f}",
        "checks_share_digit": f"{100 * (1 - median(report, LECTURE_LOOP, DIGIT_BATCH, 'float32') / median(report, DENSE_LOOP, DIGIT_BATCH, 'float32')):.0f}",
        "python_digit_f64": format_time(median(report, PYTHON_LOOPS, DIGIT_BATCH, "float64")),
        "dense_digit_f32": format_time(median(report, DENSE, DIGIT_BATCH, "float32")),
        "bare_digit_f32": format_time(median(report, BARE, DIGIT_BATCH, "float32")),
        "lecture_loop_digit_f32": format_time(median(report, LECTURE_LOOP, DIGIT_BATCH, "float32")),
        "dense_loop_digit_f32": format_time(median(report, DENSE_LOOP, DIGIT_BATCH, "float32")),
        "tiny_python": format_time(median(report, PYTHON_LOOPS, LECTURE, "float64")),
        "tiny_matmul": format_time(median(report, BARE, LECTURE, "float64")),
        "tiny_dense": format_time(median(report, DENSE, LECTURE, "float64")),
        "tiny_one_liner": format_time(median(report, ONE_LINER, LECTURE, "float64")),
    }


def _big_layer(report: Report, dtype: Dtype) -> dict[str, str]:
    """One dtype at the big layer: the bare product against the machine's peak, dense against
    the bare product, and the one-liner at the lecture's and one image's sizes."""
    eff, short = report["efficiency"], dtype.replace("float", "f")
    bare, peak = find(report, BARE, (eff["size"],) * 3, dtype), nominal_peak_gflops(report, dtype)
    out = {
        f"matmul_gflops_{short}": f"{bare['gflops']:.0f}",
        f"matmul_time_{short}": format_time(bare["median_s"]),
        f"peak_gflops_{short}": f"{peak:.0f}",
        f"peak_percent_{short}": f"{100 * bare['gflops'] / peak:.0f}",
        f"ratio_{short}": f"{eff[dtype]['ratio']:.2f}",
        f"mean_ratio_{short}": f"{eff[dtype]['mean_ratio']:.2f}",
        f"memory_{short}": f"{eff[dtype]['peak_memory_factor']:.3f}",
    }
    for name, size in (("lecture", LECTURE), ("image", DIGIT_ONE)):
        out[f"raw_ratio_{name}_{short}"] = f"{ratio(report, size, dtype, ONE_LINER):.2f}"
    return out
