"""The lecture's layer as vecnn computes it: the numbers Figures 1-5 show."""

from __future__ import annotations

import numpy as np

from vecnn import dense, dense_loop, lesson

Z_matmul = np.matmul(lesson.X, lesson.W)  # (1, 3)  before the bias
Z = Z_matmul + lesson.B  # (1, 3)
A_out = dense(lesson.X, lesson.W, lesson.B)  # (1, 3)
a_out = dense_loop(lesson.x, lesson.W, lesson.b)  # (3,)
