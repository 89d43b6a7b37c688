"""Every build cleans up after itself, whether it succeeds or fails, and two builds of the same
commit are byte for byte the same. The builds are the run's shared ones (builds.py), each
made with a temp directory of its own."""

from __future__ import annotations

import filecmp

import pytest

from tests.conftest import builds_folder
from tests.site import builds


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


@pytest.mark.parametrize("name", ["site", "pages_site", "again"])
def test_a_build_leaves_nothing_in_the_temp_directory(request, name):
    site = request.getfixturevalue(name)  # once the build has succeeded
    assert (site / "lab" / "index.html").is_file()
    assert list((site.parent / "tmp").iterdir()) == []


@pytest.mark.parametrize(
    "name, words",
    [("raising_lab", builds.RAISED), ("dead_links", "no-such-page.md")],
)
def test_a_failed_build_cleans_up_too(request, name, words):
    status, log = request.getfixturevalue(name)
    assert status != 0 and words in log
    assert list((builds_folder(request.config) / name / "tmp").iterdir()) == []


def test_two_builds_are_byte_identical(pages_site, again):
    """Two Pages builds of this commit, into two folders with two temp directories."""
    assert pages_site != again
    assert differences(pages_site, again) == []


def test_the_comparison_sees_a_changed_byte(tmp_path):
    left, right = tmp_path / "left", tmp_path / "right"
    for tree in (left, right):
        (tree / "sub").mkdir(parents=True)
        (tree / "sub" / "page.html").write_text("<p>same</p>")
    assert differences(left, right) == []
    (right / "sub" / "page.html").write_text("<p>sane</p>")
    (right / "extra.css").write_text("")
    assert sorted(differences(left, right)) == ["extra.css", "sub/page.html"]
