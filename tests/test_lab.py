"""The lab: one source notebook, a page with folded solutions, a download of empty exercises."""

import json
import subprocess
import sys

import nbformat
import pytest

from sitebuild import lab
from tests.conftest import ROOT

LAB = ROOT / "docs" / "lab.ipynb"
EXERCISES = ["my_dense_loop", "my_dense", "my_shapes"]


def source():
    return nbformat.read(LAB, as_version=4)


def code(nb):
    return "\n".join(cell.source for cell in nb.cells if cell.cell_type == "code")


def test_the_source_is_committed_without_outputs_and_marks_every_solution():
    nb = source()
    nbformat.validate(nb)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [], "clear the outputs before committing (the build runs it)"
            assert cell.execution_count is None
    assert nb.metadata.kernelspec.name == "python3"
    marked = [cell.source for cell in nb.cells if lab.has_solution(cell)]
    assert [next(name for name in EXERCISES if name in s) for s in marked] == EXERCISES
    assert all(s.count(lab.BEGIN) == s.count(lab.END) == 1 for s in marked)
    text = "\n".join(cell.source for cell in nb.cells)
    assert "$" not in text, "notebook math is not typeset on this site; write it in words"


def test_an_exercise_keeps_its_signature_and_docstring_and_loses_its_body():
    source = 'def f(x):\n    """Doc."""\n    ### BEGIN SOLUTION\n    y = x + 1\n    return y\n    ### END SOLUTION'
    assert lab.exercise(source) == (
        'def f(x):\n    """Doc."""\n    # your code here\n'
        '    raise NotImplementedError("f is not written yet")'
    )
    assert lab.solution(source) == 'def f(x):\n    """Doc."""\n    y = x + 1\n    return y'
    answers = 'd = {\n    ### BEGIN SOLUTION\n    "a": (1, 2),\n    ### END SOLUTION\n}'
    assert lab.exercise(answers) == 'd = {\n    "a": None,\n    # your answers here\n}'


def test_the_download_has_no_outputs_no_solutions_and_absolute_links(site, base_url):
    downloaded = nbformat.read(site / "lab" / "lab.ipynb", as_version=4)
    nbformat.validate(downloaded)
    assert all(c.outputs == [] for c in downloaded.cells if c.cell_type == "code")
    text = code(downloaded)
    for solution_line in [
        "np.dot(w, a_in) + b[j]",
        "Z = np.matmul(A_in, W) + B  # (m, j)",
        '"W.T": (4, 3)',
        lab.BEGIN,
        lab.END,
    ]:
        assert solution_line not in text, f"the download gives away {solution_line!r}"
    assert text.count("# your code here") == 2 and text.count(": None,") == 7
    markdown = "\n".join(c.source for c in downloaded.cells if c.cell_type == "markdown")
    assert "](../" not in markdown, "a relative link would be dead in a downloaded notebook"
    assert f"]({base_url}speed/)" in markdown
    assert "[[bench:" not in markdown


def execute(notebook, tmp_path, *options, env=None):
    """What a learner does: run every cell from top to bottom in a fresh kernel. Returns the
    executed notebook's code cells; no cell may have raised."""
    path = tmp_path / "lab.ipynb"
    nbformat.write(notebook, path)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "jupyter",
            "nbconvert",
            "--to",
            "notebook",
            "--execute",
            "--ExecutePreprocessor.timeout=300",
            *options,
            "--output",
            "executed.ipynb",
            str(path),
        ],
        capture_output=True,
        text=True,
        timeout=900,
        cwd=tmp_path,
        env=env,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    executed = nbformat.read(tmp_path / "executed.ipynb", as_version=4)
    code = [cell for cell in executed.cells if cell.cell_type == "code"]
    assert not [out for cell in code for out in cell.outputs if out.output_type == "error"]
    return code


def text_of(cells):
    """Everything the cells printed."""
    return "".join(out.get("text", "") for cell in cells for out in cell.outputs)


def test_the_download_run_unchanged_is_a_set_of_exercises(site, tmp_path):
    """No exception, no check passed, and every stub says what to write first."""
    printed = text_of(execute(nbformat.read(site / "lab" / "lab.ipynb", as_version=4), tmp_path))
    assert "All checks passed" not in printed and "shapes right" not in printed
    assert (
        "Not yet. my_dense_loop is not written yet: replace the `raise NotImplementedError` line with a loop over the units"
        in printed
    )
    assert (
        "Not yet. my_dense is not written yet: replace the `raise NotImplementedError` line with one matrix product"
        in printed
    )
    assert "Not yet. The shape quiz is not answered: replace each None" in printed
    assert printed.count("does not pass its check yet: finish exercise 1 first.") == 2
    assert "Traceback" not in printed


@pytest.mark.slow
def test_with_the_solutions_put_back_every_check_passes(tmp_path):
    printed = text_of(execute(lab.page_notebook(source()), tmp_path))
    assert printed.count("All checks passed") == 2 and "All 7 shapes right." in printed
    assert "every row matches the loop: True" in printed and "same results: True" in printed


def test_the_page_folds_one_solution_per_exercise_above_its_checks(site):
    page = (site / "lab" / "index.html").read_text(encoding="utf-8")
    folds = page.split('<details class="success"><summary>Worked solution</summary>')
    assert len(folds) == 1 + len(EXERCISES)
    successes = [
        "All checks passed: the dot product",
        "All checks passed: the matrix product",
        "All 7 shapes right.",
    ]
    for name, fold, success in zip(EXERCISES, folds[1:], successes, strict=True):
        solution, after = fold.split("</details>", 1)
        assert name in solution and "NotImplementedError" not in solution
        assert success in after.split("<details", 1)[0], f"{name}'s checks do not follow it"
    assert page.count("not written yet") >= 2, "the exercises as given are shown too"
    assert "every row matches the loop: True" in page
    assert "the vectorized layer is about" in page and "same results: True" in page
    assert 'script src=""' not in page and "x-mathjax-config" not in page


def test_the_download_button_serves_the_exercises(site):
    page = (site / "lab" / "index.html").read_text(encoding="utf-8")
    assert 'href="lab.ipynb" title="Download this notebook (.ipynb)"' in page
    downloaded = json.loads((site / "lab" / "lab.ipynb").read_text())
    assert downloaded["cells"][0]["source"][0].startswith("# Lab: build the dense layer")
