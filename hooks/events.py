"""MkDocs hooks: wire the site's build (hooks/sitebuild/) into MkDocs' events.

MkDocs puts this file's folder on sys.path while it loads it, so the sitebuild package imports
here; every job lives in a module of its own there.

A build has a lifecycle (sitebuild/build.py): `on_config` starts one, which makes a temporary
folder and, once, everything later events need (the report, the figures, the wheel);
`on_post_build` and `on_build_error` end it and remove the folder, and `on_shutdown` makes sure
of it when `mkdocs serve` stops. Events in between read that one build, never a dict that an
earlier event filled.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import nbformat
from mkdocs.structure.files import File, Files

from sitebuild import (
    codelines,
    csp,
    dates,
    fixes,
    lab,
    launch,
    mathfont,
    mathml,
    notebook_css,
    notebooks,
    notfound,
    package,
    pictures,
    stepper,
    tables,
)
from sitebuild.build import Build, begin, end, under_way

LAB = "lab.ipynb"  # the one lab notebook: exercises with their solutions marked
# Pages get their Content-Security-Policy, except under `mkdocs serve`, whose live-reload script
# is inline and new on every load (no hash can name it). Set once per process by on_startup.
_sealed = True


def on_startup(command: str, **kwargs: Any) -> None:
    global _sealed
    _sealed = command != "serve"


def seal(html: str) -> str:
    return csp.seal(html) if _sealed else html


def on_config(config: Any) -> Any:
    begin(config)
    return config


def on_files(files: Files, config: Any) -> Files:
    """Put the drawn figures (wide and narrow) and the wheel into the site, and the lab's page
    notebook where mkdocs-jupyter will execute it."""
    build = under_way()
    for name, (wide, narrow) in build.drawn.items():
        files.append(File.generated(config, f"figures/{name}.svg", content=wide))
        files.append(File.generated(config, f"figures/{name}-narrow.svg", content=narrow))
    wheel = build.wheel
    files.append(File.generated(config, f"downloads/{wheel.name}", content=wheel.content))
    sums = package.sums(wheel.name, wheel.sha256)
    files.append(File.generated(config, "downloads/SHA256SUMS", content=sums))
    notebook = files.get_file_from_path(LAB)
    if notebook is not None:  # mkdocs-jupyter executes the page's notebook from here on
        source = lab_source(build, config, page=True)
        notebook.abs_src_path = str(lab.write(source, build.folder / LAB))
    return files


def lab_source(build: Build, config: Any, page: bool) -> Any:
    """The lab as the page runs it (exercises and solutions) or as a learner downloads it."""
    source = nbformat.read(Path(config["docs_dir"], LAB), as_version=4)
    for cell in source.cells:
        cell.source = build.fill(cell.source, config["site_url"], LAB)
    return lab.page_notebook(source) if page else lab.download(source, config["site_url"])


def on_page_markdown(markdown: str, page: Any, config: Any, **kwargs: Any) -> str:
    """Fill the speed chapter's [[bench:key]] placeholders from the results file, and the install
    command where a page asks for it."""
    return stepper.fill(under_way().fill(markdown, config["site_url"], page.file.src_path))


def on_page_context(context: Any, page: Any, config: Any, **kwargs: Any) -> Any:
    """The page's date of last change, from git, for Material's footer of the page."""
    source = Path(config["docs_dir"], page.file.src_uri)
    if page.file.src_uri and source.is_file() and (date := dates.last_changed(source)):
        page.meta["revision_date"] = date
    if page.file.src_uri in [*notebooks.lesson_pages(config["nav"]), LAB]:  # partials/notebook.html
        page.meta["notebook"] = launch.links(config["repo_url"], notebooks.name(page.file.src_uri))
    return context


def on_page_content(content: str, page: Any, config: Any, **kwargs: Any) -> str:
    if page.file.src_uri == LAB:
        content = fixes.drop_mermaid(lab.fold_solutions(content))
        content = notebook_css.move_to_file(content, Path(config["site_dir"], page.file.dest_uri))
    content = tables.labelled(pictures.responsive(content, under_way().drawn))
    content = codelines.mark(content)
    return mathml.typeset(fixes.drop_notebook_mathjax(content))


def on_post_page(output: str, **kwargs: Any) -> str:
    return seal(fixes.name_search_dialog(output))


def on_post_template(output: str, template_name: str, config: Any, **kwargs: Any) -> str:
    """404.html is a template, not a page: its links must work at any depth, under any path."""
    if template_name != "404.html":
        return output  # sitemap.xml
    return seal(notfound.relative(fixes.name_search_dialog(output), config["site_url"]))


def on_post_build(config: Any) -> None:
    """Bring a math font cut down to the formulas just built (see sitebuild/mathfont.py), the
    lab's download and each lesson page's notebook; then the build ends."""
    try:
        build = under_way()
        mathfont.write(config["site_dir"])
        source = lab_source(build, config, page=False)
        lab.write(source, Path(config["site_dir"], "lab", LAB))
        launch.publish(config, build, source)
    finally:
        end()


def on_build_error(error: Exception, **kwargs: Any) -> None:
    end()


def on_shutdown(**kwargs: Any) -> None:
    end()
