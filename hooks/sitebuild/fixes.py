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


def drop_notebook_mathjax(content: str) -> str:
    return NOTEBOOK_MATHJAX.sub("", content)


def name_search_dialog(output: str) -> str:
    """Material's search overlay is a role="dialog" without a name; screen readers need one."""
    return output.replace(
        '<div class="md-search" data-md-component="search" role="dialog">',
        '<div class="md-search" data-md-component="search" role="dialog" aria-label="Search">',
    )
