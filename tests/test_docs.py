"""The pages' code fences: every Python block is collected and every print is checked."""

import re

import pytest

from tests import pages
from tests.conftest import ROOT

PAGES = [*pages.MARKDOWN, ROOT / "README.md"]
FENCE = re.compile(r"^(\s*)(`{3,}|~{3,})(.*)$")
PYTHONISH = {"py", "python3", "py3", "{python}", "{.python}", "ipython", "python"}
RUN_BY_PYTEST_CODEBLOCKS = {"python", "sh", "bash"}


def fences(path):
    """(line number, info string, code) of every fenced block in a Markdown file."""
    lines = path.read_text(encoding="utf-8").splitlines()
    i = 0
    while i < len(lines):
        m = FENCE.match(lines[i])
        if m:
            indent, ticks, info = m.groups()
            start = i
            i += 1
            body = []
            while i < len(lines) and not lines[i].strip().startswith(ticks):
                body.append(lines[i])
                i += 1
            yield start + 1, info, "\n".join(body), lines[start - 2 : start]
        i += 1


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_python_fences_are_exactly_python(page):
    """pytest-codeblocks runs only ```python; `py`, `python title=...`, ``` python are skipped."""
    for lineno, info, _, _ in fences(page):
        words = info.strip().split()
        lang = words[0] if words else ""
        looks_python = lang.lower() in PYTHONISH or lang.lower().startswith("python")
        assert not looks_python or info == "python", (
            f"{page.name}:{lineno}: fence info {info!r} would not be run; write exactly ```python "
            "(or `pycon` / `text` for code that is only shown)"
        )
        assert lang not in {"sh", "bash"}, (
            f"{page.name}:{lineno}: {lang} blocks are executed by the test run; use `shell` for "
            "commands a reader types"
        )


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_printing_block_has_checked_output(page):
    blocks = list(fences(page))
    for k, (lineno, info, code, _) in enumerate(blocks):
        if info != "python" or not re.search(r"\b(print|show)\(", code):
            continue
        following = blocks[k + 1] if k + 1 < len(blocks) else None
        assert following and "<!--pytest-codeblocks:expected-output-->" in "\n".join(
            following[3]
        ), (
            f"{page.name}:{lineno}: this block prints; show its output under an expected-output marker"
        )


def test_every_markdown_file_is_in_the_nav():
    assert sorted((ROOT / "docs").rglob("*.md")) == sorted(pages.MARKDOWN)


def test_the_lessons_pages_have_runnable_blocks():
    counts = {p.name: sum(info == "python" for _, info, _, _ in fences(p)) for p in PAGES}
    for name in [
        "vectorized-forward-propagation.md",
        "matrix-multiplication.md",
        "matrix-multiplication-rules.md",
        "matrix-multiplication-code.md",
        "conventions.md",
    ]:
        assert counts[name] >= 1, f"{name} has no runnable block"
