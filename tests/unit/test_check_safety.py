"""The checks never raise and never hang: whatever the learner's code does becomes a sentence."""

import subprocess
import sys
import time

import numpy as np
import pytest

from vecnn import checks, learner, sigmoid


def first_line(check, fn, capsys):
    check(fn)
    printed = capsys.readouterr().out
    assert "Traceback" not in printed
    return printed.splitlines()[0]


class NeedsGrad:
    """Like a tensor that requires grad: NumPy cannot read it."""

    def __array__(self, dtype=None, copy=None):
        raise RuntimeError("Can't call numpy() on Tensor that requires grad.")


def returns_a_tensor(A_in, W, B, g=sigmoid):
    return NeedsGrad()


def returns_huge(A_in, W, B, g=sigmoid):
    return np.full((A_in.shape[0], W.shape[1]), 1e300)


def exits(a_in, W, b, g=sigmoid):
    sys.exit(1)


class Custom(BaseException):
    pass


def raises_base_exception(a_in, W, b, g=sigmoid):
    raise Custom("not an Exception")


def typo(a_in, W, b, g=sigmoid):
    return undefined_name  # noqa: F821


def strings(a_in, W, b, g=sigmoid):
    return [str(g(np.dot(W[:, j], a_in) + b[j])) for j in range(W.shape[1])]


def ragged(a_in, W, b, g=sigmoid):
    return [[1.0], [1.0, 2.0]]


def infinite(a_in, W, b, g=sigmoid):
    return np.full(W.shape[1], np.inf)


@pytest.mark.parametrize(
    "check, fn, words",
    [
        (checks.check_dense, returns_a_tensor, "returned a NeedsGrad that NumPy cannot read"),
        (checks.check_dense, returns_huge, "[[1e+300, 1e+300], [1e+300, 1e+300]]"),
        (checks.check_dense_loop, exits, "stopped with an error before returning"),
        (checks.check_dense_loop, raises_base_exception, "(Python said: Custom: not an Exception)"),
        (checks.check_dense_loop, typo, "uses a name that is not defined"),
        (checks.check_dense_loop, strings, "returned text (list)"),
        (checks.check_dense_loop, ragged, "returned a list that NumPy cannot read as an array"),
        (checks.check_dense_loop, infinite, "returned inf or nan in 2 of 2 entries"),
        (checks.check_dense, 42, "The check needs your function itself"),
        (checks.check_dense, lambda A_in, W: A_in @ W, "keep the signature the exercise gives"),
    ],
    ids=lambda v: getattr(v, "__name__", str(v)[:20]),
)
def test_whatever_the_function_does_becomes_one_sentence(check, fn, words, capsys):
    first = first_line(check, fn, capsys)  # warnings are errors here: no cast warning either
    assert first.startswith("Not yet. ") and words in first, first


def test_a_keyboard_interrupt_still_stops_the_check():
    def interrupted(a_in, W, b, g=sigmoid):
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        checks.check_dense_loop(interrupted)


def test_a_function_that_mutates_its_arguments_cannot_corrupt_the_cases(capsys):
    from vecnn.cases import W

    def mutates_W(a_in, W, b, g=sigmoid):
        out = g(W.T @ a_in + b)
        W[:] = 0
        return out

    before = W.copy()
    checks.check_dense_loop(mutates_W)
    capsys.readouterr()
    np.testing.assert_array_equal(W, before)
    assert first_line(checks.check_dense_loop, checks_right_loop, capsys).startswith("All checks")


def checks_right_loop(a_in, W, b, g=sigmoid):
    return np.array([g(np.dot(W[:, j], a_in) + b[j]) for j in range(W.shape[1])])


def test_a_loop_that_never_ends_is_stopped_and_said(monkeypatch, capsys):
    def never_returns(a_in, W, b, g=sigmoid):
        while True:
            time.sleep(0.01)

    monkeypatch.setattr(learner, "TIMEOUT", 0.2)
    first = first_line(checks.check_dense_loop, never_returns, capsys)
    assert "did not return within 0.2 seconds" in first and "so the check stopped it" in first


def test_a_loop_that_cannot_be_stopped_is_said_to_be_still_running(monkeypatch, capsys):
    stop = []

    def stubborn(a_in, W, b, g=sigmoid):
        while not stop:
            try:
                time.sleep(0.01)
            except BaseException:  # swallows the check's attempt to stop it
                pass

    monkeypatch.setattr(learner, "TIMEOUT", 0.2)
    try:
        first = first_line(checks.check_dense_loop, stubborn, capsys)
    finally:
        stop.append(True)
    assert "The kernel is still running it in the background" in first
    assert "Kernel > Interrupt" in first and "Kernel > Restart" in first


def test_a_vectorized_layer_passes_while_both_cores_are_busy(capsys):
    """Loops are found by counting lines, not by timing: load cannot fail a right answer."""
    burn = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(3)]
    try:
        for _ in range(3):
            checks.check_dense(lambda A_in, W, B, g=sigmoid: g(A_in @ W + B))
            assert capsys.readouterr().out.startswith("All checks passed"), "failed under load"
    finally:
        for process in burn:
            process.kill()
            process.wait()
