"""Starts the site's builds that a run needs, once, in the background (tests/site/builds.py).

This lives here, above tests/site/, because pytest calls these hooks only in conftest files it
loads before collection, and because xdist's controller collects nothing: it starts the builds
for all its workers as the run starts. A run of tests/unit/ alone starts none, and imports
nothing of the site (the sdist ships tests/unit/ without this file)."""

from __future__ import annotations

import pathlib
import shutil
import tempfile
from typing import Any

import pytest

SITE_TESTS = pathlib.Path(__file__).resolve().parent / "site"
STARTED: list[Any] = []


def builds_folder(config: pytest.Config) -> pathlib.Path:
    """Where this run's builds are, in every process of it (xdist's workers are told)."""
    if hasattr(config, "workerinput"):
        return pathlib.Path(config.workerinput["vecnn_builds"])
    if not hasattr(config, "vecnn_builds"):
        config.vecnn_builds = pathlib.Path(tempfile.mkdtemp(prefix="vecnn-builds-"))  # type: ignore[attr-defined]
    return pathlib.Path(config.vecnn_builds)  # type: ignore[attr-defined]


def _start(config: pytest.Config, names: set[str]) -> None:
    from tests.site import builds

    for name, starter in builds.STARTERS.items():
        if name in names:
            STARTED.append(starter(builds_folder(config) / name))


def _runs_site_tests(config: pytest.Config) -> bool:
    """Whether any path the run was given holds site tests, or lies inside them."""
    args = [pathlib.Path(a.split("::")[0]).resolve() for a in config.args]
    return any(SITE_TESTS.is_relative_to(a) or a.is_relative_to(SITE_TESTS) for a in args)


def pytest_sessionstart(session: pytest.Session) -> None:
    """Under xdist the controller collects nothing: it starts every build, for all workers."""
    if session.config.pluginmanager.has_plugin("dsession") and _runs_site_tests(session.config):
        from tests.site import builds

        _start(session.config, set(builds.STARTERS))


@pytest.hookimpl(optionalhook=True)  # an xdist hook: with xdist off, pytest must not know it
def pytest_configure_node(node: Any) -> None:
    node.workerinput["vecnn_builds"] = str(builds_folder(node.config))


def pytest_collection_finish(session: pytest.Session) -> None:
    """In one process: start the builds that the collected tests ask for by fixture name (or as
    a parameter, for request.getfixturevalue)."""
    if hasattr(session.config, "workerinput") or not _runs_site_tests(session.config):
        return
    from tests.site import builds

    needed = {name for item in session.items for name in getattr(item, "fixturenames", [])}
    for item in session.items:
        callspec = getattr(item, "callspec", None)
        params = callspec.params.values() if callspec else []
        needed |= {v for v in params if isinstance(v, str) and v in builds.STARTERS}
    _start(session.config, needed)


def pytest_unconfigure(config: pytest.Config) -> None:
    for build in STARTED:
        build.stop()
    if hasattr(config, "vecnn_builds"):
        shutil.rmtree(config.vecnn_builds, ignore_errors=True)
