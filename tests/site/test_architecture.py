"""README.md's architecture tree is the one list of the modules: every path it names exists, and
every module of the package, the build and the scripts is named in it."""

from __future__ import annotations

import re
from pathlib import PurePosixPath

from tests.site import ROOT

ENTRY = re.compile(r"^( ?|  )((?:\S+, )*\S+)(?:\s+(.*))?$")  # paths at indent 0 or 2, a note
PY = re.compile(r"\b[\w/]+\.py\b")
SOURCES = ["src/vecnn", "hooks", "scripts"]
UNNAMED = {"__init__.py", "__main__.py"}  # a package's folder entry stands for these


def tree() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"^## Architecture\n.*?^```text\n(.*?)^```$", readme, re.M | re.S)
    assert block, "README.md has no ```text tree under ## Architecture"
    return block[1]


def named_paths(text: str) -> set[str]:
    """The repository paths the tree names: a folder entry's indented lines are inside it, and a
    folder's note may list its modules (bench/: contenders.py, timing.py, ...)."""
    paths: set[str] = set()
    parent = PurePosixPath()
    folder = None  # the entry whose note may go on over continuation lines
    for line in text.splitlines():
        if not line.strip():
            continue
        if line.startswith(" " * 6):  # a note going on under its entry
            if folder is not None:
                paths |= {str(folder / name) for name in PY.findall(line)}
            continue
        match = ENTRY.match(line)
        assert match, f"not an entry of the tree: {line!r}"
        indent, names, note = match[1], match[2], match[3] or ""
        if not indent:
            parent = PurePosixPath()
        folder = None
        for name in names.split(", "):
            path = parent / name
            paths.add(str(path))
            if name.endswith("/"):
                if not indent:
                    parent = path
                else:
                    folder = path
                    paths |= {str(path / module) for module in PY.findall(note)}
    return paths


def modules() -> set[str]:
    return {
        path.relative_to(ROOT).as_posix()
        for source in SOURCES
        for path in (ROOT / source).rglob("*.py")
        if path.name not in UNNAMED
    }


def test_the_parser_reads_folders_notes_and_lists():
    text = (
        "src/pkg/          the package\n"
        "  a.py            a\n"
        "  sub/            sub: b.py, c.py,\n"
        "                  d.py\n"
        "top/x.py          x\n"
        "uv.lock, y.json pins, all\n"
    )
    assert named_paths(text) == {
        "src/pkg",
        "src/pkg/a.py",
        "src/pkg/sub",
        "src/pkg/sub/b.py",
        "src/pkg/sub/c.py",
        "src/pkg/sub/d.py",
        "top/x.py",
        "uv.lock",
        "y.json",
    }


def test_every_path_the_tree_names_exists():
    missing = sorted(path for path in named_paths(tree()) if not (ROOT / path).exists())
    assert not missing, f"README.md's tree names paths that do not exist: {missing}"


def test_every_module_is_named_in_the_tree():
    """Fails until README.md's tree names every module: add each one listed, with its job."""
    unnamed = sorted(modules() - named_paths(tree()))
    assert not unnamed, f"README.md's architecture tree does not name: {unnamed}"
