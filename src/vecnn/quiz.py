"""The lab's shape quiz: predict the shape of each expression, then check the predictions."""

from __future__ import annotations

from typing import Any

import numpy as np

# Each expression, on A_in (5, 3), W (3, 4), B (1, 4) and x (3,), with why it has its shape.
QUIZ = {
    "A_in @ W": "rows of A_in (examples) by columns of W (units)",
    "A_in @ W + B": "B's single row is added to every row",
    "x @ W": "a 1-D vector times a matrix gives a 1-D vector, one value per unit",
    "W.T": "a transpose swaps the two dimensions",
    "x.T": "a 1-D array has nothing to swap: .T does nothing",
    "W[:, 0]": "one column of W: the weights of unit 0, one per input",
    "A_in[0]": "one row of A_in: the first example's inputs",
}


def quiz_shapes() -> dict[str, tuple[int, ...]]:
    """The quiz's answers, computed by evaluating each expression on arrays of those shapes."""
    names = {
        "np": np,
        "A_in": np.ones((5, 3)),  # (m, n)
        "W": np.ones((3, 4)),  # (n, j)
        "B": np.ones((1, 4)),  # (1, j)
        "x": np.ones(3),  # (n,)
    }
    return {expr: np.shape(eval(expr, names)) for expr in QUIZ}  # our own strings, not input


def mistake(expr: str, answer: Any, shape: tuple[int, ...]) -> str | None:
    """What is wrong with one predicted shape, or None if it is right."""
    if isinstance(answer, str):
        return f"{expr}: you wrote the string {answer!r}; write the tuple {shape} itself, without quotes."
    if isinstance(answer, int | np.integer):
        return f"{expr}: you wrote the number {answer}; a shape is a tuple, even with one entry: ({answer},)."
    if not isinstance(answer, tuple | list) or not all(
        isinstance(n, int | np.integer) for n in answer
    ):
        return f"{expr}: you wrote {answer!r}; a shape is a tuple of whole numbers, such as (5, 4)."
    if tuple(answer) != shape:
        return f"{expr}: you said {tuple(answer)}, it is {shape}: {QUIZ[expr]}."
    return None


def check_shapes(answers: Any) -> None:
    """Compare predicted shapes with the real ones and print what is wrong with each.
    Never raises: in a notebook, a sentence reads better than a traceback."""
    real = quiz_shapes()
    if not isinstance(answers, dict):
        print(
            f"Not yet. The answers must be a dict from each expression to its shape, such as "
            f'{{"W.T": (4, 3)}}, but they are a {type(answers).__name__}.'
        )
        return
    if all(answers.get(expr) is None for expr in real):
        print(
            "Not yet. The shape quiz is not answered: replace each None with the shape you "
            "predict, such as (5, 4)."
        )
        return
    missing = [expr for expr in real if answers.get(expr) is None]
    wrong = [
        m
        for expr, shape in real.items()
        if expr not in missing and (m := mistake(expr, answers[expr], shape))
    ]
    if missing:
        wrong.append(f"Predict these shapes too: {', '.join(missing)}.")
    if wrong:
        print("Not yet.\n  " + "\n  ".join(wrong))
        return
    print(f"All {len(real)} shapes right.")
