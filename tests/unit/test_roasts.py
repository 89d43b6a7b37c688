"""Part 5's data and network: our rule for a good roast, the seeded data set, and the 13 weights
typed into vecnn.lesson, which classify the data set (checked by a loop that shares no code with
vecnn) and are what the training script in scripts/ computes."""

from __future__ import annotations

import math

import numpy as np
import pytest

from vecnn import lesson, sequential
from vecnn.roasts import DURATIONS, SIZE, TEMPERATURES, good_roast, roasts


@pytest.mark.parametrize(
    ("T", "d", "good"),
    [
        (200, 17, True),  # the lecture's roast
        (170, 16, False),  # too cool: below 180 °C
        (250, 11.5, False),  # too short for 250 °C: it needs 12 minutes
        (250, 12.5, True),
        (250, 15.5, False),  # burnt: at 250 °C, at most 15 1/3 minutes
        (180, 20, True),  # the corner where "hot enough" meets "not burnt"
        (300, 10, True),  # the hottest, shortest roast that is still done
        # part 5's sentence: from 14.8 min at 180 °C down to 10 at 300 °C, and at most 20 min
        # at 180 °C down to 12 at 300 °C
        (180, 14.8, True),
        (180, 14.7, False),
        (300, 9.9, False),
        (180, 20.1, False),
        (300, 12, True),
        (300, 12.1, False),
        (179.9, 17, False),
    ],
)
def test_the_rule_on_roasts_worked_out_by_hand(T, d, good):
    assert bool(good_roast(T, d)) is good


def test_the_data_set_is_small_seeded_and_in_range():
    X, y = roasts()
    assert X.shape == (SIZE, 2) and y.shape == (SIZE,)
    np.testing.assert_array_equal(X, roasts()[0])  # the same on every call and machine
    assert TEMPERATURES[0] <= X[:, 0].min() and X[:, 0].max() <= TEMPERATURES[1]
    assert DURATIONS[0] <= X[:, 1].min() and X[:, 1].max() <= DURATIONS[1]
    np.testing.assert_array_equal(X, np.round(X, 1))
    assert 0.2 <= y.mean() <= 0.5, "both kinds of roast, neither rare"
    for (T, d), label in zip(X, y, strict=True):
        assert label == good_roast(T, d)


def test_the_normalisation_constants_are_the_data_set_s():
    X, _ = roasts()
    np.testing.assert_allclose(lesson.mu, X.mean(axis=0), atol=0.005)
    np.testing.assert_allclose(lesson.sigma, X.std(axis=0), atol=0.005)


def test_thirteen_weights_in_a_2_3_1_network():
    shapes = [w.shape for layer in lesson.layers for w in layer]
    assert shapes == [(2, 3), (3,), (3, 1), (1,)]
    assert sum(math.prod(s) for s in shapes) == 13


def textbook_network(x):
    """One roast through the typed weights with math.exp, in plain Python loops."""
    x = [(x[k] - lesson.mu[k]) / lesson.sigma[k] for k in range(2)]
    a = [
        1 / (1 + math.exp(-(sum(x[k] * lesson.W1[k, j] for k in range(2)) + lesson.b1[j])))
        for j in range(3)
    ]
    z = sum(a[k] * lesson.W2[k, 0] for k in range(3)) + lesson.b2[0]
    return 1 / (1 + math.exp(-z))


def test_the_weights_classify_the_data_set():
    X, y = roasts()
    p = np.array([textbook_network(x) for x in X])  # (m,)
    accuracy = np.mean((p >= 0.5) == (y == 1))
    assert accuracy >= 0.95, f"accuracy {accuracy:.1%}"
    assert accuracy == 1, "part 5 says the network gets all 200 right"
    A_out = sequential((X - lesson.mu) / lesson.sigma, lesson.layers)  # (m, 1)
    np.testing.assert_allclose(A_out[:, 0], p, rtol=0, atol=1e-12)


def test_each_unit_of_layer_1_learned_one_part_of_the_rule():
    """What part 5 says: unit 1 is "long enough", unit 2 "hot enough", unit 3 "burnt"."""
    T, d = np.meshgrid(np.linspace(*TEMPERATURES, 200), np.linspace(*DURATIONS, 200))
    T, d = T.ravel(), d.ravel()
    X_norm = (np.stack([T, d], axis=1) - lesson.mu) / lesson.sigma  # (40000, 2)
    on = (X_norm @ lesson.W1 + lesson.b1) >= 0  # (40000, 3)  sigmoid(z) >= 0.5
    parts = [d >= 22 - T / 25, T >= 180, d > 32 - T / 15]  # long enough, hot enough, burnt
    for j, part in enumerate(parts):
        assert np.mean(on[:, j] == part) >= 0.95, f"unit {j + 1}"
