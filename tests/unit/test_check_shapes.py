"""Exercise 3, the shape quiz: a wrong answer is marked wrong with a reason, never the right shape."""

import numpy as np
import pytest

from vecnn import checks

# The right shapes, from NumPy itself on arrays of the quiz's shapes.
A_in, W, B, x = np.ones((5, 3)), np.ones((3, 4)), np.ones((1, 4)), np.ones(3)
RIGHT = {
    "A_in @ W": (A_in @ W).shape,
    "A_in @ W + B": (A_in @ W + B).shape,
    "x @ W": (x @ W).shape,
    "W.T": W.T.shape,
    "x.T": x.T.shape,
    "W[:, 0]": W[:, 0].shape,
    "A_in[0]": A_in[0].shape,
}
WRONG = {  # a likely wrong answer for each, and the words its reason must contain
    "A_in @ W": ((3, 4), "The first dimension is off"),
    "A_in @ W + B": ((1, 4), "adding B, a single row, to every row"),
    "x @ W": ((1, 4), "It has fewer dimensions than that"),
    "W.T": ((3, 4), "Both dimensions are off"),
    "x.T": ((3, 1), "a 1-D array has only one dimension, so .T has nothing to swap"),
    "W[:, 0]": ((3, 1), "an integer index drops its axis"),
    "A_in[0]": ((1, 3), "an integer index drops its axis"),
}


def printed(answers, capsys):
    checks.check_shapes(answers)
    return capsys.readouterr().out


def test_the_right_answers_pass(capsys):
    assert printed(RIGHT, capsys) == "All 7 shapes right.\n"
    assert printed(RIGHT | {"W.T": [4, 3]}, capsys) == "All 7 shapes right.\n"


@pytest.mark.parametrize("expr", list(RIGHT))
def test_one_wrong_entry_is_explained_without_the_right_shape(expr, capsys):
    answer, words = WRONG[expr]
    out = printed(RIGHT | {expr: answer}, capsys)
    assert out.startswith("Not yet: 6 of 7 right.\n") and f"{expr}: not {answer}." in out
    assert words in out, out
    assert str(RIGHT[expr]) not in out, f"the right shape of {expr} was given away: {out}"
    assert "run the check again" in out


@pytest.mark.parametrize(
    "answers, words",
    [
        (None, "they are a NoneType"),
        ({}, "The shape quiz is not answered"),
        (RIGHT | {"W.T": "(4, 3)"}, "W.T: you wrote the string '(4, 3)'; write a tuple of numbers"),
        (
            RIGHT | {"x.T": 3},
            "x.T: you wrote the number 3; a shape is a tuple, even with one entry",
        ),
        (RIGHT | {"W.T": (4.0, 3)}, "W.T: you wrote (4.0, 3); a shape is a tuple of whole numbers"),
        (RIGHT | {"W.T": True}, "W.T: you wrote True; a shape is a tuple of whole numbers"),
        (RIGHT | {"W.T": None}, "Predict these shapes too: W.T."),
    ],
)
def test_each_kind_of_bad_answer_is_explained(answers, words, capsys):
    out = printed(answers, capsys)
    assert out.startswith("Not yet") and words in out, out
