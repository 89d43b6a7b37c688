"""sequential: a whole network is its layers' dense calls in a chain, and a broken chain is named.

The property test draws random networks (1 to 4 layers of 1 to 12 units, float32 or float64,
one example or a batch) and compares sequential with two references: chained `dense` calls,
bit for bit, and an independent long-double computation of the same network, within rounding.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from vecnn import dense, sequential

SETTINGS = settings(
    max_examples=300,
    deadline=None,
    derandomize=True,  # the same cases on every run
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@st.composite
def networks(draw):
    """A random input and a random chain of (W, b) layers that fit each other."""
    dtype = draw(st.sampled_from([np.float32, np.float64]))
    values = st.floats(-3, 3, width=np.finfo(dtype).bits)
    sizes = draw(st.lists(st.integers(1, 12), min_size=2, max_size=5))  # n, then units per layer
    m = draw(st.integers(1, 8))
    one_example = draw(st.booleans())
    A_in = draw(arrays(dtype, (sizes[0],) if one_example else (m, sizes[0]), elements=values))
    layers = []
    for n, j in zip(sizes, sizes[1:], strict=False):
        W = draw(arrays(dtype, (n, j), elements=values))  # (n, j)
        b = draw(arrays(dtype, (j,), elements=values))  # (j,)
        layers.append((W, b[np.newaxis, :] if draw(st.booleans()) else b))  # (1, j) or (j,)
    return A_in, layers


def long_double_network(A_in, layers):
    """The same network in np.longdouble, with the textbook sigmoid: shares no code with vecnn."""
    A = np.asarray(A_in, dtype=np.longdouble)
    for W, b in layers:
        Z = A @ W.astype(np.longdouble) + b.astype(np.longdouble).reshape(-1)
        A = 1 / (1 + np.exp(-Z))
    return A


def test_sequential_is_chained_dense_on_random_networks():
    seen = []

    @SETTINGS
    @given(networks())
    def check(network):
        A_in, layers = network
        A_out = sequential(A_in, layers)  # (m, j) or (j,)
        A = A_in
        for W, b in layers:
            A = dense(A, W, b)
        np.testing.assert_array_equal(A_out, A)
        assert A_out.dtype == A_in.dtype
        assert A_out.shape == A_in.shape[:-1] + (layers[-1][0].shape[1],)
        # n <= 12 products of |values| <= 3 per unit, each layer's rounding damped by the
        # sigmoid's slope (at most 1/4): a few hundred eps covers every depth drawn here
        tol = 500 * np.finfo(A_in.dtype).eps
        assert np.max(np.abs(A_out - long_double_network(A_in, layers))) <= tol
        seen.append((A_in.ndim, len(layers)))

    check()
    assert {ndim for ndim, _ in seen} == {1, 2} and {d for _, d in seen} == {1, 2, 3, 4}


def test_the_dtype_rules_are_dense_s():
    W1, b1 = np.ones((2, 3), np.float32), np.zeros(3, np.float32)
    W2, b2 = np.ones((3, 1), np.float32), np.zeros(1, np.float32)
    assert sequential(np.ones(2, np.float32), [(W1, b1), (W2, b2)]).dtype == np.float32
    assert sequential([[200, 17]], [([[1], [-1]], [0])]).dtype == np.float64  # integers
    assert sequential([[1, 2]], [(W1.astype(np.float64), b1), (W2, b2)]).dtype == np.float64


def test_one_example_and_a_batch():
    W1 = np.array([[1.0, -1.0], [2.0, 0.5]])  # (2, 2)
    W2 = np.array([[1.0], [-1.0]])  # (2, 1)
    layers = [(W1, [0.0, 0.0]), (W2, [0.5])]
    x = np.array([0.3, -0.2])  # (2,)
    a1 = 1 / (1 + np.exp(-(x @ W1)))  # (2,)  the textbook sigmoid, by hand
    expected = 1 / (1 + np.exp(-(a1 @ W2 + 0.5)))  # (1,)
    one = sequential(x, layers)
    assert one.shape == (1,)
    np.testing.assert_allclose(one, expected, rtol=1e-15)
    batch = sequential(np.stack([x, x, -x]), layers)
    assert batch.shape == (3, 1)
    np.testing.assert_array_equal(batch[:2], [one, one])


def test_a_different_activation_reaches_every_layer():
    def linear(z):
        return z

    layers = [(np.array([[2.0]]), [1.0]), (np.array([[3.0]]), [-1.0])]
    assert sequential([5.0], layers, g=linear).tolist() == [(5 * 2 + 1) * 3 - 1]


# --- the chain's errors ---------------------------------------------------------------------

W1, b1 = np.ones((2, 3)), np.zeros(3)  # a 2 -> 3 layer


def message(A_in, layers, error=ValueError):
    with pytest.raises(error) as err:
        sequential(A_in, layers)
    return str(err.value)


def test_a_layer_that_does_not_fit_the_previous_one_is_named_with_both_sizes():
    said = message([200, 17], [(W1, b1), (np.ones((4, 1)), [0])])
    assert said.startswith(
        "layer 2's W has 4 rows, but layer 1 has 3 units; "
        "W's rows must match the previous layer's units."
    )
    assert "Hint: layer 2's W should have shape (3, j)" in said


def test_a_transposed_layer_gets_a_hint_to_transpose_it():
    said = message([200, 17], [(W1, b1), (np.ones((1, 3)), [0])])
    assert said.startswith("layer 2's W has 1 row, but layer 1 has 3 units")
    assert "pass its W.T, of shape (3, 1)" in said


def test_the_first_layer_must_fit_the_input():
    said = message([[1, 2, 3]], [(W1, b1)])
    assert said.startswith("layer 1's W has 2 rows, but A_in has 3 features")


def test_the_whole_chain_is_checked_before_any_work():
    said = message([200, 17], [(W1, b1), (np.ones((3, 2)), [0, 0]), (np.ones((5, 1)), [0])])
    assert said.startswith("layer 3's W has 5 rows, but layer 2 has 2 units")


def test_a_bias_that_does_not_fit_its_layer():
    said = message([200, 17], [(W1, [0, 0])])
    assert said.startswith("layer 1's b has shape (2,), but its W has 3 units")
    assert "(3,) or (1, 3)" in said


@pytest.mark.parametrize("layers", [[], ()], ids=["list", "tuple"])
def test_no_layers_is_an_error(layers):
    said = message([200, 17], layers)
    assert said.startswith("layers must be a non-empty list of (W, b) pairs, but it is empty.")


def test_one_pair_instead_of_a_list_of_pairs():
    said = message([200, 17], (W1, b1), TypeError)
    assert said.startswith("layer 1 must be a (W, b) pair, but it is ndarray")
    assert "a network of one layer is [(W, b)]" in said


def test_a_layer_whose_w_is_not_a_matrix():
    said = message([200, 17], [(np.ones(2), [0])])
    assert said.startswith("layer 1's W must be a 2-D array of shape (n, j)")


def test_layers_that_are_not_a_list():
    said = message([200, 17], {"W": W1, "b": b1})
    assert "but it is of type dict" in said
