"""The lab: one notebook in docs/, two outputs.

docs/lab.ipynb holds every exercise with its worked solution between `### BEGIN SOLUTION` and
`### END SOLUTION` lines, as nbgrader marks them. From it the build makes

- the page's notebook, executed by mkdocs-jupyter: each exercise cell twice, first as the
  learner gets it (tagged "exercise"), then with its solution (tagged "solution"), which the
  page folds away in a <details> block above the checks' output. A first cell (tagged
  "page-only", dropped from the page's HTML) tells the checks they run for the site, so that
  exercise 5 prints its verdict and not this machine's times: two builds give the same page.
  Every cell has a fixed id, for the same reason;
- the download: exercises only, no outputs, and links that work outside the site.

In an exercise, a solution region becomes `# your code here` and a `raise NotImplementedError`
that names the function, at the region's indentation; a line `"key": value,` in a region keeps
its key and gets None (the shape quiz's answers).
"""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any

import nbformat

from vecnn.timing import PAGE as PAGE_VARIABLE

BEGIN, END = "### BEGIN SOLUTION", "### END SOLUTION"
ENTRY = re.compile(r'^(\s*"[^"]*"): .*,$')
FUNCTION = re.compile(r"^def (\w+)\(", re.M)
RELATIVE_LINK = re.compile(r"\]\(\.\./([\w/#.-]*)\)")


def has_solution(cell: Any) -> bool:
    return bool(cell.cell_type == "code" and BEGIN in cell.source)


def exercise(source: str) -> str:
    """The source with every solution region replaced by what the learner starts from."""
    out: list[str] = []
    region: list[str] | None = None
    for line in source.splitlines():
        if line.strip() == BEGIN:
            region, indent = [], line[: len(line) - len(line.lstrip())]
        elif line.strip() == END and region is not None:
            out += _stub(region, indent, source)
            region = None
        elif region is not None:
            region.append(line)
        else:
            out.append(line)
    return "\n".join(out)


def _stub(region: list[str], indent: str, source: str) -> list[str]:
    """What a solution region becomes: answers set to None, or code left to write."""
    entries = [ENTRY.match(line) for line in region]
    if all(entries):
        return [f"{m[1]}: None," for m in entries if m] + [f"{indent}# your answers here"]
    name = FUNCTION.search(source)
    what = f"{name[1]} is" if name else "this is"
    return [
        f"{indent}# your code here",
        f'{indent}raise NotImplementedError("{what} not written yet")',
    ]


def solution(source: str) -> str:
    """The source with the markers taken out: the worked solution."""
    return "\n".join(line for line in source.splitlines() if line.strip() not in (BEGIN, END))


PAGE_ONLY = "page-only"
SETUP = f'import os\n\nos.environ["{PAGE_VARIABLE}"] = "1"  # the checks run for the site\'s page'


def page_notebook(source: Any) -> Any:
    """The notebook the page is built from: the page's setup, then each exercise and its
    solution. Cell ids are derived from the source's, never random."""
    nb = copy.deepcopy(source)
    cells = [_cell("page-setup", SETUP, PAGE_ONLY)]
    for cell in nb.cells:
        if not has_solution(cell):
            cells.append(cell)
            continue
        cells.append(_cell(f"{cell.id}-given", exercise(cell.source), "exercise"))
        cells.append(_cell(f"{cell.id}-solution", solution(cell.source), "solution"))
    nb.cells = cells
    return nb


def _cell(cell_id: str, source: str, tag: str) -> Any:
    return nbformat.v4.new_code_cell(source, id=cell_id, metadata={"tags": [tag]})


def download(source: Any, site_url: str) -> Any:
    """The notebook a learner downloads: exercises to fill in, no outputs, absolute links."""
    nb = copy.deepcopy(source)
    for cell in nb.cells:
        if has_solution(cell):
            cell.source = exercise(cell.source)
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
        else:
            cell.source = RELATIVE_LINK.sub(lambda m: f"]({site_url}{m[1]})", cell.source)
    return nb


def write(nb: Any, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, str(path))
    return path


def fold_solutions(content: str) -> str:
    """Wrap each solution cell of the page's HTML in a closed <details> block (and leave out
    the page's own setup cell, which is no part of the lab)."""
    out, start = [], 0
    while (at := content.find("<div ", start)) != -1:
        end = content.find(">", at)
        if f"celltag_{PAGE_ONLY}" in content[at:end]:
            out.append(content[start:at])
            start = _matching_div_end(content, at)
            continue
        if "celltag_solution" not in content[at:end]:
            out.append(content[start : end + 1])
            start = end + 1
            continue
        close = _matching_div_end(content, at)
        out += [
            content[start:at],
            '<details class="success"><summary>Worked solution</summary>',
            content[at:close],
            "</details>",
        ]
        start = close
    return "".join(out) + content[start:]


def _matching_div_end(html: str, at: int) -> int:
    """The index just past the </div> that closes the <div at `at`."""
    depth, pos = 0, at
    for tag in re.finditer(r"<(/?)div\b", html[at:]):
        depth += -1 if tag[1] else 1
        pos = at + tag.end()
        if depth == 0:
            return html.index(">", pos) + 1
    raise ValueError("an unclosed <div> in the notebook's HTML")
