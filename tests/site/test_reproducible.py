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
    different = differences(pages_site, again)
    assert different == [], "\n".join(first_difference(pages_site, again, f) for f in different)


def first_difference(left, right, name: str) -> str:
    """Where a file of both trees first differs, with some text around it."""
    if not (left / name).is_file() or not (right / name).is_file():
        return f"{name}: in one tree only"
    a, b = (tree.joinpath(name).read_bytes() for tree in (left, right))
    at = next(
        (i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b))
    )
    around = slice(max(0, at - 200), at + 200)
    return f"{name} differs at byte {at}:\n  {a[around]!r}\n  {b[around]!r}"


def test_the_comparison_sees_a_changed_byte(tmp_path):
    left, right = tmp_path / "left", tmp_path / "right"
    for tree in (left, right):
        (tree / "sub").mkdir(parents=True)
        (tree / "sub" / "page.html").write_text("<p>same</p>")
    assert differences(left, right) == []
    (right / "sub" / "page.html").write_text("<p>sane</p>")
    (right / "extra.css").write_text("")
    assert sorted(differences(left, right)) == ["extra.css", "sub/page.html"]
    assert "differs at byte 5" in first_difference(left, right, "sub/page.html")
    assert "in one tree only" in first_difference(left, right, "extra.css")
