"""A reader away from the repository: the run's build of the site served over HTTP
(tests/site/builds.py), fresh virtual environments, the pinned install command the page shows, every
snippet of every page, and every notebook (each lesson page's and the lab's download) in a bare
Jupyter kernel that installs vecnn by itself. And the pin itself: pip and `uv pip` refuse a
tampered wheel served from 127.0.0.1.

This needs the package index (NumPy comes from there, as it does for a reader). Where the index
is out of reach the test skips and says why; in CI (CI=true) that is a failure instead.
"""

from __future__ import annotations

import functools
import hashlib
import html
import http.server
import json
import os
import re
import subprocess
import sys
import threading
import urllib.request
import zipfile
from importlib.metadata import version as installed
from pathlib import Path
from textwrap import dedent

import nbformat
import pytest

from sitebuild import notebooks
from tests.site import ROOT, UV, pages
from tests.site.browsing import QuietHandler
from tests.site.test_docs import fences
from tests.site.test_lab import text_of

# one process for this file: its tests share a module-scoped fixture (Makefile: loadgroup)
pytestmark = pytest.mark.xdist_group("reader")

INDEX = "https://pypi.org/simple/numpy/"
MARKER = "<!--pytest-codeblocks:expected-output-->"


def index_reachable() -> str | None:
    """Why the package index cannot be reached, or None."""
    try:
        urllib.request.urlopen(INDEX, timeout=15).close()
    except OSError as err:
        return f"the package index is out of reach ({err})"
    return None


@pytest.fixture(scope="module")
def served(site, base_url):
    """The run's site, served at the loopback address it was built for: (base URL, folder)."""
    why = index_reachable()
    if why:
        if os.environ.get("CI"):
            pytest.fail(f"{why}; the reader test must run in CI")
        pytest.skip(why)
    return base_url, site


def venv(path: Path) -> Path:
    """A fresh virtual environment with pip (and, before Python 3.12, setuptools and wheel)
    and nothing else; returns its python. uv's --seed makes it in half a second, where
    `python -m venv` takes four, running ensurepip."""
    if UV.exists():
        seeded = [str(UV), "venv", "--quiet", "--seed", "--python", sys.executable, str(path)]
        subprocess.run(seeded, check=True)
    else:
        subprocess.run([sys.executable, "-m", "venv", str(path)], check=True)
    return path / "bin" / "python"


def install_command(page_html: str) -> str:
    """The shell block with `pip install` that the page shows, as a reader would copy it."""
    blocks = re.findall(r"<pre>.*?<code>(.*?)</code>", page_html, re.S)
    commands = [html.unescape(re.sub(r"<[^>]+>", "", b)).strip() for b in blocks]
    (command,) = [c for c in commands if c.startswith("pip install ")]
    return command


def snippets() -> list[tuple[str, str, str | None]]:
    """(where, code, expected output or None) of every ```python block on the site's pages."""
    found = []
    for path in pages.MARKDOWN:
        blocks = list(fences(path))
        for k, (lineno, info, code, _) in enumerate(blocks):
            if info != "python":
                continue
            after = blocks[k + 1] if k + 1 < len(blocks) else None
            expected = after[2] if after and MARKER in "\n".join(after[3]) else None
            # a block inside a question's folded answer is indented like the answer
            found.append((f"{path.name}:{lineno}", dedent(code), dedent(expected or "") or None))
    return found


