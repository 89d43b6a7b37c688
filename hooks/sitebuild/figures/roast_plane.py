"""Figure 11, for part 5: the whole plane of roasts, classified by one call of `sequential`.

200 x 200 = 40,000 roasts, every temperature against every duration, go through the trained
2 -> 3 -> 1 network of vecnn.lesson in a single call; the shaded region is where it says "good".
The 200 roasts of the data set are drawn on top, with our rule's boundary dashed.
"""

from __future__ import annotations

import numpy as np
from matplotlib.axes import Axes
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from sitebuild.figures.layout import Layout
from sitebuild.figures.registry import figure
from sitebuild.figures.style import CARD, EDGE, INK, Drawing
from vecnn import lesson, sequential
from vecnn.roasts import DURATIONS, TEMPERATURES, good_roast, plane, roasts

STEPS = 200
ROASTS = plane(STEPS)  # (40000, 2)  every roast of the plane, one per row
A_out = sequential((ROASTS - lesson.mu) / lesson.sigma, lesson.layers)  # (40000, 1)  one call
GOOD = (A_out >= 0.5).reshape(STEPS, STEPS)  # (200, 200)  row: a duration, column: a temperature
X, y = roasts()  # (200, 2), (200,)  the data set
good = y == 1  # (200,)
SAID = sequential((X - lesson.mu) / lesson.sigma, lesson.layers)[:, 0] >= 0.5  # (200,)
SHADE, GREEN, RED = "#d9f2c4", "#1a7f37", "#cf222e"
SHARE = GOOD.mean()  # of the plane, what the network calls good
AGREE = np.mean(GOOD.ravel() == good_roast(ROASTS[:, 0], ROASTS[:, 1]))  # with our rule
RIGHT = np.mean(SAID == good)  # of the data set, what the network gets right


@figure(
    "roast-plane",
    alt=f"A plane of {STEPS * STEPS:,} roasts, {TEMPERATURES[0]:.0f} to {TEMPERATURES[1]:.0f} °C "
    f"across and {DURATIONS[0]:.0f} to {DURATIONS[1]:.0f} minutes up, classified by one call "
    f"of sequential. The network calls {SHARE:.0%} of them good: a band from about 180 °C "
    "that needs less time the hotter the roast, and it agrees with our rule, drawn dashed, "
    f"on {AGREE:.1%} of the plane. The data set's {len(X)} roasts are drawn on top, "
    f"{int(good.sum())} good and {int((~good).sum())} bad; the network puts {RIGHT:.0%} of "
    "them on the right side. The lecture's roast, x = [200, 17], lies inside the band.",
)
def plane_figure(layout: Layout) -> Drawing:
    """The plane and the data set; narrow: the legend under the plot instead of beside it."""
    fig = Drawing(figsize=layout.pick((7.6, 3.9), (3.9, 4.9)), facecolor=CARD)
    ax = fig.add_axes(layout.pick((0.08, 0.13, 0.56, 0.83), (0.17, 0.36, 0.8, 0.6)))
    plot(ax)
    handles = [
        Patch(facecolor=SHADE, edgecolor=GREEN, label="the network says good"),
        Line2D([], [], color=INK, ls="dashed", label="our rule's boundary"),
        Line2D([], [], color=GREEN, marker="o", ls="", label="a good roast (data)"),
        Line2D([], [], color=RED, marker="x", ls="", label="a bad roast (data)"),
    ]
    anchor = layout.pick((0.83, 0.55), (0.5, 0.14))  # the legend's centre
    fig.legend(
        handles=handles,
        loc="center",
        bbox_to_anchor=anchor,
        frameon=False,
        labelcolor=INK,
        fontsize=10,
    )
    return fig


def plot(ax: Axes) -> None:
    """The network's region, our rule's boundary, the data set and the lecture's roast."""
    T, d = ROASTS[:, 0].reshape(STEPS, STEPS), ROASTS[:, 1].reshape(STEPS, STEPS)
    ax.contourf(T, d, GOOD.astype(float), levels=[0.5, 1.5], colors=[SHADE])
    ax.contour(T, d, GOOD.astype(float), levels=[0.5], colors=[GREEN], linewidths=1.4)
    rule = good_roast(T, d).astype(float)  # (200, 200)
    ax.contour(T, d, rule, levels=[0.5], colors=[INK], linewidths=1.1, linestyles="dashed")
    ax.scatter(X[good, 0], X[good, 1], s=16, marker="o", color=GREEN, zorder=3)
    ax.scatter(X[~good, 0], X[~good, 1], s=18, marker="x", color=RED, linewidths=1.1, zorder=3)
    ax.plot(*lesson.x, marker="*", ms=13, color=INK, mec=CARD, zorder=4)
    label = {"boxstyle": "round,pad=0.15", "facecolor": CARD, "edgecolor": "none", "alpha": 0.85}
    ax.annotate(
        "x = [200, 17]",
        (lesson.x[0], lesson.x[1]),
        (7, 5),
        textcoords="offset points",
        color=INK,
        bbox=label,
    )
    ax.set(xlim=TEMPERATURES, ylim=DURATIONS, facecolor=CARD)
    ax.set_xlabel("temperature (°C)", color=INK)
    ax.set_ylabel("duration (minutes)", color=INK)
    ax.tick_params(colors=INK)
    for spine in ax.spines.values():
        spine.set_color(EDGE)
