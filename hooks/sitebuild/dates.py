"""Each page's date of last change, from git: Material shows page.meta.revision_date under it.

A shallow clone (CI, Pages) knows only its newest commit, which is then every page's date; a
copy with no git at all shows no date. Neither is an error.
"""

from __future__ import annotations

import subprocess
from pathlib import Path


def last_changed(path: Path) -> str | None:
    """The committer date (YYYY-MM-DD) of the last commit that changed `path`, or None."""
    try:
        result = subprocess.run(
            ["git", "log", "-1", "--format=%cs", "--", path.name],
            cwd=path.parent,
            capture_output=True,
            text=True,
            timeout=30,
        )
    except (OSError, subprocess.TimeoutExpired):  # no git here
        return None
    date = result.stdout.strip()
    return date if result.returncode == 0 and date else None
