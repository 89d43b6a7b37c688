"""The "How fast is it?" chapter: its numbers, table and chart, from the benchmark's results.

The page holds placeholders such as [[bench:ratio_f32]]; `fill` replaces each with a value read
off docs/benchmark-results.json (written by `make bench`), so no number on it is typed by hand.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, LogLocator

from sitebuild import drawing, network_speed
from sitebuild.drawing import CARD, EDGE, INK
from vecnn.bench import DTYPES, IMPLS, Report, find, format_time
from vecnn.bench.results import BARE, DENSE, DENSE_LOOP, PYTHON_LOOPS, Size

RESULTS = "benchmark-results.json"
PLACEHOLDER = re.compile(r"\[\[bench:(\w+)\]\]")
LINES = dict(
    zip(
        IMPLS,
        [("#cf222e", "o"), ("#bc4c00", "s"), ("#0969da", "^"), ("#1a7f37", "D"), ("#8250df", "v")],
        strict=True,
    )
)
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
    info, eff = report["machine"], report["efficiency"]
    big = (eff["size"],) * 3
    out = {
        "cpu": info["cpu"],
        "cores": str(info["cores"]),
        "simd_bits": str(info["simd_bits"]),
        "numpy": info["numpy"],
        "blas": info["blas"],
        "date": info["date"],
        "python": info["python"],
        "ghz": f"{info['mhz'] / 1e3:.1f}",
        "size": str(eff["size"]),
        "python_gflops": f"{find(report, PYTHON_LOOPS, DIGIT_ONE, 'float64')['gflops']:.2f}",
        "loop_speedup_digit": f"{median(report, DENSE_LOOP, DIGIT_BATCH, 'float32') / median(report, DENSE, DIGIT_BATCH, 'float32'):.0f}",
        "dense_digit_f32": format_time(median(report, DENSE, DIGIT_BATCH, "float32")),
        "dense_loop_digit_f32": format_time(median(report, DENSE_LOOP, DIGIT_BATCH, "float32")),
        "tiny_python": format_time(median(report, PYTHON_LOOPS, LECTURE, "float64")),
        "tiny_matmul": format_time(median(report, BARE, LECTURE, "float64")),
        "tiny_dense": format_time(median(report, DENSE, LECTURE, "float64")),
    }
    for dtype in DTYPES:
        bare, peak, short = (
            find(report, BARE, big, dtype),
            nominal_peak_gflops(report, dtype),
            dtype.replace("float", "f"),
        )
        out[f"matmul_gflops_{short}"] = f"{bare['gflops']:.0f}"
        out[f"matmul_time_{short}"] = format_time(bare["median_s"])
        out[f"peak_gflops_{short}"] = f"{peak:.0f}"
        out[f"peak_percent_{short}"] = f"{100 * bare['gflops'] / peak:.0f}"
        out[f"ratio_{short}"] = f"{eff[dtype]['ratio']:.2f}"
        out[f"memory_{short}"] = f"{eff[dtype]['peak_memory_factor']:.2f}"
    out["f64_over_f32"] = (
        f"{median(report, BARE, big, 'float64') / median(report, BARE, big, 'float32'):.1f}"
    )
    return out | network_speed.values(report)  # a whole network: part 5 and its own section


def markdown_table(report: Report) -> str:
    """Median time per implementation, one table per dtype, one row per size."""
    names = [n for n in IMPLS if any(r["impl"] == n for r in report["results"])]
    head = " | ".join(n if n == PYTHON_LOOPS else f"`{n}`" for n in names)
    sizes = dict.fromkeys((r["m"], r["n"], r["j"]) for r in report["results"])
    tables = []
    for dtype in DTYPES:
        lines = [
            f"**{dtype}**",
            "",
            f"| m × n × j | {head} | `dense` ÷ bare |",
            "|" + " --- |" * (len(names) + 2),
        ]
        for size in sizes:
            rows = [find(report, name, size, dtype) for name in names]
            cells = [format_time(r["median_s"]) if "median_s" in r else "skipped" for r in rows]
            ratio = median(report, DENSE, size, dtype) / median(report, BARE, size, dtype)
            lines.append(
                f"| {'×'.join(map(str, size))} | " + " | ".join(cells) + f" | {ratio:.2f} |"
            )
        tables.append("\n".join(lines))
    return "\n\n".join(tables)


def count(v: float) -> str:
    """1, 10, 100, 1k, ..., 1G: tick labels in words rather than powers of ten."""
    for suffix, scale in (("G", 1e9), ("M", 1e6), ("k", 1e3)):
        if v >= scale:
            return f"{v / scale:.0f}{suffix}"
    return f"{v:.0f}"


def chart(report: Report, narrow: bool = False) -> Figure:
    """Time against layer size (multiply-adds m*n*j), log-log, one line per implementation.

    Wide: float32 and float64 side by side. Narrow, for phones: one above the other.
    """
    fig = Figure(figsize=(3.9, 6.4) if narrow else (7.4, 3.5), facecolor=CARD)
    axes = fig.subplots(2, 1, sharex=True) if narrow else fig.subplots(1, 2, sharey=True)
    for ax, dtype in zip(axes, DTYPES, strict=True):
        for impl, (color, marker) in LINES.items():
            rows = [r for r in report["results"] if r["impl"] == impl and r["dtype"] == dtype]
            points = sorted(
                (r["m"] * r["n"] * r["j"], r["median_s"]) for r in rows if "median_s" in r
            )
            if points:
                x, y = zip(*points, strict=True)
                ax.loglog(x, y, color=color, marker=marker, label=impl, lw=1.6, ms=5)
        ax.set_title(dtype, color=INK, fontsize=11)
        ax.xaxis.set_major_locator(LogLocator(base=100 if narrow else 10))
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: count(v)))
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: format_time(v).replace(".0 ", " ")))
        ax.minorticks_off()
        ax.set_facecolor(CARD)
        ax.grid(True, which="major", color="#d0d7de", lw=0.6)
        ax.tick_params(colors=INK, which="both", labelsize=10)
        for spine in ax.spines.values():
            spine.set_color(EDGE)
    axes[-1].set_xlabel("layer size: multiply-adds m·n·j", color=INK, fontsize=10)
    if not narrow:
        axes[0].set_xlabel("layer size: multiply-adds m·n·j", color=INK, fontsize=10)
    for ax in axes if narrow else axes[:1]:
        ax.set_ylabel("median time per call", color=INK, fontsize=10)
    axes[0].legend(frameon=False, fontsize=10, labelcolor=INK)
    fig.tight_layout()
    return fig


def chart_alt(report: Report) -> str:
    """Alt text for the chart, read off the same results."""
    big = max(r["m"] * r["n"] * r["j"] for r in report["results"])
    fast = [r for r in report["results"] if r["m"] * r["n"] * r["j"] == big and "median_s" in r]
    parts = ", ".join(f"{r['impl']} {r['dtype']} {r['median_s'] * 1e3:.3g} ms" for r in fast)
    return (
        "Two log-log plots, float32 and float64, of median time per call against layer size for "
        "each implementation. The Python loops and dense_loop rise steeply and are skipped at "
        f"large sizes; dense stays close to the bare matrix product. At the largest size: {parts}."
    )


def fill(markdown: str, report: Report, page: str) -> str:
    """Replace every [[bench:key]] with its value, the table, or the chart."""
    values = summary(report) | {
        "table": markdown_table(report),
        "figure": f"![{chart_alt(report)}](figures/speed.svg)",
    }

    def value(match: re.Match[str]) -> str:
        if match[1] not in values:
            raise KeyError(f"{page}: no benchmark value named {match[1]!r}")
        return values[match[1]]

    return PLACEHOLDER.sub(value, markdown)


def svg(report: Report, narrow: bool = False) -> str:
    return drawing.svg(chart(report, narrow), "speed")