@pytest.mark.slow
def test_the_install_command_then_every_snippet(served, tmp_path):
    base, site = served
    home = (site / "index.html").read_text(encoding="utf-8")
    command = install_command(home)
    wheel = site / "downloads" / f"vecnn-{version()}-py3-none-any.whl"
    digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
    assert command == f"pip install {base}downloads/{wheel.name}#sha256={digest}"
    assert (
        install_command((site / "reference" / "index.html").read_text(encoding="utf-8")) == command
    )
    python = venv(tmp_path / "reader")
    subprocess.run([str(python), "-m", *command.split()], check=True, capture_output=True)
    work = tmp_path / "work"  # not the repository: nothing to import from by accident
    work.mkdir()
    ran = snippets()
    assert len(ran) >= 36  # every page has its snippets: a lost one fails here
    for where, code, expected in ran:
        result = subprocess.run(
            [str(python), "-c", code], capture_output=True, text=True, cwd=work, timeout=120
        )
        assert result.returncode == 0, f"{where} failed in the reader's venv:\n{result.stderr}"
        if expected is not None:
            assert result.stdout.strip() == expected.strip(), f"{where} printed otherwise"


@pytest.fixture(scope="module")
def bare(tmp_path_factory) -> Path:
    """A fresh virtual environment with ipykernel (the version this project locks) and pip,
    and neither vecnn nor NumPy; returns its python."""
    python = venv(tmp_path_factory.mktemp("bare") / "venv")
    ipykernel = f"ipykernel=={installed('ipykernel')}"
    if UV.exists():  # from uv's cache: seconds instead of pip's half minute
        install = [str(UV), "pip", "install", "--quiet", "--python", str(python), ipykernel]
    else:
        install = [str(python), "-m", "pip", "install", "--quiet", ipykernel]
    subprocess.run(install, check=True)
    for absent in ["vecnn", "numpy"]:
        found = subprocess.run([str(python), "-c", f"import {absent}"], capture_output=True)
        assert found.returncode != 0, f"the bare kernel already has {absent}"
    return python


def run_in_bare_kernel(python: Path, out: Path, paths: list[Path]) -> dict[str, float]:
    """Each notebook top to bottom in a new bare kernel (tests/site/kernel.py), vecnn taken out of
    the environment before each; returns the seconds each took."""
    subprocess.run(
        [sys.executable, "-m", "tests.site.kernel", str(python), str(out), *map(str, paths)],
        check=True,
        cwd=ROOT,
        timeout=900,
    )
    return dict(json.loads((out / "times.json").read_text(encoding="utf-8")))


@pytest.mark.slow
def test_every_notebook_sets_itself_up_and_runs_in_a_bare_kernel(served, bare, tmp_path):
    """Each lesson page's notebook, as the page offers it, and the lab's download."""
    base, site = served
    lessons = [notebooks.name(src) for src in notebooks.lesson_pages(pages.NAV)]
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    for name in [*lessons, "lab.ipynb"]:
        with urllib.request.urlopen(f"{base}{name.removesuffix('.ipynb')}/{name}") as response:
            (downloads / name).write_bytes(response.read())
    out = tmp_path / "run"
    out.mkdir()
    times = run_in_bare_kernel(bare, out, sorted(downloads.glob("*.ipynb")))
    print("seconds per notebook in a bare kernel:", times)
    for name in lessons:
        ran = nbformat.read(out / name, as_version=4)
        checked(ran, ROOT / "docs" / name.replace(".ipynb", ".md"))
    lab = [c for c in nbformat.read(out / "lab.ipynb", as_version=4).cells if c.cell_type == "code"]
    assert f"vecnn {version()} installed from this site" in text_of(lab[:1]), text_of(lab[:1])
    assert "not written yet" in text_of(lab) and "All checks passed" not in text_of(lab)


def checked(ran, page: Path) -> None:
    """The executed notebook installed vecnn, ran the page's every block in order, and checked
    every output the page shows (counted on the page itself, not in the notebook)."""
    code = [cell for cell in ran.cells if cell.cell_type == "code"]
    setup = text_of(code[:1])
    assert "you may need to restart the kernel" in setup, f"{page.name}: pip did not run: {setup}"
    assert f"vecnn {version()} is ready" in setup, setup
    blocks = list(fences(page))
    python = [dedent(body) for _, info, body, _ in blocks if info == "python"]
    shown = sum(MARKER in "\n".join(before) for _, _, _, before in blocks)
    ours = [c.source for c in code[1:] if not c.source.startswith("check_printed(")]
    assert ours == python, f"{page.name}: the notebook's code is not the page's blocks"
    assert text_of(code).count("Prints what the page shows.") == shown >= 1, page.name
    assert not [o for c in code for o in c.outputs if o.output_type == "error"]


