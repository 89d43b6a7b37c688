"""The cases the network check runs, their right outputs, and how the learner's network is called.

The first case chains three 2-unit layers, so that every chain mistake still runs and gives its
own numbers; the second puts the lecture's layer first, then one output unit, so that the sizes
change along the chain as in a real network. The right outputs are computed here, layer by layer
in plain NumPy.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from vecnn import lesson
from vecnn.learner import Run, call
from vecnn.trial import Reading, Trial

# Three 2 -> 2 layers: (W, b) with W of shape (2, 2) and b of shape (2,).
SQUARE = (
    (np.array([[1, -1], [2, 1]]), np.array([0, 1])),
    (np.array([[0, 1], [1, 2]]), np.array([1, 0])),
    (np.array([[1, 1], [-1, 2]]), np.array([0, -1])),
)
# The lecture's layer (2 -> 3), then one output unit of our own (3 -> 1).
LECTURE = ((lesson.W, lesson.b), (np.array([[1], [-2], [1]]), np.array([-3])))
LECTURE_A = np.array([[200, 17], [1, 2]])  # (m, n) = (2, 2)


def chain(A_in: Any, layers: Any, gs: Any) -> Any:
    """The network's output: each layer's g(A @ W + b) feeds the next layer."""
    out = A_in  # (m, n)
    for (W, b), g in zip(layers, gs, strict=True):
        out = g(out @ W + b)  # (m, units of this layer)
    return out


def run(
    t: Trial, A_in: Any, layers: Any, g: Any = None, trace: bool = False
) -> tuple[Reading, Run]:
    """Call the learner's network as the lab does, on fresh copies of the batch and layers."""
    copies = [(W.copy(), b.copy()) for W, b in layers]
    done = call(t.fn, (A_in.copy(), copies) + (() if g is None else (g,)), trace)
    return t.read(done, (len(A_in), layers[-1][0].shape[1])), done
