"""A whole network: dense layers in a chain, each layer's output the next layer's input."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

from vecnn.activations import sigmoid
from vecnn.arrays import Array, as_numeric
from vecnn.layer import dense
from vecnn.validate import require_activation

Layer = tuple[ArrayLike, ArrayLike]  # (W, b): W (n, j), b (j,) or (1, j)


def sequential(A_in: ArrayLike, layers: Sequence[Layer], g: Callable[..., Any] = sigmoid) -> Array:
    """A batch through a whole network: one `dense` call per layer, in order.

    Args:
        A_in: the inputs, shape (m, n): one row per example; or one example of shape (n,).
        layers: the network's (W, b) pairs, first layer first. Layer k's W has one row per
            unit of layer k - 1 (per input feature, for layer 1) and one column per unit.
        g: the activation of every layer, applied element-wise.

    Returns:
        The last layer's output, shape (m, j) for the j units of the last layer, or (j,)
            for a 1-D A_in, in the dtype `dense` gives (float64 for integer inputs).
    """
    A_in = as_numeric("A_in", A_in)
    require_activation(g)
    chain = require_chain(A_in, layers)
    A = A_in  # (m, n)
    for W, b in chain:
        A = dense(A, W, b, g)  # (m, j) for this layer's j units
    return A


def require_chain(
    A_in: NDArray[Any], layers: Sequence[Layer]
) -> list[tuple[NDArray[Any], NDArray[Any]]]:
    """Every layer's W must take the previous layer's units as its rows; checked before any work."""
    if isinstance(layers, np.ndarray) or not isinstance(layers, Sequence) or not layers:
        what = "empty" if isinstance(layers, Sequence) else f"of type {type(layers).__name__}"
        raise ValueError(
            f"layers must be a non-empty list of (W, b) pairs, but it is {what}.\n"
            "Hint: layers = [(W1, b1), (W2, b2)], first layer first."
        )
    chain = []
    units = A_in.shape[-1] if A_in.ndim in (1, 2) else None  # dense explains other shapes
    source = "A_in has {}"
    for k, layer in enumerate(layers, start=1):
        W, b = _weights_and_bias(k, layer)
        rows, j = W.shape
        if units is not None and rows != units:
            before = source.format(_count(units, "unit" if k > 1 else "feature"))
            fix = f"layer {k}'s W should have shape ({units}, j)"
            if W.shape[1] == units:
                fix += (
                    f"; if it was built with one row per unit, pass its W.T, of shape {W.T.shape}"
                )
            raise ValueError(
                f"layer {k}'s W has {_count(rows, 'row')}, but {before}; W's rows must match the "
                f"{'previous layer' if k > 1 else 'input'}'s {'units' if k > 1 else 'features'}."
                f"\nHint: {fix}."
            )
        if b.shape not in ((j,), (1, j)):
            raise ValueError(
                f"layer {k}'s b has shape {b.shape}, but its W has {_count(j, 'unit')} (one per column), so b must "
                f"have shape ({j},) or (1, {j}).\nHint: one bias per unit of layer {k}."
            )
        chain.append((W, b))
        units, source = j, f"layer {k} has {{}}"
    return chain


def _weights_and_bias(k: int, layer: Any) -> tuple[NDArray[Any], NDArray[Any]]:
    """Layer k as two arrays, W (n, j) and b, or an error that says what layer k is instead."""
    if isinstance(layer, np.ndarray) or not isinstance(layer, Sequence) or len(layer) != 2:
        raise TypeError(
            f"layer {k} must be a (W, b) pair, but it is {type(layer).__name__} "
            f"{_abbreviated(layer)}.\nHint: layers = [(W1, b1), (W2, b2)]: one tuple per layer; "
            "a network of one layer is [(W, b)], a list holding one pair."
        )
    W, b = as_numeric(f"layer {k}'s W", layer[0]), as_numeric(f"layer {k}'s b", layer[1])
    if W.ndim != 2:
        raise ValueError(
            f"layer {k}'s W must be a 2-D array of shape (n, j), one column per unit, "
            f"but it has shape {W.shape}.\nHint: a single unit's W is a column: shape (n, 1)."
        )
    return W, b


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def _abbreviated(value: Any) -> str:
    text = " ".join(repr(value).split())  # on one line
    return text if len(text) <= 60 else text[:57] + "..."
