"""The step-through figure of part 1, in Chromium: the lecture's layer step by step, random inputs
against vecnn, sums that add up for decimal inputs, the keyboard, going back, bad entries,
reduced motion, and no JavaScript."""

from __future__ import annotations

import re
from decimal import Decimal

import numpy as np
import pytest

from sitebuild import stepper
from tests.site.browsing import Visit
from vecnn import dense, dense_loop, lesson

# one process for this file: most tests share one load of the page (Makefile: loadgroup)
pytestmark = pytest.mark.xdist_group("stepper")

PAGE = "vectorized-forward-propagation/"
MINUS = "\u2212"
LECTURE_STEPS = [
    "Unit 1: z1 = w1 · x + b1 = 200×1 + 17×(−2) + (−1) = 165; a1 = g(z1) = 1.00",
    "Unit 2: z2 = w2 · x + b2 = 200×(−3) + 17×4 + 1 = −531; a2 = g(z2) = 0.00",
    "Unit 3: z3 = w3 · x + b3 = 200×5 + 17×(−6) + 2 = 900; a3 = g(z3) = 1.00",
    "All units at once: Z = X @ W + B = [165, −531, 900]",
    "A_out = g(Z) = [1.00, 0.00, 1.00]",
]


@pytest.fixture(scope="module")
def loaded(browser, base_url):
    """The page, loaded once for the tests that use `visit`."""
    with Visit(browser, base_url, PAGE) as visit:
        yield visit


@pytest.fixture
def visit(loaded):
    """The loaded page with the step-through as a reader first finds it: the lecture's input, at
    its first step, no message, nothing focused; no error from any test that used it."""
    page = loaded.page
    stepper = page.locator("[data-stepper]")
    stepper.get_by_label("x1").fill("200")
    stepper.get_by_label("x2").fill("17")
    prev = stepper.get_by_role("button", name="Previous step")
    while prev.is_enabled():
        prev.click()
    page.evaluate("document.activeElement.blur()")
    assert status(page) == LECTURE_STEPS[0] and stepper.locator("[aria-invalid=true]").count() == 0
    yield loaded
    assert loaded.errors == [] and loaded.foreign == []


def shown(text: str) -> float:
    return float(text.replace(MINUS, "-"))


def status(page) -> str:
    return page.locator("[data-stepper] [role=status]").inner_text()


def test_the_lectures_input_step_by_step(visit):
    page = visit.page
    stepper = page.locator("[data-stepper]")
    assert stepper.is_visible()
    assert stepper.get_by_label("x1").input_value() == "200"
    assert stepper.get_by_label("x2").input_value() == "17"
    prev = stepper.get_by_role("button", name="Previous step")
    nxt = stepper.get_by_role("button", name="Next step")
    assert page.locator("[data-stepper] [role=status]").get_attribute("aria-live") == "polite"
    seen = [status(page)]
    assert prev.is_disabled() and nxt.is_enabled()
    for _ in LECTURE_STEPS[1:]:
        nxt.click()
        seen.append(status(page))
    assert seen == LECTURE_STEPS
    assert nxt.is_disabled() and prev.is_enabled()
    assert visit.errors == [] and visit.foreign == []


