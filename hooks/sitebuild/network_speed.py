"""A whole network's numbers for the pages: part 5's 40,000 roasts and the speed chapter's
digit network, read off the benchmark's `networks` rows (vecnn/bench/network.py)."""

from __future__ import annotations

from vecnn.bench import Report, format_time
from vecnn.bench.network import CALLS, DIGITS, LOOP, ROASTS, find_network, speedup
from vecnn.bench.results import NetworkRow

ROAST_PLANE = 40_000  # the plane of Figure 11: 200 x 200 roasts


def values(report: Report) -> dict[str, str]:
    """[[bench:roasts_call]] and its kin, plus the speed chapter's table of the digit network."""
    rows = report["networks"]
    return {
        "roasts_m": f"{ROAST_PLANE:,}",
        "roasts_call": time(rows, ROASTS, ROAST_PLANE, CALLS),
        "roasts_loop": time(rows, ROASTS, ROAST_PLANE, LOOP),
        "roasts_speedup": f"{speedup(rows, ROASTS, ROAST_PLANE):,.0f}",
        "digits_speedup_1": f"{speedup(rows, DIGITS, 1):,.0f}",
        "digits_speedup_1000": f"{speedup(rows, DIGITS, 1000):,.0f}",
        "network_table": table(rows),
    }


def time(rows: list[NetworkRow], network: str, m: int, impl: str) -> str:
    return format_time(find_network(rows, network, m, impl)["median_s"])


def table(rows: list[NetworkRow]) -> str:
    """The digit network, one row per batch size: the loop, one call per layer, the speedup."""
    lines = [
        "| network × images | loop | one call per layer | speedup |",
        "| --- | --- | --- | --- |",
    ]
    for m in sorted({r["m"] for r in rows if r["network"] == DIGITS}):
        loop, calls = time(rows, DIGITS, m, LOOP), time(rows, DIGITS, m, CALLS)
        lines.append(f"| {DIGITS} × {m:,} | {loop} | {calls} | {speedup(rows, DIGITS, m):,.0f}× |")
    return "\n".join(lines)
