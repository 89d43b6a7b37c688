"""Shared fixtures: the lecture's layer, the site's builds (each made once per run, started in
the background: builds.py) and the browser."""

from __future__ import annotations

import os
import pathlib
import shutil
import subprocess
import tempfile

import numpy as np
import pytest

from tests import audit, builds
from tests.browsing import AXE, CHROMIUM, missing
from vecnn import lesson

ROOT = pathlib.Path(__file__).resolve().parent.parent


@pytest.fixture
def lecture() -> dict[str, np.ndarray]:
    """The layer from the lecture: x = [200, 17], three sigmoid units (fresh copies)."""
    return {"x": lesson.x.copy(), "W": lesson.W.copy(), "b": lesson.b.copy()}


def mkdocs_build(site_dir: pathlib.Path, config: pathlib.Path = ROOT / "mkdocs.yml"):
    """Run the real `mkdocs build --strict` to its end, for a test that needs a build of its
    own (the shared ones are the fixtures below); returns the finished process."""
    return subprocess.run(
        builds.command(site_dir, config),
        cwd=config.parent,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        timeout=600,
    )


# --- the site's builds, started in the background once the tests are collected (builds.py) ---

STARTED: dict[str, builds.Build] = {}


def pytest_collection_finish(session: pytest.Session) -> None:
    needed = {name for item in session.items for name in getattr(item, "fixturenames", [])}
    for name, start in builds.STARTERS.items():
        if name in needed:
            STARTED[name] = start(pathlib.Path(tempfile.mkdtemp(prefix=f"vecnn-{name}-")) / "site")


def pytest_sessionfinish(session: pytest.Session) -> None:
    for build in STARTED.values():
        build.stop()
        shutil.rmtree(build.site_dir.parent, ignore_errors=True)


def finished(name: str) -> pathlib.Path:
    """The folder of a build that must succeed, once it has."""
    status, log = STARTED[name].wait()
    assert status == 0, f"the strict build ({name}) failed:\n{log[-5000:]}"
    return STARTED[name].site_dir


@pytest.fixture(scope="session")
def site() -> pathlib.Path:
    """The site, built once per run with `make site`'s strict settings, for base_url."""
    return finished("site")


@pytest.fixture(scope="session")
def base_url(site: pathlib.Path) -> str:
    """Where the site is served on 127.0.0.1 for the whole run (the address it was built for)."""
    served = STARTED["site"]
    assert isinstance(served, builds.Served)
    return served.base_url


@pytest.fixture(scope="session")
def pages_site() -> pathlib.Path:
    """The site as the Pages build makes it for notebooks/site.json's site and repository."""
    return finished("pages_site")


@pytest.fixture(scope="session")
def dead_links() -> tuple[int, str]:
    """The exit status and output of the strict build of a copy with dead links."""
    return STARTED["dead_links"].wait()


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
