"""Exercise 6's check: each way of breaking a network's chain of layers gets its named fix."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vecnn import checks, dense, sigmoid
from vecnn.network_cases import chain


def sequential_right(A_in, layers, g=sigmoid):
    A = A_in  # (m, n)
    for W, b in layers:
        A = g(A @ W + b)  # (m, units)
    return A


def with_dense(A_in, layers, g=sigmoid):
    A = A_in
    for W, b in layers:
        A = dense(A, W, b, g)
    return A


def a_in_to_every_layer(A_in, layers, g=sigmoid):
    for W, b in layers:
        A = g(A_in @ W + b)
    return A


def stops_after_the_first(A_in, layers, g=sigmoid):
    A = A_in
    for W, b in layers:
        A = g(A @ W + b)
        return A


def wrong_order(A_in, layers, g=sigmoid):
    return sequential_right(A_in, layers[::-1], g)


def g_only_at_the_end(A_in, layers, g=sigmoid):
    A = A_in
    for W, b in layers:
        A = A @ W + b
    return g(A)


def g_skipped_on_the_first(A_in, layers, g=sigmoid):
    A = A_in @ layers[0][0] + layers[0][1]
    return sequential_right(A, layers[1:], g)


def no_g_on_the_output(A_in, layers, g=sigmoid):
    A = sequential_right(A_in, layers[:-1], g)
    return A @ layers[-1][0] + layers[-1][1]


def every_output(A_in, layers, g=sigmoid):
    outs, A = [], A_in
    for W, b in layers:
        A = g(A @ W + b)
        outs.append(A)
    return outs


def over_examples(A_in, layers, g=sigmoid):
    return np.stack([sequential_right(a_in, layers, g) for a_in in A_in])


def stub(A_in, layers, g=sigmoid):
    raise NotImplementedError("my_sequential is not written yet")


@pytest.mark.parametrize(
    "fn, words",
    [
        (a_in_to_every_layer, "Every layer was given A_in"),
        (stops_after_the_first, "Only the first layer was applied"),
        (wrong_order, "applied in the wrong order, last first"),
        (g_only_at_the_end, "g was left out of the hidden layers"),
        (g_skipped_on_the_first, "g was left out of the first (hidden) layer"),
        (no_g_on_the_output, "g was left out of the last layer"),
        (every_output, "one dimension too many; return one array, not a list of arrays"),
        (over_examples, "loops over the examples"),
        (stub, "is not written yet. Step 1 is a loop over the layers, in order."),
    ],
    ids=lambda v: getattr(v, "__name__", ""),
)
def test_each_chain_mistake_gets_its_named_fix(fn, words, capsys):
    checks.check_sequential(fn, hint=True)
    printed = capsys.readouterr().out.splitlines()
    assert printed[0].startswith("Not yet. ") and words in printed[0], printed[0]
    assert printed[1].startswith("Hint: ")


def test_the_right_networks_pass(capsys):
    for fn in (sequential_right, with_dense):
        checks.check_sequential(fn)
        assert capsys.readouterr().out.startswith("All checks passed: the chain of layers")


@settings(max_examples=30, deadline=None)
@given(st.lists(st.integers(1, 5), min_size=2, max_size=5), st.integers(1, 4), st.data())
def test_the_checks_reference_agrees_with_chained_dense_calls(sizes, m, data):
    """The check's own chain against vecnn.dense called layer by layer: an independent path."""
    rng = np.random.default_rng(data.draw(st.integers(0, 2**32 - 1)))
    layers = [
        (rng.normal(size=(n, j)), rng.normal(size=j))
        for n, j in zip(sizes[:-1], sizes[1:], strict=True)
    ]
    A_in = rng.normal(size=(m, sizes[0]))  # (m, n)
    A = A_in
    for W, b in layers:
        A = dense(A, W, b)  # (m, units)
    np.testing.assert_allclose(chain(A_in, layers, [sigmoid] * len(layers)), A, rtol=1e-12)


def test_every_chain_mistake_gives_numbers_of_its_own():
    from vecnn.cases import A, double
    from vecnn.network_cases import SQUARE
    from vecnn.network_exercise import _mistakes

    outputs = [chain(A, SQUARE, [double] * 3)] + [wrong for wrong, _ in _mistakes("")]
    for i, one in enumerate(outputs):
        for other in outputs[i + 1 :]:
            assert np.shape(one) != np.shape(other) or not np.allclose(one, other)
