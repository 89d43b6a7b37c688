"""Figure 1 of part 1, the loop: the input feeds three units, each with its own w, b, z and
output. Its two layouts are drawn by hand rather than laid out in rows: wide, x on the left and
a_out on the right; narrow, everything in one column.
"""

from __future__ import annotations

from matplotlib.axes import Axes
from matplotlib.patches import Circle

from sitebuild.figures.layout import Layout
from sitebuild.figures.lecture import A_out, Z, a_out
from sitebuild.figures.pieces import array, arrow, note
from sitebuild.figures.registry import figure
from sitebuild.figures.style import COLORS, EDGE, Drawing, fmt, new_drawing, seq, text
from vecnn import lesson

LOOP = ["for j in range(3):", "    z = np.dot(W[:, j], x) + b[j]", "    a_out[j] = g(z)"]
UNITS = "; ".join(
    f"unit {j + 1} has w{j + 1} = {seq(lesson.W[:, j])} and b{j + 1} = {fmt(lesson.b[j])}, "
    f"so z{j + 1} = {fmt(Z[0, j])} and its output is {fmt(A_out[0, j], 2)}"
    for j in range(3)
)


@figure(
    "hnnie-1",
    alt=f"A for loop over three units. The input x = {seq(lesson.x)} feeds each unit: "
    f"{UNITS}. The outputs form a_out = {seq(a_out, 2)}.",
)
def loop(layout: Layout) -> Drawing:
    """Figure 1 in the layout's own arrangement."""
    return layout.pick(loop_wide, loop_narrow)()


def loop_wide() -> Drawing:
    """x on the left feeds the three units; their outputs form a_out on the right."""
    fig, ax = new_drawing(27, 9.4)
    note([f"{LOOP[0]}  {LOOP[1].strip()};  {LOOP[2].strip()}"]).draw(ax, 0.3, 9.0)
    array(lesson.x, "x", COLORS["x"]).draw(ax, 0.6, 4.2)
    array(a_out, "a_out", COLORS["A_out"], decimals=2).draw(ax, 21.4, 4.2)
    for j in range(3):
        y = 6.8 - j * 2.6
        unit(ax, 6.5, y, j)
        arrow(ax, (4.0, 4.2), (5.6, y))
        lines = unit_lines(j)
        note(lines[:2], 10.5, mono=False).draw(ax, 7.7, y)
        arrow(ax, (14.3, y), (16.3, y), "g")
        text(ax, 16.5, y, f"a{j + 1} = {fmt(a_out[j], 2)}", ha="left")
    return fig


def loop_narrow() -> Drawing:
    """The same in one column: the code, x, the units one under the other, then a_out."""
    fig, ax = new_drawing(10.5, 15.0)
    note(LOOP).draw(ax, 0.3, 13.6)
    array(lesson.x, "x", COLORS["x"]).draw(ax, 0.6, 11.0)
    array(a_out, "a_out", COLORS["A_out"], decimals=2).draw(ax, 0.6, 1.2)
    ax.plot([0.9, 0.9], [10.55, 3.6], color=EDGE, lw=1.3)  # x's bus down to the units
    for j in range(3):
        y = 8.6 - j * 2.5
        unit(ax, 2.9, y, j)
        arrow(ax, (0.9, y), (2.0, y))
        note(unit_lines(j), 10.5, mono=False).draw(ax, 4.0, y)
    return fig


def unit(ax: Axes, x: float, y: float, j: int) -> None:
    ax.add_patch(Circle((x, y), 0.85, facecolor=COLORS["Z"], edgecolor=EDGE, lw=1.2))
    text(ax, x, y, f"unit {j + 1}", 10)


def unit_lines(j: int) -> list[str]:
    """What unit j computes, with the lecture's numbers."""
    w, b = seq(lesson.W[:, j]), fmt(lesson.b[j])
    k = j + 1
    return [
        f"w{k} = {w},  b{k} = {b}",
        f"z{k} = w{k}\u00b7x + b{k} = {fmt(Z[0, j])}",
        f"a{k} = g(z{k}) = {fmt(a_out[j], 2)}",
    ]
