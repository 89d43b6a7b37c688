"""The text tables `vecnn-bench` prints: every result with its speedup, and dense's ratios."""

from __future__ import annotations

from vecnn.bench.results import (
    BARE,
    DTYPES,
    LECTURE_LOOP,
    ONE_LINER,
    Report,
    Size,
    format_time,
    median,
    ratio,
)


def results(report: Report) -> str:
    """The results as an aligned text table, with speedups over the lecture's loop."""
    head = ("size m x n x j", "dtype", "implementation", "median", "GFLOP/s", "vs lecture loop")
    lines = [" ".join(f"{h:>{w}}" for h, w in zip(head, (18, 8, 14, 11, 9, 15), strict=True))]
    for row in report["results"]:
        size = f"{row['m']}x{row['n']}x{row['j']}"
        start = f"{size:>18} {row['dtype']:>8} {row['impl']:>14}"
        if "median_s" not in row:
            lines.append(f"{start}   {row.get('note', '')}")
            continue
        base = median(report, LECTURE_LOOP, (row["m"], row["n"], row["j"]), row["dtype"])
        speedup = f"{base / row['median_s']:.1f}x" if base else "-"
        lines.append(
            f"{start} {format_time(row['median_s']):>11} {row['gflops']:>9.2f} {speedup:>15}"
        )
    return "\n".join(lines)


def ratios(report: Report) -> str:
    """dense over the raw one-liner and over the bare product, at every size, side by side."""
    lines = ["", "dense's time over the one-liner 1/(1+np.exp(-(A_in @ W + b))) and over A_in @ W:"]
    sizes: list[Size] = list(dict.fromkeys((r["m"], r["n"], r["j"]) for r in report["results"]))
    for size in sizes:
        cells = []
        for dtype in DTYPES:
            raw, bare = ratio(report, size, dtype, ONE_LINER), ratio(report, size, dtype, BARE)
            if raw is not None and bare is not None:
                cells.append(f"{dtype} {raw:.2f} / {bare:.2f}")
        lines.append(f"  {'x'.join(map(str, size)):>14}: " + ",  ".join(cells))
    return "\n".join(lines)
