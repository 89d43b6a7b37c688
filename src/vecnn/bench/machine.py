"""Where the benchmark ran: CPU, vector width, NumPy and its BLAS."""

from __future__ import annotations

import importlib
import os
import platform
from datetime import UTC, datetime
from typing import Any

import numpy as np
from threadpoolctl import threadpool_info

from vecnn.bench.results import Machine


def _cpuinfo(field: str) -> str | None:
    """The first value of a field of /proc/cpuinfo (Linux), or None."""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            return next(
                (line.split(":", 1)[1].strip() for line in f if line.startswith(field)), None
            )
    except OSError:
        return None


def simd_bits() -> int:
    """The widest vector registers numpy detected on this CPU."""
    umath = importlib.import_module("numpy._core._multiarray_umath")
    features: dict[str, bool] = umath.__cpu_features__
    return 512 if features.get("AVX512F") else 256 if features.get("AVX2") else 128


def machine() -> Machine:
    """Where the numbers were measured."""
    config: Any = np.show_config(mode="dicts")
    blas = config["Build Dependencies"]["blas"]
    return {
        "cpu": _cpuinfo("model name") or platform.processor() or platform.machine(),
        "cores": os.cpu_count(),
        "mhz": float(_cpuinfo("cpu MHz") or 0),
        "simd_bits": simd_bits(),
        "python": platform.python_version(),
        "numpy": np.__version__,
        "blas": f"{blas['name']} {blas['version']}",
        "threads": {info["internal_api"]: info["num_threads"] for info in threadpool_info()},
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
    }
