"""Open in Colab, Launch Binder: links to the notebooks committed under notebooks/.

Colab and Binder read a notebook from the repository on GitHub, not from the site, so every
lesson page's notebook and the lab's download are committed under notebooks/, made by the build
for the published site (`make notebooks`). notebooks/site.json records that site and repository;
a build with REPO_URL set (the Pages build) refuses to publish links to notebooks that are not
exactly what it makes itself. REPO_BRANCH picks the branch the links open (default: main).
"""

from __future__ import annotations

import json
import logging
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import nbformat

from sitebuild import notebooks, package
from sitebuild.build import Build

FOLDER = "notebooks"
TARGET = "site.json"
GITHUB = re.compile(r"^https://github\.com/([\w.-]+)/([\w.-]+?)(?:\.git)?/?$")
LAB = "lab.ipynb"
log = logging.getLogger("mkdocs.hooks.notebooks")


def branch() -> str:
    return os.environ.get("REPO_BRANCH") or "main"


def links(repo_url: str | None, notebook: str) -> dict[str, str]:
    """The page's notebook (a file beside the page) and, for a GitHub repository, its Colab and
    Binder links."""
    found = {"download": notebook}
    github = GITHUB.match(repo_url or "")
    if github:
        owner, repo = github.groups()
        path = f"{FOLDER}/{notebook}"
        found["colab"] = (
            f"https://colab.research.google.com/github/{owner}/{repo}/blob/{branch()}/{path}"
        )
        found["binder"] = (
            f"https://mybinder.org/v2/gh/{owner}/{repo}/{branch()}?urlpath=lab/tree/{path}"
        )
    return found


def publish(config: Any, build: Build, lab: object) -> None:
    """Each lesson page's notebook beside the page. With REPO_URL set (the Pages build), the
    copies committed under notebooks/ must be this build's; `make notebooks` writes them."""
    site_url = config["site_url"]
    pinned = package.url(site_url, build.wheel.name, build.wheel.sha256)
    built = {}
    for source in notebooks.lesson_pages(config["nav"]):
        markdown = Path(config["docs_dir"], source).read_text(encoding="utf-8")
        markdown = build.fill(markdown, site_url, source)  # as on_page_markdown fills the page
        name = notebooks.name(source)
        built[name] = text(notebooks.notebook(markdown, site_url, pinned, source))
        Path(config["site_dir"], name.removesuffix(".ipynb"), name).write_text(built[name], "utf-8")
    built[LAB] = text(lab)
    root = Path(config["config_file_path"]).parent
    mode = os.environ.get("NOTEBOOKS")  # "write": make notebooks; "unchecked": the test run's
    if mode == "write":
        commit(built, root, site_url, config["repo_url"] or "")
    elif config["repo_url"] and mode != "unchecked" and (old := stale(built, root)):
        log.warning(
            f"{FOLDER}/ does not hold this build's notebooks ({', '.join(old)}), so Colab"
            f" and Binder would open other ones: run `make notebooks SITE_URL={site_url}"
            f" REPO_URL={config['repo_url']}` and commit {FOLDER}/"
        )


def text(nb: object) -> str:
    """A notebook as committed: nbformat's JSON with a final newline."""
    return str(nbformat.writes(nb)).rstrip("\n") + "\n"


def stale(built: dict[str, str], root: Path) -> list[str]:
    """The notebooks whose committed copy differs from the build's (or is missing), and any
    committed notebook the build no longer makes."""
    folder = root / FOLDER
    committed = {p.name for p in folder.glob("*.ipynb")}
    differ = [
        n
        for n, t in built.items()
        if not (folder / n).is_file() or (folder / n).read_text(encoding="utf-8") != t
    ]
    return sorted(differ + sorted(committed - set(built)))


def commit(built: dict[str, str], root: Path, site_url: str, repo_url: str) -> None:
    """Write the build's notebooks into notebooks/, with the site they were made for."""
    folder = root / FOLDER
    folder.mkdir(exist_ok=True)
    for old in folder.glob("*.ipynb"):
        if old.name not in built:
            old.unlink()
    for name, content in built.items():
        (folder / name).write_text(content, encoding="utf-8")
    target = {"site_url": site_url, "repo_url": repo_url}
    (folder / TARGET).write_text(json.dumps(target, indent=2) + "\n", encoding="utf-8")


def target(root: Path) -> dict[str, str]:
    """The site and repository the committed notebooks were made for."""
    return dict(json.loads((root / FOLDER / TARGET).read_text(encoding="utf-8")))


def pages_url(repo_url: str) -> str:
    """The GitHub Pages address of a repository, as the publishing workflow makes it."""
    github = GITHUB.match(repo_url)
    if not github:
        raise SystemExit(f"REPO_URL={repo_url!r} is not https://github.com/OWNER/REPO")
    owner, repo = github.groups()
    return f"https://{owner}.github.io/{repo}/"


def main() -> None:
    """`make notebooks`: build the site as the Pages build does and commit its notebooks. The
    site and repository come from SITE_URL and REPO_URL, else from notebooks/site.json."""
    root = Path(__file__).resolve().parents[2]
    recorded = target(root) if (root / FOLDER / TARGET).is_file() else {}
    repo = os.environ.get("REPO_URL") or recorded.get("repo_url")
    if not repo:
        raise SystemExit("make notebooks REPO_URL=https://github.com/OWNER/REPO [SITE_URL=...]")
    site = os.environ.get("SITE_URL") or (
        recorded["site_url"] if repo == recorded.get("repo_url") else pages_url(repo)
    )
    env = {**os.environ, "SITE_URL": site, "REPO_URL": repo, "NOTEBOOKS": "write"}
    with tempfile.TemporaryDirectory() as out:
        build = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", out]
        subprocess.run(build, cwd=root, env=env, check=True)
    print(f"{FOLDER}/: the notebooks of {site}, for Colab and Binder from {repo}")


if __name__ == "__main__":
    main()
