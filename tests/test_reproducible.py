"""Every build cleans up after itself, whether it succeeds or fails, and two builds of the same
commit are byte for byte the same."""

from __future__ import annotations

import filecmp
import json
import os
import shutil
import subprocess
import sys

import pytest

from tests.conftest import ROOT

PROJECT = ["mkdocs.yml", "hooks", "overrides", "src", "pyproject.toml", "README.md", "LICENSE"]
PROJECT += ["hatch_build.py"]  # what mkdocs.yml refers to and what the shipped wheel is built from


def build(config, site_dir, tmpdir, epoch="1700000000"):
    """`mkdocs build --strict` with a private temp directory and a fixed SOURCE_DATE_EPOCH."""
    tmpdir.mkdir(exist_ok=True)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "TMPDIR": str(tmpdir)}
    env["SOURCE_DATE_EPOCH"] = epoch
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config)]
    return subprocess.run(
        [*command, "-d", str(site_dir)],
        cwd=config.parent,
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )


def project_copy(tmp_path):
    """The project with its own docs/ folder to break; the rest links to the real one."""
    copy = tmp_path / "project"
    shutil.copytree(ROOT / "docs", copy / "docs")
    for name in PROJECT:
        (copy / name).symlink_to(ROOT / name)
    return copy


def differences(left, right) -> list[str]:
    """Every file that is in one tree only or differs in its bytes."""
    found: list[str] = []

    def walk(cmp: filecmp.dircmp, at: str) -> None:
        found.extend(f"{at}{name}" for name in cmp.left_only + cmp.right_only + cmp.funny_files)
        _, mismatch, errors = filecmp.cmpfiles(cmp.left, cmp.right, cmp.common_files, shallow=False)
        found.extend(f"{at}{name}" for name in mismatch + errors)
        for name, sub in cmp.subdirs.items():
            walk(sub, f"{at}{name}/")

    walk(filecmp.dircmp(left, right), "")
    return found


def test_a_build_leaves_nothing_in_the_temp_directory(tmp_path):
    result = build(ROOT / "mkdocs.yml", tmp_path / "site", tmp_path / "tmp")
    assert result.returncode == 0, result.stderr[-2000:]
    assert list((tmp_path / "tmp").iterdir()) == []
    assert (tmp_path / "site" / "lab" / "index.html").is_file()


def raising_lab(copy) -> None:
    """A lab whose first code cell raises: the build fails while the page is made."""
    path = copy / "docs" / "lab.ipynb"
    notebook = json.loads(path.read_text(encoding="utf-8"))
    code = next(cell for cell in notebook["cells"] if cell["cell_type"] == "code")
    code["source"] = ['raise RuntimeError("a cell that fails")\n', *code["source"]]
    path.write_text(json.dumps(notebook), encoding="utf-8")


def dead_link(copy) -> None:
    """A dead link: strict mode fails the build after its last event."""
    with (copy / "docs" / "conventions.md").open("a", encoding="utf-8") as f:
        f.write("\n[dead link](no-such-page.md)\n")


@pytest.mark.parametrize("breakage", [raising_lab, dead_link], ids=lambda f: f.__name__)
def test_a_failed_build_cleans_up_too(tmp_path, breakage):
    copy = project_copy(tmp_path)
    breakage(copy)
    result = build(copy / "mkdocs.yml", tmp_path / "site", tmp_path / "tmp")
    assert result.returncode != 0
    assert "a cell that fails" in result.stderr or "no-such-page.md" in result.stderr
    assert list((tmp_path / "tmp").iterdir()) == []


@pytest.mark.slow
def test_two_builds_are_byte_identical(tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    for site in (first, second):
        result = build(ROOT / "mkdocs.yml", site, tmp_path / "tmp")
        assert result.returncode == 0, result.stderr[-2000:]
    differ = differences(first, second)
    assert differ == []


def test_the_comparison_sees_a_changed_byte(tmp_path):
    left, right = tmp_path / "left", tmp_path / "right"
    for tree in (left, right):
        (tree / "sub").mkdir(parents=True)
        (tree / "sub" / "page.html").write_text("<p>same</p>")
    assert differences(left, right) == []
    (right / "sub" / "page.html").write_text("<p>sane</p>")
    (right / "extra.css").write_text("")
    assert sorted(differences(left, right)) == ["extra.css", "sub/page.html"]
