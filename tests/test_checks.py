"""The lab's checks: each broken implementation gets its own plain-words message."""

import numpy as np
import pytest

from vecnn import checks, dense, dense_loop, sigmoid

# --- dense_loop: the right one and five broken ones ------------------------------------------


def loop_right(a_in, W, b, g=sigmoid):
    a_out = np.zeros(W.shape[1])
    for j in range(W.shape[1]):
        a_out[j] = g(np.dot(W[:, j], a_in) + b[j])
    return a_out


def loop_no_bias(a_in, W, b, g=sigmoid):
    return np.array([g(np.dot(W[:, j], a_in)) for j in range(W.shape[1])])


def loop_no_activation(a_in, W, b, g=sigmoid):
    return np.array([np.dot(W[:, j], a_in) + b[j] for j in range(W.shape[1])])


def loop_transposed(a_in, W, b, g=sigmoid):
    return np.array([g(np.dot(W[j, :], a_in) + b[j]) for j in range(W.shape[1])])


def loop_skips_last_unit(a_in, W, b, g=sigmoid):
    a_out = np.zeros(W.shape[1])
    for j in range(W.shape[1] - 1):
        a_out[j] = g(np.dot(W[:, j], a_in) + b[j])
    return a_out


def loop_column_output(a_in, W, b, g=sigmoid):
    return loop_right(a_in, W, b, g).reshape(-1, 1)  # (j, 1)


def loop_fixed_sigmoid(a_in, W, b, g=sigmoid):
    return loop_right(a_in, W, b, sigmoid)


def test_the_right_loop_passes(capsys):
    checks.check_dense_loop(loop_right)
    checks.check_dense_loop(dense_loop)
    assert "All checks passed" in capsys.readouterr().out


@pytest.mark.parametrize(
    "broken, message",
    [
        (
            loop_no_bias,
            "Check the bias term: with b = [10, -10] the output should be [17, 0], but no bias was added. Add b[j] to unit j's z.",
        ),
        (
            loop_no_activation,
            "Apply the activation function: with g(z) = 2z the output should be [34, 0], but you returned z itself; return g(z) instead.",
        ),
        (
            loop_transposed,
            "W is used transposed: for x = [1, 2] and W = [[1, 2], [3, 4]] you got [5, 11], which is x @ W.T.",
        ),
        (
            loop_skips_last_unit,
            "The last unit is skipped: for x = [1, 2] and W = [[1, 2], [3, 4]] the output should be [7, 10], but you got [7, 0].",
        ),
        (loop_column_output, "Check the output shape: expected (2,), got (2, 1)"),
        (
            loop_fixed_sigmoid,
            "Use the g that was passed in: called with g(z) = z, loop_fixed_sigmoid returned [0.9991, 1.0], the sigmoid of the right z [7, 10].",
        ),
    ],
    ids=lambda v: getattr(v, "__name__", "message"),
)
def test_each_broken_loop_gets_its_own_message(broken, message, capsys):
    assert message in checks.diagnose_dense_loop(broken)
    checks.check_dense_loop(broken)  # prints, never raises: no traceback in a notebook
    printed = capsys.readouterr().out
    assert printed.startswith("Not yet. " + message.split(":")[0]) and "All checks" not in printed


def test_a_loop_that_raises_is_reported_not_crashed():
    def typo(a_in, W, b, g=sigmoid):
        return undefined_name  # noqa: F821

    assert (
        checks.diagnose_dense_loop(typo)
        == "typo raised NameError: name 'undefined_name' is not defined"
    )


# --- dense: the right one and broken ones ----------------------------------------------------


def dense_right(A_in, W, B, g=sigmoid):
    return g(np.matmul(A_in, W) + B)


def dense_no_bias(A_in, W, B, g=sigmoid):
    return g(np.matmul(A_in, W))


def dense_no_activation(A_in, W, B, g=sigmoid):
    return np.matmul(A_in, W) + B


def dense_transposed_W(A_in, W, B, g=sigmoid):
    return g(A_in @ W.T + B)


def dense_transposed_output(A_in, W, B, g=sigmoid):
    return g(A_in @ W + B).T


def dense_column_output(A_in, W, B, g=sigmoid):
    return g(A_in @ W + B)[:, :1].reshape(-1, 1)[: W.shape[1]]  # (j, 1)


def dense_elementwise(A_in, W, B, g=sigmoid):
    return g(A_in * W + B)


def test_the_right_dense_passes(capsys):
    checks.check_dense(dense_right)
    checks.check_dense(dense)
    assert "All checks passed" in capsys.readouterr().out


@pytest.mark.parametrize(
    "broken, message",
    [
        (
            dense_no_bias,
            "Check the bias term: with b = [10, -10] the output should be [[17, 0], [24, 10]], but no bias was added.",
        ),
        (
            dense_no_activation,
            "Apply the activation function: with g(z) = 2z the output should be [[34, 0], [48, 20]], but you returned z itself; return g(z) instead.",
        ),
        (
            dense_transposed_W,
            "W is used transposed: for x = [1, 2] and W = [[1, 2], [3, 4]] you got [[5, 11], [10, 22]], which is x @ W.T.",
        ),
        (
            dense_transposed_output,
            "The output is transposed: for x = [1, 2] and W = [[1, 2], [3, 4]] it should be [[7, 10], [14, 20]], one row per example, but you got [[7, 14], [10, 20]], one row per unit.",
        ),
        (
            dense_column_output,
            "Check the output shape: expected (2, 2), got (2, 1): it is a column",
        ),
        (dense_elementwise, "Check the dot product"),
    ],
    ids=lambda v: getattr(v, "__name__", "message"),
)
def test_each_broken_dense_gets_its_own_message(broken, message):
    assert message in checks.diagnose_dense(broken)


def test_transposed_output_is_named_when_the_shapes_differ():
    def three_units_transposed(A_in, W, B, g=sigmoid):
        return dense_right(A_in, W, B, g).T

    # the lab case has 2 examples and 2 units; give W a third unit so (j, m) != (m, j)
    diagnosis = checks.Diagnosis(three_units_transposed, batch=True, first_step="")
    out, problem = diagnosis.run(
        np.array([1, 2]), np.ones((2, 3), dtype=int), np.zeros(3, dtype=int), checks.linear
    )
    assert (
        problem
        == "Check the output shape: expected (2, 3), got (3, 2): it is transposed: one row per unit instead of one row per example."
    )


# --- the shape quiz --------------------------------------------------------------------------


def test_the_quiz_answers_are_computed():
    assert checks.quiz_shapes() == {
        "A_in @ W": (5, 4),
        "A_in @ W + B": (5, 4),
        "x @ W": (4,),
        "W.T": (4, 3),
        "x.T": (3,),
        "W[:, 0]": (3,),
        "A_in[0]": (3,),
    }


def test_a_wrong_prediction_is_explained(capsys):
    checks.check_shapes(checks.quiz_shapes() | {"x.T": (3, 1)})
    assert (
        "x.T: you said (3, 1), it is (3,): a 1-D array has nothing to swap"
        in capsys.readouterr().out
    )
    checks.check_shapes(checks.quiz_shapes())
    assert "All 7 shapes right." in capsys.readouterr().out


def test_a_missing_prediction_is_named(capsys):
    checks.check_shapes({k: v for k, v in checks.quiz_shapes().items() if k != "W.T"})
    assert "Predict these shapes too: W.T." in capsys.readouterr().out
