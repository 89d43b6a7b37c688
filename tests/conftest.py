"""Shared fixtures: the lecture's layer and one strict build of the site per test run."""

from __future__ import annotations

import os
import pathlib
import subprocess
import sys

import numpy as np
import pytest

from vecnn import lesson

ROOT = pathlib.Path(__file__).resolve().parent.parent


@pytest.fixture
def lecture() -> dict[str, np.ndarray]:
    """The layer from the lecture: x = [200, 17], three sigmoid units (fresh copies)."""
    return {"x": lesson.x.copy(), "W": lesson.W.copy(), "b": lesson.b.copy()}


def mkdocs_build(site_dir: pathlib.Path, config: pathlib.Path = ROOT / "mkdocs.yml"):
    """Run the real `mkdocs build --strict`; returns the finished process."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
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
