"""Exercise 3, the shape quiz: predict the shape of each expression, then check the predictions.

A wrong prediction is marked wrong with the reason in general terms (which dimension is off,
and why the expression has the shape it has), never with the right shape: the learner can
think again and retry. The right shapes are in the page's folded solution.
"""

from __future__ import annotations

from typing import Any

import numpy as np

# Each expression, on A_in (5, 3), W (3, 4), B (1, 4) and x (3,), with why it has its shape.
QUIZ = {
    "A_in @ W": "a matrix product keeps the rows of its left operand (the examples) and the "
    "columns of its right one (the units)",
    "A_in @ W + B": "adding B, a single row, to every row leaves the shape of A_in @ W as it is",
    "x @ W": "a 1-D vector times a matrix is a 1-D vector, one value per column of W",
    "W.T": "a transpose swaps the two dimensions",
    "x.T": "a 1-D array has only one dimension, so .T has nothing to swap",
    "W[:, 0]": "an integer index drops its axis: one column of W is a 1-D array, one weight per "
    "row of W",
    "A_in[0]": "an integer index drops its axis: one row of A_in is a 1-D array, one value per "
    "column of A_in",
}
ORDINAL = ("first", "second", "third")


def _answers() -> dict[str, tuple[int, ...]]:
    """The right shapes, found by evaluating each expression on arrays of the quiz's shapes."""
    names = {
        "A_in": np.ones((5, 3)),  # (m, n)
        "W": np.ones((3, 4)),  # (n, j)
        "B": np.ones((1, 4)),  # (1, j)
        "x": np.ones(3),  # (n,)
    }
    return {expr: np.shape(eval(expr, {}, names)) for expr in QUIZ}  # our own strings only


def _mistake(expr: str, answer: Any, shape: tuple[int, ...]) -> str | None:
    """What is wrong with one predicted shape, without saying the right one; None if right."""
    if isinstance(answer, str):
        return f"{expr}: you wrote the string {answer!r}; write a tuple of numbers, without quotes."
    if isinstance(answer, bool) or not isinstance(answer, int | np.integer | tuple | list):
        return f"{expr}: you wrote {answer!r}; a shape is a tuple of whole numbers, such as (2, 7)."
    if isinstance(answer, int | np.integer):
        return f"{expr}: you wrote the number {answer}; a shape is a tuple, even with one entry: ({answer},)."
    if not all(isinstance(n, int | np.integer) and not isinstance(n, bool) for n in answer):
        return f"{expr}: you wrote {answer!r}; a shape is a tuple of whole numbers, such as (2, 7)."
    said = tuple(int(n) for n in answer)
    if said == shape:
        return None
    return f"{expr}: not {said}. {_off(said, shape)}; {QUIZ[expr]}."


def _off(said: tuple[int, ...], shape: tuple[int, ...]) -> str:
    """Which part of a wrong shape is off, in words."""
    if len(said) > len(shape):
        return "It has fewer dimensions than that"
    if len(said) < len(shape):
        return "It has more dimensions than that"
    if len(shape) == 1:
        return "Its length is off"
    wrong = [ORDINAL[i] for i, (a, b) in enumerate(zip(said, shape, strict=True)) if a != b]
    if len(wrong) == len(shape):
        return "Both dimensions are off" if len(shape) == 2 else "Every dimension is off"
    return f"The {' and '.join(wrong)} dimension is off"


def check_shapes(answers: Any) -> None:
    """Compare predicted shapes with the real ones and print what is wrong with each.
    Never raises: in a notebook, a sentence reads better than a traceback."""
    real = _answers()
    if not isinstance(answers, dict):
        print(
            "Not yet. The answers must be a dict from each expression to its shape, such as "
            f'{{"x": (3,)}}, but they are a {type(answers).__name__}.'
        )
        return
    if all(answers.get(expr) is None for expr in real):
        print(
            "Not yet. The shape quiz is not answered: replace each None with the shape you "
            "predict, such as (2, 7)."
        )
        return
    missing = [expr for expr in real if answers.get(expr) is None]
    wrong = [
        m
        for expr, shape in real.items()
        if expr not in missing and (m := _mistake(expr, answers[expr], shape))
    ]
    if wrong or missing:
        right = len(real) - len(missing) - len(wrong)
        lines = wrong + ([f"Predict these shapes too: {', '.join(missing)}."] if missing else [])
        print(f"Not yet: {right} of {len(real)} right.\n  " + "\n  ".join(lines))
        print("Think again about the ones named, then run the check again.")
        return
    print(f"All {len(real)} shapes right.")
