"""dense_loop and dense against the lecture's numbers and against each other."""

import numpy as np
import pytest

from vecnn import dense, dense_loop, sigmoid


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
