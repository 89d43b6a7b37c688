"""The speed chapter's chart: median time against layer size, one line per implementation.

Unlike the lesson's figures it is drawn from the benchmark's report, which the build loads, so
it is not registered: `figure_of(report)` makes it a Figure like theirs, figures/speed.svg.
"""

from __future__ import annotations

from matplotlib.axes import Axes
from matplotlib.ticker import FuncFormatter, LogLocator

from sitebuild.figures.layout import Layout
from sitebuild.figures.registry import Figure
from sitebuild.figures.style import CARD, EDGE, INK, Drawing
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
SIZE = "layer size: multiply-adds m·n·j"


def figure_of(report: Report) -> Figure:
    """The chart of this report as a figure of the site, with its alt text."""
    return Figure("speed", chart_alt(report), lambda layout: chart(report, layout))


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


def chart(report: Report, layout: Layout) -> Drawing:
    """Time against layer size (multiply-adds m*n*j), log-log, one line per implementation.

    Wide: float32 and float64 side by side. Narrow, for phones: one above the other.
    """
    fig = Drawing(figsize=layout.pick((7.4, 3.5), (3.9, 6.4)), facecolor=CARD)
    wide = layout is Layout.WIDE
    axes = fig.subplots(1, 2, sharey=True) if wide else fig.subplots(2, 1, sharex=True)
    for ax, dtype in zip(axes, DTYPES, strict=True):
        plot(ax, report, dtype, layout)
    axes[-1].set_xlabel(SIZE, color=INK, fontsize=10)
    if wide:
        axes[0].set_xlabel(SIZE, color=INK, fontsize=10)
    for ax in axes[:1] if wide else axes:
        ax.set_ylabel("median time per call", color=INK, fontsize=10)
    axes[0].legend(frameon=False, fontsize=10, labelcolor=INK)
    fig.tight_layout()
    return fig


def plot(ax: Axes, report: Report, dtype: str, layout: Layout) -> None:
    """One dtype's lines, on log-log axes labelled in words."""
    for impl, (color, marker) in LINES.items():
        rows = [r for r in report["results"] if r["impl"] == impl and r["dtype"] == dtype]
        points = sorted((r["m"] * r["n"] * r["j"], r["median_s"]) for r in rows if "median_s" in r)
        if points:
            x, y = zip(*points, strict=True)
            ax.loglog(x, y, color=color, marker=marker, label=impl, lw=1.6, ms=5)
    ax.set_title(dtype, color=INK, fontsize=11)
    ax.xaxis.set_major_locator(LogLocator(base=layout.pick(10, 100)))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: count(v)))
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: format_time(v).replace(".0 ", " ")))
    ax.minorticks_off()
    ax.set_facecolor(CARD)
    ax.grid(True, which="major", color="#d0d7de", lw=0.6)
    ax.tick_params(colors=INK, which="both", labelsize=10)
    for spine in ax.spines.values():
        spine.set_color(EDGE)


def count(v: float) -> str:
    """1, 10, 100, 1k, ..., 1G: tick labels in words rather than powers of ten."""
    for suffix, scale in (("G", 1e9), ("M", 1e6), ("k", 1e3)):
        if v >= scale:
            return f"{v / scale:.0f}{suffix}"
    return f"{v:.0f}"