def test_random_inputs_agree_with_vecnn(visit):
    rng = np.random.default_rng(2026)
    inputs = [rng.integers(-1000, 1000, size=2) for _ in range(6)]
    inputs += [np.round(rng.uniform(-1000, 1000, size=2), 2) for _ in range(6)]
    page = visit.page
    stepper = page.locator("[data-stepper]")
    nxt = stepper.get_by_role("button", name="Next step")
    for _ in range(len(LECTURE_STEPS) - 1):
        nxt.click()  # the last step shows all of Z and A_out
    for x in inputs:
        stepper.get_by_label("x1").fill(str(x[0]))
        stepper.get_by_label("x2").fill(str(x[1]))
        z = [shown(t) for t in stepper.locator("[data-z]").all_inner_texts()]
        a = [shown(t) for t in stepper.locator("[data-a]").all_inner_texts()]
        xs = [shown(t) for t in stepper.locator("[data-xv]").all_inner_texts()]
        linear = dense(x[np.newaxis, :], lesson.W, lesson.b, g=lambda v: v)[0]  # (3,)
        np.testing.assert_allclose(z, linear, rtol=0, atol=0.005 + 1e-9)
        np.testing.assert_allclose(a, dense_loop(x, lesson.W, lesson.b), rtol=0, atol=0.005 + 1e-9)
        np.testing.assert_allclose(xs, x, rtol=0, atol=0.005)
        assert (
            status(page)
            == "A_out = g(Z) = ["
            + ", ".join(f"{v:.2f}" for v in dense(x, lesson.W, lesson.b))
            + "]"
        )
    assert len(inputs) == 12


def test_the_keyboard_drives_it_with_a_visible_focus_ring(visit):
    page = visit.page
    stepper = page.locator("[data-stepper]")
    stepper.get_by_label("x2").focus()
    page.keyboard.press("Tab")  # to Next step (Previous is disabled at the start)
    focused = page.evaluate("document.activeElement.textContent")
    assert focused == "Next step"
    ring = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert ring == "solid"
    page.keyboard.press("Enter")
    assert status(page).startswith("Unit 2:")
    page.keyboard.press("Space")
    assert status(page).startswith("Unit 3:")
    page.keyboard.press("Shift+Tab")  # back to Previous step, now enabled
    page.keyboard.press("Enter")
    assert status(page).startswith("Unit 2:")


def test_going_back_restores_the_earlier_step(visit):
    stepper = visit.page.locator("[data-stepper]")
    nxt = stepper.get_by_role("button", name="Next step")
    prev = stepper.get_by_role("button", name="Previous step")
    for _ in range(4):
        nxt.click()
    for expected in reversed(LECTURE_STEPS[:-1]):
        prev.click()
        assert status(visit.page) == expected
    assert prev.is_disabled()
    assert stepper.locator("[data-z]").all_inner_texts() == ["165", "", ""]


BAD_ENTRIES = [
    ("", "Enter a number for x1."),
    ("1e7", "x1 must be between −1,000,000 and 1,000,000."),
    ("-2e300", "x1 must be between −1,000,000 and 1,000,000."),
    ("0.12345678", "x1 may have at most 6 decimals."),
]


def test_a_bad_entry_gets_a_message_and_no_nan(visit):
    """Each bad entry in turn, on one visit: its message, no NaN, the last good input kept on
    screen; and a good entry clears the message."""
    stepper = visit.page.locator("[data-stepper]")
    x1 = stepper.get_by_label("x1")
    assert status(visit.page) == LECTURE_STEPS[0]
    for entry, message in BAD_ENTRIES:
        good = status(visit.page)
        x1.fill(entry)
        assert stepper.locator("#stepper-x1-error").inner_text() == message, entry
        assert x1.get_attribute("aria-invalid") == "true"
        text = stepper.inner_text()
        assert "NaN" not in text and "Infinity" not in text
        assert status(visit.page) == good, f"{entry!r}: the last good input stays on screen"
        x1.fill("100")
        assert stepper.locator("#stepper-x1-error").inner_text() == ""
        assert status(visit.page).startswith("Unit 1: z1 = w1 · x + b1 = 100×1 + 17×(−2)")


def test_reduced_motion_turns_the_transitions_off(browser, base_url):
    with Visit(browser, base_url, PAGE, reduced_motion="reduce") as visit:
        duration = visit.page.eval_on_selector(
            "[data-stepper] [data-z]", "c => getComputedStyle(c).transitionDuration"
        )
        assert set(duration.split(", ")) == {"0s"}


SUM = re.compile(r"^Unit (\d): z\1 = w\1 · x \+ b\1 = (.+) = ([^;]+); a\1 = g\(z\1\) = ([\d.]+)$")


