"""The site tests' fixtures: the site's builds (each made once per run, started in the background
by tests/conftest.py: builds.py) and the browser."""

from __future__ import annotations

import functools
import pathlib
import threading

import pytest

from tests.conftest import builds_folder
from tests.site import audit, builds
from tests.site.browsing import AXE, CHROMIUM, QuietHandler, missing

# --- the site's builds, started in the background once per run (tests/conftest.py) ---------


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
def again(pytestconfig: pytest.Config) -> pathlib.Path:
    """The Pages build made a second time, into a folder of its own."""
    return finished(pytestconfig, "again")


@pytest.fixture(scope="session")
def dead_links(pytestconfig: pytest.Config) -> tuple[int, str]:
    """The exit status and output of the strict build of a copy with dead links."""
    return builds.wait(builds_folder(pytestconfig) / "dead_links")


@pytest.fixture(scope="session")
def raising_lab(pytestconfig: pytest.Config) -> tuple[int, str]:
    """The exit status and output of the build of a copy whose lab raises."""
    return builds.wait(builds_folder(pytestconfig) / "raising_lab")


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


# --- the browser tests' fixtures (tests/site/browsing.py has the pieces) ------------------


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
