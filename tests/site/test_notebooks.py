"""Every lesson page as a notebook, the committed copies Colab and Binder open, and their links.

Colab and Binder cannot be reached from the machines that run these tests, so the tests check
the links' form and the files they point at; the notebooks themselves run in a bare kernel in
tests/site/test_reader.py.
"""

from __future__ import annotations

import copy
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from material import templates

from sitebuild import launch, notebooks
from tests.site import ROOT, UV, pages
from tests.site.browsing import Visit
from tests.site.test_lab import text_of
from tests.site.test_reader import served_from, version

COMMITTED = ROOT / launch.FOLDER
LESSONS = notebooks.lesson_pages(pages.NAV)
ICONS = Path(templates.__file__).parent / ".icons"


def test_the_lesson_pages_are_read_off_the_nav():
    """Parts 1-4 and any part after them; a part added to the lesson's section of the nav gets
    a notebook too."""
    lesson = next(item for item in pages.NAV if "The lesson" in item)["The lesson"]
    assert LESSONS == [page for entry in lesson for page in entry.values() if page.endswith(".md")]
    assert LESSONS[:4] == [
        "vectorized-forward-propagation.md",
        "matrix-multiplication.md",
        "matrix-multiplication-rules.md",
        "matrix-multiplication-code.md",
    ]
    nav = copy.deepcopy(pages.NAV)
    next(item for item in nav if "The lesson" in item)["The lesson"].append({"6. X": "x.md"})
    assert notebooks.lesson_pages(nav) == [*LESSONS, "x.md"]


def test_a_check_cell_passes_on_the_pages_output_and_fails_on_any_other(tmp_path):
    page = (
        "# A page\n\nSome *prose* and [a link](matrix-multiplication.md#a).\n\n"
        '[[stepper]]\n\n=== "Tab"\n\n    Text.\n\n'
        '!!! question "Predict"\n\n    ```python\n    print("x", 1)\n    ```\n\n'
        f"    {notebooks.MARKER}\n    ```text\n    x 1\n    ```\n\n"
        f'```python\nprint("y")\n```\n\n{notebooks.MARKER}\n```text\nnot y\n```\n'
    )
    pinned = "https://site.example/w.whl#sha256=0"
    nb = notebooks.notebook(page, "https://site.example/", pinned, "a-page.md")
    kinds = [(cell.cell_type, cell.source.split("\n")[0]) for cell in nb.cells[1:]]
    assert kinds == [
        ("markdown", "# A page"),
        ("code", 'print("x", 1)'),
        ("code", 'check_printed("""\\'),
        ("code", 'print("y")'),
        ("code", 'check_printed("""\\'),
    ]
    assert "[a link](https://site.example/matrix-multiplication/#a)" in nb.cells[1].source
    assert "**Predict**" in nb.cells[1].source and "**Tab**\n\nText." in nb.cells[1].source
    assert (
        "*(An interactive figure on the page: https://site.example/a-page/)*" in nb.cells[1].source
    )
    nbformat.write(nb, tmp_path / "page.ipynb")
    run = ["jupyter", "nbconvert", "--to", "notebook", "--execute", "--allow-errors"]
    subprocess.run([sys.executable, "-m", *run, "page.ipynb"], cwd=tmp_path, capture_output=True)
    ran = nbformat.read(tmp_path / "page.nbconvert.ipynb", as_version=4)
    code = [cell for cell in ran.cells if cell.cell_type == "code"]
    assert text_of(code).count("Prints what the page shows.") == 1
    (error,) = [out for cell in code for out in cell.outputs if out.output_type == "error"]
    assert error.ename == "AssertionError" and "printed:\ny" in error.evalue


def test_the_setup_cell_installs_the_pinned_wheel_only_when_vecnn_is_missing():
    pinned = "https://site.example/downloads/vecnn-0.1.0-py3-none-any.whl#sha256=" + "a" * 64
    setup = notebooks.notebook("# Page\n", "https://site.example/", pinned).cells[0].source
    assert f"    %pip install --quiet {pinned}\n" in setup
    assert setup.index("import vecnn\nexcept ImportError:") < setup.index("%pip install")


def links_of(page: str) -> dict[str, str]:
    """The notebook row's links of a built page, by their text."""
    row = re.search(r'<nav class="notebook-links".*?</nav>', page, re.S)
    assert row, "no notebook row on the page"
    found = re.findall(r'<a class="md-button" href="([^"]+)"[^>]*>(.*?)</a>', row[0], re.S)
    return {re.sub(r"<[^>]+>|\s+", " ", text).strip(): href for href, text in found}


def test_without_a_repository_each_lesson_page_offers_its_notebook_alone(site):
    for source in [*LESSONS, "lab.ipynb"]:
        folder = source.rsplit(".", 1)[0]
        links = links_of((site / folder / "index.html").read_text(encoding="utf-8"))
        assert links == {"Download notebook": notebooks.name(source)}, source
        assert (site / folder / notebooks.name(source)).is_file()
    assert 'class="notebook-links"' not in (site / "speed" / "index.html").read_text()


