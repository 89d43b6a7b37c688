"""The lab's shape quiz: predict the shape of each expression, then check the predictions."""

from __future__ import annotations

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


def check_shapes(answers: dict[str, tuple[int, ...]]) -> None:
    """Compare predicted shapes with the real ones; explain each wrong one."""
    real = quiz_shapes()
    missing = [expr for expr in real if expr not in answers]
    wrong = [
        f"  {expr}: you said {answers[expr]}, it is {shape}: {QUIZ[expr]}."
        for expr, shape in real.items()
        if expr in answers and tuple(answers[expr]) != shape
    ]
    assert not missing, f"Predict these shapes too: {', '.join(missing)}"
    assert not wrong, "Not quite:\n" + "\n".join(wrong)
    print(f"All {len(real)} shapes right.")
