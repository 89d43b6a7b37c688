"""The site ships the package its snippets import: vecnn's wheel, at a stable, versioned URL.

The build makes the wheel with the project's own build backend (hatchling) and publishes it as
downloads/vecnn-<version>-py3-none-any.whl, with a SHA256SUMS file beside it. `[[install]]` in a
page becomes the command that installs it from wherever the site is served (site_url), pinned by
the wheel's sha256 in the URL's fragment, so pip refuses a file that is not the one this build
made; numpy and threadpoolctl come from the ordinary package index as the wheel's dependencies.
`[[wheel-url]]` becomes the same pinned URL (the notebooks' `%pip install` lines).
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
    # hatchling stamps the wheel's files with a fixed date unless SOURCE_DATE_EPOCH says
    # otherwise; the site's build sets that to the last commit's date, which would give the wheel,
    # and so the hash every install command and committed notebook pins, a new value with every
    # commit. The wheel's bytes should change only when what it holds does.
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    built = subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "-t", "wheel", "-d", str(out)],
        cwd=root,
        capture_output=True,
        text=True,
        env={**env, "SITE_URL": site_url},
    )
    if built.returncode != 0:
        raise RuntimeError(f"building vecnn's wheel in {root} failed:\n{built.stderr}")
    (wheel,) = Path(out).glob("vecnn-*.whl")
    content = wheel.read_bytes()
    return Wheel(wheel.name, content, hashlib.sha256(content).hexdigest())


def sums(wheel: str, digest: str) -> str:
    """SHA256SUMS beside the wheel, in the format `sha256sum -c` reads."""
    return f"{digest}  {wheel}\n"


def url(site_url: str, wheel: str, digest: str) -> str:
    """The wheel's URL, pinned: pip and `uv pip` check the download against the fragment."""
    return f"{site_url.rstrip('/')}/downloads/{wheel}#sha256={digest}"


def command(site_url: str, wheel: str, digest: str) -> str:
    return f"pip install {url(site_url, wheel, digest)}"


NOTE = (
    "The `#sha256=` at the end pins the file: pip, and `uv pip install`, refuse a download whose "
    "hash differs from the wheel this site was built with. Use one of those two: "
    "`uv run --with` and `uvx --from` (uv 0.13.9) installed a wheel whose hash did not match."
)


def fill(text: str, site_url: str, wheel: str, digest: str) -> str:
    """Put the install command (a shell block, then why it ends in a hash) and the pinned wheel
    URL where a page asks for them."""
    block = f"```shell\n{command(site_url, wheel, digest)}\n```\n\n{NOTE}"
    return text.replace(PLACEHOLDER, block).replace(URL_PLACEHOLDER, url(site_url, wheel, digest))
