"""Train part 5's 2 -> 3 -> 1 coffee-roasting network; print its weights for vecnn/lesson.py.

    .venv/bin/python scripts/train_roasts.py

Plain full-batch gradient descent on the cross-entropy loss, in NumPy, from a seeded start: the
same numbers on every machine. It is kept here, outside the package, because the lesson only
uses the result; training is the next lesson's subject. tests/site/test_committed_numbers.py
reruns it and checks that the weights typed into vecnn/lesson.py are its output, rounded.
"""

from __future__ import annotations

import numpy as np

from vecnn.roasts import roasts

STEPS, RATE, SEED, DECIMALS = 5_000, 2.0, 0, 2


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def train(X, y):
    """Gradient descent on the mean cross-entropy of a 2 -> 3 -> 1 sigmoid network."""
    rng = np.random.default_rng(SEED)
    W1, b1 = rng.normal(0, 1, size=(2, 3)), np.zeros(3)  # (2, 3), (3,)
    W2, b2 = rng.normal(0, 1, size=(3, 1)), np.zeros(1)  # (3, 1), (1,)
    m, y = len(X), y[:, np.newaxis]  # y: (m, 1)
    for _ in range(STEPS):
        A1 = sigmoid(X @ W1 + b1)  # (m, 3)
        A2 = sigmoid(A1 @ W2 + b2)  # (m, 1)
        dZ2 = (A2 - y) / m  # (m, 1)  the loss's gradient at layer 2's Z
        dZ1 = (dZ2 @ W2.T) * A1 * (1 - A1)  # (m, 3)
        W2 -= RATE * A1.T @ dZ2
        b2 -= RATE * dZ2.sum(axis=0)
        W1 -= RATE * X.T @ dZ1
        b1 -= RATE * dZ1.sum(axis=0)
    return W1, b1, W2, b2


def normalisation(X):
    """The course's normalisation: each feature's mean and standard deviation, rounded."""
    return np.round(X.mean(axis=0), 2), np.round(X.std(axis=0), 2)


def trained():
    """The network's weights, rounded to DECIMALS as lesson.py types them."""
    X, y = roasts()
    mu, sigma = normalisation(X)
    return mu, sigma, [np.round(w, DECIMALS) for w in train((X - mu) / sigma, y)]


def main():
    X, y = roasts()
    mu, sigma, (W1, b1, W2, b2) = trained()
    A2 = sigmoid(sigmoid((X - mu) / sigma @ W1 + b1) @ W2 + b2)  # (m, 1)
    accuracy = np.mean((A2[:, 0] >= 0.5) == (y == 1))
    names = ["mu", "sigma", "W1", "b1", "W2", "b2"]
    for name, value in zip(names, [mu, sigma, W1, b1, W2, b2], strict=True):
        print(f"{name} = np.array({value.tolist()})")
    print(f"# accuracy on the {len(X)} roasts: {accuracy:.1%}")


if __name__ == "__main__":
    main()
