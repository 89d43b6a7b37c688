"""The step-through figure of part 1: its HTML, with the lecture's layer from vecnn.lesson.

`[[stepper]]` in a page becomes this block. docs/javascripts/stepper.js brings it to life: it
reads W and b from the data attributes, computes the layer for the x the reader types, and
steps through the loop (one unit at a time) and then the matrix product (all units at once).
Without JavaScript the block stays hidden and the page's static figures tell the same story;
the page's text says so. Its arrays carry the names the page's code uses: X, W, B, Z, A_out.
"""

from __future__ import annotations

import json

from vecnn import lesson

PLACEHOLDER = "[[stepper]]"
NAMES = {"x": "X", "W": "W", "b": "B", "z": "Z", "a": "A_out"}  # row key -> the page's name
MIDDLE = [1, 1]  # an input whose outputs are neither 0 nor 1 with the lecture's weights


COLUMNS = range(1, 5)  # extra.css has a class stepper__cols-N for each: no style attribute


def columns(count: int) -> str:
    """The class that sets a row's or grid's number of columns (the page's policy allows no
    inline style)."""
    if count not in COLUMNS:
        raise ValueError(f"the stepper draws 1 to 4 columns, not {count}: add a class to extra.css")
    return f"stepper__cols-{count}"


def cells(name: str, count: int, kind: str) -> str:
    return "".join(
        f'<span class="stepper__cell stepper__cell--{kind}" data-{name}="{k}"></span>'
        for k in range(count)
    )


def html() -> str:
    """The stepper's markup: inputs, the picture, the buttons and a live region."""
    n, j = lesson.W.shape
    W, b = json.dumps(lesson.W.tolist()), json.dumps(lesson.b.tolist())
    inputs = "".join(
        f'<span class="stepper__field"><label for="stepper-x{k + 1}">x{k + 1}</label>'
        f'<input id="stepper-x{k + 1}" type="number" step="any" inputmode="decimal" '
        f'value="{lesson.x[k]}" data-x="{k}" aria-describedby="stepper-x{k + 1}-error">'
        f'<span class="stepper__error" id="stepper-x{k + 1}-error"></span></span>'
        for k in range(n)
    )
    weights = "".join(
        f'<span class="stepper__cell stepper__cell--w" data-w="{r},{c}"></span>'
        for r in range(n)
        for c in range(j)
    )
    rows = [
        ("x", f'<span class="stepper__row {columns(n)}">{cells("xv", n, "x")}</span>'),
        ("W", f'<span class="stepper__grid {columns(j)}">{weights}</span>'),
        ("b", f'<span class="stepper__row {columns(j)}">{cells("b", j, "b")}</span>'),
        ("z", f'<span class="stepper__row {columns(j)}">{cells("z", j, "z")}</span>'),
        ("a", f'<span class="stepper__row {columns(j)}">{cells("a", j, "a")}</span>'),
    ]
    picture = "".join(
        f'<span class="stepper__array"><span class="stepper__name">{NAMES[name]}</span>{row}</span>'
        for name, row in rows
    )
    return (
        f"<div class=\"stepper\" data-stepper data-w='{W}' data-b='{b}' hidden>\n"
        f'<p class="stepper__title">Step through the layer: the loop, then the matrix '
        f"product. Change x1 or x2 and every number is computed again: try x1 = {MIDDLE[0]}, "
        f"x2 = {MIDDLE[1]}, where the outputs are neither 0 nor 1.</p>\n"
        f'<div class="stepper__inputs">{inputs}</div>\n'
        f'<div class="stepper__picture">{picture}</div>\n'
        f'<div class="stepper__controls"><button type="button" class="md-button" data-prev>'
        f'Previous step</button><button type="button" class="md-button md-button--primary" '
        f"data-next>Next step</button></div>\n"
        f'<p class="stepper__status" role="status" aria-live="polite"></p>\n'
        "</div>"
    )


def fill(markdown: str) -> str:
    return markdown.replace(PLACEHOLDER, html())
