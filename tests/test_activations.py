"""The sigmoid: right values, right dtype, and no overflow anywhere."""

import math

import numpy as np
import pytest

from vecnn import sigmoid


def reference(z: float) -> float:
    """1 / (1 + e^-z) in Python floats, written so it does not overflow either."""
    if z >= 0:
        return 1 / (1 + math.exp(-z))
    return math.exp(z) / (1 + math.exp(z))


def test_known_values():
    assert sigmoid(0) == 0.5
    np.testing.assert_allclose(sigmoid([-2.0, 2.0]), [reference(-2.0), reference(2.0)], rtol=1e-15)


def test_lecture_z_values():
    np.testing.assert_allclose(sigmoid([165, -531, 900]), [1, 0, 1], atol=1e-70)


@pytest.mark.parametrize("dtype", [np.float16, np.float32, np.float64])
def test_dtype_is_kept(dtype):
    assert sigmoid(np.zeros(3, dtype)).dtype == dtype


def test_integers_and_python_scalars_give_float64():
    assert sigmoid(np.array([1, 2])).dtype == np.float64
    assert isinstance(sigmoid(3), np.float64)
    assert isinstance(sigmoid(3.0), np.float64)


def test_shape_is_kept():
    assert sigmoid(np.zeros((4, 5))).shape == (4, 5)
    assert np.ndim(sigmoid(1.0)) == 0


def test_out_argument_writes_in_place():
    z = np.array([-1.0, 0.0, 1.0])  # (3,)
    result = sigmoid(z, out=z)
    assert result is z
    np.testing.assert_allclose(z, [reference(-1.0), 0.5, reference(1.0)], rtol=1e-15)


@pytest.mark.parametrize("dtype", [np.float16, np.float32, np.float64])
def test_extremes_do_not_overflow(dtype):
    big = np.finfo(dtype).max
    z = np.array([-big, -531, 531, big], dtype)  # pytest turns any warning into an error
    np.testing.assert_array_equal(sigmoid(z), np.array([0, 0, 1, 1], dtype))
