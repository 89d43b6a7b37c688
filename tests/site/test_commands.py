"""Every `make X` the README, CONTRIBUTING and the pages name is a target `make help` lists."""

import re
import shutil
import subprocess

import pytest

from tests.site import ROOT

DOCUMENTS = [ROOT / "README.md", ROOT / "CONTRIBUTING.md"] + sorted(
    p for p in (ROOT / "docs").rglob("*") if p.suffix in (".md", ".ipynb")
)


def named_targets() -> dict[str, set[str]]:
    """Each `make X` written as code (inline or in a fenced block), with the files naming it."""
    found: dict[str, set[str]] = {}
    for path in DOCUMENTS:
        text = path.read_text(encoding="utf-8")
        code = re.findall(r"```[^\n]*\n(.*?)```", text, re.S) + re.findall(r"`([^`\n]+)`", text)
        for snippet in code:
            for target in re.findall(r"(?:^|[\s;&|(])make ([a-z][a-z-]*)", snippet, re.M):
                found.setdefault(target, set()).add(path.name)
    return found


@pytest.mark.skipif(shutil.which("make") is None, reason="needs make")
def test_every_documented_make_target_is_listed_by_make_help():
    result = subprocess.run(["make", "-s", "help"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    listed = set(re.findall(r"^  make ([a-z][a-z-]*) ", result.stdout, re.M))
    named = named_targets()
    assert {"test", "test-fast", "bench", "help"} <= set(named), named  # the check sees them
    missing = {target: sorted(files) for target, files in named.items() if target not in listed}
    assert not missing, f"named in the docs but not listed by `make help`: {missing}"
