"""Tests that need the repository, MkDocs and Chromium: the pages, the site's builds, the
browser, the notebooks and what a reader installs. conftest.py has their fixtures."""

import pathlib

ROOT = pathlib.Path(__file__).resolve().parents[2]  # the repository
UV = ROOT / ".uv" / "bin" / "uv"  # make install puts it there
