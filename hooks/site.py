"""MkDocs build hook: draws figures HNNIE 1-5 from vecnn and typesets math as MathML.

Both happen at build time, so the published pages need no figure files in git and no math
script or font from a CDN: browsers render MathML natively.
"""

from __future__ import annotations

import html
import json
import re
from typing import Any

from latex2mathml.converter import convert
from mkdocs.structure.files import File, Files

from vecnn import bench, figures

# The benchmark chapter's numbers come from this file, written by `make bench` on a real run.
RESULTS = "benchmark-results.json"
PLACEHOLDER = re.compile(r"\[\[bench:(\w+)\]\]")

# pymdownx.arithmatex (generic: true) wraps TeX as \( ... \) in a span or \[ ... \] in a div.
INLINE = re.compile(r'<span class="arithmatex">\\\((.+?)\\\)</span>', re.S)
BLOCK = re.compile(r'<div class="arithmatex">\\\[(.+?)\\\]</div>', re.S)
# A minus that follows another operator or opens a group is a sign, as in [-1, 1, 2]: latex2mathml
# marks it as binary, and browsers then space it like x - y. Mark it as a prefix without spacing.
SIGN = re.compile(r"(<mrow>|<mo[^>]*>[^<]*</mo>)<mo>&#x02212;</mo>")
# mkdocs-jupyter adds an empty <script src=""> and a MathJax 2 config to notebook pages. The lab has
# no math, and an empty src is a request to nowhere: drop both.
NOTEBOOK_MATHJAX = re.compile(
    r'<!-- Load mathjax -->\s*<script src="">\s*</script>\s*<!-- MathJax configuration -->\s*'
    r'<script type="text/x-mathjax-config">.*?</script>',
    re.S,
)


def report(config: Any) -> dict[str, Any]:
    with open(f"{config['docs_dir']}/{RESULTS}", encoding="utf-8") as f:
        data: dict[str, Any] = json.load(f)
    return data


def on_files(files: Files, config: Any) -> Files:
    for name in figures.FIGURES:
        files.append(File.generated(config, f"figures/{name}.svg", content=figures.svg(name)))
    speed = figures.svg_of(figures.speed(report(config)), "speed")
    files.append(File.generated(config, "figures/speed.svg", content=speed))
    return files


def on_page_markdown(markdown: str, page: Any, config: Any, **kwargs: Any) -> str:
    """Fill [[bench:key]] with a number from the results file, the table, or the plot."""
    if "[[bench:" not in markdown:
        return markdown
    data = report(config)
    values = bench.summary(data)
    values["table"] = bench.markdown_table(data)
    values["figure"] = f"![{figures.speed_alt(data)}](figures/speed.svg)"

    def fill(match: re.Match[str]) -> str:
        if match[1] not in values:
            raise KeyError(f"{page.file.src_path}: no benchmark value named {match[1]!r}")
        return values[match[1]]

    return PLACEHOLDER.sub(fill, markdown)


def mathml(tex: str, display: str) -> str:
    converted = convert(html.unescape(tex).strip(), display=display)
    return SIGN.sub(r'\1<mo form="prefix" lspace="0" rspace="0">&#x02212;</mo>', converted)


def name_search_dialog(output: str) -> str:
    """Material's search overlay is a role="dialog" without a name; screen readers need one."""
    return output.replace(
        '<div class="md-search" data-md-component="search" role="dialog">',
        '<div class="md-search" data-md-component="search" role="dialog" aria-label="Search">',
    )


def on_post_page(output: str, **kwargs: Any) -> str:
    return name_search_dialog(output)


def on_post_template(output: str, template_name: str, **kwargs: Any) -> str:
    return name_search_dialog(output)  # 404.html is a template, not a page


def on_page_content(content: str, **kwargs: Any) -> str:
    content = NOTEBOOK_MATHJAX.sub("", content)
    content = BLOCK.sub(lambda m: f'<div class="math">{mathml(m[1], "block")}</div>', content)
    return INLINE.sub(lambda m: mathml(m[1], "inline"), content)
