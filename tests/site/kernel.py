"""Notebooks run as a reader runs them: top to bottom, unchanged, in a bare kernel.

A bare kernel is a fresh virtual environment with ipykernel and pip and nothing else: no
vecnn, no NumPy. `python -m tests.site.kernel PYTHON OUT NOTEBOOK...` runs each notebook in a new
kernel of that environment with nbclient, after taking vecnn out of it again, so that every
notebook's first cell has to install it from the site; it writes each executed notebook into
OUT and the seconds each took into OUT/times.json.
"""

from __future__ import annotations

import json
import pathlib
import subprocess
import sys
import time

import nbformat
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import KernelManager
from nbclient import NotebookClient

from tests.site import UV


def kernels(python: pathlib.Path, folder: pathlib.Path) -> pathlib.Path:
    """A kernel spec named "bare" that starts `python`'s ipykernel; returns its folder."""
    spec = {
        "argv": [str(python), "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "bare",
        "language": "python",
    }
    (folder / "bare").mkdir(parents=True, exist_ok=True)
    (folder / "bare" / "kernel.json").write_text(json.dumps(spec), encoding="utf-8")
    return folder


def run(path: pathlib.Path, python: pathlib.Path, out: pathlib.Path) -> float:
    """Execute one notebook in a new bare kernel; returns the seconds it took."""
    if UV.exists():  # pip would take a second
        subprocess.run([str(UV), "pip", "uninstall", "-q", "--python", str(python), "vecnn"])
    else:
        subprocess.run([str(python), "-m", "pip", "uninstall", "-y", "-q", "vecnn"], check=True)
    nb = nbformat.read(path, as_version=4)
    specs = KernelSpecManager(kernel_dirs=[str(kernels(python, out / "kernels"))])
    manager = KernelManager(kernel_name="bare", kernel_spec_manager=specs)
    start = time.perf_counter()
    NotebookClient(
        nb, km=manager, timeout=300, resources={"metadata": {"path": str(out)}}
    ).execute()
    seconds = time.perf_counter() - start
    nbformat.write(nb, out / path.name)
    return seconds


def main(argv: list[str]) -> None:
    python, out, *notebooks = map(pathlib.Path, argv)
    times = {path.name: round(run(path, python, out), 1) for path in notebooks}
    (out / "times.json").write_text(json.dumps(times, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