def served_from(folder: Path):
    """A server on 127.0.0.1 for `folder`; returns (server, base URL)."""
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def tampered(wheel: Path, folder: Path) -> Path:
    """A copy of the wheel with one line added to a module: a valid wheel, not the one built."""
    copy = folder / wheel.name
    with zipfile.ZipFile(wheel) as original, zipfile.ZipFile(copy, "w") as changed:
        for item in original.infolist():
            data = original.read(item)
            if item.filename == "vecnn/__init__.py":
                data += b"print('not the wheel the site built')\n"
            changed.writestr(item, data)
    return copy


def install(python: Path, url: str, target: Path) -> list[subprocess.CompletedProcess[str]]:
    """`pip install` and `uv pip install` of one URL, each into a folder of its own."""
    pip = [str(python), "-m", "pip", "install", "--no-deps", "--target", str(target / "pip")]
    uv = [str(UV), "pip", "install", "--no-deps", "--python", str(python)]
    uv += ["--target", str(target / "uv")]
    return [subprocess.run([*tool, url], capture_output=True, text=True) for tool in [pip, uv]]


def test_pip_and_uv_pip_refuse_a_tampered_wheel(site, tmp_path):
    """The published pin against a server on 127.0.0.1 whose wheel is not the one built: the
    real wheel installs with it; a tampered one installs without the pin, and pip and uv pip
    refuse it with the pin, naming the mismatch."""
    (wheel,) = (site / "downloads").glob("vecnn-*.whl")
    digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
    assert (site / "downloads" / "SHA256SUMS").read_text() == f"{digest}  {wheel.name}\n"
    python = venv(tmp_path / "venv")
    uv_run = None  # needs the package index for NumPy
    for kind in ["real", "tampered"]:
        (tmp_path / kind).mkdir()
        if kind == "real":
            (tmp_path / kind / wheel.name).write_bytes(wheel.read_bytes())
        else:
            tampered(wheel, tmp_path / kind)
        server, base = served_from(tmp_path / kind)
        try:
            pinned = install(python, f"{base}{wheel.name}#sha256={digest}", tmp_path / kind / "pin")
            unpinned = install(python, f"{base}{wheel.name}", tmp_path / kind / "none")
            if kind == "tampered" and not index_reachable():
                uv_run = uv_run_with(f"{base}{wheel.name}#sha256={digest}", tmp_path)
        finally:
            server.shutdown()
            server.server_close()
        assert [r.returncode for r in unpinned] == [0, 0], [r.stderr for r in unpinned]
        if kind == "real":
            assert [r.returncode for r in pinned] == [0, 0], [r.stderr for r in pinned]
            continue
        by_pip, by_uv = pinned
        assert by_pip.returncode != 0 and "DO NOT MATCH THE HASHES" in by_pip.stderr, by_pip
        assert by_uv.returncode != 0 and "Hash mismatch" in by_uv.stderr, by_uv.stderr
        assert not list((tmp_path / kind / "pin").rglob("__init__.py"))
    # what the pages' note says of uv 0.13.9: `uv run --with` does not check the pin
    if uv_run is not None:
        assert uv_run.returncode == 0 and "not the wheel the site built" in uv_run.stdout, uv_run


def uv_run_with(url: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    """`uv run --with URL` in an empty folder (it resolves NumPy from the package index)."""
    (tmp_path / "uv-run").mkdir()
    command = [str(UV), "run", "--no-project", "--with", url, "python", "-c", "import vecnn"]
    return subprocess.run(command, capture_output=True, text=True, cwd=tmp_path / "uv-run")


def version() -> str:
    return installed("vecnn")
