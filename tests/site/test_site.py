"""The real strict MkDocs build, and what its pages contain."""

import json
import re

import pytest

from sitebuild import figures
from tests.site import builds, pages

# Pages whose Markdown holds TeX: each must come out as MathML.
MATH_PAGES = [pages.url(p.name) for p in pages.MARKDOWN if "$" in p.read_text(encoding="utf-8")]


def html(site, page):
    return (site / page.strip("/") / "index.html").read_text(encoding="utf-8")


def all_pages(site):
    return sorted(site.rglob("*.html"))


def test_every_page_in_the_nav_is_built(site):
    for page in pages.URLS:
        assert (site / page / "index.html").is_file(), f"{page or 'home'} was not built"


def built_page_of(site, name):
    """The built HTML of the page that shows figure `name`."""
    for source in pages.MARKDOWN:
        if f"](figures/{name}.svg)" in source.read_text(encoding="utf-8"):
            return html(site, pages.url(source.name))
    raise AssertionError(f"no page shows {name}")


def test_every_figure_is_generated_and_shown_with_alt_text(site):
    for name in figures.FIGURES:
        page = built_page_of(site, name)
        svg = site / "figures" / f"{name}.svg"
        assert svg.is_file() and svg.stat().st_size > 1000
        alt = re.search(rf'<img alt="([^"]+)" src="\.\./figures/{name}\.svg"', page)
        assert alt, f"{name} is not on the page as an <img> with alt text"
        assert len(alt[1]) > 40


def test_math_is_typeset_at_build_time(site):
    assert len(MATH_PAGES) >= 7
    for page in MATH_PAGES:
        text = html(site, page)
        assert "<math" in text, f"{page} has no MathML"
        assert 'class="arithmatex"' not in text, f"{page} still has raw TeX"
        assert not re.search(r"\\\(|\\\[|\$\$", re.sub(r"<pre.*?</pre>", "", text, flags=re.S))
    assert "mathjax" not in html(site, "").lower() and "katex" not in html(site, "").lower()


def test_no_request_can_go_to_another_host(site):
    """Scripts, styles, images and fonts are all local; links may point anywhere."""
    resource = re.compile(r'<(?:script|img|source|iframe)[^>]*\ssrc="(https?:)?//', re.I)
    stylesheet = re.compile(
        r'<link[^>]*rel="(?:stylesheet|preload|preconnect|icon)"[^>]*href="(https?:)?//'
    )
    for path in all_pages(site):
        text = path.read_text(encoding="utf-8")
        assert not resource.search(text), f"{path} loads a resource from another host"
        assert not stylesheet.search(text), f"{path} links a stylesheet or font from another host"
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text
    for css in site.rglob("*.css"):
        assert not re.search(r"url\((['\"]?)(https?:)?//", css.read_text(encoding="utf-8")), css


def test_material_features_are_on(site):
    home = html(site, "")
    config = json.loads(
        re.search(r'<script id="__config" type="application/json">(.*?)</script>', home)[1]
    )
    for feature in ["content.code.copy", "navigation.footer", "search.suggest"]:
        assert feature in config["features"]
    assert home.count('data-md-color-scheme="slate"') >= 1, "no dark palette"
    assert 'class="md-search"' in home
    assert 'class="md-footer__link' in html(site, "matrix-multiplication")


def test_benchmark_chapter_is_filled_from_the_results_file(site):
    page = html(site, "speed")
    assert "[[bench:" not in page
    assert (site / "figures" / "speed.svg").is_file()
    assert re.search(r'<img alt="Two log-log plots[^"]+" src="\.\./figures/speed\.svg"', page)
    assert "<table>" in page and "1024×1024×1024" in page
    assert (site / "benchmark-results.json").is_file(), "the raw results are published too"


def test_search_index_knows_matmul(site):
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    hits = [doc["location"] for doc in index["docs"] if "matmul" in doc["text"]]
    assert any(h.startswith("vectorized-forward-propagation/") for h in hits)


def test_api_reference_is_generated_from_docstrings(site):
    text = html(site, "reference")
    for name in ["dense_loop", "dense", "sigmoid", "dot_loop", "matmul_dots", "show"]:
        assert f'id="vecnn.{name}"' in text, f"vecnn.{name} is missing from the API reference"
    assert "One example through a dense layer, one unit at a time" in text


