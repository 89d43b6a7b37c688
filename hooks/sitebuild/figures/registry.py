"""The lesson's figures, each registered once: its name, its alt text and its drawing function.

A figure's module registers it where it draws it:

    @figure("hnnie-4", alt=f"The matmul result {seq(Z_matmul)} plus B = ...")
    def bias_and_activation(layout: Layout) -> Drawing: ...

The alt text is computed from the same numbers as the drawing, and the page shows it word for
word (tests/test_figures.py compares the two).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sitebuild.figures import style
from sitebuild.figures.layout import Layout
from sitebuild.figures.style import Drawing

Draw = Callable[[Layout], Drawing]


@dataclass(frozen=True)
class Figure:
    """A figure of the site, served as figures/NAME.svg (wide) and figures/NAME-narrow.svg."""

    name: str
    alt: str  # what the page's ![alt](figures/NAME.svg) says
    draw: Draw

    def svg(self, layout: Layout) -> str:
        """The figure drawn in `layout`, as SVG text whose ids are salted with its name."""
        return style.svg(self.draw(layout), self.name)


# Every figure of the lesson by name, in the order their modules are imported (figures/__init__.py
# imports them in the pages' order).
FIGURES: dict[str, Figure] = {}


def figure(name: str, alt: str) -> Callable[[Draw], Draw]:
    """Register the drawing function below it as the figure `name`, shown with `alt`."""

    def register(draw: Draw) -> Draw:
        if name in FIGURES:
            raise ValueError(f"two figures are named {name!r}")
        FIGURES[name] = Figure(name, alt, draw)
        return draw

    return register
