"""The lecture's numbers, in one place, for the figures and the tests."""

import numpy as np

x = np.array([200, 17])  # (n,) = (2,)  one example with two features
W = np.array([[1, -3, 5], [-2, 4, -6]])  # (n, j) = (2, 3)  columns w1, w2, w3
b = np.array([-1, 1, 2])  # (j,) = (3,)

X = np.array([[200, 17]])  # (m, n) = (1, 2)  the same example as a 2-D array
B = np.array([[-1, 1, 2]])  # (1, j) = (1, 3)

A = np.array([[1, -1, 0.1], [2, -2, 0.2]])  # (2, 3)  part 3's A; its transpose is 3x2
W_rules = np.array([[3, 5, 7, 9], [4, 6, 8, 0]])  # (2, 4)  part 3's W
