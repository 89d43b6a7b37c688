"""The site's strict builds a test run needs, each made once and started early.

A build takes about 10 s of one core. conftest.py starts every build the collected tests need
as soon as collection ends (with xdist, every build, as the run starts, in the controller), in
the background, so the builds run beside the unit tests; a fixture waits for its build only
when a test first needs it, in whichever process that test runs.

- `site`: the site as `make site` builds it, for the loopback address it is then served at
  (the browser and reader tests install from it and read it there);
- `pages_site`: the site as the Pages build makes it, for the site and repository that
  notebooks/site.json names: Colab and Binder links, and notebooks/ checked fresh by the build;
- `again`: the Pages build once more, into another folder: the two must be byte for byte the same;
- `dead_links`: a copy of the project with a dead link and a dead anchor, which must fail after
  the build's last event;
- `raising_lab`: a copy whose lab raises in its first cell, which must fail while the page is made.

Each build has a temp directory of its own, `folder`/tmp, which it must leave empty.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import json
import os
import pathlib
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from typing import IO, Any

from sitebuild import launch
from tests.site import ROOT
from tests.site.browsing import QuietHandler

# what mkdocs.yml refers to, and what the wheel the site ships is built from
PROJECT = ["mkdocs.yml", "hooks", "overrides", "src", "pyproject.toml", "README.md", "LICENSE"]
PROJECT += ["hatch_build.py", "notebooks"]
DEAD_LINKS = {
    "[dead anchor](matrix-multiplication.md#no-such-section)": "no-such-section",
    "[dead link](no-such-page.md)": "no-such-page.md",
}
RAISED = "a cell that fails"  # what raising_lab's first cell raises
# what the Pages workflow sets; a test build sets only what it means to
PUBLISHING = ["SITE_URL", "REPO_URL", "EDIT_URI", "REPO_BRANCH", "NOTEBOOKS"]


def command(site_dir: pathlib.Path, config: pathlib.Path) -> list[str]:
    build = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config)]
    return [*build, "-d", str(site_dir)]


class Build:
    """`mkdocs build --strict` of `config` into `folder`/site, running in the background. When
    it ends, `folder`/status holds its exit status and `folder`/log what it printed, so any
    process of the run (an xdist worker too) can wait for it: see wait()."""

    def __init__(self, folder: pathlib.Path, config: pathlib.Path, **env: str) -> None:
        self.folder = folder
        (folder / "tmp").mkdir(parents=True, exist_ok=True)
        log = (folder / "log").open("w", encoding="utf-8")
        clean = {k: v for k, v in os.environ.items() if k not in PUBLISHING}
        clean["TMPDIR"] = str(folder / "tmp")
        self.process = subprocess.Popen(
            command(folder / "site", config),
            cwd=config.parent,
            stdout=log,
            stderr=subprocess.STDOUT,
            env={**clean, "NO_MKDOCS_2_WARNING": "1", **env},
        )
        threading.Thread(target=self.record, args=(log,), daemon=True).start()

    def record(self, log: IO[str]) -> None:
        status = self.process.wait()
        log.close()
        with contextlib.suppress(FileNotFoundError):  # the run ended and took the folder away
            (self.folder / "status.part").write_text(str(status), encoding="utf-8")
            (self.folder / "status.part").rename(self.folder / "status")  # all at once

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()


def wait(folder: pathlib.Path, timeout: float = 900) -> tuple[int, str]:
    """The exit status and output of the build in `folder`, once it has ended."""
    deadline = time.monotonic() + timeout
    while not (folder / "status").exists():
        assert time.monotonic() < deadline, f"the build in {folder} did not end in {timeout} s"
        time.sleep(0.1)
    status = int((folder / "status").read_text(encoding="utf-8"))
    return status, (folder / "log").read_text(encoding="utf-8")


class Server(http.server.ThreadingHTTPServer):
    """A local server that stays quiet when the browser drops a connection mid-answer (it does
    when a page moves on): in xdist's controller, nothing would hide the traceback."""

    def handle_error(self, request: Any, client_address: Any) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class Served(Build):
    """The site built for the loopback address it is served at for the whole run (the address
    is in `folder`/url)."""

    def __init__(self, folder: pathlib.Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        handler = functools.partial(QuietHandler, directory=str(folder / "site"))
        self.server = Server(("127.0.0.1", 0), handler)
        base_url = f"http://127.0.0.1:{self.server.server_address[1]}/"
        (folder / "url").write_text(base_url, encoding="utf-8")
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        super().__init__(folder, ROOT / "mkdocs.yml", SITE_URL=base_url)

    def stop(self) -> None:
        super().stop()
        self.server.shutdown()
        self.server.server_close()


def pages_site(folder: pathlib.Path) -> Build:
    target = launch.target(ROOT)
    env = {"SITE_URL": target["site_url"], "REPO_URL": target["repo_url"]}
    env["EDIT_URI"] = "edit/main/docs/"  # as the Pages workflow sets it: edit buttons too
    # stale notebooks/ fail one test that says so (test_notebooks.py), not every test of this build
    env["NOTEBOOKS"] = "unchecked"
    return Build(folder, ROOT / "mkdocs.yml", **env)


def project_copy(folder: pathlib.Path) -> pathlib.Path:
    """The project with a docs/ folder of its own to break; the rest links to the real one."""
    copy = folder / "project"
    shutil.copytree(ROOT / "docs", copy / "docs")
    for name in PROJECT:
        (copy / name).symlink_to(ROOT / name)
    return copy


def dead_links(folder: pathlib.Path) -> Build:
    """A copy of the project whose conventions page ends in a dead link and a dead anchor. Its
    lab is not run (links are what this build checks): a third less work than a full build."""
    copy = project_copy(folder)
    with (copy / "docs" / "conventions.md").open("a", encoding="utf-8") as f:
        f.write("".join(f"\n{link}\n" for link in DEAD_LINKS))
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert config.count("execute: true") == 1, "mkdocs.yml no longer runs the lab as expected"
    (copy / "mkdocs.yml").unlink()
    (copy / "mkdocs.yml").write_text(config.replace("execute: true", "execute: false"))
    return Build(folder, copy / "mkdocs.yml")


def raising_lab(folder: pathlib.Path) -> Build:
    """A copy of the project whose lab raises in its first code cell."""
    copy = project_copy(folder)
    path = copy / "docs" / "lab.ipynb"
    notebook = json.loads(path.read_text(encoding="utf-8"))
    code = next(cell for cell in notebook["cells"] if cell["cell_type"] == "code")
    code["source"] = [f"raise RuntimeError({RAISED!r})\n", *code["source"]]
    path.write_text(json.dumps(notebook), encoding="utf-8")
    return Build(folder, copy / "mkdocs.yml")


STARTERS: dict[str, Callable[[pathlib.Path], Build]] = {
    "site": Served,
    "pages_site": pages_site,
    "again": pages_site,
    "dead_links": dead_links,
    "raising_lab": raising_lab,
}
