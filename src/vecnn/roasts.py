"""Part 5's coffee-roasting data: a rule of our own for a good roast, and a small data set.

A roast is a temperature T in degrees Celsius and a duration d in minutes. The rule is made up
for the lesson (no roaster was consulted), but it has the shape of a real one: too cool and the
beans bake instead of roasting, too short for the heat and they stay raw, too long and they burn.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

TEMPERATURES, DURATIONS = (150.0, 300.0), (10.0, 20.0)  # the roasts we consider: °C, minutes
SEED, SIZE = 5, 200  # the data set: 200 roasts, the same on every machine


def good_roast(T: ArrayLike, d: ArrayLike) -> NDArray[np.bool_]:
    """Our rule: hot enough, long enough for that heat, and not so long that it burns."""
    T, d = np.asarray(T, dtype=float), np.asarray(d, dtype=float)
    hot_enough = T >= 180
    long_enough = d >= 22 - T / 25  # 14.8 min at 180 °C, 10 min at 300 °C
    not_burnt = d <= 32 - T / 15  # 20 min at 180 °C, 12 min at 300 °C
    return hot_enough & long_enough & not_burnt


def roasts(m: int = SIZE, seed: int = SEED) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """m random roasts X (m, 2), to a tenth of a degree and minute, and their labels y (m,)."""
    rng = np.random.default_rng(seed)
    T = np.round(rng.uniform(*TEMPERATURES, size=m), 1)  # (m,)
    d = np.round(rng.uniform(*DURATIONS, size=m), 1)  # (m,)
    X = np.stack([T, d], axis=1)  # (m, 2)
    y = good_roast(T, d).astype(np.float64)  # (m,)  1 for a good roast, 0 for a bad one
    return X, y


def plane(steps: int = 200) -> NDArray[np.float64]:
    """Every roast of a steps x steps grid over the temperatures and durations, X (steps**2, 2):
    temperature varies along each row of the grid, duration from one row to the next."""
    T, d = np.meshgrid(np.linspace(*TEMPERATURES, steps), np.linspace(*DURATIONS, steps))
    return np.stack([T.ravel(), d.ravel()], axis=1)  # (steps * steps, 2)
