"""The lab: one source notebook, a page with folded solutions, a download of empty exercises."""

import json
import re
import subprocess
import sys

import nbformat
import pytest

from sitebuild import lab
from tests.site import ROOT

LAB = ROOT / "docs" / "lab.ipynb"
EXERCISES = ["my_dense_loop", "my_dense", "my_shapes", "my_sequential"]


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
        "A = g(np.matmul(A, W) + b)",
        lab.BEGIN,
        lab.END,
    ]:
        assert solution_line not in text, f"the download gives away {solution_line!r}"
    assert text.count("# your code here") == 3 and text.count(": None,") == 7
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
    for name, step in [
        ("my_dense_loop", "a loop over the layer's units"),
        ("my_dense", "one matrix product for the whole batch"),
        ("my_sequential", "a loop over the layers, in order"),
    ]:
        assert f"Not yet. {name} is not written yet. Step 1 is {step}" in printed
    assert printed.count("Stuck? Run the check again with hint=True") == 3
    assert "Not yet. The shape quiz is not answered: replace each None" in printed
    assert printed.count("does not pass its check yet: finish exercise 1 first.") == 2
    assert "Traceback" not in printed


@pytest.mark.slow
def test_with_the_solutions_put_back_every_check_passes(tmp_path):
    printed = text_of(execute(lab.page_notebook(source()), tmp_path))
    assert printed.count("All checks passed") == 3 and "All 7 shapes right." in printed
    assert "every row matches the loop: True" in printed and "same results: True" in printed
    assert "As expected: the vectorized layer is at least 10 times faster" in printed
    assert " ms " not in printed, "the page's run prints the verdict, not this machine's times"


def test_the_page_folds_one_solution_per_exercise_above_its_checks(site):
    page = (site / "lab" / "index.html").read_text(encoding="utf-8")
    folds = page.split('<details class="success"><summary>Worked solution</summary>')
    assert len(folds) == 1 + len(EXERCISES)
    successes = [
        "All checks passed: the dot product",
        "All checks passed: the matrix product",
        "All 7 shapes right.",
        "All checks passed: the chain of layers",
    ]
    for name, fold, success in zip(EXERCISES, folds[1:], successes, strict=True):
        solution, after = fold.split("</details>", 1)
        assert name in solution and "NotImplementedError" not in solution
        assert success in after.split("<details", 1)[0], f"{name}'s checks do not follow it"
    assert page.count("not written yet") >= 3, "the exercises as given are shown too"
    assert "every row matches the loop: True" in page
    assert "As expected: the vectorized layer is at least 10 times faster" in page
    assert "same results: True" in page and " ms " not in page
    assert lab.PAGE_ONLY not in page and "os.environ" not in page, "the page's setup is shown"
    assert 'script src=""' not in page and "x-mathjax-config" not in page


def test_the_download_button_serves_the_exercises(site):
    page = (site / "lab" / "index.html").read_text(encoding="utf-8")
    assert 'href="lab.ipynb" title="Download this notebook (.ipynb)"' in page
    downloaded = json.loads((site / "lab" / "lab.ipynb").read_text())
    assert downloaded["cells"][0]["source"][0].startswith("# Lab: build the dense layer")


def test_the_page_notebook_has_the_same_cell_ids_every_time():
    """Random ids (nbformat's default) made two builds of the lab page differ."""
    first, again = lab.page_notebook(source()), lab.page_notebook(source())
    ids = [cell.id for cell in first.cells]
    assert ids == [cell.id for cell in again.cells] and len(set(ids)) == len(ids)
    nbformat.validate(first)
    assert ids[0] == "page-setup" and first.cells[0].metadata.tags == [lab.PAGE_ONLY]


def test_the_page_setup_cell_is_dropped_from_the_html():
    html = (
        '<div class="jp-Cell celltag_page-only"><div>setup</div></div>'
        '<div class="jp-Cell"><div>kept</div></div>'
    )
    assert lab.fold_solutions(html) == '<div class="jp-Cell"><div>kept</div></div>'


def test_the_table_of_mistakes_quotes_what_the_checks_say(capsys):
    """Each message the notebook's table quotes is printed by the check for that mistake."""
    from tests.unit import test_check_sequential as network
    from tests.unit import test_checks as layers
    from vecnn import checks

    for check, fn, _ in (
        [(checks.check_dense_loop, layers.loop_stub, "")]
        + [(checks.check_dense_loop, fn, w) for fn, w in layers.LOOPS]
        + [(checks.check_dense, fn, w) for fn, w in layers.DENSES]
        + [
            (checks.check_sequential, network.a_in_to_every_layer, ""),
            (checks.check_sequential, network.g_only_at_the_end, ""),
        ]
    ):
        check(fn)
    said = capsys.readouterr().out.replace("loop_stub", "my_dense_loop")
    said = said.replace("dense_over_examples", "my_dense")
    table = next(c.source for c in source().cells if "What the checks catch" in c.source)
    quoted = re.findall(r"\| \*(.+?)\* \|", table)
    assert len(quoted) >= 8
    for message in quoted:
        assert message in said, f"the table quotes {message!r}, which no check says"
