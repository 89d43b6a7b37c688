"""How fast is it? Time six ways of computing one dense layer, side by side.

Run `vecnn-bench` (or `python -m vecnn.bench`); `--quick` finishes in seconds, `--json PATH`
writes the results. Every implementation of a size is timed in the same rounds, interleaved,
so a noisy neighbour slows them all alike, and medians are reported.

- `contenders`: the layer computed six ways (seven where PyTorch is installed);
- `timing`: how they are timed;
- `machine`: where the numbers were measured;
- `results`: the shape of the results file, and looking rows up in it;
- `network`: a whole network, a loop over the examples against one call per layer;
- `tables`: the text tables the command prints;
- `cli`: the command line.
"""

from vecnn.bench.contenders import implementations, skipped
from vecnn.bench.results import DTYPES, IMPLS, Report, Row, find, format_time, ratio
from vecnn.bench.timing import efficiency, peak_memory_factor, run

__all__ = [
    "DTYPES",
    "IMPLS",
    "Report",
    "Row",
    "efficiency",
    "find",
    "format_time",
    "implementations",
    "peak_memory_factor",
    "ratio",
    "run",
    "skipped",
]
