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


# --- Proofs over the whole finite range (hypothesis) -----------------------------------------

from decimal import Decimal, localcontext  # noqa: E402

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from hypothesis.extra.numpy import arrays  # noqa: E402

DTYPES = [np.float16, np.float32, np.float64]
PROOF = settings(max_examples=300, deadline=None, derandomize=True)


def finite(dtype):
    return st.floats(allow_nan=False, allow_infinity=False, width=np.finfo(dtype).bits)


def precise(z: float) -> float:
    """1 / (1 + e^-z) with 40 significant digits, rounded once to float64."""
    if abs(z) > 1000:  # e^1000 is past Decimal's exponent range; the answer rounds to 0 or 1
        return 0.0 if z < 0 else 1.0
    with localcontext() as ctx:
        ctx.prec = 40
        return float(1 / (1 + (-Decimal(z)).exp()))


@pytest.mark.parametrize("dtype", DTYPES)
def test_no_warning_for_any_finite_input(dtype):
    """filterwarnings = error: an overflow or invalid-value warning fails this test."""

    @PROOF
    @given(arrays(dtype, st.integers(1, 50), elements=finite(dtype)))
    def check(z):
        s = sigmoid(z)
        assert s.dtype == dtype
        assert np.all((s >= 0) & (s <= 1))

    check()


def test_accurate_to_1e_14_in_float64():
    @PROOF
    @given(st.floats(-800, 800))
    def check(z):
        assert abs(float(sigmoid(z)) - precise(z)) <= 1e-14

    check()


def test_accurate_at_the_extremes():
    for z in [-np.finfo(np.float64).max, -745.0, -37.0, -1e-300, 0.0, 1e-300, 37.0, 745.0, 1e308]:
        assert abs(float(sigmoid(z)) - precise(z)) <= 1e-14, z


@pytest.mark.parametrize("dtype", DTYPES)
def test_symmetric(dtype):
    """s(-z) = 1 - s(z): the tanh form is exactly symmetric because tanh is odd."""

    @PROOF
    @given(arrays(dtype, 20, elements=finite(dtype)))
    def check(z):
        np.testing.assert_allclose(sigmoid(-z), 1 - sigmoid(z), rtol=0, atol=np.finfo(dtype).eps)

    check()


@pytest.mark.parametrize("dtype", DTYPES)
def test_monotone(dtype):
    @PROOF
    @given(arrays(dtype, 30, elements=finite(dtype)))
    def check(z):
        s = sigmoid(np.sort(z))
        assert np.all(np.diff(s) >= 0), "the sigmoid must never decrease"

    check()


@pytest.mark.parametrize("dtype", DTYPES)
def test_nan_propagates_and_infinities_saturate(dtype):
    z = np.array([np.nan, -np.inf, np.inf], dtype)
    s = sigmoid(z)
    assert np.isnan(s[0]) and s[1] == 0 and s[2] == 1


def test_the_naive_formula_overflows_where_the_package_does_not():
    """The lecture's z = -531 overflows exp in float32: the reason for the tanh form."""
    z = np.float32(-531)
    with pytest.warns(RuntimeWarning, match="overflow encountered in exp"):
        naive = 1 / (1 + np.exp(-z))
    assert naive == 0
    assert sigmoid(z) == 0  # and no warning: pytest turns warnings into errors
