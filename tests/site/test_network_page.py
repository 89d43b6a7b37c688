"""Part 5, "A whole network": its questions and recap, Figure 11 drawn from one call of
sequential, the benchmark's numbers on the page, and code that fits a phone."""

from __future__ import annotations

import json
import math

import numpy as np

from sitebuild import network_speed, speed
from sitebuild.figures import roast_plane
from tests.site import ROOT, test_docs
from tests.site.browsing import Visit
from vecnn import lesson
from vecnn.bench.network import CALLS, DIGITS, LOOP, ROASTS
from vecnn.roasts import good_roast

PAGE = ROOT / "docs" / "a-whole-network.md"
REPORT = json.loads((ROOT / "docs" / "benchmark-results.json").read_text(encoding="utf-8"))


def test_part_5_asks_and_answers_with_code_and_ends_with_a_recap():
    test_docs.test_each_part_asks_and_answers_with_code_and_ends_with_a_recap(PAGE.name)


def test_part_5_comes_after_part_4_in_the_nav():
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "matrix-multiplication-code.md\n      - 5. A whole network: a-whole-network.md\n" in nav


def test_figure_11_is_the_plane_classified_by_the_network():
    """The figure's 40,000 answers against the typed weights evaluated with math.exp, one roast
    at a time (every 97th), and against our rule over the whole plane."""
    X, good = roast_plane.ROASTS, roast_plane.GOOD.ravel()
    assert X.shape == (40_000, 2) and roast_plane.A_out.shape == (40_000, 1)
    for k in range(0, len(X), 97):
        x = (X[k] - lesson.mu) / lesson.sigma
        a1 = [1 / (1 + math.exp(-(x @ lesson.W1[:, j] + lesson.b1[j]))) for j in range(3)]
        z2 = sum(a * w for a, w in zip(a1, lesson.W2[:, 0], strict=True)) + lesson.b2[0]
        assert good[k] == (z2 >= 0), X[k]
    assert np.mean(good == good_roast(X[:, 0], X[:, 1])) >= 0.95


def test_figure_11_is_computed_by_one_call_of_sequential():
    source = (ROOT / "hooks" / "sitebuild" / "figures" / "roast_plane.py").read_text(
        encoding="utf-8"
    )
    plane_lines = [line for line in source.splitlines() if "(ROASTS - lesson.mu)" in line]
    assert len(plane_lines) == 1 and "= sequential(" in plane_lines[0]


def test_the_page_quotes_the_benchmark_for_the_40000_roasts():
    text = PAGE.read_text(encoding="utf-8")
    for key in ["roasts_m", "roasts_call", "roasts_loop", "roasts_speedup"]:
        assert f"[[bench:{key}]]" in text
    filled = speed.fill(text, REPORT, PAGE.name)
    rows = {(r["network"], r["m"], r["impl"]): r["median_s"] for r in REPORT["networks"]}
    loop, call = rows[ROASTS, 40_000, LOOP], rows[ROASTS, 40_000, CALLS]
    assert f"about {loop / call:,.0f} times as long" in filled
    assert "[[bench:" not in filled


def test_the_speed_chapter_shows_the_digit_network_by_its_sizes():
    text = (ROOT / "docs" / "speed.md").read_text(encoding="utf-8")
    assert "## A whole network" in text and "[[bench:network_table]]" in text
    table = network_speed.table(REPORT["networks"])
    rows = {
        (r["m"], r["impl"]): r["median_s"] for r in REPORT["networks"] if r["network"] == DIGITS
    }
    for m in (1, 1000):
        ratio = rows[m, LOOP] / rows[m, CALLS]
        assert f"| 400→25→15→1 × {m:,} |" in table and f"| {ratio:,.0f}× |" in table


NO_SCROLL = """() => [...document.querySelectorAll('pre, pre > code')]
  .filter(el => el.scrollWidth > el.clientWidth + 1).map(el => el.textContent.slice(0, 40))"""


def test_part_5_s_code_fits_a_phone(browser, base_url):
    """At 390 px, with every answer open: no code block and no part of the page scrolls sideways."""
    with Visit(browser, base_url, "a-whole-network/", viewport={"width": 390, "height": 844}) as v:
        v.page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
        assert v.page.evaluate(NO_SCROLL) == []
        assert v.page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
        assert v.errors == []
