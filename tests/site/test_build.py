"""One build of the site (hooks/sitebuild/build.py): made once, handed on, and cleaned up."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from sitebuild import package
from sitebuild.build import Build
from sitebuild.figures import FIGURES
from tests.site import ROOT


def config(docs_dir=ROOT / "docs"):
    """The keys of MkDocs' configuration that a build reads."""
    return {
        "docs_dir": str(docs_dir),
        "config_file_path": str(ROOT / "mkdocs.yml"),
        "site_url": "https://example.org/vecnn/",
    }


def sha256sum(path) -> str:
    """The file's SHA-256 as coreutils computes it, a tool of its own."""
    out = subprocess.run(["sha256sum", str(path)], capture_output=True, text=True, check=True)
    return out.stdout.split()[0]


def test_a_build_makes_everything_once_and_removes_its_folder(monkeypatch, tmp_path):
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    monkeypatch.setattr("tempfile.tempdir", None)  # read TMPDIR again
    build = Build.start(config())
    try:
        assert build.folder.parent == tmp_path and build.folder.is_dir()
        assert set(build.drawn) == {*FIGURES, "speed"}
        assert build.report["results"], "the benchmark's report"
        wheel = build.wheel
        assert wheel.name.startswith("vecnn-") and wheel.name.endswith("-py3-none-any.whl")
        on_disk = build.folder / "dist" / wheel.name
        assert on_disk.read_bytes() == wheel.content
        assert wheel.sha256 == sha256sum(on_disk)
    finally:
        build.close()
    assert list(tmp_path.iterdir()) == []
    build.close()  # closing twice is harmless (on_post_build, then on_build_error)


def test_a_build_that_cannot_start_leaves_no_folder(monkeypatch, tmp_path):
    monkeypatch.setenv("TMPDIR", str(tmp_path / "tmp"))
    monkeypatch.setattr("tempfile.tempdir", None)
    (tmp_path / "tmp").mkdir()
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    (tmp_path / "docs" / "benchmark-results.json").unlink()
    with pytest.raises(FileNotFoundError, match="benchmark-results.json"):
        Build.start(config(tmp_path / "docs"))
    assert list((tmp_path / "tmp").iterdir()) == []


def test_the_wheel_is_the_same_bytes_every_time(monkeypatch, tmp_path):
    """The wheel (and so the hash in every install command and committed notebook) does not
    change from one build to the next, nor with the date of the last commit, which the Makefile
    and CI pass to the site's build as SOURCE_DATE_EPOCH."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    first = package.build(ROOT, "https://example.org/vecnn/", tmp_path / "a")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")
    second = package.build(ROOT, "https://example.org/vecnn/", tmp_path / "b")
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    third = package.build(ROOT, "https://example.org/vecnn/", tmp_path / "c")
    assert first.content == second.content == third.content
