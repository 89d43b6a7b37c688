"""Every lesson page as a notebook, for the site, Colab and Binder.

A lesson page is a Markdown page in the nav's section that holds the lab, so a new part is
picked up from mkdocs.yml alone. Its notebook is made from the page's own tested blocks:

- prose becomes Markdown cells, links and figures pointing at the site;
- each ```python block becomes a code cell, unchanged;
- a ```text block under `<!--pytest-codeblocks:expected-output-->` becomes a cell that checks
  the block above printed exactly that (the setup cell records what each cell prints);
- the first cell installs vecnn from the site, pinned by the wheel's hash, when it is missing
  (notebook_setup.py).

The build publishes each notebook beside its page. The same notebooks, with the lab's download,
are committed under notebooks/ for Colab and Binder (`make notebooks`); launch.py makes the links.
"""

from __future__ import annotations

import re
from typing import Any

import nbformat

from sitebuild import notebook_setup

MARKER = "<!--pytest-codeblocks:expected-output-->"
FENCE = re.compile(r"^(\s*)```(\S*)\s*$")
# an admonition, a folded block or a content tab: its title, if any, becomes a bold line
TITLE = re.compile(r'^\s*(?:(?:!!!|\?\?\?\+?) \w+|===\+?)(?: "(.*)")?\s*$')
PLACEHOLDER = re.compile(r"^\[\[[\w:-]+\]\]$", re.M)  # what the build turns into HTML
LINK = re.compile(r"\]\((?!https?:|#)([^)\s]+)\)")


def lesson_pages(nav: Any) -> list[str]:
    """The Markdown pages of the nav's section that holds a notebook (the lab), in order."""
    for item in nav if isinstance(nav, list) else []:
        for section in item.values() if isinstance(item, dict) else []:
            entries = section if isinstance(section, list) else []
            sources = [s for e in entries for s in (e.values() if isinstance(e, dict) else [e])]
            if any(str(s).endswith(".ipynb") for s in sources):
                return [s for s in sources if str(s).endswith(".md")]
    return []


def name(source: str) -> str:
    """A page's notebook file name: vectorized-forward-propagation.md -> ...ipynb."""
    return source.rsplit(".", 1)[0] + ".ipynb"


def notebook(markdown: str, site_url: str, pinned: str, source: str = "index.md") -> Any:
    """The notebook of the page `source`, whose Markdown the build has filled in: the setup
    cell, then prose, code and checks in the page's order."""
    cells = [nbformat.v4.new_code_cell(notebook_setup.cell(pinned))]
    for kind, text in pieces(markdown):
        if kind == "code":
            cells.append(nbformat.v4.new_code_cell(text))
        elif kind == "output":
            cells.append(nbformat.v4.new_code_cell(f'check_printed("""\\\n{text}\n""")'))
        elif text.strip():
            page_url = absolute(source, site_url)
            cells.append(nbformat.v4.new_markdown_cell(prose(text, site_url, page_url)))
    nb = nbformat.v4.new_notebook(cells=cells)
    nb.metadata = {
        "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
        "language_info": {"name": "python"},
    }
    for k, cell in enumerate(nb.cells):  # stable ids: the committed copy stays byte-identical
        cell.id = f"cell-{k}"
    return nb


def pieces(markdown: str) -> list[tuple[str, str]]:
    """The page as ("prose" | "code" | "output", text), fences taken out of admonitions."""
    out: list[tuple[str, str]] = []
    prose_lines: list[str] = []
    lines, k, expect = markdown.splitlines(), 0, False
    while k < len(lines):
        fence = FENCE.match(lines[k])
        if not fence:
            expect = expect or lines[k].strip() == MARKER
            prose_lines += plain(lines[k])
            k += 1
            continue
        indent, info = len(fence[1]), fence[2]
        end = next(i for i in range(k + 1, len(lines)) if lines[i].strip() == "```")
        body = "\n".join(line[indent:] for line in lines[k + 1 : end])
        if info == "python" or (expect and info == "text"):
            out.append(("prose", "\n".join(prose_lines)))
            out.append(("code" if info == "python" else "output", body))
            prose_lines = []
        else:  # shown only: stays in the prose, as a fenced block
            prose_lines += [f"```{info}", *body.splitlines(), "```"]
        expect, k = False, end + 1
    out.append(("prose", "\n".join(prose_lines)))
    return out


def plain(line: str) -> list[str]:
    """One line of Material's Markdown as Jupyter's: an admonition's title in bold, its body
    out of the indent, no <figure> tags and no HTML comments."""
    title = TITLE.match(line)
    if title:
        return [f"**{title[1]}**"] if title[1] else []
    if re.match(r"\s*(<figure|</figure>|<!--)", line):
        return []
    return [line.strip()]


def prose(text: str, site_url: str, page_url: str) -> str:
    """A run of prose with captions in italics and links and figures pointing at the site."""
    text = re.sub(r"<figcaption>(.*?)</figcaption>", r"*\1*", text.strip("\n"), flags=re.S)
    text = PLACEHOLDER.sub(f"*(An interactive figure on the page: {page_url})*", text)
    return re.sub(r"\n{3,}", "\n\n", LINK.sub(lambda m: f"]({absolute(m[1], site_url)})", text))


def absolute(link: str, site_url: str) -> str:
    """A link relative to docs/ as a URL on the site: page.md#part -> <site>/page/#part."""
    path, _, anchor = link.partition("#")
    if path.endswith((".md", ".ipynb")):
        stem = path.rsplit(".", 1)[0]
        path = "" if stem == "index" else f"{stem}/"
    return f"{site_url.rstrip('/')}/{path}" + (f"#{anchor}" if anchor else "")
