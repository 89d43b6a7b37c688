"""validate: what g returns, and odd objects passed as arrays. Each case gives a right answer or
one clear error that names the argument."""

from __future__ import annotations

import numpy as np
import pytest

from vecnn import dense, dense_loop
from vecnn.lesson import W, b

LAYERS = pytest.mark.parametrize("fn", [dense, dense_loop], ids=["dense", "dense_loop"])


# --- what g returns -------------------------------------------------------------------------


@LAYERS
@pytest.mark.parametrize(
    "g, error, words",
    [
        (lambda z: None, TypeError, "returned None"),
        (lambda z: "0.5", TypeError, "returned <U3 values"),
        (lambda z: [[1, 2], [3]], ValueError, "returned a ragged list"),
        (lambda z: np.asarray(z) + 1j, TypeError, "returned complex128 values"),
    ],
    ids=["None", "a string", "a ragged list", "complex"],
)
def test_what_g_returns_is_checked(fn, g, error, words):
    with pytest.raises(error) as err:
        fn(np.array([200, 17]) if fn is dense_loop else np.array([[200, 17]]), W, b, g=g)
    assert words in str(err.value) and "Hint:" in str(err.value)
    assert "reduction" not in str(err.value), "g returned nothing wrong-shaped: no reduction"


@LAYERS
def test_a_bool_activation_gives_floats(fn):
    a_in = np.array([200, 17]) if fn is dense_loop else np.array([[200, 17]])
    out = fn(a_in, W, b, g=lambda z: z > 0)
    assert out.dtype == np.float64 and out.ravel().tolist() == [1.0, 0.0, 1.0]


# --- odd objects ----------------------------------------------------------------------------


def test_rows_of_equal_length_that_are_ragged_inside_are_named():
    with pytest.raises(ValueError) as err:
        dense([[[1, 2], [3]], [[1, 2], [3]]], W, b)
    assert "A_in[0][1] has 1 entry where A_in[0][0] has 2 entries" in str(err.value)


class Unreadable:
    def __array__(self, *args, **kwargs):
        raise RuntimeError("the sensor is offline")


def test_an_objects_own_error_is_kept():
    with pytest.raises(
        TypeError, match="A_in could not be turned into an array: the sensor is offline"
    ):
        dense(Unreadable(), W, b)
