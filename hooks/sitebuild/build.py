"""One build of the site: what it makes once, and a folder that lives exactly as long as it does.

hooks/events.py begins a `Build` when MkDocs reads the configuration and ends it when the build
ends, whether it succeeds or fails. In between, every event reads what it needs from that one
object, the build `under_way()`: the benchmark's report, the drawn figures, the wheel (name,
bytes, SHA-256) and the folder that holds the sources the build generates (the lab's page
notebook, the wheel). Closing removes the folder, so no build leaves anything in the temp
directory.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sitebuild import package, speed
from sitebuild.figures import FIGURES, Layout, speedchart
from vecnn.bench import Report

Drawn = dict[str, tuple[str, str]]  # figure name -> (wide SVG, narrow SVG)


def draw(report: Report) -> Drawn:
    """Every figure in a wide and a narrow layout: the lesson's and the speed chart."""
    figures = [*FIGURES.values(), speedchart.figure_of(report)]
    return {f.name: (f.svg(Layout.WIDE), f.svg(Layout.NARROW)) for f in figures}


@dataclass
class Build:
    folder: Path  # generated sources; removed by close()
    report: Report
    drawn: Drawn
    wheel: package.Wheel

    @classmethod
    def start(cls, config: Any) -> Build:
        """Make a build's folder, then everything later events need; the folder is removed
        again if making them fails."""
        folder = Path(tempfile.mkdtemp(prefix="vecnn-site-"))
        try:
            report = speed.load(config["docs_dir"])
            root = Path(config["config_file_path"]).parent
            wheel = package.build(root, config["site_url"], folder / "dist")
            return cls(folder, report, draw(report), wheel)
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise

    def fill(self, markdown: str, site_url: str, source: str) -> str:
        """What a page, a notebook or a lab cell asks of this build: the install command pinned
        to its wheel, and the benchmark's numbers ([[bench:key]])."""
        markdown = package.fill(markdown, site_url, self.wheel.name, self.wheel.sha256)
        return speed.fill(markdown, self.report, source) if "[[bench:" in markdown else markdown

    def close(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


# The build between on_config and its end (MkDocs runs one at a time). on_build_error and
# on_shutdown receive no config, so this is where they find what to close.
_under_way: Build | None = None


def begin(config: Any) -> Build:
    """Start the build on_config asks for; one still under way ends first (none should)."""
    global _under_way
    end()
    _under_way = Build.start(config)
    return _under_way


def under_way() -> Build:
    if _under_way is None:
        raise RuntimeError("no site build is under way: MkDocs calls on_config first")
    return _under_way


def end() -> None:
    """Close the build under way, if any: its temporary folder goes."""
    global _under_way
    if _under_way is not None:
        _under_way.close()
        _under_way = None
