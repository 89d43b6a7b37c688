"""The lab's checks: a gallery of wrong layers, each with the words its message must contain."""

import numpy as np
import pytest

from vecnn import checks, dense, dense_loop, sigmoid

# --- exercise 1, the loop over units: right, then wrong in the ways learners get it wrong -------


def loop_right(a_in, W, b, g=sigmoid):
    a_out = np.zeros(W.shape[1])
    for j in range(W.shape[1]):
        a_out[j] = g(np.dot(W[:, j], a_in) + b[j])
    return a_out


def loop_stub(a_in, W, b, g=sigmoid):
    raise NotImplementedError("my_dense_loop is not written yet")


def loop_whole_W(a_in, W, b, g=sigmoid):
    a_out = np.zeros(W.shape[1])
    for j in range(W.shape[1]):
        a_out[j] = g(np.dot(W, a_in) + b[j])
    return a_out


def loop_whole_b(a_in, W, b, g=sigmoid):
    a_out = np.zeros(W.shape[1])
    for j in range(W.shape[1]):
        a_out[j] = g(np.dot(W[:, j], a_in) + b)
    return a_out


def loop_no_sum(a_in, W, b, g=sigmoid):
    a_out = np.zeros(W.shape[1])
    for j in range(W.shape[1]):
        a_out[j] = g(W[:, j] * a_in + b[j])
    return a_out


def loop_over_inputs(a_in, W, b, g=sigmoid):
    a_out = np.zeros(W.shape[1])
    for j in range(W.shape[0]):
        a_out[j] = g(np.dot(W[:, j], a_in) + b[j])
    return a_out


def loop_all_units_inside(a_in, W, b, g=sigmoid):
    a_out = np.zeros(W.shape[1])
    for j in range(W.shape[1]):
        a_out[j] = g(a_in @ W + b[j])
    return a_out


def loop_row_of_W(a_in, W, b, g=sigmoid):
    return np.array([g(np.dot(W[j, :], a_in) + b[j]) for j in range(W.shape[1])])


def loop_skips_last_unit(a_in, W, b, g=sigmoid):
    a_out = np.zeros(W.shape[1])
    for j in range(W.shape[1] - 1):
        a_out[j] = g(np.dot(W[:, j], a_in) + b[j])
    return a_out


def loop_no_bias(a_in, W, b, g=sigmoid):
    return np.array([g(np.dot(W[:, j], a_in)) for j in range(W.shape[1])])


def loop_no_activation(a_in, W, b, g=sigmoid):
    return np.array([np.dot(W[:, j], a_in) + b[j] for j in range(W.shape[1])])


def loop_g_twice(a_in, W, b, g=sigmoid):
    return np.array([g(g(np.dot(W[:, j], a_in) + b[j])) for j in range(W.shape[1])])


def loop_fixed_sigmoid(a_in, W, b, g=sigmoid):
    return loop_right(a_in, W, b, sigmoid)


def loop_integer_output(a_in, W, b, g=sigmoid):
    a_out = np.zeros(W.shape[1], dtype=int)  # (j,)
    for j in range(W.shape[1]):
        a_out[j] = g(np.dot(W[:, j], a_in) + b[j])
    return a_out


def loop_forgot_return(a_in, W, b, g=sigmoid):
    loop_right(a_in, W, b, g)


def loop_column(a_in, W, b, g=sigmoid):
    return loop_right(a_in, W, b, g).reshape(-1, 1)  # (j, 1)


LOOPS = [
    (loop_whole_W, "the whole W was multiplied by a_in"),
    (loop_whole_b, "all of b was added to unit j's z"),
    (loop_no_sum, "each weight times its input, not yet added up"),
    (loop_over_inputs, "runs once per input instead of once per unit"),
    (loop_all_units_inside, "every unit's z at once"),
    (loop_row_of_W, "read from a row of W instead of a column"),
    (loop_skips_last_unit, "The last unit is skipped"),
    (loop_no_bias, "as if no bias was added"),
    (loop_no_activation, "which is z itself"),
    (loop_g_twice, "Apply the activation once"),
    (loop_fixed_sigmoid, "Use the g that was passed in"),
    (loop_integer_output, "returned whole numbers"),
    (loop_forgot_return, "returned None: did you forget the `return` line?"),
    (loop_column, "it is a column; return a 1-D array"),
]


def verdict(check, fn, capsys, **kwargs):
    """What the check prints, which must be a verdict and never a traceback."""
    check(fn, **kwargs)
    return capsys.readouterr().out


@pytest.mark.parametrize("fn, words", LOOPS, ids=lambda v: getattr(v, "__name__", ""))
def test_each_wrong_loop_gets_its_named_fix(fn, words, capsys):
    printed = verdict(checks.check_dense_loop, fn, capsys)
    first = printed.splitlines()[0]
    assert first.startswith("Not yet. ") and words in first, printed
    assert "All checks passed" not in printed
    assert "Python said" not in first or first.index("Python said") > first.index(words)


def test_the_right_loops_pass(capsys):
    for fn in (loop_right, dense_loop):
        assert verdict(checks.check_dense_loop, fn, capsys) == (
            "All checks passed: the dot product, the bias, the activation and the shape are right.\n"
        )


# --- exercise 2, the vectorized layer --------------------------------------------------------


def dense_right(A_in, W, B, g=sigmoid):
    return g(np.matmul(A_in, W) + B)


