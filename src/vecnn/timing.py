"""Exercise 5: time the learner's two layers on the digit network's first layer, 400 -> 25 units.

Each layer is timed with timeit: the number of calls doubles until one run takes at least
0.05 s (a clock tick is a millionth of that), and the time is the median of 5 such runs, so one
busy moment of the machine does not decide it. The verdict compares the ratio with a stated range, not with one exact number: on the same
machine the ratio varies from run to run.
"""

from __future__ import annotations

import os
import statistics
import timeit
from collections.abc import Callable
from typing import Any

import numpy as np

from vecnn.learner import Layer, name_of, said

IMAGES, INPUTS, UNITS = 1000, 400, 25  # 1000 images of 20 x 20 pixels, the first layer's units
REPEATS = 5
RUN_SECONDS = 0.05  # one timed run lasts at least this long
AT_LEAST = 10  # the vectorized layer is at least this many times faster on any machine tried
# The site sets this while it builds the lab's page: the page then shows the verdict, not this
# machine's times, so that two builds of the site are the same byte for byte.
PAGE = "VECNN_LAB_PAGE"


def check_speed(dense_loop_fn: Layer, dense_fn: Layer) -> None:
    """Exercise 5: time a loop over 1000 images against one call for the batch, and say
    whether the ratio is in the expected range. Never raises.

    Args:
        dense_loop_fn: the learner's my_dense_loop(a_in, W, b), called once per image.
        dense_fn: the learner's my_dense(A_in, W, B), called once for the whole batch.
    """
    loop, vectorized = _layers(dense_loop_fn, dense_fn)
    try:
        same = bool(np.allclose(vectorized(), loop()))
        (loop_s, loop_n), (vec_s, vec_n) = _median(loop), _median(vectorized)
    except Exception as err:
        print(
            f"Not yet. Timing {name_of(dense_loop_fn)} and {name_of(dense_fn)} on the digit "
            f"layer stopped with an error ({said(err)}): do both pass their checks?"
        )
        return
    print(_times(loop_s, loop_n, vec_s, vec_n))
    print(_verdict(loop_s / vec_s))
    print("same results:", same)


def _layers(dense_loop_fn: Layer, dense_fn: Layer) -> tuple[Callable[[], Any], Callable[[], Any]]:
    """The digit network's first layer on 1000 random images: a loop over them, and one call."""
    rng = np.random.default_rng(0)
    A_in = rng.uniform(-1, 1, size=(IMAGES, INPUTS))  # (m, n)
    W = rng.uniform(-1, 1, size=(INPUTS, UNITS))  # (n, j)
    b = rng.uniform(-1, 1, size=UNITS)  # (j,)

    def loop() -> Any:
        return np.stack([dense_loop_fn(a_in, W, b) for a_in in A_in])  # (m, j)

    def vectorized() -> Any:
        return dense_fn(A_in, W, b[np.newaxis, :])  # (m, j)

    return loop, vectorized


def _times(loop_s: float, loop_n: int, vec_s: float, vec_n: int) -> str:
    """Both layers' times and their ratio; on the site's page, why they are left out."""
    if os.environ.get(PAGE):
        return (
            f"Both layers were timed as this page was built (the median of {REPEATS} runs each). "
            "The times are left out here, so that every build of the page is the same: run the "
            "notebook to see yours."
        )
    return (
        f"loop over the {IMAGES} images: {loop_s * 1e3:8.2f} ms  (median of {REPEATS} runs of {_calls(loop_n)})\n"
        f"one matrix product:        {vec_s * 1e3:8.2f} ms  (median of {REPEATS} runs of {_calls(vec_n)})\n"
        f"the vectorized layer was {loop_s / vec_s:.0f} times faster."
    )


def _calls(n: int) -> str:
    return "1 call" if n == 1 else f"{n} calls"


def _median(run: Callable[[], Any]) -> tuple[float, int]:
    """Seconds per call, the median of REPEATS runs, and the number of calls per run."""
    timer = timeit.Timer(run)
    number = 1
    while timer.timeit(number) < RUN_SECONDS:
        number *= 2
    return statistics.median(timer.repeat(repeat=REPEATS, number=number)) / number, number


def _verdict(ratio: float) -> str:
    if ratio >= AT_LEAST:
        return (
            f"As expected: the vectorized layer is at least {AT_LEAST} times faster than the loop "
            "(on most machines between 30 and 1000 times)."
        )
    return (
        f"Less than the {AT_LEAST} times or more expected: either the machine was busy (run the "
        "cell again), or the vectorized layer still loops somewhere."
    )