def test_the_lectures_numbers_are_on_the_pages(site):
    part1 = html(site, "vectorized-forward-propagation")
    assert "unit 2: z = -531, a = 0.00" in part1
    assert "[[1.00, 0.00, 1.00]]" in part1
    part3 = html(site, "matrix-multiplication-rules")
    assert "[  1.1,   1.7,   2.3,   0.9]]" in part3


@pytest.mark.parametrize("broken", builds.DEAD_LINKS)
def test_strict_build_fails_on_dead_links(dead_links, broken):
    """The validation block turns dead links and anchors into build failures: a copy of the
    project with both at the end of a page fails, naming each (tests/site/builds.py)."""
    status, log = dead_links
    assert status != 0
    warned = [line for line in log.splitlines() if "WARNING" in line]
    assert any(builds.DEAD_LINKS[broken] in line for line in warned), log[-3000:]


def test_publishing_pieces(site, base_url):
    """A 404 page and a sitemap of every page (the workflows are checked in test_toolchain.py)."""
    assert "404" in (site / "404.html").read_text(encoding="utf-8")
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    for page in pages.URLS:
        assert f"<loc>{base_url}{page}</loc>" in sitemap, page


def test_every_page_has_its_date_of_last_change(site):
    for page in pages.URLS:
        text = html(site, page)
        assert re.search(r'class="md-source-file__fact">.*?\d{4}-\d{2}-\d{2}', text, re.S), page


def test_the_site_brings_a_math_font_cut_to_its_formulas(site):
    """A WOFF2 subset of STIX Two Math with its MATH table, holding every character of every
    formula; pages with formulas preload it, and the stylesheet points <math> at it."""
    from fontTools.ttLib import TTFont

    from sitebuild import mathfont

    path = site / mathfont.FILE
    assert path.is_file() and 3_000 < path.stat().st_size < 40_000, path.stat().st_size
    font = TTFont(path)
    assert font.flavor == "woff2" and "MATH" in font
    pages = [p.read_text(encoding="utf-8") for p in site.rglob("*.html")]
    used = mathfont.characters(pages)
    assert set("[]()×=") <= set(used) and "\u23df" in used  # brackets, operators, an underbrace
    cmap = font.getBestCmap()
    assert not [ch for ch in used if ord(ch) not in cmap], "characters missing from the subset"
    variants = font["MATH"].table.MathVariants.VertGlyphCoverage.glyphs
    assert cmap[ord("[")] in variants, "the bracket lost its taller variants"
    assert '<link rel="preload" href="../fonts/math.woff2"' in html(site, "matrix-multiplication")
    css = (site / "stylesheets" / "extra.css").read_text(encoding="utf-8")
    assert 'url("../fonts/math.woff2")' in css


def test_every_figure_comes_in_a_wide_and_a_narrow_layout(site):
    part1 = html(site, "vectorized-forward-propagation")
    for name in [*figures.FIGURES, "speed"]:
        assert (site / "figures" / f"{name}.svg").is_file()
        assert (site / "figures" / f"{name}-narrow.svg").is_file()
        page = html(site, "speed") if name == "speed" else built_page_of(site, name)
        picture = re.search(
            rf'<picture><source media="\(max-width: [\d.]+em\)" srcset="\.\./figures/{name}-narrow\.svg" width="\d+" height="\d+"><img alt="[^"]+" src="\.\./figures/{name}\.svg" width="\d+" height="\d+"></picture>',
            page,
        )
        assert picture, f"{name} is not served as a <picture> with both layouts"
    assert "<br />\n<figcaption>" not in part1, "an empty line between a figure and its caption"


def test_the_lab_page_carries_only_the_notebook_css_it_uses(site):
    """JupyterLab's full stylesheet (about 570 KB) made the lab slow on phones; the build keeps
    the rules that can match the page, in a file of the site's own (the page's policy allows no
    <style> block), and the notebook still looks like a notebook."""
    page = (site / "lab" / "index.html").read_text(encoding="utf-8")
    assert len(page) < 400_000, f"the lab page is {len(page)} characters"
    assert "<style" not in page and '<link rel="stylesheet" href="notebook.css">' in page
    css = (site / "lab" / "notebook.css").read_text(encoding="utf-8")
    assert ".jp-Cell" in css and ".jp-OutputArea" in css and ".jp-Toolbar" not in css
    assert ".highlight-ipynb .k" in css, "the code cells' colours"
    assert "mermaid" not in (page + css).lower(), "the dormant Mermaid loader is gone"
