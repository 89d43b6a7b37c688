"""A reader away from the repository: the built site served over HTTP, fresh virtual
environments, the install command the page shows, every snippet of every page, and the
downloaded lab in a bare Jupyter kernel that installs vecnn by itself.

This needs the package index (NumPy comes from there, as it does for a reader). Where the index
is out of reach the test skips and says why; in CI (CI=true) that is a failure instead.
"""

from __future__ import annotations

import functools
import html
import http.server
import json
import os
import re
import socket
import subprocess
import sys
import threading
import urllib.request
from pathlib import Path
from textwrap import dedent

import nbformat
import pytest

from tests import pages
from tests.conftest import mkdocs_build
from tests.test_docs import fences
from tests.test_lab import execute, text_of

INDEX = "https://pypi.org/simple/numpy/"
MARKER = "<!--pytest-codeblocks:expected-output-->"


def index_reachable() -> str | None:
    """Why the package index cannot be reached, or None."""
    try:
        urllib.request.urlopen(INDEX, timeout=15).close()
    except OSError as err:
        return f"the package index is out of reach ({err})"
    return None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 (the base class's name)
        pass


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """The site built for a loopback site_url and served there: (base URL, site folder)."""
    why = index_reachable()
    if why:
        if os.environ.get("CI"):
            pytest.fail(f"{why}; the reader test must run in CI")
        pytest.skip(why)
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    site = tmp_path_factory.mktemp("reader-site")
    os.environ["SITE_URL"] = base
    try:
        result = mkdocs_build(site)
    finally:
        del os.environ["SITE_URL"]
    assert result.returncode == 0, result.stderr[-3000:]
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", port), functools.partial(Quiet, directory=str(site))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield base, site
    server.shutdown()
    server.server_close()


def venv(path: Path) -> Path:
    """A fresh virtual environment with nothing but pip; returns its python."""
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
    assert command == f"pip install {base}downloads/vecnn-{version()}-py3-none-any.whl"
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


@pytest.mark.slow
def test_the_downloaded_lab_sets_itself_up_in_a_bare_kernel(served, tmp_path):
    base, _ = served
    bare = venv(tmp_path / "bare")
    subprocess.run([str(bare), "-m", "pip", "install", "--quiet", "ipykernel"], check=True)
    kernels = tmp_path / "jupyter" / "kernels" / "bare"
    kernels.mkdir(parents=True)
    spec = {
        "argv": [str(bare), "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "bare",
        "language": "python",
    }
    (kernels / "kernel.json").write_text(json.dumps(spec))
    (tmp_path / "run").mkdir()
    with urllib.request.urlopen(base + "lab/lab.ipynb", timeout=30) as response:
        (tmp_path / "lab.ipynb").write_bytes(response.read())
    downloaded = nbformat.read(tmp_path / "lab.ipynb", as_version=4)
    code = execute(
        downloaded,
        tmp_path / "run",
        "--ExecutePreprocessor.kernel_name=bare",
        env={**os.environ, "JUPYTER_PATH": str(tmp_path / "jupyter")},
    )
    first = text_of(code[:1])
    assert f"vecnn {version()} installed from this site" in first, first
    assert "not written yet" in text_of(code) and "All checks passed" not in text_of(code)


def version() -> str:
    from importlib.metadata import version

    return version("vecnn")