def decimal(text: str) -> Decimal:
    return Decimal(text.strip("()").replace(MINUS, "-"))


DECIMALS = [("0.123", "1"), ("-2.5", "0.75"), ("12.345678", "-0.000001")]


def test_the_shown_sums_add_up_for_decimal_inputs(visit):
    """Every sum the loop's steps show adds up, in exact decimal arithmetic, with the numbers
    they show; x is shown as typed; Z and A_out agree with vecnn to the digits shown."""
    stepper_ = visit.page.locator("[data-stepper]")
    nxt = stepper_.get_by_role("button", name="Next step")
    prev = stepper_.get_by_role("button", name="Previous step")
    for x in DECIMALS:
        stepper_.get_by_label("x1").fill(x[0])
        stepper_.get_by_label("x2").fill(x[1])
        for j in range(3):
            unit_adds_up(status(visit.page), x, j)
            nxt.click()
        shown_x = stepper_.locator("[data-xv]").all_inner_texts()
        assert shown_x == [v.replace("-", MINUS) for v in x]
        while prev.is_enabled():  # back to unit 1 for the next input
            prev.click()


def unit_adds_up(shown: str, x: tuple[str, str], j: int) -> None:
    match = SUM.match(shown)
    assert match, shown
    terms = match[2].split(" + ")
    products = [t.split("×") for t in terms[:-1]]
    assert [p[0] for p in products] == [v.replace("-", MINUS) for v in x]
    total = sum(decimal(a) * decimal(w) for a, w in products) + decimal(terms[-1])
    assert total == decimal(match[3]), f"{match[0]}: the sum is {total}"
    z = dense(np.array(x, dtype=float), lesson.W, lesson.b, g=lambda v: v)  # (3,)
    assert float(match[3].replace(MINUS, "-")) == pytest.approx(z[j], abs=1e-9)
    a = dense(np.array(x, dtype=float), lesson.W, lesson.b)[j]
    assert match[4] == f"{a:.2f}"


def test_the_suggested_input_gives_middle_values(visit):
    """The lecture's input saturates the sigmoid; the suggested one shows values in between."""
    assert set(np.round(dense(lesson.x, lesson.W, lesson.b), 2)) <= {0.0, 1.0}
    middle = dense(np.array(stepper.MIDDLE), lesson.W, lesson.b)  # (3,)
    assert np.all((middle > 0.1) & (middle < 0.9)), middle
    title = visit.page.locator("[data-stepper] .stepper__title").inner_text()
    assert f"x1 = {stepper.MIDDLE[0]}, x2 = {stepper.MIDDLE[1]}" in title
    names = visit.page.locator("[data-stepper] .stepper__name").all_inner_texts()
    assert names == ["X", "W", "B", "Z", "A_out"]
    text = visit.page.inner_text("article")
    assert f"x1 = {stepper.MIDDLE[0]} and x2 = {stepper.MIDDLE[1]}" in text


def test_without_javascript_the_figures_stand_and_the_controls_hide(browser, base_url):
    """The widget stays hidden, and the page points to the figures instead of to it."""
    with Visit(browser, base_url, PAGE, java_script_enabled=False) as visit:
        page = visit.page
        assert not page.locator("[data-stepper]").is_visible()
        figures = page.locator('img[src*="figures/hnnie-"]')
        assert figures.count() == 5
        assert all(figures.nth(k).is_visible() for k in range(4))  # 5 is in its folded answer
        section = page.locator("h2#watch-it-compute + p").inner_text()
        assert "Figures 1 to 4" in section and "Step through both below" not in section


def test_the_script_is_small_and_the_sites_own(base_url):
    from tests.site import ROOT

    script = (ROOT / "docs" / "javascripts" / "stepper.js").read_text(encoding="utf-8")
    assert len(script.encode()) < 8_000
    assert "http" not in script and "import " not in script
