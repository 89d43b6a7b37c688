"""The site ships the package its snippets import: vecnn's wheel, at a stable, versioned URL.

The build makes the wheel with the project's own build backend (hatchling) and publishes it as
downloads/vecnn-<version>-py3-none-any.whl. `[[install]]` in a page becomes the command that
installs it from wherever the site is served (site_url), with a copy button; numpy and
threadpoolctl come from the ordinary package index as the wheel's dependencies.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

PLACEHOLDER = "[[install]]"
URL_PLACEHOLDER = "[[wheel-url]]"


def build(root: Path, site_url: str) -> tuple[str, bytes]:
    """Build vecnn's wheel from the project at `root`: its file name and bytes. Its metadata's
    project URLs point at `site_url` (see hatch_build.py)."""
    with tempfile.TemporaryDirectory() as out:
        built = subprocess.run(
            [sys.executable, "-m", "hatchling", "build", "-t", "wheel", "-d", out],
            cwd=root,
            capture_output=True,
            text=True,
            env={**os.environ, "SITE_URL": site_url},
        )
        if built.returncode != 0:
            raise RuntimeError(f"building vecnn's wheel in {root} failed:\n{built.stderr}")
        (wheel,) = Path(out).glob("vecnn-*.whl")
        return wheel.name, wheel.read_bytes()


def url(site_url: str, wheel: str) -> str:
    return f"{site_url.rstrip('/')}/downloads/{wheel}"


def command(site_url: str, wheel: str) -> str:
    return f"pip install {url(site_url, wheel)}"


def fill(text: str, site_url: str, wheel: str) -> str:
    """Put the install command (a shell block) and the wheel's URL where a page asks for them."""
    block = f"```shell\n{command(site_url, wheel)}\n```"
    return text.replace(PLACEHOLDER, block).replace(URL_PLACEHOLDER, url(site_url, wheel))
