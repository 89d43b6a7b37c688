"""The speed chapter's chart: median time against layer size, one line per implementation."""

from __future__ import annotations

from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, LogLocator

from sitebuild.figures import style
from sitebuild.figures.style import CARD, EDGE, INK
from vecnn.bench import DTYPES, IMPLS, Report, format_time

LINES = dict(
    zip(
        IMPLS,
        [
            ("#cf222e", "o"),
            ("#bc4c00", "s"),
            ("#9a6700", "P"),
            ("#6e7781", "X"),
            ("#0969da", "^"),
            ("#1a7f37", "D"),
            ("#8250df", "v"),
        ],
        strict=True,
    )
)


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
        "each implementation. The Python loops, the lecture's loop and dense_loop rise steeply "
        "and are skipped at the largest size; dense stays close to the one-liner and the bare "
        f"matrix product. At the largest size: {parts}."
    )


def svg(report: Report, narrow: bool = False) -> str:
    return style.svg(chart(report, narrow), "speed")
