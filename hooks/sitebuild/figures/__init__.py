"""The site's figures, each drawn at build time from vecnn's own numbers, in two layouts.

FIGURES holds every figure of the lesson, registered where it is drawn with its alt text
(registry.py): Figures 1-5 of part 1 (loop.py, vectorized.py), 6-8 of parts 2-3 (matmul.py),
9-10 of part 4 (batch.py) and 11 of part 5 (roast_plane.py). The speed chapter's chart is drawn
from the benchmark's report instead (speedchart.py). The build draws each in both layouts: wide,
figures/NAME.svg, a stable URL (hnnie-N after the lecture's figures), and narrow for phones,
figures/NAME-narrow.svg.
"""

from __future__ import annotations

# Importing a figure's module registers its figures, so this order is the order of FIGURES: the
# pages' order.
# isort: off
from sitebuild.figures import loop, vectorized, matmul, batch, roast_plane  # noqa: F401

# isort: on
from sitebuild.figures.layout import Layout
from sitebuild.figures.registry import FIGURES, Figure

__all__ = ["FIGURES", "Figure", "Layout"]
