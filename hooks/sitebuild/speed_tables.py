"""The speed chapter's two tables, from the benchmark's results: the loops against `dense`, and
`dense` against NumPy's one-liner and the bare product (and PyTorch, where it was measured)."""

from __future__ import annotations

from vecnn.bench import DTYPES, Report, find, format_time
from vecnn.bench.results import (
    BARE,
    DENSE,
    DENSE_LOOP,
    LECTURE_LOOP,
    ONE_LINER,
    PYTHON_LOOPS,
    TORCH,
)


def loops(report: Report) -> str:
    """[[bench:loops_table]]: the loops' median times beside dense's, and loop ÷ dense."""
    names = [PYTHON_LOOPS, LECTURE_LOOP, DENSE_LOOP, DENSE]
    return _table(report, names, [("loop ÷ `dense`", LECTURE_LOOP, DENSE)])


def numpy(report: Report) -> str:
    """[[bench:numpy_table]]: dense against the one-liner and the bare product."""
    ratios = [("`dense` ÷ one-liner", DENSE, ONE_LINER), ("`dense` ÷ bare", DENSE, BARE)]
    return _table(report, [ONE_LINER, DENSE, BARE, TORCH], ratios)


def _table(report: Report, names: list[str], ratios: list[tuple[str, str, str]]) -> str:
    """Median time per implementation, one row per size and dtype, then the ratios: each a
    heading, and the implementations whose median times are divided (top, bottom)."""
    names = [n for n in names if any(r["impl"] == n for r in report["results"])]
    head = " | ".join(n if n == PYTHON_LOOPS else f"`{n}`" for n in names)
    sizes = dict.fromkeys((r["m"], r["n"], r["j"]) for r in report["results"])
    lines = [
        f"| size, dtype | {head} | " + " | ".join(h for h, _, _ in ratios) + " |",
        "|" + " --- |" * (len(names) + len(ratios) + 1),
    ]
    for size in sizes:
        for dtype in DTYPES:
            rows = [find(report, name, size, dtype) for name in names]
            cells = [format_time(r["median_s"]) if "median_s" in r else "skipped" for r in rows]
            for _, top, bottom in ratios:
                pair = find(report, top, size, dtype), find(report, bottom, size, dtype)
                both = all("median_s" in r for r in pair)
                cells.append(f"{pair[0]['median_s'] / pair[1]['median_s']:.2f}" if both else "–")
            lines.append(f"| {'×'.join(map(str, size))}, {dtype} | " + " | ".join(cells) + " |")
    return "\n".join(lines)
