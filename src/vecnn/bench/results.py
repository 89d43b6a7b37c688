"""The results file `vecnn-bench --json` writes, and the speed chapter is built from."""

from __future__ import annotations

from typing import Literal, NotRequired, TypedDict

# The implementations, slowest first; "torch" appears only where PyTorch is installed.
PYTHON_LOOPS, LECTURE_LOOP, DENSE_LOOP, ONE_LINER, DENSE, BARE, TORCH = (
    "python loops",
    "lecture loop",
    "dense_loop",
    "one-liner",
    "dense",
    "A_in @ W",
    "torch",
)
IMPLS = (PYTHON_LOOPS, LECTURE_LOOP, DENSE_LOOP, ONE_LINER, DENSE, BARE, TORCH)
Dtype = Literal["float32", "float64"]
DTYPES: tuple[Dtype, Dtype] = ("float32", "float64")
Size = tuple[int, int, int]  # (m, n, j): examples, inputs, units


class Machine(TypedDict):
    """Where the numbers were measured."""

    cpu: str
    cores: int | None
    mhz: float  # the nominal clock from /proc/cpuinfo; 0 where unknown
    simd_bits: int  # the widest vector registers numpy detected: 128, 256 or 512
    python: str
    numpy: str
    blas: str
    threads: dict[str, int] | str  # BLAS threads per library, from threadpoolctl
    date: str


class Row(TypedDict):
    """One implementation at one size and dtype: timed, or skipped with a note."""

    m: int
    n: int
    j: int
    dtype: str
    impl: str
    median_s: NotRequired[float]  # median seconds per call
    rounds: NotRequired[int]
    gflops: NotRequired[float]  # 2*m*n*j floating-point operations per median call
    note: NotRequired[str]  # why it was skipped


class DtypeEfficiency(TypedDict):
    ratio: float  # dense's median time over the bare product's
    mean_ratio: float  # the same with means: the slow calls count in full
    peak_memory_factor: float  # dense's peak allocation over its output's size


class Efficiency(TypedDict):
    size: int  # the layer is size x size x size
    rounds: int
    float32: DtypeEfficiency
    float64: DtypeEfficiency


class NetworkRow(TypedDict):
    """A whole network (bench/network.py): m examples, one of two ways, timed."""

    network: str  # named by its sizes, e.g. "400→25→15→1"
    m: int
    dtype: str
    impl: str  # "loop over examples" or "one call per layer"
    median_s: float
    rounds: int


class Report(TypedDict):
    machine: Machine
    results: list[Row]
    efficiency: NotRequired[Efficiency]
    networks: NotRequired[list[NetworkRow]]


def find(report: Report, impl: str, size: Size, dtype: str) -> Row:
    """One row of the report."""
    for row in report["results"]:
        if row["impl"] == impl and (row["m"], row["n"], row["j"]) == size and row["dtype"] == dtype:
            return row
    raise KeyError(f"no result for {impl} at {size} in {dtype}")


def median(report: Report, impl: str, size: Size, dtype: str) -> float | None:
    """An implementation's median seconds per call, or None where it was skipped or not run."""
    rows = (r for r in report["results"] if r["impl"] == impl and r["dtype"] == dtype)
    return next((r.get("median_s") for r in rows if (r["m"], r["n"], r["j"]) == size), None)


def ratio(report: Report, size: Size, dtype: str, over: str) -> float | None:
    """dense's median time over another implementation's at one size, or None if one is missing."""
    top, bottom = median(report, DENSE, size, dtype), median(report, over, size, dtype)
    return top / bottom if top and bottom else None


def format_time(seconds: float) -> str:
    """3 significant digits in s, ms, µs or ns."""
    for unit, scale in (("s", 1), ("ms", 1e-3), ("µs", 1e-6)):
        if seconds >= scale:
            return f"{seconds / scale:.3g} {unit}"
    return f"{seconds / 1e-9:.3g} ns"
