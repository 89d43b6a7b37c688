"""The lab notebook: committed clean, executed by the build, downloadable, runnable at home."""

import json
import shutil
import subprocess
import sys

import nbformat

from tests.conftest import ROOT

LAB = ROOT / "docs" / "lab.ipynb"


def test_notebook_is_committed_without_outputs():
    nb = nbformat.read(LAB, as_version=4)
    nbformat.validate(nb)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [], "clear the outputs before committing (the build runs it)"
            assert cell.execution_count is None
    assert nb.metadata.kernelspec.name == "python3"


def test_notebook_has_the_exercises():
    text = "\n".join(cell.source for cell in nbformat.read(LAB, as_version=4).cells)
    for call in ["check_dense_loop(", "check_dense(", "check_shapes(", "perf_counter()"]:
        assert call in text, f"the lab lost its {call} exercise"
    assert "$" not in text, "notebook math is not typeset on this site; write it in words"


def test_the_build_executed_the_lab(site):
    page = (site / "lab" / "index.html").read_text(encoding="utf-8")
    assert page.count("All checks passed") == 2
    assert "All 7 shapes right." in page
    assert "every row matches the loop: True" in page
    assert "the vectorized layer is about" in page and "same results: True" in page
    assert 'script src=""' not in page and "x-mathjax-config" not in page


def test_the_download_button_serves_the_notebook(site):
    page = (site / "lab" / "index.html").read_text(encoding="utf-8")
    assert 'href="lab.ipynb" title="Download this notebook (.ipynb)"' in page
    downloaded = nbformat.read(site / "lab" / "lab.ipynb", as_version=4)
    nbformat.validate(downloaded)
    assert json.loads((site / "lab" / "lab.ipynb").read_text()) == json.loads(LAB.read_text())


def test_the_downloaded_notebook_runs_top_to_bottom(site, tmp_path):
    """What a learner does at home: jupyter nbconvert --execute, with only vecnn installed."""
    notebook = tmp_path / "lab.ipynb"
    shutil.copy(site / "lab" / "lab.ipynb", notebook)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "jupyter",
            "nbconvert",
            "--to",
            "notebook",
            "--execute",
            "--ExecutePreprocessor.timeout=120",
            "--output",
            "executed.ipynb",
            str(notebook),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    executed = nbformat.read(tmp_path / "executed.ipynb", as_version=4)
    outputs = "".join(
        out.get("text", "")
        for cell in executed.cells
        if cell.cell_type == "code"
        for out in cell.outputs
    )
    assert outputs.count("All checks passed") == 2
    assert not any(
        out.output_type == "error"
        for cell in executed.cells
        if cell.cell_type == "code"
        for out in cell.outputs
    )
