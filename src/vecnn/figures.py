"""Figures HNNIE 1-5, drawn from vecnn's own computations on the lecture's layer.

Each figure is an SVG string made by matplotlib. The site's build hook writes them as
figures/hnnie-1.svg ... hnnie-5.svg; ALT holds the alt text each figure is shown with.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

import matplotlib

matplotlib.use("svg")  # a file backend: figures are written, never shown

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
from matplotlib.axes import Axes  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.patches import Circle, FancyArrowPatch, Rectangle  # noqa: E402
from numpy.typing import NDArray  # noqa: E402

from vecnn import lesson  # noqa: E402
from vecnn.activations import sigmoid  # noqa: E402
from vecnn.layer import dense, dense_loop  # noqa: E402

# Dark ink on a white card reads the same in Material's light and dark palettes.
INK, CARD, EDGE = "#1b1f24", "#ffffff", "#57606a"
COLORS = {"x": "#cfe2ff", "W": "#ffe5b4", "B": "#e8d5ff", "Z": "#c8f0e0", "A_out": "#d9f2c4"}
HIGHLIGHT = "#d1242f"

# The lecture's layer, computed by the package itself.
Z_matmul = np.matmul(lesson.X, lesson.W)  # (1, 3)  before the bias
Z = Z_matmul + lesson.B  # (1, 3)
A_out = dense(lesson.X, lesson.W, lesson.B)  # (1, 3)
a_out = dense_loop(lesson.x, lesson.W, lesson.b)  # (3,)
assert np.array_equal(A_out[0], a_out), "the loop and the vectorized layer must agree"
assert np.array_equal(sigmoid(Z), A_out)


def fmt(v: float, decimals: int | None = None) -> str:
    """Whole numbers as integers, others to two decimals (or to `decimals`); a real minus sign."""
    if decimals is None:
        decimals = 0 if float(v).is_integer() else 2
    text = f"{v:.{decimals}f}"
    return text.replace("-", "\u2212")


def seq(values: NDArray[np.generic], decimals: int | None = None) -> str:
    """[1, -2] style, for labels and alt text."""
    return "[" + ", ".join(fmt(v, decimals) for v in np.ravel(values)) + "]"


def new_figure(width: float, height: float) -> tuple[Figure, Axes]:
    """A card-coloured figure whose axes use data units (1 unit = one array cell)."""
    fig = plt.figure(figsize=(width * 0.32, height * 0.32), facecolor=CARD)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, width)
    ax.set_ylim(0, height)
    ax.set_aspect("equal")
    ax.axis("off")
    return fig, ax


def grid(
    ax: Axes,
    M: NDArray[np.generic],
    left: float,
    top: float,
    name: str,
    color: str,
    *,
    highlight: tuple[int | None, int | None] = (None, None),  # a row, a column, or one cell
    cell: float = 1.8,
    decimals: int | None = None,
) -> tuple[float, float]:
    """Draw a 1-D or 2-D array as a grid of numbers with its name above and shape below.

    Returns the (x, y) of the grid's right edge, at its vertical middle.
    """
    rows = np.atleast_2d(M)
    m, n = rows.shape
    for i in range(m):
        for j in range(n):
            x, y = left + j * cell, top - (i + 1) * 0.9
            hot = (
                highlight != (None, None)
                and highlight[0] in (None, i)
                and highlight[1] in (None, j)
            )
            ax.add_patch(Rectangle((x, y), cell, 0.9, facecolor=color, edgecolor=EDGE, lw=1))
            ax.text(
                x + cell / 2,
                y + 0.45,
                fmt(rows[i, j], decimals),
                ha="center",
                va="center",
                fontsize=11,
                color=HIGHLIGHT if hot else INK,
                fontweight="bold" if hot else "normal",
            )
    if np.ndim(M) == 1:  # a 1-D array has no rows: draw it dashed, with no outer frame
        for patch in ax.patches[-n:]:
            patch.set_linestyle((0, (3, 2)))
    width = n * cell
    ax.text(
        left + width / 2,
        top + 0.25,
        name,
        ha="center",
        va="bottom",
        fontsize=12,
        color=INK,
        fontweight="bold",
    )
    ax.text(
        left + width / 2,
        top - m * 0.9 - 0.25,
        f"shape {np.shape(M)}",
        ha="center",
        va="top",
        fontsize=10,
        color=INK,
        family="monospace",
    )
    return left + width, top - m * 0.45


def symbol(ax: Axes, x: float, y: float, text: str, size: int = 18) -> None:
    ax.text(x, y, text, ha="center", va="center", fontsize=size, color=INK)


def arrow(ax: Axes, start: tuple[float, float], end: tuple[float, float], label: str = "") -> None:
    ax.add_patch(
        FancyArrowPatch(start, end, arrowstyle="-|>", mutation_scale=14, color=EDGE, lw=1.3)
    )
    if label:
        ax.text(
            (start[0] + end[0]) / 2,
            (start[1] + end[1]) / 2 + 0.3,
            label,
            ha="center",
            va="bottom",
            fontsize=10,
            color=INK,
            family="monospace",
        )


def hnnie_1() -> Figure:
    """The loop: three units, each with its own w, b, z and output."""
    fig, ax = new_figure(27, 9.5)
    ax.text(
        0.5,
        9.0,
        "for j in range(3):  z = np.dot(W[:, j], x) + b[j];  a_out[j] = g(z)",
        fontsize=11,
        color=INK,
        family="monospace",
        va="center",
    )
    right, mid = grid(ax, lesson.x, 0.6, 5.4, "x", COLORS["x"])
    for j in range(3):
        cy = 7.0 - j * 2.6
        ax.add_patch(Circle((6.6, cy), 0.85, facecolor=COLORS["Z"], edgecolor=EDGE, lw=1.2))
        ax.text(6.6, cy, f"unit {j + 1}", ha="center", va="center", fontsize=10, color=INK)
        arrow(ax, (right + 0.1, mid), (5.7, cy))
        w, zj = lesson.W[:, j], Z[0, j]
        ax.text(
            7.8,
            cy + 0.4,
            f"w{j + 1} = {seq(w)},  b{j + 1} = {fmt(lesson.b[j])}",
            fontsize=10.5,
            color=INK,
            va="center",
        )
        ax.text(
            7.8,
            cy - 0.4,
            f"z{j + 1} = w{j + 1}\u00b7x + b{j + 1} = {fmt(zj)}",
            fontsize=10.5,
            color=INK,
            va="center",
        )
        arrow(ax, (14.3, cy), (16.3, cy), "g")
        ax.text(16.5, cy, f"a{j + 1} = {fmt(a_out[j], 2)}", fontsize=11, color=INK, va="center")
    grid(ax, a_out, 20.6, 5.4, "a_out", COLORS["A_out"], cell=2.0, decimals=2)
    return fig


def hnnie_2() -> Figure:
    """The same data as 2-D arrays: the double brackets make X a 1x2 matrix."""
    fig, ax = new_figure(27.4, 6.5)
    right, mid = grid(ax, lesson.x, 0.6, 4.8, "x", COLORS["x"])
    symbol(ax, right + 1.1, mid, "\u2192", 20)
    right, _ = grid(ax, lesson.X, right + 2.2, 4.8, "X", COLORS["x"])
    right, _ = grid(ax, lesson.W, right + 2.6, 4.8, "W", COLORS["W"])
    grid(ax, lesson.B, right + 2.6, 4.8, "B", COLORS["B"])
    ax.text(
        13.7,
        0.7,
        "x = np.array([200, 17]) is 1-D;  X = np.array([[200, 17]]), W and B are 2-D",
        ha="center",
        fontsize=10.5,
        color=INK,
        family="monospace",
    )
    return fig


def hnnie_3() -> Figure:
    """np.matmul(A_in, W): row 1 of A_in dotted with column 2 of W gives entry (1, 2)."""
    fig, ax = new_figure(21.5, 6.5)
    right, mid = grid(ax, lesson.X, 0.6, 4.8, "A_in", COLORS["x"], highlight=(0, None))
    symbol(ax, right + 0.8, mid, "@")
    right, _ = grid(ax, lesson.W, right + 1.6, 4.8, "W", COLORS["W"], highlight=(None, 1))
    symbol(ax, right + 0.8, mid, "=")
    grid(ax, Z_matmul, right + 1.6, 4.8, "A_in @ W", COLORS["Z"], highlight=(0, 1))
    w = lesson.W[:, 1]
    ax.text(
        10.75,
        0.7,
        f"row 1 of A_in \u00b7 column 2 of W = {fmt(lesson.X[0, 0])}\u00d7{fmt(w[0])}"
        f" + {fmt(lesson.X[0, 1])}\u00d7{fmt(w[1])} = {fmt(Z_matmul[0, 1])}",
        ha="center",
        fontsize=11,
        color=INK,
    )
    return fig


def hnnie_4() -> Figure:
    """matmul, then + B, then g element-wise: Z and A_out."""
    fig, ax = new_figure(30, 4.6)
    right, mid = grid(ax, Z_matmul, 0.6, 3.2, "A_in @ W", COLORS["Z"])
    symbol(ax, right + 0.8, mid, "+")
    right, _ = grid(ax, lesson.B, right + 1.6, 3.2, "B", COLORS["B"])
    symbol(ax, right + 0.8, mid, "=")
    right, _ = grid(ax, Z, right + 1.6, 3.2, "Z", COLORS["Z"])
    arrow(ax, (right + 0.3, mid), (right + 2.6, mid), "g")
    grid(ax, A_out, right + 2.9, 3.2, "A_out = g(Z)", COLORS["A_out"], cell=2.0, decimals=2)
    return fig


def hnnie_5() -> Figure:
    """Every quantity of the vectorized layer is a 2-D array."""
    fig, ax = new_figure(32, 5.8)
    left = 0.6
    for name, M, key in [
        ("A_in", lesson.X, "x"),
        ("W", lesson.W, "W"),
        ("B", lesson.B, "B"),
        ("Z", Z, "Z"),
        ("A_out", A_out, "A_out"),
    ]:
        decimals = 2 if name == "A_out" else None
        right, _ = grid(
            ax, M, left, 4.4, name, COLORS[key], cell=2.0 if decimals else 1.8, decimals=decimals
        )
        left = right + 1.2
    ax.text(
        16,
        0.6,
        "Z = np.matmul(A_in, W) + B;   A_out = g(Z)",
        ha="center",
        fontsize=11,
        color=INK,
        family="monospace",
    )
    return fig


def _alt() -> dict[str, str]:
    zs, outs = Z[0], A_out[0]
    units = "; ".join(
        f"unit {j + 1} has w{j + 1} = {seq(lesson.W[:, j])} and b{j + 1} = {fmt(lesson.b[j])}, "
        f"so z{j + 1} = {fmt(zs[j])} and its output is {fmt(outs[j], 2)}"
        for j in range(3)
    )
    return {
        "hnnie-1": f"A for loop over three units. The input x = {seq(lesson.x)} feeds each unit: "
        f"{units}. The outputs form a_out = {seq(a_out, 2)}.",
        "hnnie-2": f"The 1-D vector x = {seq(lesson.x)} of shape (2,) next to the 2-D array "
        f"X of shape (1, 2), the 2 by 3 weight matrix W with columns {seq(lesson.W[:, 0])}, "
        f"{seq(lesson.W[:, 1])} and {seq(lesson.W[:, 2])}, and the bias B = {seq(lesson.B)} "
        "of shape (1, 3).",
        "hnnie-3": f"A_in of shape (1, 2) times W of shape (2, 3) gives a 1 by 3 result "
        f"{seq(Z_matmul)}. Row 1 of A_in dotted with column 2 of W gives "
        f"{fmt(Z_matmul[0, 1])}.",
        "hnnie-4": f"The matmul result {seq(Z_matmul)} plus B = {seq(lesson.B)} gives "
        f"Z = {seq(Z)}; the sigmoid applied to each entry gives A_out = {seq(A_out, 2)}.",
        "hnnie-5": "The five quantities of the vectorized layer as 2-D arrays with their shapes: "
        "A_in (1, 2), W (2, 3), B (1, 3), Z (1, 3) and A_out (1, 3).",
    }


ALT = _alt()
FIGURES: dict[str, Callable[[], Figure]] = {
    "hnnie-1": hnnie_1,
    "hnnie-2": hnnie_2,
    "hnnie-3": hnnie_3,
    "hnnie-4": hnnie_4,
    "hnnie-5": hnnie_5,
}


def svg(name: str) -> str:
    """Draw one figure HNNIE 1-5 and return it as SVG text (deterministic: no date, fixed ids)."""
    return svg_of(FIGURES[name](), name)


# --- "How fast is it?": the benchmark's results, drawn at build time ---------------------------

LINES = {
    "python loops": ("#cf222e", "o"),
    "dense_loop": ("#bc4c00", "s"),
    "dense": ("#0969da", "^"),
    "A_in @ W": ("#1a7f37", "D"),
    "torch": ("#8250df", "v"),
}


def speed(report: dict[str, Any]) -> Figure:
    """Time against layer size (multiply-adds m*n*j), log-log, one line per implementation."""
    fig, axes = plt.subplots(1, 2, figsize=(10, 4.2), sharey=True, facecolor=CARD)
    for ax, dtype in zip(axes, ["float32", "float64"], strict=True):
        for impl, (color, marker) in LINES.items():
            rows = [r for r in report["results"] if r["impl"] == impl and r["dtype"] == dtype]
            points = sorted(
                (r["m"] * r["n"] * r["j"], r["median_s"]) for r in rows if "median_s" in r
            )
            if points:
                x, y = zip(*points, strict=True)
                ax.loglog(x, y, color=color, marker=marker, label=impl, lw=1.6, ms=5)
        ax.set_title(dtype, color=INK, fontsize=11)
        ax.set_xlabel("layer size: multiply-adds m·n·j", color=INK)
        ax.set_facecolor(CARD)
        ax.grid(True, which="major", color="#d0d7de", lw=0.6)
        ax.tick_params(colors=INK, which="both")
        for spine in ax.spines.values():
            spine.set_color(EDGE)
    axes[0].set_ylabel("median time per call (s)", color=INK)
    axes[0].legend(frameon=False, fontsize=9, labelcolor=INK)
    fig.tight_layout()
    return fig


def speed_alt(report: dict[str, Any]) -> str:
    """Alt text for the speed plot, read off the same results."""
    big = max(r["m"] * r["n"] * r["j"] for r in report["results"])
    fast = [r for r in report["results"] if r["m"] * r["n"] * r["j"] == big and "median_s" in r]
    parts = ", ".join(f"{r['impl']} {r['dtype']} {r['median_s'] * 1e3:.3g} ms" for r in fast)
    return (
        "Two log-log plots, float32 and float64, of median time per call against layer size for "
        "each implementation. The Python loops and dense_loop rise steeply and are skipped at "
        f"large sizes; dense stays close to the bare matrix product. At the largest size: {parts}."
    )


def svg_of(fig: Figure, salt: str) -> str:
    """A figure as deterministic SVG text."""
    buf = io.StringIO()
    with plt.rc_context({"svg.hashsalt": salt, "svg.fonttype": "path"}):
        fig.savefig(buf, format="svg", facecolor=CARD, metadata={"Date": None})
    plt.close(fig)
    return buf.getvalue()
