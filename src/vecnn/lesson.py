"""The lecture's layer, typed once: the figures, the pages and the tests import it from here."""

import numpy as np

x = np.array([200, 17])  # (n,) = (2,)  one example with two features
W = np.array([[1, -3, 5], [-2, 4, -6]])  # (n, j) = (2, 3)  columns w1, w2, w3
b = np.array([-1, 1, 2])  # (j,) = (3,)

X = x[np.newaxis, :]  # (m, n) = (1, 2)  the same example as a 2-D array
B = b[np.newaxis, :]  # (1, j) = (1, 3)

# Part 5: the network this layer belongs to, 2 -> 3 -> 1, classifying coffee roasts
# (vecnn.roasts). Its 13 weights were found by scripts/train_roasts.py, which also computed the
# normalisation: a roast x = [°C, minutes] enters the network as (x - mu) / sigma.
mu = np.array([224.07, 14.82])  # (n,)  the data set's mean temperature and duration
sigma = np.array([42.7, 2.98])  # (n,)  and their standard deviations
W1 = np.array([[8.11, 10.34, 12.02], [13.94, -1.46, 12.11]])  # (2, 3)  layer 1: three units
b1 = np.array([8.31, 12.39, -9.65])  # (3,)
W2 = np.array([[14.42], [12.87], [-16.87]])  # (3, 1)  layer 2: one unit, "good roast"
b2 = np.array([-19.86])  # (1,)
layers = [(W1, b1), (W2, b2)]
