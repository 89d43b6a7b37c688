"""The first cell of every lesson page's notebook: vecnn, and a record of what each cell prints.

It installs vecnn from the lesson's site, pinned by the wheel's hash, only where the kernel lacks
it (Colab, a fresh Jupyter), and keeps what each cell prints, so that the check cells made from
the page's expected output (`check_printed`) can compare it with the page.
"""

from __future__ import annotations

_SOURCE = '''\
# Setup: vecnn from the lesson's site when this kernel lacks it (Colab, a fresh Jupyter), and
# a record of what each cell prints, so that the check cells can compare it with the page.
import importlib
import io
import sys

try:
    import vecnn
except ImportError:
    %pip install --quiet {pinned}
    importlib.invalidate_caches()
    import vecnn


class Printed(io.StringIO):
    """Writes through to the notebook and keeps a copy of what the cell printed."""

    def __init__(self, out):
        super().__init__()
        self.out = out

    def write(self, text):
        self.out.write(text)
        return super().write(text)

    def flush(self):
        self.out.flush()


def record(info):
    global real_stdout
    real_stdout, sys.stdout = sys.stdout, Printed(sys.stdout)


def keep(result):
    global last_printed
    if sys.stdout is not real_stdout:
        last_printed, sys.stdout = sys.stdout.getvalue(), real_stdout


def check_printed(expected):
    """Compare what the previous cell printed with what the page shows."""
    assert last_printed.strip() == expected.strip(), f"printed:\\n{{last_printed}}"
    print("Prints what the page shows.")


if "last_printed" not in globals():  # once, however often this cell runs
    last_printed, real_stdout = "", sys.stdout
    get_ipython().events.register("pre_run_cell", record)
    get_ipython().events.register("post_run_cell", keep)
print(f"vecnn {{vecnn.__version__}} is ready")'''


def cell(pinned: str) -> str:
    """The setup cell's source, installing the wheel at the pinned URL when vecnn is missing."""
    return _SOURCE.format(pinned=pinned)
