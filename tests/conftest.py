"""Shared fixtures: the lecture's layer and one strict build of the site per test run."""

from __future__ import annotations

import functools
import http.server
import os
import pathlib
import subprocess
import sys
import threading

import numpy as np
import pytest

from tests import audit
from tests.browsing import AXE, CHROMIUM, QuietHandler, missing
from vecnn import lesson

ROOT = pathlib.Path(__file__).resolve().parent.parent


@pytest.fixture
def lecture() -> dict[str, np.ndarray]:
    """The layer from the lecture: x = [200, 17], three sigmoid units (fresh copies)."""
    return {"x": lesson.x.copy(), "W": lesson.W.copy(), "b": lesson.b.copy()}


# What the Pages workflow sets (.github/workflows/ci.yml): a site under a path, with a repository.
PUBLISHED = {
    "SITE_URL": "https://example.github.io/vecnn/",
    "REPO_URL": "https://github.com/example/vecnn",
    "EDIT_URI": "edit/main/docs/",
}


def mkdocs_build(
    site_dir: pathlib.Path, config: pathlib.Path = ROOT / "mkdocs.yml", **env_vars: str
):
    """Run the real `mkdocs build --strict`; returns the finished process."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **env_vars}
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "-f",
            str(config),
            "-d",
            str(site_dir),
        ],
        cwd=config.parent,
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> pathlib.Path:
    """The site, built once per run with the same strict settings as `make site`."""
    site_dir = tmp_path_factory.mktemp("site")
    result = mkdocs_build(site_dir)
    assert result.returncode == 0, f"strict build failed:\n{result.stdout}\n{result.stderr}"
    return site_dir


@pytest.fixture(scope="session")
def published(tmp_path_factory: pytest.TempPathFactory) -> pathlib.Path:
    """The site as the Pages workflow builds it: under a path, with a repository and edit links."""
    site_dir = tmp_path_factory.mktemp("published")
    result = mkdocs_build(site_dir, **PUBLISHED)
    assert result.returncode == 0, f"strict build failed:\n{result.stdout}\n{result.stderr}"
    return site_dir


def serve(directory: pathlib.Path):
    """A local server for `directory` on a free port, for as long as the generator is open."""
    handler = functools.partial(QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def published_url(published):
    yield from serve(published)


# --- the browser tests' fixtures (tests/browsing.py has the pieces) -------------------------


@pytest.fixture(scope="session")
def base_url(site):
    """The built site, served on a free port of 127.0.0.1 for the whole session."""
    yield from serve(site)


@pytest.fixture(scope="session")
def browser():
    missing("Chromium", CHROMIUM, "apt-get install chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=audit.CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def axe_source():
    missing("axe-core", AXE, "npm ci")
    return AXE.read_text(encoding="utf-8")
