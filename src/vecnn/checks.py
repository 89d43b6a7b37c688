"""The lab's checks: run a learner's function on small whole-number cases and say what is wrong.

Every check prints one verdict and never raises: "All checks passed", or "Not yet." with the
first thing that is wrong, in words, and what to change. Called with hint=True, a check adds a
more concrete hint for that same problem, still without the solution's code.

    check_dense_loop(fn)   exercise 1: my_dense_loop(a_in, W, b, g), one example, one unit at a time
    check_dense(fn)        exercise 2: my_dense(A_in, W, B, g), a batch in one matrix product
    check_shapes(answers)  exercise 3: the shape quiz
    check_speed(loop, fn)  exercise 5: both layers timed on the digit network's first layer
    check_sequential(fn)   exercise 6: my_sequential(A_in, layers, g), a whole network
"""

from __future__ import annotations

from typing import Any

from vecnn.batch_exercise import BATCH
from vecnn.exercise import Exercise, Problem
from vecnn.learner import Layer, name_of, said
from vecnn.loop_exercise import LOOP
from vecnn.network_exercise import NETWORK
from vecnn.quiz import check_shapes
from vecnn.timing import check_speed
from vecnn.trial import Trial

__all__ = [
    "check_dense",
    "check_dense_loop",
    "check_sequential",
    "check_shapes",
    "check_speed",
    "done",
]


def check_dense_loop(fn: Layer, hint: bool = False) -> None:
    """Exercise 1: print the first wrong step of a one-example loop layer, or that all passed.

    Args:
        fn: the learner's my_dense_loop(a_in, W, b, g=sigmoid), returning shape (j,).
        hint: also print a more concrete hint for the problem found.
    """
    _report(LOOP, fn, hint)


def check_dense(fn: Layer, hint: bool = False) -> None:
    """Exercise 2: print the first wrong step of a vectorized batch layer, or that all passed.
    A layer that loops over the examples, the units or the inputs does not pass.

    Args:
        fn: the learner's my_dense(A_in, W, B, g=sigmoid), returning shape (m, j).
        hint: also print a more concrete hint for the problem found.
    """
    _report(BATCH, fn, hint)


def check_sequential(fn: Layer, hint: bool = False) -> None:
    """Exercise 6: print the first wrong step of a whole network, or that all passed.

    Args:
        fn: the learner's my_sequential(A_in, layers, g=sigmoid), where layers is a list of
            (W, b) pairs and each layer's output is the next layer's input.
        hint: also print a more concrete hint for the problem found.
    """
    _report(NETWORK, fn, hint)


def done(dense_loop_fn: Layer, dense_fn: Layer) -> bool:
    """Whether both of the lab's layers pass their checks; if not, say which to finish first."""
    for number, exercise, fn in [(1, LOOP, dense_loop_fn), (2, BATCH, dense_fn)]:
        if _first_problem(exercise, fn) is not None:
            print(
                f"This cell uses {name_of(fn)}, which does not pass its check yet: finish "
                f"exercise {number} first."
            )
            return False
    return True


def _first_problem(exercise: Exercise, fn: Any) -> Problem | None:
    """The first step fn gets wrong, in the order the function computes; None if none."""
    if not callable(fn):
        return Problem(
            f"The check needs your function itself, as in checks.check_...({exercise.name}), but "
            f"it got a {type(fn).__name__}.",
            f"Pass the name {exercise.name} without parentheses: the check calls it.",
        )
    trial = Trial(exercise, fn)
    try:
        return next((problem for step in exercise.steps if (problem := step(trial))), None)
    except Exception as err:  # a case the checks did not foresee: still a sentence
        return Problem(
            f"The check could not make sense of what {trial.name} did ({said(err)}). Run it "
            "on the lecture's layer yourself and look at what it returns.",
            "Return a NumPy array of floats, of the shape the exercise asks for.",
        )


def _report(exercise: Exercise, fn: Any, hint: bool) -> None:
    """Print the verdict. Never raises: in a notebook, a sentence reads better than a traceback."""
    problem = _first_problem(exercise, fn)
    if problem is None:
        print(
            f"All checks passed: {exercise.product}, the bias, the activation and the shape "
            "are right."
        )
        return
    print(f"Not yet. {problem.message}")
    if hint:
        print(f"Hint: {problem.hint or 'the message above is as concrete as it gets.'}")
    elif problem.hint:
        print("Stuck? Run the check again with hint=True for a more concrete hint.")
