"""Small repairs to the HTML that Material and mkdocs-jupyter write."""

from __future__ import annotations

import re

# mkdocs-jupyter adds an empty <script src=""> and a MathJax 2 config to notebook pages. The lab has
# no math, and an empty src is a request to nowhere: drop both.
NOTEBOOK_MATHJAX = re.compile(
    r'<!-- Load mathjax -->\s*<script src="">\s*</script>\s*<!-- MathJax configuration -->\s*'
    r'<script type="text/x-mathjax-config">.*?</script>',
    re.S,
)


# nbconvert's template adds a module script that would import Mermaid from cdnjs.cloudflare.com,
# with no integrity check, if a cell ever drew a diagram; and the styles of such diagrams.
MERMAID = re.compile(
    r'<script type="module">(?:(?!</script>).)*?\.jp-Mermaid.*?</script>\s*'
    r"<style>(?:(?!</style>).)*?\.jp-Mermaid.*?</style>(?:\s*<!-- End of mermaid configuration -->)?",
    re.S,
)


def drop_mermaid(content: str) -> str:
    """The notebook's HTML without the Mermaid loader. The lab draws no diagram; if it ever did,
    the build stops instead of shipping a page that fetches code from another site."""
    content, dropped = MERMAID.subn("", content)
    if 'class="jp-Mermaid' in content:
        raise ValueError("the lab draws a Mermaid diagram, which would need a script from a CDN")
    if "mermaid" in content.lower() and not dropped:
        raise ValueError("nbconvert's Mermaid loader changed shape: update fixes.MERMAID")
    return content


def drop_notebook_mathjax(content: str) -> str:
    return NOTEBOOK_MATHJAX.sub("", content)


def name_search_dialog(output: str) -> str:
    """Material's search overlay is a role="dialog" without a name; screen readers need one."""
    return output.replace(
        '<div class="md-search" data-md-component="search" role="dialog">',
        '<div class="md-search" data-md-component="search" role="dialog" aria-label="Search">',
    )
