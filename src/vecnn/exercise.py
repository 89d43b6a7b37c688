"""One exercise of the lab: what it asks for, and what a step that checks it returns.

An Exercise says what the lab asks for: the function's name, whether it takes a batch, what to
do first, what its checks look at, and the steps that check it, in the order the function
computes. Every step takes a Trial of the learner's function (trial.py) and returns a Problem
(what is wrong in words, and a more concrete hint) or None.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from vecnn.trial import Trial


@dataclass(frozen=True)
class Problem:
    """What is wrong and what to change, in words; then a more concrete hint, still no code."""

    message: str
    hint: str  # empty when the message is already as concrete as it gets


@dataclass(frozen=True)
class Exercise:
    """What the lab asks for, and how to check it."""

    name: str  # the function the learner writes, as the notebook names it
    batch: bool  # True: one example per row of A_in; False: one example, a 1-D a_in
    first_step: Problem  # for a function that still raises NotImplementedError
    product: str  # what the success message names first: "the dot product", ...
    steps: tuple[Callable[[Trial], Problem | None], ...]
    errors: Callable[[BaseException], Problem | None]  # the errors this exercise's mistakes raise
