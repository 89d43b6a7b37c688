"""Figures 1-5: drawn from the package, self-contained SVG, alt text the pages use."""

import re
import xml.etree.ElementTree as ET

import pytest

from sitebuild.figures import FIGURES, Layout, lecture, registry, style
from tests.site import ROOT, pages


@pytest.mark.parametrize("layout", list(Layout))
@pytest.mark.parametrize("name", list(FIGURES))
def test_svg_is_valid_and_self_contained(name, layout):
    svg = FIGURES[name].svg(layout)
    root = ET.fromstring(svg)
    assert root.tag.endswith("svg")
    # namespace URIs are names, not requests: look only at what a browser would fetch
    assert not re.search(r'(href|src)="(https?:)?//|url\((https?:)?//', svg)
    assert "<image" not in svg, "figures are vector drawings, not embedded bitmaps"


def test_svg_is_deterministic():
    assert FIGURES["hnnie-3"].svg(Layout.WIDE) == FIGURES["hnnie-3"].svg(Layout.WIDE)


def test_figures_show_the_computed_numbers():
    assert [style.fmt(v) for v in lecture.Z[0]] == ["165", "\u2212531", "900"]
    assert [style.fmt(v, 2) for v in lecture.A_out[0]] == ["1.00", "0.00", "1.00"]
    assert [style.fmt(v) for v in lecture.Z_matmul[0]] == ["166", "\u2212532", "898"]


def test_every_figure_is_on_a_page_with_its_alt_text():
    images = {}
    for page in pages.MARKDOWN:
        for alt, src in re.findall(r"!\[(.+?)\]\(figures/([\w-]+)\.svg\)", page.read_text()):
            images[src] = alt
    assert sorted(images) == sorted(FIGURES), "a figure is drawn but not shown, or not drawn"
    for name, alt in images.items():
        assert alt == FIGURES[name].alt, f"alt text of {name} on the page differs from its figure's"


def test_parts_2_to_4_have_their_pictures():
    wanted = {
        "matrix-multiplication.md": ["dot-product", "transpose"],
        "matrix-multiplication-rules.md": ["shape-rule"],
        "matrix-multiplication-code.md": ["batch"],
    }
    for page, names in wanted.items():
        text = (ROOT / "docs" / page).read_text()
        for name in names:
            assert f"](figures/{name}.svg)" in text, f"{page} lacks {name}"


def test_learners_see_figure_numbers_never_the_transcripts_label():
    for page in pages.MARKDOWN:
        text = re.sub(r"hnnie-\d", "", page.read_text())
        assert "HNNIE" not in text, page.name
    numbers = re.findall(
        r"<figcaption>Figure (\d+) ·", "".join(p.read_text() for p in pages.MARKDOWN)
    )
    assert sorted(map(int, numbers)) == list(range(1, len(FIGURES) + 1))


def test_a_figure_is_registered_once():
    before = dict(FIGURES)
    with pytest.raises(ValueError, match="two figures are named 'hnnie-1'"):
        registry.figure("hnnie-1", alt="another")(FIGURES["hnnie-2"].draw)
    assert FIGURES == before
