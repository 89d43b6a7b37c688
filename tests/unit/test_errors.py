"""Bad input gets a clear error: it names the argument, shows the shapes, and gives a hint.

Each case runs against both dense and dense_loop. Nothing may broadcast silently, and no raw
IndexError or numpy gufunc message may reach the learner.
"""

from __future__ import annotations

import numpy as np
import pytest

from vecnn import dense, dense_loop
from vecnn.lesson import W, b


def call(fn, a, W=W, b=b, g=None):
    """Call dense or dense_loop with a valid default for every argument not under test."""
    kwargs = {} if g is None else {"g": g}
    return fn(a, W, b, **kwargs)


BOTH = pytest.mark.parametrize("fn", [dense, dense_loop], ids=["dense", "dense_loop"])


def names(fn):
    return ("A_in", "B") if fn is dense else ("a_in", "b")


@BOTH
def test_inner_dimension_mismatch(fn):
    a, _ = names(fn)
    with pytest.raises(ValueError) as err:
        call(fn, np.ones(4))
    message = str(err.value)
    assert f"{a} has shape (4,) but W has shape (2, 3)" in message
    assert f"{a} must have shape (2,)" in message
    assert "Hint:" in message


def test_input_passed_transposed():
    with pytest.raises(ValueError) as err:
        dense(np.array([[200], [17]]), W, b)  # (2, 1): a column instead of a row
    assert "A_in has shape (2, 1) but W has shape (2, 3)" in str(err.value)
    assert "A_in looks transposed; pass A_in.T, of shape (1, 2)" in str(err.value)


def test_a_batch_passed_to_the_loop():
    with pytest.raises(ValueError) as err:
        dense_loop(np.array([[200, 17]]), W, b)
    assert "a_in must be one example of shape (2,), but it has shape (1, 2)" in str(err.value)
    assert "use vecnn.dense for a batch" in str(err.value)


def test_weights_stored_one_row_per_unit():
    with pytest.raises(ValueError) as err:
        dense([[1, 2, 3]], W, b)  # W should have been (3, ?) for a 3-feature input
    assert "if W was built with one row per unit, pass W.T, of shape (3, 2)" in str(err.value)


@BOTH
@pytest.mark.parametrize("m", [1, 3, 4])
def test_column_bias_is_refused(fn, m):
    """numpy would broadcast (m, 3) + (3, 1) into a (3, 3) result when m is 1 or 3."""
    _, bias = names(fn)
    a = np.ones(2) if fn is dense_loop else np.ones((m, 2))
    with pytest.raises(ValueError) as err:
        call(fn, a, b=b.reshape(3, 1))
    message = str(err.value)
    assert f"{bias} has shape (3, 1) but must have shape (3,) or (1, 3)" in message
    assert f"Pass {bias}.reshape(1, -1)" in message


def test_column_bias_message_says_what_numpy_would_do():
    with pytest.raises(ValueError, match=r"into a wrong \(3, 3\) array"):
        dense(np.ones((1, 2)), W, b.reshape(3, 1))
    with pytest.raises(ValueError, match=r"into a broadcasting error"):
        dense(np.ones((4, 2)), W, b.reshape(3, 1))


@BOTH
@pytest.mark.parametrize("bad", [np.zeros(2), np.zeros(4), np.zeros((1, 2)), np.zeros((3, 3))])
def test_bias_of_the_wrong_length(fn, bad):
    _, bias = names(fn)
    with pytest.raises(ValueError) as err:
        call(fn, np.ones(2), b=bad)
    assert f"{bias} has shape {bad.shape} but must have shape (3,) or (1, 3)" in str(err.value)
    assert "Hint:" in str(err.value)


@BOTH
@pytest.mark.parametrize("bad", [np.ones(2), np.ones((2, 3, 1)), np.float64(2.0)])
def test_weights_not_2d(fn, bad):
    with pytest.raises(ValueError) as err:
        call(fn, np.ones(2), W=bad)
    assert (
        f"W must be a 2-D array of shape (n, j), one column per unit, but it has shape {np.shape(bad)}"
        in str(err.value)
    )


def test_input_with_more_than_two_dimensions():
    with pytest.raises(ValueError) as err:
        dense(np.ones((4, 1, 2)), W, b)
    assert "A_in must have shape (2,) for one example or (m, 2) for m examples" in str(err.value)
    assert "shape (4, 1, 2)" in str(err.value)
    assert "A_in.reshape(-1, 2)" in str(err.value)


@BOTH
@pytest.mark.parametrize(
    "bad, dtype",
    [(["200", "17"], "<U3"), ([200, None], "object"), (np.array([1 + 2j, 3]), "complex128")],
)
def test_non_numeric_input(fn, bad, dtype):
    a, _ = names(fn)
    with pytest.raises(TypeError) as err:
        call(fn, bad)
    assert f"{a} must hold real numbers, but it has dtype {dtype} and shape (2,)" in str(err.value)


@BOTH
def test_non_numeric_weights(fn):
    with pytest.raises(TypeError, match=r"W must hold real numbers, but it has dtype object"):
        call(fn, np.ones(2), W=[[1, 2, 3], [4, "x", object()]])


def test_ragged_list():
    with pytest.raises(ValueError) as err:
        dense([[200, 17], [1]], W, b)
    assert "A_in is a ragged list: A_in[1] has 1 entry where A_in[0] has 2 entries" in str(
        err.value
    )
    assert "Hint:" in str(err.value)


@BOTH
def test_ragged_weights(fn):
    with pytest.raises(
        ValueError, match=r"W is a ragged list: W\[1\] has 2 entries where W\[0\] has 3 entries"
    ):
        call(fn, np.ones(2), W=[[1, -3, 5], [-2, 4]])


@BOTH
@pytest.mark.parametrize("g", [5, "sigmoid", np.float64(0.5)])
def test_activation_not_callable(fn, g):
    with pytest.raises(TypeError) as err:
        call(fn, np.ones(2), g=g)
    assert "g must be a function applied element-wise" in str(err.value)
    assert "pass the function itself" in str(err.value)


def test_activation_that_is_not_elementwise():
    with pytest.raises(ValueError) as err:
        dense(np.ones((4, 2)), W, b, g=np.sum)
    assert "g must act element-wise, but g returned shape () for Z of shape (4, 3)" in str(
        err.value
    )
    assert "not a reduction such as np.sum" in str(err.value)
    with pytest.raises(ValueError, match=r"g returned shape \(3,\) for Z of shape \(4, 3\)"):
        dense(np.ones((4, 2)), W, b, g=lambda Z: Z.max(axis=0))


def test_loop_activation_that_is_not_elementwise():
    with pytest.raises(ValueError, match=r"g returned shape \(2,\) for the number z = -2"):
        dense_loop(np.ones(2), W, b, g=lambda z: np.array([z, z]))


@BOTH
def test_errors_are_never_raw_numpy_or_index_errors(fn):
    """A sweep of bad shapes: every one gets ValueError or TypeError with 'Hint:' in it."""
    shapes = [(), (0,), (1,), (3,), (2, 2), (1, 1, 2)]
    for a_shape in shapes:
        for w_shape in [(), (2,), (3, 2), (2, 3), (2, 3, 1)]:
            for b_shape in [(), (3,), (1, 3), (3, 1), (2,)]:
                try:
                    call(fn, np.ones(a_shape), W=np.ones(w_shape), b=np.ones(b_shape))
                except (ValueError, TypeError) as err:
                    assert "Hint:" in str(err), (a_shape, w_shape, b_shape, str(err))
                    assert "gufunc" not in str(err) and "broadcast together" not in str(err)
