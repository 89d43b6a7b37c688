"""The site's strict builds a test run needs, each made once and started early.

A build takes about 10 s of one core. conftest.py starts every build the collected tests need
as soon as collection ends, in the background, so the builds run on the second core while the
first runs the unit tests; a fixture waits for its build only when a test first needs it.

- `site`: the site as `make site` builds it, for the loopback address it is then served at
  (the browser and reader tests install from it and read it there);
- `pages_site`: the site as the Pages build makes it, for the site and repository that
  notebooks/site.json names: Colab and Binder links, and notebooks/ checked fresh by the build;
- `dead_links`: a copy of the project with a dead link and a dead anchor, which must fail.
"""

from __future__ import annotations

import functools
import http.server
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile
import threading

from sitebuild import launch
from tests.browsing import QuietHandler

ROOT = pathlib.Path(__file__).resolve().parent.parent
# what mkdocs.yml refers to, and what the wheel the site ships is built from
PROJECT = ["mkdocs.yml", "hooks", "overrides", "src", "pyproject.toml", "README.md", "LICENSE"]
PROJECT += ["hatch_build.py", "notebooks"]
DEAD_LINKS = {
    "[dead anchor](matrix-multiplication.md#no-such-section)": "no-such-section",
    "[dead link](no-such-page.md)": "no-such-page.md",
}
# what the Pages workflow sets; a test build sets only what it means to
PUBLISHING = ["SITE_URL", "REPO_URL", "EDIT_URI", "REPO_BRANCH", "NOTEBOOKS"]


def command(site_dir: pathlib.Path, config: pathlib.Path) -> list[str]:
    build = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config)]
    return [*build, "-d", str(site_dir)]


class Build:
    """`mkdocs build --strict` of `config` into `site_dir`, running in the background."""

    def __init__(self, site_dir: pathlib.Path, config: pathlib.Path, **env: str) -> None:
        self.site_dir = site_dir
        self.log = tempfile.TemporaryFile("w+", encoding="utf-8")
        clean = {k: v for k, v in os.environ.items() if k not in PUBLISHING}
        self.process = subprocess.Popen(
            command(site_dir, config),
            cwd=config.parent,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            env={**clean, "NO_MKDOCS_2_WARNING": "1", **env},
        )

    def wait(self) -> tuple[int, str]:
        """The build's exit status and everything it printed."""
        status = self.process.wait(timeout=600)
        self.log.seek(0)
        return status, self.log.read()

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        self.log.close()


class Served(Build):
    """The site built for the loopback address it is served at for the whole run."""

    def __init__(self, site_dir: pathlib.Path) -> None:
        handler = functools.partial(QuietHandler, directory=str(site_dir))
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.base_url = f"http://127.0.0.1:{self.server.server_address[1]}/"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        super().__init__(site_dir, ROOT / "mkdocs.yml", SITE_URL=self.base_url)

    def stop(self) -> None:
        super().stop()
        self.server.shutdown()
        self.server.server_close()


def pages_site(site_dir: pathlib.Path) -> Build:
    target = launch.target(ROOT)
    env = {"SITE_URL": target["site_url"], "REPO_URL": target["repo_url"]}
    return Build(site_dir, ROOT / "mkdocs.yml", **env)


def dead_links(site_dir: pathlib.Path) -> Build:
    """A copy of the project whose conventions page ends in a dead link and a dead anchor."""
    copy = site_dir.parent / "project"
    shutil.copytree(ROOT / "docs", copy / "docs")
    for name in PROJECT:
        (copy / name).symlink_to(ROOT / name)
    with (copy / "docs" / "conventions.md").open("a", encoding="utf-8") as f:
        f.write("".join(f"\n{link}\n" for link in DEAD_LINKS))
    return Build(site_dir, copy / "mkdocs.yml")


STARTERS = {
    "site": lambda d: Served(d),
    "pages_site": pages_site,
    "dead_links": dead_links,
}
