"""Shared fixtures: the lecture's layer, the site's builds (each made once per run, started in
the background: builds.py) and the browser."""

from __future__ import annotations

import functools
import os
import pathlib
import shutil
import subprocess
import tempfile
import threading
from typing import Any

import numpy as np
import pytest

from tests import audit, builds
from tests.browsing import AXE, CHROMIUM, QuietHandler, missing
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


# --- the site's builds, started in the background once per run (builds.py) ------------------

STARTED: list[builds.Build] = []


def builds_folder(config: pytest.Config) -> pathlib.Path:
    """Where this run's builds are, in every process of it (xdist's workers are told)."""
    if hasattr(config, "workerinput"):
        return pathlib.Path(config.workerinput["vecnn_builds"])
    if not hasattr(config, "vecnn_builds"):
        config.vecnn_builds = pathlib.Path(tempfile.mkdtemp(prefix="vecnn-builds-"))  # type: ignore[attr-defined]
    return pathlib.Path(config.vecnn_builds)  # type: ignore[attr-defined]


def start(config: pytest.Config, names: set[str]) -> None:
    for name, starter in builds.STARTERS.items():
        if name in names:
            STARTED.append(starter(builds_folder(config) / name))


def pytest_sessionstart(session: pytest.Session) -> None:
    """Under xdist the controller collects nothing: it starts every build, for all workers."""
    if session.config.pluginmanager.has_plugin("dsession"):
        start(session.config, set(builds.STARTERS))


@pytest.hookimpl(optionalhook=True)  # an xdist hook: with xdist off, pytest must not know it
def pytest_configure_node(node: Any) -> None:
    node.workerinput["vecnn_builds"] = str(builds_folder(node.config))


def pytest_collection_finish(session: pytest.Session) -> None:
    if not hasattr(session.config, "workerinput"):  # one process: start what its tests need
        needed = {name for item in session.items for name in getattr(item, "fixturenames", [])}
        # a build that a test asks for by name, as a parameter (request.getfixturevalue)
        for item in session.items:
            callspec = getattr(item, "callspec", None)
            needed |= {
                v
                for v in (callspec.params.values() if callspec else [])
                if isinstance(v, str) and v in builds.STARTERS
            }
        start(session.config, needed)


def pytest_unconfigure(config: pytest.Config) -> None:
    for build in STARTED:
        build.stop()
    if hasattr(config, "vecnn_builds"):
        shutil.rmtree(config.vecnn_builds, ignore_errors=True)


def finished(config: pytest.Config, name: str) -> pathlib.Path:
    """The site of a build that must succeed, once it has."""
    folder = builds_folder(config) / name
    assert folder.is_dir(), f"the {name} build was not started"
    status, log = builds.wait(folder)
    assert status == 0, f"the strict build ({name}) failed:\n{log[-5000:]}"
    return folder / "site"


@pytest.fixture(scope="session")
def site(pytestconfig: pytest.Config) -> pathlib.Path:
    """The site, built once per run with `make site`'s strict settings, for base_url."""
    return finished(pytestconfig, "site")


@pytest.fixture(scope="session")
def base_url(site: pathlib.Path) -> str:
    """Where the site is served on 127.0.0.1 for the whole run (the address it was built for)."""
    return (site.parent / "url").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def pages_site(pytestconfig: pytest.Config) -> pathlib.Path:
    """The site as the Pages build makes it for notebooks/site.json's site and repository."""
    return finished(pytestconfig, "pages_site")


@pytest.fixture(scope="session")
def dead_links(pytestconfig: pytest.Config) -> tuple[int, str]:
    """The exit status and output of the strict build of a copy with dead links."""
    return builds.wait(builds_folder(pytestconfig) / "dead_links")


def serve(directory: pathlib.Path):
    """A local server for `directory` on a free port, for as long as the generator is open."""
    handler = functools.partial(QuietHandler, directory=str(directory))
    server = builds.Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def pages_site_url(pages_site):
    yield from serve(pages_site)


# --- the browser tests' fixtures (tests/browsing.py has the pieces) -------------------------


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
