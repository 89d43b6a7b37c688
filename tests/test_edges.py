"""The edges: empty arrays, what g returns, sigmoid's own checks, odd objects, learner code that
misbehaves, and the benchmark's command line. Each case gives a right answer or one clear error."""

from __future__ import annotations

import subprocess
import sys
import time

import numpy as np
import pytest

from vecnn import checks, dense, dense_loop, learner, sigmoid
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


# --- vecnn.checks cannot be broken by the code it checks -------------------------------------


def forgot_return(a_in, W, b, g=sigmoid):
    np.array([g(np.dot(W[:, j], a_in) + b[j]) for j in range(W.shape[1])])


def strings(a_in, W, b, g=sigmoid):
    return [str(g(np.dot(W[:, j], a_in) + b[j])) for j in range(W.shape[1])]


def ragged(a_in, W, b, g=sigmoid):
    return [[1.0], [1.0, 2.0]]


def infinite(a_in, W, b, g=sigmoid):
    return np.full(W.shape[1], np.inf)


def float32_right(a_in, W, b, g=sigmoid):
    z = (W.T.astype(np.float32) @ a_in.astype(np.float32)) + b.astype(np.float32)  # (j,)
    return np.asarray(g(z), dtype=np.float32)


def integer_output(a_in, W, b, g=sigmoid):
    a_out = np.zeros(W.shape[1], dtype=int)  # (j,)
    for j in range(W.shape[1]):
        a_out[j] = g(np.dot(W[:, j], a_in) + b[j])
    return a_out


def mutates_W(a_in, W, b, g=sigmoid):
    out = g(W.T @ a_in + b)
    W[:] = 0
    return out


def never_returns(a_in, W, b, g=sigmoid):
    while True:
        time.sleep(0.01)


@pytest.mark.parametrize(
    "fn, message",
    [
        (forgot_return, "forgot_return returned None: did you forget the `return` line?"),
        (strings, "strings returned <U"),
        (ragged, "ragged returned a ragged list; return one array of shape (2,)."),
        (infinite, "infinite returned inf or nan in 2 of 2 entries"),
        (integer_output, "integer_output returned int64 numbers, so the sigmoid's"),
    ],
)
def test_what_a_learners_function_returns_becomes_one_sentence(fn, message):
    problem = checks.diagnose_dense_loop(fn)
    assert problem.startswith(message), problem
    assert "\n" not in problem


def test_a_right_answer_in_float32_passes(capsys):
    assert checks.diagnose_dense_loop(float32_right) is None


def test_a_function_that_mutates_W_cannot_corrupt_the_examples(capsys):
    before = checks.W.copy()
    checks.check_dense_loop(mutates_W)
    np.testing.assert_array_equal(checks.W, before)
    checks.check_dense_loop(dense_loop)
    assert capsys.readouterr().out.splitlines()[-1].startswith("All checks passed")


def test_a_function_that_never_returns_is_stopped(monkeypatch):
    monkeypatch.setattr(learner, "TIMEOUT", 0.2)
    problem = checks.diagnose_dense_loop(never_returns)
    assert problem.startswith("never_returns did not return within") and "never ends" in problem


def test_a_stub_is_not_written_yet():
    def my_dense(A_in, W, B, g=sigmoid):
        raise NotImplementedError("my_dense is not written yet")

    assert checks.diagnose_dense(my_dense).startswith(
        "my_dense is not written yet: replace the `raise NotImplementedError` line with one matrix product"
    )


@pytest.mark.parametrize(
    "answers, words",
    [
        (None, "they are a NoneType"),
        ({}, "The shape quiz is not answered"),
        (
            checks.quiz_shapes() | {"W.T": "(4, 3)"},
            "W.T: you wrote the string '(4, 3)'; write the tuple (4, 3) itself",
        ),
        (
            checks.quiz_shapes() | {"x.T": 3},
            "x.T: you wrote the number 3; a shape is a tuple, even with one entry: (3,).",
        ),
        (
            checks.quiz_shapes() | {"W.T": (4.0, 3)},
            "W.T: you wrote (4.0, 3); a shape is a tuple of whole numbers",
        ),
        (checks.quiz_shapes() | {"W.T": None}, "Predict these shapes too: W.T."),
    ],
)
def test_each_kind_of_bad_quiz_answer_is_explained(answers, words, capsys):
    checks.check_shapes(answers)
    printed = capsys.readouterr().out
    assert printed.startswith("Not yet.") and words in printed, printed


def test_a_quiz_answer_given_as_a_list_counts(capsys):
    checks.check_shapes(checks.quiz_shapes() | {"W.T": [4, 3]})
    assert capsys.readouterr().out == "All 7 shapes right.\n"


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
