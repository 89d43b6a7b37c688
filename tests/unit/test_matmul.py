"""dot_loop and matmul_dots against np.dot and np.matmul."""

import numpy as np
import pytest

from vecnn import dot_loop, matmul_dots


def test_dot_product_from_part_2():
    assert dot_loop([1, 2], [3, 4]) == 11


def test_vector_times_matrix_from_part_2():
    W = np.array([[3, 5], [4, 6]])  # (2, 2)
    np.testing.assert_array_equal(matmul_dots([1, 2], W), [11, 17])
    np.testing.assert_array_equal(matmul_dots([[1, 2]], W), [[11, 17]])


def test_matrix_times_matrix_from_part_2():
    A = np.array([[1, -1], [2, -2]])  # (2, 2)
    W = np.array([[3, 5], [4, 6]])  # (2, 2)
    np.testing.assert_array_equal(matmul_dots(A.T, W), [[11, 17], [-11, -17]])


def test_rules_example_from_part_3():
    A = np.array([[1, -1, 0.1], [2, -2, 0.2]])  # (2, 3)
    W = np.array([[3, 5, 7, 9], [4, 6, 8, 0]])  # (2, 4)
    Z = matmul_dots(A.T, W)  # (3, 4)
    expected = [[11, 17, 23, 9], [-11, -17, -23, -9], [1.1, 1.7, 2.3, 0.9]]
    np.testing.assert_allclose(Z, expected, rtol=0, atol=1e-12)
    assert Z[2, 1] == pytest.approx(1.7, abs=1e-12)


@pytest.mark.parametrize("shape", [(1, 1, 1), (1, 2, 3), (4, 3, 2), (5, 7, 6)])
def test_matmul_dots_equals_np_matmul(shape):
    m, n, j = shape
    rng = np.random.default_rng(m * 100 + n * 10 + j)
    A = rng.normal(size=(m, n))  # (m, n)
    W = rng.normal(size=(n, j))  # (n, j)
    np.testing.assert_allclose(matmul_dots(A, W), np.matmul(A, W), rtol=1e-12, atol=1e-12)


def test_dot_loop_equals_np_dot():
    rng = np.random.default_rng(3)
    a, w = rng.normal(size=(2, 50))  # (50,), (50,)
    assert dot_loop(a, w) == pytest.approx(np.dot(a, w), rel=1e-12)


def test_mismatched_shapes_are_refused():
    with pytest.raises(ValueError, match=r"A has shape \(2, 3\) and W has shape \(2, 4\)"):
        matmul_dots(np.ones((2, 3)), np.ones((2, 4)))
    with pytest.raises(ValueError, match=r"a has shape \(2,\) and w has shape \(3,\)"):
        dot_loop([1, 2], [1, 2, 3])
