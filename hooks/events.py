"""MkDocs hooks: wire the site's build (hooks/sitebuild/) into MkDocs' events.

MkDocs puts this file's folder on sys.path while it loads it, so the sitebuild package imports
here; every job lives in a module of its own there.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import nbformat
from mkdocs.structure.files import File, Files

from sitebuild import (
    codelines,
    dates,
    figures,
    fixes,
    lab,
    mathfont,
    mathml,
    notebook_css,
    package,
    pictures,
    speed,
    stepper,
    tables,
)

LAB = "lab.ipynb"  # the one lab notebook: exercises with their solutions marked
BUILT = Path(tempfile.mkdtemp(prefix="vecnn-site-"))  # generated sources, per process

# name -> (wide SVG, narrow SVG) of every figure in this build
DRAWN: dict[str, tuple[str, str]] = {}
WHEEL: dict[str, str] = {}  # the file name of the wheel this build publishes


def on_files(files: Files, config: Any) -> Files:
    """Draw every figure into the site, in a wide and a narrow layout: Figures 1-5 and the
    speed chart."""
    report = speed.load(config["docs_dir"])
    DRAWN.clear()
    for name in figures.FIGURES:
        DRAWN[name] = (figures.svg(name), figures.svg(name, narrow=True))
    DRAWN["speed"] = (speed.svg(report), speed.svg(report, narrow=True))
    for name, (wide, narrow) in DRAWN.items():
        files.append(File.generated(config, f"figures/{name}.svg", content=wide))
        files.append(File.generated(config, f"figures/{name}-narrow.svg", content=narrow))
    wheel, content = package.build(Path(config["config_file_path"]).parent, config["site_url"])
    WHEEL["name"] = wheel
    files.append(File.generated(config, f"downloads/{wheel}", content=content))
    notebook = files.get_file_from_path(LAB)
    if notebook is not None:  # mkdocs-jupyter executes the page's notebook from here on
        notebook.abs_src_path = str(lab.write(lab_source(config, page=True), BUILT / LAB))
    return files


def lab_source(config: Any, page: bool) -> Any:
    """The lab as the page runs it (exercises and solutions) or as a learner downloads it."""
    source = nbformat.read(Path(config["docs_dir"], LAB), as_version=4)
    report = speed.load(config["docs_dir"])
    for cell in source.cells:
        if cell.cell_type == "markdown" and "[[bench:" in cell.source:
            cell.source = speed.fill(cell.source, report, LAB)
        cell.source = package.fill(cell.source, config["site_url"], WHEEL["name"])
    return lab.page_notebook(source) if page else lab.download(source, config["site_url"])


def on_page_markdown(markdown: str, page: Any, config: Any, **kwargs: Any) -> str:
    """Fill the speed chapter's [[bench:key]] placeholders from the results file, and the install
    command where a page asks for it."""
    markdown = stepper.fill(package.fill(markdown, config["site_url"], WHEEL["name"]))
    if "[[bench:" not in markdown:
        return markdown
    return speed.fill(markdown, speed.load(config["docs_dir"]), page.file.src_path)


def on_page_context(context: Any, page: Any, config: Any, **kwargs: Any) -> Any:
    """The page's date of last change, from git, for Material's footer of the page."""
    source = Path(config["docs_dir"], page.file.src_uri)
    if page.file.src_uri and source.is_file() and (date := dates.last_changed(source)):
        page.meta["revision_date"] = date
    return context


def on_page_content(content: str, page: Any, **kwargs: Any) -> str:
    if page.file.src_uri == LAB:
        content = notebook_css.trim(lab.fold_solutions(content))
    content = tables.labelled(pictures.responsive(content, DRAWN))
    content = codelines.mark(content)
    return mathml.typeset(fixes.drop_notebook_mathjax(content))


def on_post_page(output: str, **kwargs: Any) -> str:
    return fixes.name_search_dialog(output)


def on_post_template(output: str, template_name: str, **kwargs: Any) -> str:
    return fixes.name_search_dialog(output)  # 404.html is a template, not a page


def on_post_build(config: Any) -> None:
    """Bring a math font cut down to the formulas just built (see sitebuild/mathfont.py)."""
    mathfont.write(config["site_dir"])
    lab.write(lab_source(config, page=False), Path(config["site_dir"], "lab", LAB))
