"""dense_loop and dense against the lecture's numbers and against each other."""

import numpy as np
import pytest

from vecnn import dense, dense_loop, sigmoid
from vecnn.layer import ready
from vecnn.lesson import W, b

LAYERS = pytest.mark.parametrize("fn", [dense, dense_loop], ids=["dense", "dense_loop"])


def linear(z):
    return z


def test_lecture_z_with_a_linear_activation(lecture):
    z_loop = dense_loop(lecture["x"], lecture["W"], lecture["b"], g=linear)  # (3,)
    z_vec = dense(lecture["x"][np.newaxis, :], lecture["W"], lecture["b"], g=linear)  # (1, 3)
    np.testing.assert_array_equal(z_loop, [165, -531, 900])
    np.testing.assert_array_equal(z_vec, [[165, -531, 900]])


def test_lecture_output_is_about_1_0_1(lecture):
    a_loop = dense_loop(lecture["x"], lecture["W"], lecture["b"])  # (3,)
    A_vec = dense([[200, 17]], lecture["W"], [[-1, 1, 2]])  # (1, 3)
    np.testing.assert_allclose(a_loop, [1, 0, 1], atol=1e-60)
    np.testing.assert_array_equal(A_vec[0], a_loop)


def test_batch_rows_match_the_loop():
    rng = np.random.default_rng(1)
    A_in = rng.normal(size=(7, 5))  # (m, n)
    W = rng.normal(size=(5, 4))  # (n, j)
    b = rng.normal(size=4)  # (j,)
    A_out = dense(A_in, W, b)  # (m, j)
    assert A_out.shape == (7, 4)
    for a_in, a_out in zip(A_in, A_out, strict=True):
        np.testing.assert_allclose(a_out, dense_loop(a_in, W, b), rtol=0, atol=1e-15)


def test_exact_small_integers_with_a_linear_activation():
    # the course lab's check: x = [1, 2, 3, 4], every row of W = [1, 2]
    W = np.array([[1, 2]] * 4)  # (4, 2)
    z = dense_loop([1, 2, 3, 4], W, [0, 0], g=linear)  # (2,)
    np.testing.assert_array_equal(z, [10, 20])
    np.testing.assert_array_equal(dense([[1, 2, 3, 4]], W, [0, 0], g=linear), [[10, 20]])


@pytest.mark.parametrize("B", [[-1, 1, 2], [[-1, 1, 2]], np.array([-1.0, 1.0, 2.0])])
def test_bias_as_j_or_1_by_j(lecture, B):
    Z = dense([[200, 17], [0, 0]], lecture["W"], B, g=linear)  # (2, 3)
    np.testing.assert_array_equal(Z, [[165, -531, 900], [-1, 1, 2]])


def test_one_dimensional_input_gives_one_dimensional_output(lecture):
    a_out = dense(lecture["x"], lecture["W"], lecture["b"], g=linear)  # (3,)
    assert a_out.shape == (3,)
    np.testing.assert_array_equal(a_out, [165, -531, 900])


def test_integer_input_gives_floats(lecture):
    assert dense(lecture["x"], lecture["W"], lecture["b"], g=linear).dtype == np.float64
    assert dense_loop(lecture["x"], lecture["W"], lecture["b"]).dtype == np.float64


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_float_dtype_is_kept(dtype):
    A_in = np.ones((3, 2), dtype)  # (3, 2)
    W = np.ones((2, 4), dtype)  # (2, 4)
    b = np.zeros(4, dtype)  # (4,)
    assert dense(A_in, W, b).dtype == dtype
    assert dense_loop(A_in[0], W, b).dtype == dtype


def test_dense_does_not_modify_its_inputs(lecture):
    A_in = np.array([[200.0, 17.0]])  # (1, 2)
    W = lecture["W"].astype(float)  # (2, 3)
    B = np.array([[-1.0, 1.0, 2.0]])  # (1, 3)
    copies = [A_in.copy(), W.copy(), B.copy()]
    dense(A_in, W, B)
    for before, after in zip(copies, [A_in, W, B], strict=True):
        np.testing.assert_array_equal(before, after)


def test_custom_activation_is_applied_elementwise(lecture):
    A_out = dense([[200, 17]], lecture["W"], lecture["b"], g=np.tanh)  # (1, 3)
    np.testing.assert_array_equal(A_out, np.tanh([[165.0, -531.0, 900.0]]))


