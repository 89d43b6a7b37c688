"""Figures 1-5: drawn from the package, self-contained SVG, alt text the pages use."""

import re
import xml.etree.ElementTree as ET

import pytest

from sitebuild import drawing, figures
from tests.conftest import ROOT

PAGE = ROOT / "docs" / "vectorized-forward-propagation.md"


@pytest.mark.parametrize("name", list(figures.FIGURES))
def test_svg_is_valid_and_self_contained(name):
    svg = figures.svg(name)
    root = ET.fromstring(svg)
    assert root.tag.endswith("svg")
    # namespace URIs are names, not requests: look only at what a browser would fetch
    assert not re.search(r'(href|src)="(https?:)?//|url\((https?:)?//', svg)
    assert "<image" not in svg, "figures are vector drawings, not embedded bitmaps"


def test_svg_is_deterministic():
    assert figures.svg("hnnie-3") == figures.svg("hnnie-3")


def test_figures_show_the_computed_numbers():
    assert [drawing.fmt(v) for v in figures.Z[0]] == ["165", "\u2212531", "900"]
    assert [drawing.fmt(v, 2) for v in figures.A_out[0]] == ["1.00", "0.00", "1.00"]
    assert [drawing.fmt(v) for v in figures.Z_matmul[0]] == ["166", "\u2212532", "898"]


def test_the_page_shows_every_figure_with_its_alt_text():
    found = re.findall(r"!\[(.+?)\]\(figures/([\w-]+)\.svg\)", PAGE.read_text())
    images = {src: alt for alt, src in found}
    assert sorted(images) == sorted(figures.FIGURES)
    for name, alt in images.items():
        assert alt == figures.ALT[name], f"alt text of {name} on the page differs from figures.ALT"