def test_with_a_repository_every_lesson_page_and_the_lab_open_in_colab_and_binder(pages_site):
    target = launch.target(ROOT)
    owner, repo = target["repo_url"].removeprefix("https://github.com/").split("/")
    for source in [*LESSONS, "lab.ipynb"]:
        folder, name = source.rsplit(".", 1)[0], notebooks.name(source)
        page = (pages_site / folder / "index.html").read_text(encoding="utf-8")
        assert links_of(page) == {
            "Download notebook": name,
            "Open in Colab": f"https://colab.research.google.com/github/{owner}/{repo}/blob/main/notebooks/{name}",
            "Launch Binder": f"https://mybinder.org/v2/gh/{owner}/{repo}/main?urlpath=lab/tree/notebooks/{name}",
        }
        assert (COMMITTED / name).is_file(), f"the links point at notebooks/{name}, not committed"


def test_the_committed_notebooks_are_what_the_pages_build_makes(pages_site):
    """Run `make notebooks` and commit notebooks/ when this fails (the Pages build fails too)."""
    built = {
        path.name: path.read_text(encoding="utf-8")
        for source in [*LESSONS, "lab.ipynb"]
        for path in [pages_site / source.rsplit(".", 1)[0] / notebooks.name(source)]
    }
    committed = {p.name: p.read_text(encoding="utf-8") for p in COMMITTED.glob("*.ipynb")}
    assert sorted(committed) == sorted(built)
    stale = [name for name in built if committed[name] != built[name]]
    assert not stale, f"notebooks/ is stale ({stale}): run `make notebooks` and commit it"
    lab = nbformat.reads(committed["lab.ipynb"], as_version=4)
    assert "### BEGIN SOLUTION" not in str(lab) and "np.matmul(A_in, W) + B" not in str(lab)
    assert all(cell.get("outputs", []) == [] for cell in lab.cells)


def test_a_build_with_a_repository_names_stale_notebooks(tmp_path):
    (tmp_path / launch.FOLDER).mkdir()
    (tmp_path / launch.FOLDER / "a.ipynb").write_text("old", encoding="utf-8")
    (tmp_path / launch.FOLDER / "gone.ipynb").write_text("x", encoding="utf-8")
    assert launch.stale({"a.ipynb": "new", "b.ipynb": "new"}, tmp_path) == [
        "a.ipynb",
        "b.ipynb",
        "gone.ipynb",
    ]
    assert launch.stale({"a.ipynb": "old", "gone.ipynb": "x"}, tmp_path) == []


def test_the_links_use_materials_own_icons_and_request_nothing(pages_site, browser):
    """Icons inline from Material's bundle (Colab's from Simple Icons), and loading a page
    with the links asks Colab and Binder for nothing. (The one request to another host is
    Material's repository widget, which REPO_URL turns on: api.github.com, offline here.)"""
    page = (pages_site / "matrix-multiplication" / "index.html").read_text(encoding="utf-8")
    colab = (ICONS / "simple" / "googlecolab.svg").read_text(encoding="utf-8")
    rocket = (ICONS / "material" / "rocket-launch.svg").read_text(encoding="utf-8")
    assert colab.strip() in page and rocket.strip() in page
    widget = "https://api.github.com/repos/" + launch.target(ROOT)["repo_url"].split(".com/")[1]
    server, base = served_from(pages_site)
    try:
        phone = {"width": 390, "height": 800}
        with Visit(browser, base, "matrix-multiplication/", viewport=phone) as visit:
            assert [url for url in visit.foreign if not url.startswith(widget)] == []
            for text in ["Download notebook", "Open in Colab", "Launch Binder"]:
                assert visit.page.get_by_role("link", name=text).is_visible(), text
    finally:
        server.shutdown()
        server.server_close()


def test_binders_environment_file_installs_vecnn(tmp_path):
    """binder/requirements.txt as repo2docker uses it: pip -r from the repository's root."""
    requirements = (ROOT / "binder" / "requirements.txt").read_text(encoding="utf-8")
    assert [line for line in requirements.splitlines() if not line.startswith("#")] == ["."]
    if not UV.exists():
        pytest.skip("uv is not installed in .uv/ (make install does it)")
    subprocess.run([str(UV), "venv", "--quiet", str(tmp_path / "binder")], check=True)
    python = tmp_path / "binder" / "bin" / "python"
    install = [str(UV), "pip", "install", "--quiet", "--python", str(python)]
    subprocess.run([*install, "-r", "binder/requirements.txt"], cwd=ROOT, check=True)
    found = subprocess.run(
        [str(python), "-c", "import vecnn; print(vecnn.__version__)"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert found.stdout.strip() == version(), found.stderr


def test_the_branch_defaults_to_main_and_can_be_set(monkeypatch):
    monkeypatch.delenv("REPO_BRANCH", raising=False)
    links = launch.links("https://github.com/o/r", "a.ipynb")
    assert (
        links["colab"] == "https://colab.research.google.com/github/o/r/blob/main/notebooks/a.ipynb"
    )
    monkeypatch.setenv("REPO_BRANCH", "lesson-v2")
    links = launch.links("https://github.com/o/r.git", "a.ipynb")
    assert links["colab"].endswith("/o/r/blob/lesson-v2/notebooks/a.ipynb")
    assert (
        links["binder"]
        == "https://mybinder.org/v2/gh/o/r/lesson-v2?urlpath=lab/tree/notebooks/a.ipynb"
    )
    # Colab and Binder open GitHub repositories only: elsewhere the page offers the download
    assert launch.links("https://gitlab.com/o/r", "a.ipynb") == {"download": "a.ipynb"}