def test_default_activation_is_sigmoid(lecture):
    Z = dense([[1, 2]], lecture["W"], lecture["b"], g=linear)  # (1, 3)
    np.testing.assert_array_equal(dense([[1, 2]], lecture["W"], lecture["b"]), sigmoid(Z))


def test_inner_dimension_mismatch_names_both_arguments(lecture):
    with pytest.raises(ValueError, match=r"A_in has shape \(1, 3\) but W has shape \(2, 3\)"):
        dense([[1, 2, 3]], lecture["W"], lecture["b"])
    with pytest.raises(ValueError, match=r"a_in has shape \(3,\) but W has shape \(2, 3\)"):
        dense_loop([1, 2, 3], lecture["W"], lecture["b"])


class Plain(np.ndarray):
    """An ndarray subclass: dense's happy path takes plain ndarrays only, so this one is checked."""


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize(
    "shapes",
    [
        ((1, 2), (2, 3), (3,)),
        ((5, 4), (4, 3), (1, 3)),
        ((4,), (4, 3), (3,)),
        ((900, 8), (8, 300), (300,)),
    ],
    ids=["one example", "(1, j) bias", "1-D input", "blocks on every core"],
)
def test_the_happy_path_gives_what_the_checked_path_gives(dtype, shapes):
    rng = np.random.default_rng(26)
    A_in, W, B = (rng.normal(scale=8, size=shape).astype(dtype) for shape in shapes)
    fast = dense(A_in, W, B)
    checked = dense(A_in.view(Plain), W.view(Plain), B.view(Plain))
    assert fast.dtype == checked.dtype == dtype and fast.shape == checked.shape
    np.testing.assert_array_equal(fast, checked)


@pytest.mark.parametrize(
    "A_in, W, B",
    [
        (np.ones((1, 2), np.float16), np.ones((2, 3), np.float16), np.ones(3, np.float16)),
        (np.ones((1, 2), np.float32), np.ones((2, 3)), np.ones(3)),  # mixed dtypes
        (np.ones(2), np.ones((2, 3)), np.ones((1, 3))),  # 1-D input, (1, j) bias
        (np.ones((1, 2)), np.ones((2, 3)), np.ones((3, 1))),  # a column bias: a message
        (np.ones((1, 3)), np.ones((2, 3)), np.ones(3)),  # mismatched: a message
        (np.ones((2, 1, 2)), np.ones((2, 3)), np.ones(3)),  # 3-D input: a message
        ([[1.0, 2.0]], np.ones((2, 3)), np.ones(3)),  # a list: converted first
    ],
)
def test_anything_unusual_takes_the_checked_path(A_in, W, B):
    assert ready(A_in, W, B) is None


# --- empty is fine ---------------------------------------------------------------------------


@pytest.mark.parametrize("g", [sigmoid, linear], ids=["sigmoid (fast path)", "linear"])
def test_a_batch_of_zero_examples(g):
    A_out = dense(np.zeros((0, 2)), W, b, g=g)  # (0, 3)
    assert A_out.shape == (0, 3) and A_out.dtype == np.float64


@LAYERS
def test_zero_units_give_an_empty_output(fn):
    a_in = np.ones(2) if fn is dense_loop else np.ones((4, 2))
    out = fn(a_in, np.zeros((2, 0)), np.zeros(0))
    assert out.shape == a_in.shape[:-1] + (0,)


@LAYERS
def test_zero_features_give_the_bias(fn):
    a_in = np.zeros(0) if fn is dense_loop else np.zeros((2, 0))
    out = fn(a_in, np.zeros((0, 3)), b, g=linear)
    np.testing.assert_array_equal(out, np.broadcast_to(b, a_in.shape[:-1] + (3,)))


# --- one dtype contract ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "dtype, value, weight, expected",
    [
        (np.int8, 100, 2, 400),
        (np.uint8, 200, 2, 800),
        (np.bool_, True, True, 2),
        (np.int64, 2**62, 2, 2.0**64),
    ],
)
def test_small_integer_types_do_not_wrap_around(dtype, value, weight, expected):
    a_in = np.array([value, value], dtype=dtype)  # (2,)
    W1 = np.array([[weight], [weight]], dtype=dtype)  # (2, 1)
    b1 = np.zeros(1, dtype=dtype)  # (1,)
    loop, vectorized = dense_loop(a_in, W1, b1, g=linear), dense(a_in, W1, b1, g=linear)
    assert loop.tolist() == vectorized.tolist() == [expected]
    assert loop.dtype == vectorized.dtype == np.float64
