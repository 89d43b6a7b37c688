"""The site ships the package its snippets import: vecnn's wheel, at a stable, versioned URL.

The build makes the wheel with the project's own build backend (hatchling) and publishes it as
downloads/vecnn-<version>-py3-none-any.whl. `[[install]]` in a page becomes the command that
installs it from wherever the site is served (site_url), with a copy button; numpy and
threadpoolctl come from the ordinary package index as the wheel's dependencies.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

PLACEHOLDER = "[[install]]"
URL_PLACEHOLDER = "[[wheel-url]]"


@dataclass(frozen=True)
class Wheel:
    """The wheel one build publishes: its file name, its bytes and their SHA-256 (hex), which an
    install command can pin (`pip install <url>#sha256=<hash>`)."""

    name: str
    content: bytes
    sha256: str


def build(root: Path, site_url: str, out: Path) -> Wheel:
    """Build vecnn's wheel from the project at `root` into the folder `out`. Its metadata's
    project URLs point at `site_url` (see hatch_build.py)."""
    built = subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "-t", "wheel", "-d", str(out)],
        cwd=root,
        capture_output=True,
        text=True,
        env={**os.environ, "SITE_URL": site_url},
    )
    if built.returncode != 0:
        raise RuntimeError(f"building vecnn's wheel in {root} failed:\n{built.stderr}")
    (wheel,) = Path(out).glob("vecnn-*.whl")
    content = wheel.read_bytes()
    return Wheel(wheel.name, content, hashlib.sha256(content).hexdigest())


def url(site_url: str, wheel: str) -> str:
    return f"{site_url.rstrip('/')}/downloads/{wheel}"


def command(site_url: str, wheel: str) -> str:
    return f"pip install {url(site_url, wheel)}"


def fill(text: str, site_url: str, wheel: str) -> str:
    """Put the install command (a shell block) and the wheel's URL where a page asks for them."""
    block = f"```shell\n{command(site_url, wheel)}\n```"
    return text.replace(PLACEHOLDER, block).replace(URL_PLACEHOLDER, url(site_url, wheel))