def dense_stub(A_in, W, B, g=sigmoid):
    raise NotImplementedError("my_dense is not written yet")


def dense_elementwise(A_in, W, B, g=sigmoid):
    return g(A_in * W + B)


def dense_wrong_order(A_in, W, B, g=sigmoid):
    return g(np.matmul(W, A_in) + B)


def dense_transposed_W(A_in, W, B, g=sigmoid):
    return g(A_in @ W.T + B)


def dense_transposed_output(A_in, W, B, g=sigmoid):
    return g(A_in @ W + B).T


def dense_first_example_only(A_in, W, B, g=sigmoid):
    return g(np.tile(A_in[0] @ W, (len(A_in), 1)) + B)


def dense_bias_as_column(A_in, W, B, g=sigmoid):
    return g(A_in @ W + B.T)


def dense_no_activation(A_in, W, B, g=sigmoid):
    return A_in @ W + B


def dense_over_examples(A_in, W, B, g=sigmoid):
    return np.stack([g(a_in @ W + B[0]) for a_in in A_in])


def dense_over_examples_one_g(A_in, W, B, g=sigmoid):
    Z = np.zeros((A_in.shape[0], W.shape[1]))
    for i in range(A_in.shape[0]):
        Z[i] = A_in[i] @ W
    return g(Z + B)


def dense_over_units(A_in, W, B, g=sigmoid):
    return g(np.stack([A_in @ W[:, j] for j in range(W.shape[1])], axis=1) + B)


def dense_over_inputs(A_in, W, B, g=sigmoid):
    Z = np.zeros((A_in.shape[0], W.shape[1]))
    for i in range(W.shape[0]):
        Z += np.outer(A_in[:, i], W[i])
    return g(Z + B)


DENSES = [
    (dense_elementwise, "multiplied entry by entry, not as a matrix product"),
    (dense_wrong_order, "in the wrong order"),
    (dense_transposed_W, "W is used transposed"),
    (dense_transposed_output, "one row per unit instead of one row per example"),
    (dense_first_example_only, "Every row is the first example's output"),
    (dense_bias_as_column, "added down the columns"),
    (dense_no_activation, "which is z itself"),
    (dense_over_examples, "loops over the examples"),
    (dense_over_examples_one_g, "loops over the examples"),
    (dense_over_units, "loops over the units"),
    (dense_over_inputs, "loops over the inputs"),
]


@pytest.mark.parametrize("fn, words", DENSES, ids=lambda v: getattr(v, "__name__", ""))
def test_each_wrong_batch_layer_gets_a_message_about_the_batch(fn, words, capsys):
    first = verdict(checks.check_dense, fn, capsys).splitlines()[0]
    assert first.startswith("Not yet. ") and words in first, first
    for loop_words in ("unit j", "a_in =", "range("):
        assert loop_words not in first, f"a batch message talks about the loop: {first}"


def test_the_right_batch_layers_pass(capsys):
    def with_at(A_in, W, B, g=sigmoid):
        Z = A_in @ W + B  # (m, j)
        return g(Z)

    def with_einsum(A_in, W, B, g=sigmoid):
        return g(np.einsum("mn,nj->mj", A_in, W) + B)

    for fn in (dense_right, dense, with_at, with_einsum):
        assert verdict(checks.check_dense, fn, capsys).startswith(
            "All checks passed: the matrix product"
        ), fn.__name__


# --- the first message names the step in words; the hint is more concrete ----------------------


@pytest.mark.parametrize(
    "check, stub", [(checks.check_dense_loop, loop_stub), (checks.check_dense, dense_stub)]
)
def test_a_stubs_first_message_names_the_step_without_code(check, stub, capsys):
    message, stuck = verdict(check, stub, capsys).splitlines()
    assert message.startswith(f"Not yet. {stub.__name__} is not written yet. Step 1 is ")
    for code in ("np.", "W[", "range", "@", "matmul", "=", "`", "shape", "zeros"):
        assert code not in message, f"{code!r} gives code away: {message}"
    assert stuck == "Stuck? Run the check again with hint=True for a more concrete hint."
    message_again, hint = verdict(check, stub, capsys, hint=True).splitlines()
    assert message_again == message and hint.startswith("Hint: ")
    assert ("W[:, j]" if check is checks.check_dense_loop else "np.matmul(A_in, W)") in hint
    assert "return g(np.matmul" not in hint and "a_out[j] = g(" not in hint


def test_every_named_mistake_has_a_hint(capsys):
    for check, gallery in [(checks.check_dense_loop, LOOPS), (checks.check_dense, DENSES)]:
        for fn, _ in gallery:
            printed = verdict(check, fn, capsys, hint=True).splitlines()
            assert printed[1].startswith("Hint: ") and len(printed[1]) > 15, (fn.__name__, printed)


def test_a_raw_numpy_error_comes_after_the_sentence(capsys):
    def dense_transposed_W_4_inputs(A_in, W, B, g=sigmoid):
        return g(A_in @ W + B) if W.shape[0] == 2 else g(A_in @ W.T + B)

    first = verdict(checks.check_dense, dense_transposed_W_4_inputs, capsys).splitlines()[0]
    assert first.startswith("Not yet. The matrix product's sizes do not fit: the batch comes first")
    assert first.endswith(")") and "(Python said: ValueError: matmul: Input operand 1" in first
