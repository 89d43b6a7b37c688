"""The lecture's layer, typed once: the figures, the pages and the tests import it from here."""

import numpy as np

x = np.array([200, 17])  # (n,) = (2,)  one example with two features
W = np.array([[1, -3, 5], [-2, 4, -6]])  # (n, j) = (2, 3)  columns w1, w2, w3
b = np.array([-1, 1, 2])  # (j,) = (3,)

X = x[np.newaxis, :]  # (m, n) = (1, 2)  the same example as a 2-D array
B = b[np.newaxis, :]  # (1, j) = (1, 3)
