"""The edges: empty arrays, what g returns, sigmoid's own checks, odd objects, and the benchmark's
command line. Each case gives a right answer or one clear error."""

from __future__ import annotations

import subprocess
import sys
import time

import numpy as np
import pytest

from vecnn import dense, dense_loop, sigmoid
from vecnn.lesson import W, b

LAYERS = pytest.mark.parametrize("fn", [dense, dense_loop], ids=["dense", "dense_loop"])


def lin(z):
    return z


# --- empty is fine ---------------------------------------------------------------------------


@pytest.mark.parametrize("g", [sigmoid, lin], ids=["sigmoid (fast path)", "linear"])
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
    out = fn(a_in, np.zeros((0, 3)), b, g=lin)
    np.testing.assert_array_equal(out, np.broadcast_to(b, a_in.shape[:-1] + (3,)))


# --- one dtype contract ----------------------------------------------------------------------


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
    loop, vectorized = dense_loop(a_in, W1, b1, g=lin), dense(a_in, W1, b1, g=lin)
    assert loop.tolist() == vectorized.tolist() == [expected]
    assert loop.dtype == vectorized.dtype == np.float64


# --- what g returns --------------------------------------------------------------------------


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


# --- sigmoid checks its arguments ------------------------------------------------------------


@pytest.mark.parametrize(
    "z, error, words",
    [
        (1 + 2j, TypeError, "z must hold real numbers, but it has dtype complex128"),
        ("0.5", TypeError, "z must hold real numbers, but it has dtype <U3"),
        (None, TypeError, "z must hold real numbers, but it has dtype object"),
        ([[1, 2], [3]], ValueError, "z is a ragged list: z[1] has 1 entry where z[0] has 2"),
        (np.array([1, None], dtype=object), TypeError, "dtype object"),
    ],
)
def test_sigmoid_refuses_what_is_not_real_numbers(z, error, words):
    with pytest.raises(error) as err:
        sigmoid(z)
    assert words in str(err.value) and "Hint:" in str(err.value)


@pytest.mark.parametrize(
    "out, error, words",
    [
        (np.zeros((2, 3)), ValueError, "out has shape (2, 3) but z has shape (3,)"),
        (np.zeros(3, dtype=int), TypeError, "it is an array of dtype int64"),
        ([0.0, 0.0, 0.0], TypeError, "but it is list"),
    ],
)
def test_sigmoid_checks_out(out, error, words):
    with pytest.raises(error) as err:
        sigmoid(np.zeros(3), out=out)
    assert words in str(err.value)


def test_sigmoid_in_place_still_works():
    z = np.array([0.0, 2.0])  # (2,)
    assert sigmoid(z, out=z) is z and z[0] == 0.5


# --- odd objects -----------------------------------------------------------------------------


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


# --- the benchmark's command line ------------------------------------------------------------


@pytest.mark.parametrize(
    "path, words",
    [("{tmp}/no/such/folder/out.json", "does not exist"), ("{tmp}", "is a folder")],
)
def test_a_bad_json_path_fails_at_once(tmp_path, path, words):
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "vecnn.bench", "--json", path.format(tmp=tmp_path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2 and result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1 and words in result.stderr
    assert time.perf_counter() - start < 30, "the path must be checked before the benchmark runs"


def test_a_closed_pipe_ends_quietly():
    bench = subprocess.Popen(
        [sys.executable, "-m", "vecnn.bench", "--quick"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    bench.stdout.readline()
    bench.stdout.close()  # what `| head -1` does
    stderr = bench.stderr.read().decode()
    bench.stderr.close()
    assert bench.wait(timeout=120) == 0
    assert "Traceback" not in stderr and "BrokenPipeError" not in stderr
