"""MkDocs hooks: wire the site's build (hooks/sitebuild/) into MkDocs' events.

MkDocs puts this file's folder on sys.path while it loads it, so the sitebuild package imports
here; every job lives in a module of its own there.
"""

from __future__ import annotations

from typing import Any

from mkdocs.structure.files import File, Files

from sitebuild import drawing, figures, fixes, mathml, speed


def on_files(files: Files, config: Any) -> Files:
    """Draw every figure into the site: Figures 1-5 and the speed chart."""
    for name in figures.FIGURES:
        files.append(File.generated(config, f"figures/{name}.svg", content=figures.svg(name)))
    chart = drawing.svg(speed.chart(speed.load(config["docs_dir"])), "speed")
    files.append(File.generated(config, "figures/speed.svg", content=chart))
    return files


def on_page_markdown(markdown: str, page: Any, config: Any, **kwargs: Any) -> str:
    """Fill the speed chapter's [[bench:key]] placeholders from the results file."""
    if "[[bench:" not in markdown:
        return markdown
    return speed.fill(markdown, speed.load(config["docs_dir"]), page.file.src_path)


def on_page_content(content: str, **kwargs: Any) -> str:
    return mathml.typeset(fixes.drop_notebook_mathjax(content))


def on_post_page(output: str, **kwargs: Any) -> str:
    return fixes.name_search_dialog(output)


def on_post_template(output: str, template_name: str, **kwargs: Any) -> str:
    return fixes.name_search_dialog(output)  # 404.html is a template, not a page
